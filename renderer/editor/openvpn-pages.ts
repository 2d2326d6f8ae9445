// The OpenVPN profile's pages after its main one, grouped like nm-connection-editor's advanced
// dialog, and which page shows each vpn.data field (for jumping to the first field with a
// problem). Field ids are `ovpn.<vpn.data key>`.

import { strings } from '../strings';

export type OpenVpnPageId = 'ovpn-advanced' | 'ovpn-security' | 'ovpn-tls' | 'ovpn-proxies';

// Labels are read when shown: this module loads before the window's language is chosen, and a
// text read here at load time would stay English.
function page(id: OpenVpnPageId, label: () => string): { id: OpenVpnPageId; label: string } {
  return {
    id,
    get label() {
      return label();
    },
  };
}

export const OPENVPN_PAGES: readonly { readonly id: OpenVpnPageId; readonly label: string }[] = [
  page('ovpn-advanced', () => strings.ovpn.advanced),
  page('ovpn-security', () => strings.ovpn.security),
  page('ovpn-tls', () => strings.ovpn.tls),
  page('ovpn-proxies', () => strings.ovpn.proxies),
];

/** The vpn.data keys each page edits (the Proxies page removes all of its own for None). */
export const PAGE_KEYS: Record<OpenVpnPageId, readonly string[]> = {
  'ovpn-advanced': [
    'port',
    'proto-tcp',
    'reneg-seconds',
    'compress',
    'comp-lzo',
    'allow-compression',
    'dev-type',
    'dev',
    'tap-dev',
    'tunnel-mtu',
    'fragment-size',
    'mssfix',
    'mtu-disc',
    'float',
    'remote-random',
    'remote-random-hostname',
    'tun-ipv6',
    'max-routes',
    'connect-timeout',
    'ping',
    'ping-exit',
    'ping-restart',
    'push-peer-info',
    'allow-pull-fqdn',
  ],
  'ovpn-security': [
    'cipher',
    'data-ciphers',
    'ncp-disable',
    'auth',
    'keysize',
    'tls-cipher',
    'tls-version-min',
    'tls-version-min-or-highest',
    'tls-version-max',
  ],
  'ovpn-tls': [
    'ta',
    'tls-crypt',
    'tls-crypt-v2',
    'ta-dir',
    'verify-x509-name',
    'tls-remote',
    'remote-cert-tls',
    'ns-cert-type',
    'extra-certs',
    'crl-verify-file',
    'crl-verify-dir',
  ],
  'ovpn-proxies': [
    'proxy-type',
    'proxy-server',
    'proxy-port',
    'proxy-retry',
    'http-proxy-username',
    'http-proxy-password-flags',
  ],
};

const PAGE_OF_KEY = new Map<string, OpenVpnPageId>(
  Object.entries(PAGE_KEYS).flatMap(([page, keys]) =>
    keys.map((k) => [k, page as OpenVpnPageId] as const),
  ),
);

/** The extra page of an `ovpn.<key>` field, or null when it is on the main OpenVPN page. */
export function openVpnPageOfField(field: string): OpenVpnPageId | null {
  if (!field.startsWith('ovpn.')) return null;
  return PAGE_OF_KEY.get(field.slice('ovpn.'.length)) ?? null;
}
