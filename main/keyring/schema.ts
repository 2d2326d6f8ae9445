import type { StoredProfile } from '../agent/secret-store';

/**
 * nm-applet's keyring schema (also GNOME Shell's and the VPN auth dialogs'): items are found by
 * these attributes, so what Tunnelbar saves they read, and the other way round.
 */
export const NM_SCHEMA = 'org.freedesktop.NetworkManager.Connection';
/** libsecret records the schema in this attribute; searches leave it out (nm-applet does too). */
const SCHEMA_ATTRIBUTE = 'xdg:schema';

export function itemAttributes(
  uuid: string,
  settingName: string,
  key: string,
): Record<string, string> {
  return { 'connection-uuid': uuid, 'setting-name': settingName, 'setting-key': key };
}

/** The attributes a new item gets: the search attributes plus the schema's name. */
export function newItemAttributes(
  uuid: string,
  settingName: string,
  key: string,
): Record<string, string> {
  return { ...itemAttributes(uuid, settingName, key), [SCHEMA_ATTRIBUTE]: NM_SCHEMA };
}

const WHAT: Record<string, string> = {
  password: 'password',
  'cert-pass': 'private key passphrase',
  'http-proxy-password': 'HTTP proxy password',
  'private-key': 'private key',
};

/** What the keyring's own manager (Seahorse) shows, e.g. "VPN password for Work". */
export function itemLabel(profile: StoredProfile, key: string): string {
  const what = WHAT[key] ?? (key.endsWith('.preshared-key') ? 'preshared key' : `secret ${key}`);
  return `${profile.vpnType === 'wireguard' ? 'WireGuard' : 'VPN'} ${what} for ${profile.id}`;
}
