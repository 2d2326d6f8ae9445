/**
 * NetworkManager's reasons (NMActiveConnectionStateReason, also used by VpnStateChanged) as a
 * stable word for scripts and a sentence for people, saying what to do where there is something.
 */

import type { ReasonView } from '../../preload/tunnel-types';
import { reasonStrings } from './reason-strings';

export type ReasonWord =
  | 'unknown'
  | 'none'
  | 'user-disconnected'
  | 'device-disconnected'
  | 'service-stopped'
  | 'ip-config-invalid'
  | 'connect-timeout'
  | 'service-start-timeout'
  | 'service-start-failed'
  | 'no-secrets'
  | 'login-failed'
  | 'connection-removed'
  | 'dependency-failed'
  | 'device-realize-failed'
  | 'device-removed'
  // Failures of the ActivateConnection call itself, before any state exists.
  | 'unknown-connection'
  | 'connection-not-available'
  | 'permission-denied'
  | 'missing-plugin'
  | 'interface-creation-failed'
  | 'nm-not-running'
  | 'activation-failed';

export type Reason = ReasonView<ReasonWord>;

/** NetworkManager's reason codes, in order (code 0 is unknown). */
const BY_CODE = [
  'unknown',
  'none',
  'user-disconnected',
  'device-disconnected',
  'service-stopped',
  'ip-config-invalid',
  'connect-timeout',
  'service-start-timeout',
  'service-start-failed',
  'no-secrets',
  'login-failed',
  'connection-removed',
  'dependency-failed',
  'device-realize-failed',
  'device-removed',
] as const satisfies readonly ReasonWord[];

export function reasonFromCode(code: number): Reason {
  const word = BY_CODE[code];
  if (word === undefined) {
    return { word: 'unknown', code, sentence: reasonStrings.unknownCode(code) };
  }
  return { word, code, sentence: reasonStrings.byWord[word] };
}

/** Reasons that mean "someone asked for this", not a failure. */
export function isDeliberateStop(code: number): boolean {
  return code === 2;
}

function missingPlugin(serviceType: string): Reason {
  const short = serviceType.split('.').pop() ?? serviceType;
  return {
    word: 'missing-plugin',
    code: null,
    sentence: reasonStrings.missingPlugin(short),
  };
}

/** Maps a D-Bus error returned by ActivateConnection to a reason; NetworkManager's text helps. */
export function reasonFromActivationError(errorName: string, text: string): Reason {
  const reason = (word: ReasonWord, sentence: string): Reason => ({ word, code: null, sentence });
  switch (errorName) {
    case 'org.freedesktop.NetworkManager.UnknownConnection':
      return reason('unknown-connection', reasonStrings.unknownConnection);
    case 'org.freedesktop.NetworkManager.PermissionDenied':
      return reason('permission-denied', reasonStrings.permissionDenied);
    case 'org.freedesktop.NetworkManager.MissingPlugin':
      return missingPlugin(/'([^']+)'/.exec(text)?.[1] ?? reasonStrings.thisVpnType);
    case 'org.freedesktop.NetworkManager.ConnectionNotAvailable': {
      // NetworkManager 1.42 says "not available" when the VPN's plugin is missing, and names it.
      const plugin = /VPN service '([^']+)' was not installed/.exec(text)?.[1];
      if (plugin !== undefined) return missingPlugin(plugin);
      return reason('connection-not-available', reasonStrings.notAvailable(text));
    }
    case 'org.freedesktop.NetworkManager.Device.CreationFailed':
      return reason('interface-creation-failed', reasonStrings.creationFailed(text));
    case 'org.freedesktop.DBus.Error.ServiceUnknown':
      return reason('nm-not-running', reasonStrings.nmNotRunning);
    default:
      return reason('activation-failed', reasonStrings.refused(text));
  }
}
