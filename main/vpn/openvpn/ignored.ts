// Directives NetworkManager-openvpn's importer skips without a word. Tunnelbar skips them too (the
// profile must equal nmcli's) but reports each line. `harmless` marks lines whose effect
// NetworkManager or its plugin provides by itself, so nothing is lost; a UI may fold those away.

interface Ignored {
  harmless: boolean;
  message: string;
}

const byPlugin = (what: string): Ignored => ({
  harmless: true,
  message: `NetworkManager-openvpn always handles ${what} itself`,
});

const NOT_NEEDED: Ignored = {
  harmless: true,
  message: 'has no effect on a client run by NetworkManager',
};

const TABLE: Readonly<Record<string, Ignored>> = {
  nobind: byPlugin('the local port (it passes --nobind)'),
  'persist-key': byPlugin('key persistence (it passes --persist-key)'),
  'persist-tun': byPlugin('the tunnel device (it passes --persist-tun)'),
  'auth-nocache': byPlugin('password caching (it passes --auth-nocache)'),
  'script-security': byPlugin('scripts (it passes --script-security 2 for its helper)'),
  pull: byPlugin('pulling options from the server (--client implies --pull)'),
  'auth-retry': byPlugin('failed logins (it asks again through NetworkManager)'),
  'explicit-exit-notify': byPlugin('exit notification for UDP remotes'),
  'resolv-retry': byPlugin('retrying name resolution'),
  user: byPlugin('dropping privileges (it runs openvpn as nm-openvpn)'),
  group: byPlugin('dropping privileges (it runs openvpn as nm-openvpn)'),
  topology: byPlugin('the address the server assigns'),
  'route-noexec': byPlugin('routes (NetworkManager installs them)'),
  'ifconfig-noexec': byPlugin('addresses (NetworkManager configures them)'),
  verb: NOT_NEEDED,
  mute: NOT_NEEDED,
  'mute-replay-warnings': NOT_NEEDED,
  status: NOT_NEEDED,
  log: NOT_NEEDED,
  'log-append': NOT_NEEDED,
  writepid: NOT_NEEDED,
  daemon: NOT_NEEDED,
  'persist-remote-ip': NOT_NEEDED,
  'persist-local-ip': NOT_NEEDED,
  'ignore-unknown-option': NOT_NEEDED,
  'block-outside-dns': { harmless: true, message: 'is a Windows-only option' },
  'register-dns': { harmless: true, message: 'is a Windows-only option' },
  'ip-win32': { harmless: true, message: 'is a Windows-only option' },
  'route-method': { harmless: true, message: 'is a Windows-only option' },
  'dhcp-release': { harmless: true, message: 'is a Windows-only option' },
  'dhcp-renew': { harmless: true, message: 'is a Windows-only option' },
  'connect-retry': byPlugin('reconnecting'),
  'connect-retry-max': byPlugin('reconnecting'),
  'redirect-gateway': {
    harmless: false,
    message:
      'is not imported: NetworkManager sends all traffic through the VPN unless ' +
      'ipv4.never-default is set, whatever the server pushes',
  },
  'dhcp-option': {
    harmless: false,
    message:
      'is not imported: only DNS servers and domains pushed by the server are used ' +
      '(add them to the profile by hand if the server does not push them)',
  },
  'route-nopull': {
    harmless: false,
    message: 'is not imported: routes pushed by the server are still applied',
  },
  'pull-filter': {
    harmless: false,
    message: 'is not imported: every option the server pushes is accepted',
  },
  'route-ipv6': { harmless: false, message: 'is not imported: IPv6 routes are not supported' },
  'ifconfig-ipv6': { harmless: false, message: 'is not imported: the IPv6 address is not set' },
  'route-metric': { harmless: false, message: 'is not imported: NetworkManager picks the metric' },
  'data-ciphers-fallback': {
    harmless: false,
    message:
      'is not supported by NetworkManager-openvpn 1.10.2; connecting to a server older than ' +
      'OpenVPN 2.4 may fail',
  },
  'static-challenge': {
    harmless: false,
    message: 'is not supported by NetworkManager-openvpn 1.10.2: the one-time code is not asked',
  },
  askpass: {
    harmless: false,
    message: 'is not imported: the private key password is asked when connecting',
  },
  'remote-cert-ku': {
    harmless: false,
    message: 'is not imported: the server certificate key usage is not checked',
  },
  'remote-cert-eku': {
    harmless: false,
    message: 'is not imported: the server certificate extended key usage is not checked',
  },
  'tls-groups': { harmless: false, message: 'is not imported: OpenVPN picks the TLS groups' },
  'tls-ciphersuites': {
    harmless: false,
    message: 'is not imported: OpenVPN picks the TLS 1.3 cipher suites',
  },
  'tls-cert-profile': {
    harmless: false,
    message: 'is not imported: the default certificate profile is used',
  },
  setenv: { harmless: false, message: 'is not imported: the variable is not set' },
};

const SCRIPTS = new Set([
  'up',
  'down',
  'route-up',
  'route-pre-down',
  'ipchange',
  'tls-verify',
  'learn-address',
  'client-connect',
  'client-disconnect',
]);

/** The warning for a directive the importer drops. */
export function ignoredDirective(name: string): Ignored {
  const known = Object.hasOwn(TABLE, name) ? TABLE[name] : undefined;
  if (known !== undefined) return known;
  if (SCRIPTS.has(name)) {
    return { harmless: false, message: 'is not imported: NetworkManager never runs scripts' };
  }
  return {
    harmless: false,
    message: 'is not supported by NetworkManager-openvpn 1.10.2 and is not imported',
  };
}
