// The vpn.data and vpn.secrets keys NetworkManager-openvpn 1.10.2 knows (its valid_properties and
// valid_secrets tables; reference §7.2). The plugin fails the activation of a profile that carries
// any other key, and newer plugins know more keys, so this list is the single gate every importer
// and editor path must pass before writing vpn.data.

export const OPENVPN_SERVICE_TYPE = 'org.freedesktop.NetworkManager.openvpn';

export const OPENVPN_DATA_KEYS = [
  'allow-compression',
  'allow-pull-fqdn',
  'auth',
  'ca',
  'cert',
  'cipher',
  'comp-lzo',
  'compress',
  'connect-timeout',
  'connection-type',
  'crl-verify-dir',
  'crl-verify-file',
  'data-ciphers',
  'dev',
  'dev-type',
  'extra-certs',
  'float',
  'fragment-size',
  'http-proxy-username',
  'key',
  'keysize',
  'local-ip',
  'max-routes',
  'mssfix',
  'mtu-disc',
  'ncp-disable',
  'ns-cert-type',
  'ping',
  'ping-exit',
  'ping-restart',
  'port',
  'proto-tcp',
  'proxy-port',
  'proxy-retry',
  'proxy-server',
  'proxy-type',
  'push-peer-info',
  'remote',
  'remote-cert-tls',
  'remote-ip',
  'remote-random',
  'remote-random-hostname',
  'reneg-seconds',
  'static-key',
  'static-key-direction',
  'ta',
  'ta-dir',
  'tap-dev',
  'tls-cipher',
  'tls-crypt',
  'tls-crypt-v2',
  'tls-remote',
  'tls-version-max',
  'tls-version-min',
  'tls-version-min-or-highest',
  'tun-ipv6',
  'tunnel-mtu',
  'username',
  'verify-x509-name',
  'password-flags',
  'cert-pass-flags',
  'http-proxy-password-flags',
  'no-secret',
] as const;

export type OpenVpnDataKey = (typeof OPENVPN_DATA_KEYS)[number];

export const OPENVPN_SECRET_KEYS = [
  'password',
  'cert-pass',
  'http-proxy-password',
  'no-secret',
] as const;

export type OpenVpnSecretKey = (typeof OPENVPN_SECRET_KEYS)[number];

const DATA_KEY_SET: ReadonlySet<string> = new Set(OPENVPN_DATA_KEYS);
const SECRET_KEY_SET: ReadonlySet<string> = new Set(OPENVPN_SECRET_KEYS);

export function isOpenVpnDataKey(key: string): key is OpenVpnDataKey {
  return DATA_KEY_SET.has(key);
}

export function isOpenVpnSecretKey(key: string): key is OpenVpnSecretKey {
  return SECRET_KEY_SET.has(key);
}

/** Keys whose value is a file path stored "utf8safe"-escaped (the plugin unescapes them). */
export const ESCAPED_PATH_KEYS = [
  'ca',
  'cert',
  'key',
  'extra-certs',
  'ta',
  'tls-crypt',
  'tls-crypt-v2',
  'static-key',
] as const satisfies readonly OpenVpnDataKey[];

/** Keys whose value names a file (crl-verify-file is stored as is, without escaping). */
export const FILE_KEYS = [...ESCAPED_PATH_KEYS, 'crl-verify-file'] as const;
export type OpenVpnFileKey = (typeof FILE_KEYS)[number];

const FILE_KEY_SET: ReadonlySet<string> = new Set(FILE_KEYS);
export function isOpenVpnFileKey(key: string): key is OpenVpnFileKey {
  return FILE_KEY_SET.has(key);
}

/** The inline block tags the importer accepts, and the vpn.data key each one fills. */
export const INLINE_TAGS = {
  ca: 'ca',
  cert: 'cert',
  key: 'key',
  'extra-certs': 'extra-certs',
  'crl-verify': 'crl-verify-file',
  'tls-auth': 'ta',
  'tls-crypt': 'tls-crypt',
  'tls-crypt-v2': 'tls-crypt-v2',
  secret: 'static-key',
  pkcs12: 'cert',
} as const satisfies Record<string, OpenVpnFileKey>;

export type InlineTag = keyof typeof INLINE_TAGS;

export function isInlineTag(tag: string): tag is InlineTag {
  return Object.prototype.hasOwnProperty.call(INLINE_TAGS, tag);
}

/** Drops every key the 1.10.2 plugin does not know (a guard for profiles that came from elsewhere). */
export function knownDataOnly(data: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) if (isOpenVpnDataKey(k)) out[k] = v;
  return out;
}
