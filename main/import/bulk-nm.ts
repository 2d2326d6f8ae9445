// The import's calls to NetworkManager, and what each way of failing means for the files of a
// profile: removed when NetworkManager surely did not take it, kept when it may have (no answer),
// and whether the rest of the import can go on at all.

import { DBusError } from 'dbus-next';
import type { CallOptions } from '../nm/bus';
import type { SettingsDict } from '../nm/dbus-types';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { IFACE, NM_SETTINGS_PATH } from '../nm/names';

/** The part of NmBus the importer uses (a fake in unit tests). */
export interface ImportBus {
  call(opts: CallOptions): Promise<unknown[]>;
}

/**
 * NMSettingsAddConnection2Flags: TO_DISK, as nmcli's import saves the profile; BLOCK_AUTOCONNECT,
 * so that importing does not start anything. The saved profile keeps autoconnect at its default
 * (yes), exactly as nmcli's; the block lasts until the profile is first activated by hand or
 * NetworkManager restarts. nmcli does not block, so a wg-quick import with nmcli brings the
 * tunnel up at once; NetworkManager 1.42 never auto-activates a plugin VPN either way.
 */
export const IMPORT_ADD_FLAGS = 0x1 | 0x20;

/**
 * A call waits behind the others in flight, each slower as NetworkManager holds more profiles:
 * over 25 s (the bus default) was seen at 2,000 profiles on a loaded two-core machine.
 */
const ADD_TIMEOUT_MS = 120_000;

export async function addConnection(bus: ImportBus, settings: SettingsDict): Promise<string> {
  const [path] = await bus.call({
    path: NM_SETTINGS_PATH,
    iface: IFACE.settings,
    member: 'AddConnection2',
    signature: 'a{sa{sv}}ua{sv}',
    body: [settings, IMPORT_ADD_FLAGS, {}],
    timeoutMs: ADD_TIMEOUT_MS,
  });
  return String(path);
}

export async function getSecrets(
  bus: ImportBus,
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

export interface AddFailure {
  message: string;
  /** The rest of the import cannot succeed either: stop starting new files. */
  fatal: boolean;
  /** NetworkManager may have taken the profile after all: keep its files. */
  maybeAdded: boolean;
}

const NM_GONE = new Set([
  'org.freedesktop.DBus.Error.ServiceUnknown',
  'org.freedesktop.DBus.Error.NameHasNoOwner',
  'org.freedesktop.DBus.Error.Disconnected',
]);
const DENIED = new Set([
  // What AddConnection2 answers when polkit says no.
  'org.freedesktop.NetworkManager.Settings.PermissionDenied',
  'org.freedesktop.NetworkManager.PermissionDenied',
  'org.freedesktop.DBus.Error.AccessDenied',
]);

export function classifyAddError(err: unknown): AddFailure {
  if (err instanceof DBusError) {
    if (DENIED.has(err.type)) {
      return {
        message: `permission-denied: NetworkManager does not let this user add profiles (${err.text})`,
        fatal: true,
        maybeAdded: false,
      };
    }
    if (NM_GONE.has(err.type)) {
      return {
        message: 'nm-not-running: NetworkManager went away',
        fatal: true,
        maybeAdded: false,
      };
    }
    if (err.type === 'org.freedesktop.DBus.Error.NoReply') {
      return {
        message: `NetworkManager did not answer; the profile may have been added (${err.text})`,
        fatal: true,
        maybeAdded: true,
      };
    }
    return {
      message: `NetworkManager refused the profile: ${err.text}`,
      fatal: false,
      maybeAdded: false,
    };
  }
  if (err instanceof TunnelbarError && (err.word === 'bus-timeout' || err.word === 'bus-closed')) {
    return {
      message: `${err.word}: ${err.message} The profile may have been added.`,
      fatal: true,
      maybeAdded: true,
    };
  }
  const text = err instanceof Error ? err.message : String(err);
  return { message: `adding the profile failed: ${text}`, fatal: false, maybeAdded: false };
}
