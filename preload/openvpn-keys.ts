// NetworkManager-openvpn's vpn.data and vpn.secrets keys with the values each takes: one table for
// the importer's directives (main/vpn/openvpn/), the editor's gate in main (main/editor/known-keys.ts)
// and the OpenVPN page's checks (renderer/editor/validate-openvpn.ts). It is plain data in preload/
// because the renderer may import only the contract and its own code, and main may import preload/.
//
// Source: NetworkManager-openvpn 1.10.2, read, not copied. The service (src/nm-openvpn-service.c,
// valid_properties / valid_secrets and validate_one_property) fails the activation of a profile
// with a key not in its tables, a boolean that is not yes/no, an integer outside [min, max] (read
// with strtol), or an address key that is not an IPv4 address; every other key takes any string.
// Those bounds are what the plugin accepts, so they are the ranges here. Its importer
// (properties/import-export.c) is narrower for two directives: `tun-mtu` and `fragment` take
// 0..0xffff there (`importMax`), while the service takes 0..G_MAXINT for the keys they fill
// (its GTK editor's spin buttons also stop at 65535). A file with `fragment 70000` is refused by
// nmcli, but a profile with fragment-size=70000 connects.

/** G_MAXINT: the plugin's upper bound for "any non-negative number". */
export const G_MAXINT = 2_147_483_647;

/** An integer key: the service's [min, max]; `importMax` when the importer's bound is lower. */
export interface OpenVpnIntRange {
  kind: 'int';
  min: number;
  max: number;
  importMax?: number;
}

/**
 * What a key takes. `ipv4`: the service's address keys (an IPv4 address). `flags`: the service
 * takes any string, but libnm reads it as NMSettingSecretFlags, a number.
 */
export type OpenVpnValueKind =
  { kind: 'string' } | { kind: 'boolean' } | { kind: 'ipv4' } | { kind: 'flags' } | OpenVpnIntRange;

const STRING = { kind: 'string' } as const;
const BOOLEAN = { kind: 'boolean' } as const;
const IPV4 = { kind: 'ipv4' } as const;
const FLAGS = { kind: 'flags' } as const;

function int(min: number, max: number, importMax?: number): OpenVpnIntRange {
  return importMax === undefined ? { kind: 'int', min, max } : { kind: 'int', min, max, importMax };
}

/** Every vpn.data key the 1.10.2 service knows (valid_properties), with what it takes. */
export const OPENVPN_DATA_KEY_VALUES = {
  'allow-compression': STRING,
  'allow-pull-fqdn': BOOLEAN,
  auth: STRING,
  ca: STRING,
  cert: STRING,
  cipher: STRING,
  'comp-lzo': STRING,
  compress: STRING,
  'connect-timeout': int(0, G_MAXINT),
  'connection-type': STRING,
  'crl-verify-dir': STRING,
  'crl-verify-file': STRING,
  'data-ciphers': STRING,
  dev: STRING,
  'dev-type': STRING,
  'extra-certs': STRING,
  float: BOOLEAN,
  'fragment-size': int(0, G_MAXINT, 0xffff),
  'http-proxy-username': STRING,
  key: STRING,
  keysize: int(1, 65_535),
  'local-ip': IPV4,
  'max-routes': int(0, 100_000_000),
  mssfix: STRING,
  'mtu-disc': STRING,
  'ncp-disable': BOOLEAN,
  'ns-cert-type': STRING,
  ping: int(0, G_MAXINT),
  'ping-exit': int(0, G_MAXINT),
  'ping-restart': int(0, G_MAXINT),
  port: int(1, 65_535),
  'proto-tcp': BOOLEAN,
  'proxy-port': int(1, 65_535),
  'proxy-retry': BOOLEAN,
  'proxy-server': STRING,
  'proxy-type': STRING,
  'push-peer-info': BOOLEAN,
  remote: STRING,
  'remote-cert-tls': STRING,
  'remote-ip': IPV4,
  'remote-random': BOOLEAN,
  'remote-random-hostname': BOOLEAN,
  'reneg-seconds': int(0, G_MAXINT),
  'static-key': STRING,
  'static-key-direction': int(0, 1),
  ta: STRING,
  'ta-dir': int(0, 1),
  'tap-dev': BOOLEAN,
  'tls-cipher': STRING,
  'tls-crypt': STRING,
  'tls-crypt-v2': STRING,
  'tls-remote': STRING,
  'tls-version-max': STRING,
  'tls-version-min': STRING,
  'tls-version-min-or-highest': BOOLEAN,
  'tun-ipv6': STRING,
  'tunnel-mtu': int(0, G_MAXINT, 0xffff),
  username: STRING,
  'verify-x509-name': STRING,
  'password-flags': FLAGS,
  'cert-pass-flags': FLAGS,
  'http-proxy-password-flags': FLAGS,
  'no-secret': STRING,
} as const satisfies Record<string, OpenVpnValueKind>;

export type OpenVpnDataKey = keyof typeof OPENVPN_DATA_KEY_VALUES;

/** The vpn.secrets keys the service knows (valid_secrets); each takes any string. */
export const OPENVPN_SECRET_KEYS = [
  'password',
  'cert-pass',
  'http-proxy-password',
  'no-secret',
] as const;

export type OpenVpnSecretKey = (typeof OPENVPN_SECRET_KEYS)[number];

/** What `key` takes, or undefined for a key the plugin does not know. */
export function openVpnValueKind(key: string): OpenVpnValueKind | undefined {
  return Object.prototype.hasOwnProperty.call(OPENVPN_DATA_KEY_VALUES, key)
    ? OPENVPN_DATA_KEY_VALUES[key as OpenVpnDataKey]
    : undefined;
}

/** The service's range of an integer key, or undefined when the key is not an integer. */
export function openVpnIntRange(key: string): OpenVpnIntRange | undefined {
  const kind = openVpnValueKind(key);
  return kind?.kind === 'int' ? kind : undefined;
}
