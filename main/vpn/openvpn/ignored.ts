// Directives NetworkManager-openvpn's importer skips without a word. Tunnelbar skips them too (the
// profile must equal nmcli's) but reports each line. `harmless` marks lines whose effect
// NetworkManager or its plugin provides by itself, so nothing is lost; a UI may fold those away.

import { importErrorStrings as m } from '../import-errors-strings';

interface Ignored {
  harmless: boolean;
  /** The warning, naming the directive as written. */
  message: (name: string) => string;
}

type Handles = keyof typeof m.handles;

const byPlugin = (what: Handles): Ignored => ({
  harmless: true,
  message: (name) => m.ignored.byPlugin(name, m.handles[what]),
});

const NOT_NEEDED: Ignored = { harmless: true, message: (name) => m.ignored.notNeeded(name) };
const WINDOWS_ONLY: Ignored = { harmless: true, message: (name) => m.ignored.windowsOnly(name) };

/** A directive dropped with something lost: the sentence says what. */
const lost = (key: Exclude<keyof typeof m.ignored, 'unshown' | 'byPlugin'>): Ignored => ({
  harmless: false,
  message: (name) => m.ignored[key](name),
});

const TABLE: Readonly<Record<string, Ignored>> = {
  nobind: byPlugin('localPort'),
  'persist-key': byPlugin('keyPersistence'),
  'persist-tun': byPlugin('tunDevice'),
  'auth-nocache': byPlugin('passwordCaching'),
  'script-security': byPlugin('scripts'),
  pull: byPlugin('pull'),
  'auth-retry': byPlugin('authRetry'),
  'explicit-exit-notify': byPlugin('exitNotify'),
  'resolv-retry': byPlugin('resolvRetry'),
  user: byPlugin('privileges'),
  group: byPlugin('privileges'),
  topology: byPlugin('address'),
  'route-noexec': byPlugin('routes'),
  'ifconfig-noexec': byPlugin('addresses'),
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
  'block-outside-dns': WINDOWS_ONLY,
  'register-dns': WINDOWS_ONLY,
  'ip-win32': WINDOWS_ONLY,
  'route-method': WINDOWS_ONLY,
  'dhcp-release': WINDOWS_ONLY,
  'dhcp-renew': WINDOWS_ONLY,
  'connect-retry': byPlugin('reconnecting'),
  'connect-retry-max': byPlugin('reconnecting'),
  'redirect-gateway': lost('redirectGateway'),
  'dhcp-option': lost('dhcpOption'),
  'route-nopull': lost('routeNopull'),
  'pull-filter': lost('pullFilter'),
  'route-ipv6': lost('routeIpv6'),
  'ifconfig-ipv6': lost('ifconfigIpv6'),
  'route-metric': lost('routeMetric'),
  'data-ciphers-fallback': lost('cipherFallback'),
  'static-challenge': lost('staticChallenge'),
  askpass: lost('askpass'),
  'remote-cert-ku': lost('certKu'),
  'remote-cert-eku': lost('certEku'),
  'tls-groups': lost('tlsGroups'),
  'tls-ciphersuites': lost('tlsCiphersuites'),
  'tls-cert-profile': lost('tlsCertProfile'),
  setenv: lost('setenv'),
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
    return lost('script');
  }
  return lost('unsupported');
}
