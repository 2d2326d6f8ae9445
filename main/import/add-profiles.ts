// How the import calls AddConnection2 (nm/settings-calls.ts makes the call), and what each way of
// failing means for the files of a profile: removed when NetworkManager surely did not take it,
// kept when it may have (no answer), and whether the rest of the import can go on at all.

import { isDBusError } from '../dbus/connection';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { AddConnection2Flags } from '../nm/names';
import { importErrorStrings as m } from '../vpn/import-errors-strings';

/**
 * TO_DISK, as nmcli's import saves the profile; BLOCK_AUTOCONNECT, so that importing does not
 * start anything. The saved profile keeps autoconnect at its default (yes), exactly as nmcli's;
 * the block lasts until the profile is first activated by hand or NetworkManager restarts. nmcli
 * does not block, so a wg-quick import with nmcli brings the tunnel up at once; NetworkManager
 * 1.42 never auto-activates a plugin VPN either way.
 */
export const IMPORT_ADD_FLAGS = AddConnection2Flags.toDisk | AddConnection2Flags.blockAutoconnect;

/**
 * A call waits behind the others in flight, each slower as NetworkManager holds more profiles:
 * over 25 s (the bus default) was seen at 2,000 profiles on a loaded two-core machine.
 */
export const ADD_TIMEOUT_MS = 120_000;

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
  if (isDBusError(err, DENIED)) {
    return {
      message: m.pipeline.permissionDenied(err.text),
      fatal: true,
      maybeAdded: false,
    };
  }
  if (isDBusError(err, NM_GONE)) {
    return {
      message: m.pipeline.nmGone,
      fatal: true,
      maybeAdded: false,
    };
  }
  if (isDBusError(err, 'org.freedesktop.DBus.Error.NoReply')) {
    return {
      message: m.pipeline.noReply(err.text),
      fatal: true,
      maybeAdded: true,
    };
  }
  if (isDBusError(err)) {
    return {
      message: m.pipeline.nmRefused(err.text),
      fatal: false,
      maybeAdded: false,
    };
  }
  if (err instanceof TunnelbarError && (err.word === 'bus-timeout' || err.word === 'bus-closed')) {
    return {
      message: m.pipeline.busGone(err.word, err.message),
      fatal: true,
      maybeAdded: true,
    };
  }
  const text = err instanceof Error ? err.message : String(err);
  return { message: m.pipeline.addFailed(text), fatal: false, maybeAdded: false };
}
