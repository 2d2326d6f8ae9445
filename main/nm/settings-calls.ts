// Every call Tunnelbar makes on NetworkManager's settings (org.freedesktop.NetworkManager.Settings
// and its Settings.Connection objects): the model's reads, the editor's edits, the import's
// pipelined adds, lockdown's profile. Each is one call on the bus and nothing more: no check, no
// wrapping, so that the import's thousands of AddConnection2 in flight cost what a bare call does.
// A refusal comes back as NetworkManager's DBusError; what it means (a sentence, a profile that
// is gone, a fatal import) is for the caller to say.

import type { CallOptions } from './bus';
import type { SettingsDict } from './dbus-types';
import { IFACE, NM_SETTINGS_PATH } from './names';

/** What the settings calls need of NmBus: one method call (a fake in unit tests). */
export interface NmCaller {
  call(opts: CallOptions): Promise<unknown[]>;
}

/** Settings.ListConnections: the object path of every profile this user may see. */
export async function listConnections(bus: NmCaller): Promise<string[]> {
  const [paths] = await bus.call({
    path: NM_SETTINGS_PATH,
    iface: IFACE.settings,
    member: 'ListConnections',
  });
  return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
}

/** Settings.GetConnectionByUuid: the object path of the profile with this uuid. */
export async function getConnectionByUuid(bus: NmCaller, uuid: string): Promise<string> {
  const [path] = await bus.call({
    path: NM_SETTINGS_PATH,
    iface: IFACE.settings,
    member: 'GetConnectionByUuid',
    signature: 's',
    body: [uuid],
  });
  return String(path);
}

/** Settings.AddConnection2 with `flags` (AddConnection2Flags); the new profile's object path. */
export async function addConnection2(
  bus: NmCaller,
  settings: SettingsDict,
  flags: number,
  timeoutMs?: number,
): Promise<string> {
  const [path] = await bus.call({
    path: NM_SETTINGS_PATH,
    iface: IFACE.settings,
    member: 'AddConnection2',
    signature: 'a{sa{sv}}ua{sv}',
    body: [settings, flags, {}],
    timeoutMs,
  });
  return String(path);
}

/** Settings.Connection.GetSettings: the profile without its secrets. */
export async function getSettings(bus: NmCaller, path: string): Promise<SettingsDict> {
  const [settings] = await bus.call({
    path,
    iface: IFACE.settingsConnection,
    member: 'GetSettings',
  });
  return settings as SettingsDict;
}

/** Settings.Connection.GetSecrets of one setting (empty when NetworkManager answers nothing). */
export async function getSecrets(
  bus: NmCaller,
  path: string,
  setting: string,
): Promise<SettingsDict> {
  const [secrets] = await bus.call({
    path,
    iface: IFACE.settingsConnection,
    member: 'GetSecrets',
    signature: 's',
    body: [setting],
  });
  return (secrets ?? {}) as SettingsDict;
}

/**
 * Settings.Connection.Update2 with whole settings and `flags` (Update2Flags). Settings without
 * any secret keep the stored ones (reference §2.3), which every caller relies on unless it sends
 * them all.
 */
export async function update2(
  bus: NmCaller,
  path: string,
  settings: SettingsDict,
  flags: number,
): Promise<void> {
  await bus.call({
    path,
    iface: IFACE.settingsConnection,
    member: 'Update2',
    signature: 'a{sa{sv}}ua{sv}',
    body: [settings, flags, {}],
  });
}

/** Settings.Connection.Delete: the profile and its stored secrets. */
export async function deleteConnection(bus: NmCaller, path: string): Promise<void> {
  await bus.call({ path, iface: IFACE.settingsConnection, member: 'Delete' });
}
