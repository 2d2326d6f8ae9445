import { Variant } from 'dbus-next';
import { mapArrayProp, stringMapProp, stringProp, type SettingsDict } from '../nm/dbus-types';

const PSK_KEY = /^peers\.(.+)\.preshared-key$/;

/** Builds GetSecrets' answer for a setting from the values the person typed. */
export function buildSecretsReply(
  settingName: string,
  values: Record<string, string>,
): SettingsDict {
  if (settingName === 'wireguard') {
    const setting: Record<string, Variant> = {};
    const peers: Record<string, Variant>[] = [];
    for (const [key, value] of Object.entries(values)) {
      const psk = PSK_KEY.exec(key);
      if (key === 'private-key') setting['private-key'] = new Variant('s', value);
      else if (psk?.[1] !== undefined) {
        peers.push({
          'public-key': new Variant('s', psk[1]),
          'preshared-key': new Variant('s', value),
        });
      }
    }
    if (peers.length > 0) setting.peers = new Variant('aa{sv}', peers);
    return { wireguard: setting };
  }
  return { [settingName]: { secrets: new Variant('a{ss}', values) } };
}

/** "Nothing is needed" must still be a non-empty answer, or NetworkManager asks the next agent. */
export function nothingNeededReply(settingName: string): SettingsDict {
  return buildSecretsReply(settingName, { 'no-secret': 'true' });
}

/**
 * The secrets a settings dict carries (SaveSecrets' argument), as `{setting: {key: value}}`, with
 * the same keys GetSecrets' answer uses: `vpn.secrets` entries, and WireGuard's `private-key` and
 * `peers.<public key>.preshared-key`.
 */
export function secretsOfDict(connection: SettingsDict): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  const vpnSecrets = stringMapProp(connection.vpn, 'secrets');
  if (Object.keys(vpnSecrets).length > 0) out.vpn = vpnSecrets;
  const wg = connection.wireguard;
  const values: Record<string, string> = {};
  const privateKey = stringProp(wg, 'private-key');
  if (privateKey !== undefined) values['private-key'] = privateKey;
  for (const peer of mapArrayProp(wg, 'peers')) {
    const pk = stringProp(peer, 'public-key');
    const psk = stringProp(peer, 'preshared-key');
    if (pk !== undefined && psk !== undefined) values[`peers.${pk}.preshared-key`] = psk;
  }
  if (Object.keys(values).length > 0) out.wireguard = values;
  return out;
}
