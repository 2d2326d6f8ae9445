// The few Settings.Connection calls the editor makes, each turning NetworkManager's refusal into
// a sentence. Shared by the profile's own calls (service.ts), the bulk actions and the base
// connections' secondaries (base-connections.ts).

import { DBusError } from 'dbus-next';
import type { CallOptions } from '../nm/bus';
import { getSecrets as readSecrets, type ImportBus } from '../import/bulk-nm';
import type { SettingsDict } from '../nm/dbus-types';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { IFACE } from '../nm/names';

/** The bus the editor calls on: the same part of NmBus the importer uses. */
export type EditorBus = ImportBus;

/** NMSettingsUpdate2Flags / AddConnection2Flags TO_DISK. */
export const TO_DISK = 0x1;

export function onConnection(
  path: string,
  member: string,
  signature?: string,
  body?: unknown[],
): CallOptions {
  return { path, iface: IFACE.settingsConnection, member, signature, body };
}

/** NetworkManager's refusal as a sentence (its texts name the property, never a secret value). */
export async function nm<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof DBusError) {
      throw new TunnelbarError('nm-refused', `NetworkManager refused the change: ${err.text}`);
    }
    throw err;
  }
}

export async function getSettings(bus: EditorBus, path: string): Promise<SettingsDict> {
  const [settings] = await nm(bus.call(onConnection(path, 'GetSettings')));
  return settings as SettingsDict;
}

export function getSecrets(bus: EditorBus, path: string, setting: string): Promise<SettingsDict> {
  return nm(readSecrets(bus, path, setting));
}

/**
 * Update2 to disk with whole settings. Settings without any secret keep the stored ones
 * (reference §2.3), which is what every caller here relies on unless it sends them all.
 */
export async function updateToDisk(
  bus: EditorBus,
  path: string,
  settings: SettingsDict,
): Promise<void> {
  await nm(bus.call(onConnection(path, 'Update2', 'a{sa{sv}}ua{sv}', [settings, TO_DISK, {}])));
}
