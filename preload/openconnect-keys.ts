// NetworkManager-openconnect's vpn.data keys the editor's OpenConnect page sets, and the values the
// plugin (or openconnect, which it hands them to) takes. Shared by the page, which says what is
// wrong next to the field, and by main, which refuses such an edit whatever sent it.

export const OPENCONNECT_SERVICE = 'org.freedesktop.NetworkManager.openconnect';

/** openconnect's --protocol values. */
export const OC_PROTOCOLS = ['anyconnect', 'nc', 'gp', 'pulse', 'f5', 'fortinet', 'array'] as const;

/** stoken_source: the plugin's token modes. */
export const OC_TOKEN_MODES = [
  'disabled',
  'stokenrc',
  'manual',
  'totp',
  'hotp',
  'yubioath',
] as const;

/** The token modes that take a secret (stoken_string), as in the plugin's editor. */
export const OC_TOKEN_MODES_WITH_SECRET: readonly string[] = ['manual', 'totp', 'hotp'];

/** What openconnect accepts as --os; anything else makes it fail. */
export const OC_REPORTED_OS = [
  'linux',
  'linux-64',
  'win',
  'mac-intel',
  'android',
  'apple-ios',
] as const;

/** The plugin fails the connection on a boolean key that is not yes or no. */
const BOOL_KEYS: ReadonlySet<string> = new Set([
  'pem_passphrase_fsid',
  'prevent_invalid_cert',
  'disable_udp',
  'enable_csd_trojan',
]);

/** Keys holding a file: an absolute path (a certificate or key may also be a PKCS#11 URI). */
const FILE_KEYS: ReadonlySet<string> = new Set(['cacert', 'usercert', 'userkey', 'csd_wrapper']);

/**
 * The secrets of one login that the agent hands NetworkManager-openconnect: the session cookie,
 * the gateway it ended at, its certificate's fingerprint and the host:address it reached. The
 * plugin's editor marks them not saved (`<key>-flags=2`), so NetworkManager never writes them into
 * the profile; Tunnelbar's editor does the same on every OpenConnect profile it creates or saves.
 */
export const OC_SESSION_SECRET_KEYS: readonly string[] = ['cookie', 'gateway', 'gwcert', 'resolve'];

/** The only vpn.secrets key the page writes: the token's secret. */
export const OC_SECRET_KEYS: readonly string[] = ['stoken_string'];

function oneOf(value: string, allowed: readonly string[]): string | null {
  return allowed.includes(value) ? null : `it takes one of ${allowed.join(', ')}`;
}

/** Why the plugin would not take `value` for `key`, or null when it does (or the key is not known). */
export function openConnectValueProblem(key: string, value: string): string | null {
  if (BOOL_KEYS.has(key)) return oneOf(value, ['yes', 'no']);
  if (FILE_KEYS.has(key)) {
    const ok = value.startsWith('/') || (key !== 'csd_wrapper' && value.startsWith('pkcs11:'));
    return ok ? null : 'it takes the full path of a file';
  }
  switch (key) {
    case 'gateway':
      return /^[^\s]+$/.test(value) ? null : 'it takes a host name or URL without spaces';
    case 'protocol':
      return oneOf(value, OC_PROTOCOLS);
    case 'stoken_source':
      return oneOf(value, OC_TOKEN_MODES);
    case 'reported_os':
      return oneOf(value, OC_REPORTED_OS);
    case 'proxy':
      return /^(https?|socks5?):\/\/[^\s/]+/.test(value)
        ? null
        : 'it takes a URL such as http://proxy:8080 or socks5://proxy:1080';
    case 'mtu':
      return /^\d{1,5}$/.test(value) && Number(value) >= 576 && Number(value) <= 65_535
        ? null
        : 'it takes a whole number from 576 to 65535';
    default:
      return null;
  }
}
