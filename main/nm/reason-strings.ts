import { defineStrings, fmt } from '../i18n/define';

/**
 * Why a VPN failed and what to do about it, in English: the `reasons.` ids in locales/. The
 * sentences reach the window, the tray's notifications and `tunnelbar up`'s stderr as given.
 */
const english = {
  /** By NetworkManager's reason code, named by its word (main/nm/reasons.ts). */
  byWord: {
    unknown:
      'The VPN failed without saying why. Its log often does: the diagnostics show the plugin’s last lines.',
    none: 'The VPN stopped without a reason given.',
    'user-disconnected': 'The VPN was disconnected on request.',
    'device-disconnected':
      'The network connection the VPN runs over went down. Reconnect to a network, then to the VPN.',
    'service-stopped':
      'The VPN plugin stopped unexpectedly. Try again; if it repeats, its log says why.',
    'ip-config-invalid':
      'The VPN server sent an address configuration NetworkManager could not use. Ask the VPN’s administrator.',
    'connect-timeout':
      'The VPN server did not answer in time. Check the server address and your network, or raise the profile’s timeout.',
    'service-start-timeout':
      'The VPN plugin did not start in time. Check that the plugin is installed and working.',
    'service-start-failed':
      'The VPN plugin refused to start this profile, often because of a setting it does not know. Check the profile’s settings.',
    'no-secrets':
      'No password or other secret was given, so the VPN could not log in. Connect again and enter it.',
    'login-failed': 'The VPN server rejected the login. Check the user name and password.',
    'connection-removed': 'The VPN profile was deleted while it was in use.',
    'dependency-failed': 'A connection this VPN depends on failed.',
    'device-realize-failed':
      'NetworkManager could not create the network interface for this tunnel.',
    'device-removed': 'The network interface of this tunnel disappeared.',
  },
  unknownCode: fmt('The VPN failed (NetworkManager reason {code}).', (code: number) => ({ code })),
  missingPlugin: fmt(
    'The NetworkManager plugin for {short} VPNs is not installed. Install it (on Debian and Ubuntu: network-manager-{short}) and try again.',
    (short: string) => ({ short }),
  ),
  thisVpnType: 'this VPN type',
  unknownConnection:
    'NetworkManager does not know this profile any more; it may have just been deleted.',
  permissionDenied:
    'You are not allowed to control this connection. Ask an administrator, or check the polkit rules for NetworkManager.',
  notAvailable: fmt(
    'The VPN cannot start now: {text} It needs an active network connection to run over.',
    (text: string) => ({ text }),
  ),
  creationFailed: fmt(
    'NetworkManager could not create the tunnel’s network interface ({text}). For WireGuard, check that the kernel has WireGuard support (modprobe wireguard).',
    (text: string) => ({ text }),
  ),
  nmNotRunning: 'NetworkManager is not running. Start it and try again.',
  refused: fmt('NetworkManager refused: {text}', (text: string) => ({ text })),
};

export const reasonStrings = defineStrings('reasons', english);
