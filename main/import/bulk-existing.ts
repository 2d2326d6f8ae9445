// The profiles an import compares its files with, read once. An import needs no live model: one
// would fetch every profile the import adds a second time, as NetworkManager announces each one.

import { DBusError } from 'dbus-next';
import type { SettingsDict } from '../nm/dbus-types';
import { mapLimited } from '../nm/limited';
import { IFACE, NM_SETTINGS_PATH } from '../nm/names';
import { profileFromSettings } from '../nm/profile';
import type { ExistingProfile } from './bulk-index';
import type { ImportBus } from './bulk-nm';

/** Under the bus's limit of 128 pending replies per connection, as in the model. */
const CALLS_IN_FLIGHT = 48;

/** Every VPN and WireGuard profile NetworkManager holds now (settings without secrets). */
export async function loadExistingProfiles(bus: ImportBus): Promise<ExistingProfile[]> {
  const [paths] = (await bus.call({
    path: NM_SETTINGS_PATH,
    iface: IFACE.settings,
    member: 'ListConnections',
  })) as [string[]];
  const found = await mapLimited(paths, CALLS_IN_FLIGHT, async (path) => {
    try {
      const [settings] = (await bus.call({
        path,
        iface: IFACE.settingsConnection,
        member: 'GetSettings',
      })) as [SettingsDict];
      return profileFromSettings(path, settings);
    } catch (err) {
      // Deleted between the list and the read: nothing to compare with.
      if (err instanceof DBusError && err.type === 'org.freedesktop.DBus.Error.UnknownObject') {
        return null;
      }
      throw err;
    }
  });
  return found.flatMap((p) =>
    p === null ? [] : [{ path: p.path, uuid: p.uuid, id: p.id, settings: p.settings }],
  );
}
