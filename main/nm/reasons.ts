/**
 * NetworkManager's reasons (NMActiveConnectionStateReason, also used by VpnStateChanged) as a
 * stable word for scripts and a sentence for people, saying what to do where there is something.
 */

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
  | 'nm-not-running'
  | 'activation-failed';

export interface Reason {
  word: ReasonWord;
  /** NetworkManager's numeric reason, when the reason came from NetworkManager's state. */
  code: number | null;
  sentence: string;
}

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

const ACTIVATION_ERRORS: Record<string, readonly [ReasonWord, string]> = {
  'org.freedesktop.NetworkManager.UnknownConnection': [
    'unknown-connection',
    'NetworkManager does not know this profile any more; it may have just been deleted.',
  ],
  'org.freedesktop.NetworkManager.ConnectionNotAvailable': [
    'connection-not-available',
    'The VPN cannot start now: it needs an active network connection to run over.',
  ],
  'org.freedesktop.NetworkManager.PermissionDenied': [
    'permission-denied',
    'You are not allowed to control this connection. Ask an administrator, or check the polkit rules for NetworkManager.',
  ],
  'org.freedesktop.NetworkManager.MissingPlugin': [
    'missing-plugin',
    'The NetworkManager plugin for this VPN type is not installed. Install it (for example network-manager-openvpn) and try again.',
  ],
};

/** Maps a D-Bus error name returned by ActivateConnection to a reason. */
export function reasonFromActivationError(errorName: string, text: string): Reason {
  const entry = ACTIVATION_ERRORS[errorName];
  if (entry !== undefined) return { word: entry[0], code: null, sentence: entry[1] };
  if (errorName === 'org.freedesktop.DBus.Error.ServiceUnknown') {
    return {
      word: 'nm-not-running',
      code: null,
      sentence: 'NetworkManager is not running. Start it and try again.',
    };
  }
  return { word: 'activation-failed', code: null, sentence: `NetworkManager refused: ${text}` };
}
