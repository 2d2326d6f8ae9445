/**
 * NetworkManager's reasons (NMActiveConnectionStateReason, also used by VpnStateChanged) as a
 * stable word for scripts and a sentence for people, saying what to do where there is something.
 */

import type { ReasonView } from '../../preload/tunnel-types';

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

const BY_CODE: readonly (readonly [ReasonWord, string])[] = [
  [
    'unknown',
    'The VPN failed without saying why. Its log often does: the diagnostics show the plugin’s last lines.',
  ],
  ['none', 'The VPN stopped without a reason given.'],
  ['user-disconnected', 'The VPN was disconnected on request.'],
  [
    'device-disconnected',
    'The network connection the VPN runs over went down. Reconnect to a network, then to the VPN.',
  ],
  [
    'service-stopped',
    'The VPN plugin stopped unexpectedly. Try again; if it repeats, its log says why.',
  ],
  [
    'ip-config-invalid',
    'The VPN server sent an address configuration NetworkManager could not use. Ask the VPN’s administrator.',
  ],
  [
    'connect-timeout',
    'The VPN server did not answer in time. Check the server address and your network, or raise the profile’s timeout.',
  ],
  [
    'service-start-timeout',
    'The VPN plugin did not start in time. Check that the plugin is installed and working.',
  ],
  [
    'service-start-failed',
    'The VPN plugin refused to start this profile, often because of a setting it does not know. Check the profile’s settings.',
  ],
  [
    'no-secrets',
    'No password or other secret was given, so the VPN could not log in. Connect again and enter it.',
  ],
  ['login-failed', 'The VPN server rejected the login. Check the user name and password.'],
  ['connection-removed', 'The VPN profile was deleted while it was in use.'],
  ['dependency-failed', 'A connection this VPN depends on failed.'],
  [
    'device-realize-failed',
    'NetworkManager could not create the network interface for this tunnel.',
  ],
  ['device-removed', 'The network interface of this tunnel disappeared.'],
];

export function reasonFromCode(code: number): Reason {
  const entry = BY_CODE[code];
  if (entry === undefined) {
    return { word: 'unknown', code, sentence: `The VPN failed (NetworkManager reason ${code}).` };
  }
  return { word: entry[0], code, sentence: entry[1] };
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
    sentence: `The NetworkManager plugin for ${short} VPNs is not installed. Install it (on Debian and Ubuntu: network-manager-${short}) and try again.`,
  };
}

/** Maps a D-Bus error returned by ActivateConnection to a reason; NetworkManager's text helps. */
export function reasonFromActivationError(errorName: string, text: string): Reason {
  const reason = (word: ReasonWord, sentence: string): Reason => ({ word, code: null, sentence });
  switch (errorName) {
    case 'org.freedesktop.NetworkManager.UnknownConnection':
      return reason(
        'unknown-connection',
        'NetworkManager does not know this profile any more; it may have just been deleted.',
      );
    case 'org.freedesktop.NetworkManager.PermissionDenied':
      return reason(
        'permission-denied',
        'You are not allowed to control this connection. Ask an administrator, or check the polkit rules for NetworkManager.',
      );
    case 'org.freedesktop.NetworkManager.MissingPlugin':
      return missingPlugin(/'([^']+)'/.exec(text)?.[1] ?? 'this VPN type');
    case 'org.freedesktop.NetworkManager.ConnectionNotAvailable': {
      // NetworkManager 1.42 says "not available" when the VPN's plugin is missing, and names it.
      const plugin = /VPN service '([^']+)' was not installed/.exec(text)?.[1];
      if (plugin !== undefined) return missingPlugin(plugin);
      return reason(
        'connection-not-available',
        `The VPN cannot start now: ${text} It needs an active network connection to run over.`,
      );
    }
    case 'org.freedesktop.NetworkManager.Device.CreationFailed':
      return reason(
        'interface-creation-failed',
        `NetworkManager could not create the tunnel's network interface (${text}). For WireGuard, check that the kernel has WireGuard support (modprobe wireguard).`,
      );
    case 'org.freedesktop.DBus.Error.ServiceUnknown':
      return reason('nm-not-running', 'NetworkManager is not running. Start it and try again.');
    default:
      return reason('activation-failed', `NetworkManager refused: ${text}`);
  }
}
