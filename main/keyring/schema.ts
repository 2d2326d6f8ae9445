import { OPENCONNECT_FORM_SETTING, type StoredProfile } from '../agent/secret-store';

/**
 * nm-applet's keyring schema (also GNOME Shell's and the VPN auth dialogs'): items are found by
 * these attributes, so what Tunnelbar saves they read, and the other way round.
 */
export const NM_SCHEMA = 'org.freedesktop.NetworkManager.Connection';
/** libsecret records the schema in this attribute; searches leave it out (nm-applet does too). */
const SCHEMA_ATTRIBUTE = 'xdg:schema';

/**
 * NetworkManager-openconnect's auth dialog's own schema for form passwords (OPENCONNECT_FORM_SETTING):
 * `vpn_uuid`, `auth_id` = the form's id, `label` = the field's name.
 */
export const OPENCONNECT_SCHEMA = 'org.freedesktop.NetworkManager.Connection.Openconnect';

/** `form:<form id>:<field name>` split (the name may hold colons); null for another key. */
function formKeyParts(key: string): { form: string; field: string } | null {
  const m = /^form:([^:]+):(.+)$/.exec(key);
  return m?.[1] === undefined || m[2] === undefined ? null : { form: m[1], field: m[2] };
}

export function itemAttributes(
  uuid: string,
  settingName: string,
  key: string,
): Record<string, string> {
  const form = settingName === OPENCONNECT_FORM_SETTING ? formKeyParts(key) : null;
  if (form !== null) return { vpn_uuid: uuid, auth_id: form.form, label: form.field };
  return { 'connection-uuid': uuid, 'setting-name': settingName, 'setting-key': key };
}

/** The attributes a new item gets: the search attributes plus the schema's name. */
export function newItemAttributes(
  uuid: string,
  settingName: string,
  key: string,
): Record<string, string> {
  const schema =
    settingName === OPENCONNECT_FORM_SETTING && formKeyParts(key) !== null
      ? OPENCONNECT_SCHEMA
      : NM_SCHEMA;
  return { ...itemAttributes(uuid, settingName, key), [SCHEMA_ATTRIBUTE]: schema };
}

/** Attributes that find every item of a profile, in each schema the agent writes. */
export function profileAttributes(uuid: string): Record<string, string>[] {
  return [{ 'connection-uuid': uuid }, { vpn_uuid: uuid }];
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
