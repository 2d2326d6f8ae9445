// The profiles an import compares its files with, read once. An import needs no live model: one
// would fetch every profile the import adds a second time, as NetworkManager announces each one.

import { isDBusError } from '../dbus/connection';
import { mapLimited } from '../nm/limited';
import { profileFromSettings } from '../nm/profile';
import { getSettings, listConnections, type NmCaller } from '../nm/settings-calls';
import type { ExistingProfile } from './existing-index';

/** Under the bus's limit of 128 pending replies per connection, as in the model. */
const CALLS_IN_FLIGHT = 48;

/** Every VPN and WireGuard profile NetworkManager holds now (settings without secrets). */
export async function loadExistingProfiles(bus: NmCaller): Promise<ExistingProfile[]> {
  const paths = await listConnections(bus);
  const found = await mapLimited(paths, CALLS_IN_FLIGHT, async (path) => {
    try {
      return profileFromSettings(path, await getSettings(bus, path));
    } catch (err) {
      // Deleted between the list and the read: nothing to compare with.
      if (isDBusError(err, 'org.freedesktop.DBus.Error.UnknownObject')) return null;
      throw err;
    }
  });
  return found.flatMap((p) =>
    p === null ? [] : [{ path: p.path, uuid: p.uuid, id: p.id, settings: p.settings }],
  );
}
