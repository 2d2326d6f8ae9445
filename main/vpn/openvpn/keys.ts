// The vpn.data and vpn.secrets keys NetworkManager-openvpn 1.10.2 knows (its valid_properties and
// valid_secrets tables; reference §7.2), as sets and the file and inline-block keys the importer
// and exporter need. The plugin fails the activation of a profile that carries any other key, and
// newer plugins know more keys, so this list is the single gate every importer and editor path must
// pass before writing vpn.data. The keys and their values are one table in preload/openvpn-keys.ts,
// which the renderer's checks read too.

import {
  OPENVPN_DATA_KEY_VALUES,
  OPENVPN_SECRET_KEYS,
  type OpenVpnDataKey,
  type OpenVpnSecretKey,
} from '../../../preload/openvpn-keys';

export const OPENVPN_SERVICE_TYPE = 'org.freedesktop.NetworkManager.openvpn';

export { OPENVPN_SECRET_KEYS, type OpenVpnDataKey, type OpenVpnSecretKey };

/** The keys of the one table of keys and their values (preload/openvpn-keys.ts). */
export const OPENVPN_DATA_KEYS = Object.keys(OPENVPN_DATA_KEY_VALUES) as readonly OpenVpnDataKey[];

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
