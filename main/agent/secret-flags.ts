import {
  mapArrayProp,
  numberProp,
  stringMapProp,
  stringProp,
  type SettingsDict,
} from '../nm/dbus-types';
import { SecretFlags } from '../nm/names';

/**
 * Which secrets of a profile are agent-owned: the only ones a keyring may hold. Pure. Like
 * nm-applet, "agent-owned" means flags exactly AGENT_OWNED (1): NOT_SAVED (2) is "ask every time",
 * and flags 0 are system-owned secrets NetworkManager keeps in the profile itself.
 */

/** NMSettingSecretFlags of a VPN secret, from `vpn.data` (`<key>-flags`, a decimal string). */
export function vpnSecretFlags(data: Record<string, string>, key: string): number {
  const raw = data[`${key}-flags`];
  const n = raw === undefined ? 0 : Number.parseInt(raw, 10);
  return Number.isNaN(n) ? 0 : n;
}

/** Keys of `settingName` whose flags are exactly AGENT_OWNED. */
export function agentOwnedKeys(connection: SettingsDict, settingName: string): string[] {
  if (settingName === 'vpn') {
    const data = stringMapProp(connection.vpn, 'data');
    return Object.keys(data)
      .filter((k) => k.endsWith('-flags'))
      .map((k) => k.slice(0, -'-flags'.length))
      .filter((key) => vpnSecretFlags(data, key) === SecretFlags.agentOwned);
  }
  if (settingName === 'wireguard')
    return wireguardSecretKeys(connection, (flags) => flags === SecretFlags.agentOwned);
  return [];
}

/**
 * The WireGuard secrets whose flags `pick` accepts (undefined: the setting holds none), as the
 * agent names them: `private-key`, and `peers.<public key>.preshared-key` for each peer.
 */
export function wireguardSecretKeys(
  connection: SettingsDict,
  pick: (flags: number | undefined) => boolean,
): string[] {
  const wg = connection.wireguard;
  const keys: string[] = [];
  if (pick(numberProp(wg, 'private-key-flags'))) keys.push('private-key');
  for (const peer of mapArrayProp(wg, 'peers')) {
    const pk = stringProp(peer, 'public-key');
    if (pk !== undefined && pick(numberProp(peer, 'preshared-key-flags')))
      keys.push(`peers.${pk}.preshared-key`);
  }
  return keys;
}

/** The values worth keeping: agent-owned keys only, non-empty. */
export function agentOwnedValues(
  connection: SettingsDict,
  settingName: string,
  values: Record<string, string>,
): Record<string, string> {
  const owned = new Set(agentOwnedKeys(connection, settingName));
  return Object.fromEntries(
    Object.entries(values).filter(([key, value]) => owned.has(key) && value !== ''),
  );
}
