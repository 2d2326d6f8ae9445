import type { SettingsDict } from '../../../main/nm/dbus-types';
import { findProfile } from '../../../main/nm/actions';
import { IFACE } from '../../../main/nm/names';
import type { World } from './world';

/** GetSettings of a profile, straight from NetworkManager. */
export async function readSettings(w: World, name: string): Promise<SettingsDict> {
  const profile = findProfile(w.harness.core.model, name);
  const [settings] = await w.harness.core.bus.call({
    path: profile.path,
    iface: IFACE.settingsConnection,
    member: 'GetSettings',
  });
  return settings as SettingsDict;
}
