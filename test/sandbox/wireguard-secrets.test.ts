import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SettingsDict } from '../../main/nm/dbus-types';
import { IFACE, NM_SETTINGS_PATH } from '../../main/nm/names';
import { wgSecretsOf } from '../../main/export/export-profile';
import { generatePrivateKey, publicKeyOf } from '../../main/vpn/wireguard/key-pair';
import { ScriptedPrompter } from '../fakes/scripted-prompter';
import { useKeyringWorld } from './infra/keyring-world';
import { v } from '../builders/variant';

// WireGuard secrets requested by the sandbox's real NetworkManager from Tunnelbar's agent, with a
// real gnome-keyring behind it. This kernel cannot make WireGuard links (`ip link add type
// wireguard`: unknown device type) and NetworkManager creates the link before it asks for an
// activation's secrets, so the interactive requests of a connect (ask every time, REQUEST_NEW
// after a rejected key) cannot happen here; those are unit-tested (secret-plan, answer). What
// NetworkManager itself asks, its GetSecrets for a client (the editor's and export's path), is
// answered here from the keyring: the private key and a peer's preshared key.

const prompter = new ScriptedPrompter();
const world = useKeyringWorld('tunnelbar.test.wg', prompter);

/** Adds a WireGuard profile whose secrets carry `flags` and are not in the profile. */
async function addWireguard(
  name: string,
  peerKey: string,
  flags: number,
): Promise<{ uuid: string; path: string }> {
  const uuid = randomUUID();
  const settings: SettingsDict = {
    connection: {
      id: v('s', name),
      uuid: v('s', uuid),
      type: v('s', 'wireguard'),
      'interface-name': v('s', `wg${uuid.slice(0, 6)}`),
      autoconnect: v('b', false),
    },
    wireguard: {
      'private-key-flags': v('u', flags),
      peers: v('aa{sv}', [
        {
          'public-key': v('s', peerKey),
          'preshared-key-flags': v('u', flags),
          'allowed-ips': v('as', ['10.60.0.0/24']),
        },
      ]),
    },
    ipv4: { method: v('s', 'disabled') },
    ipv6: { method: v('s', 'ignore') },
  };
  const [path] = (await world.core.bus.call({
    path: NM_SETTINGS_PATH,
    iface: IFACE.settings,
    member: 'AddConnection',
    signature: 'a{sa{sv}}',
    body: [settings],
  })) as [string];
  return { uuid, path };
}

/** NetworkManager's GetSecrets for the wireguard setting, as a client (nmcli -s) calls it. */
async function nmSecrets(path: string): Promise<SettingsDict> {
  const [secrets] = (await world.core.bus.call({
    path,
    iface: IFACE.settingsConnection,
    member: 'GetSecrets',
    signature: 's',
    body: ['wireguard'],
  })) as [SettingsDict];
  return secrets;
}

describe('WireGuard secrets NetworkManager asks Tunnelbar’s agent for', () => {
  const peerKey = publicKeyOf(generatePrivateKey()) ?? '';
  const privateKey = generatePrivateKey();
  const psk = 'Gq2ZOk1ZbqX0aHK9EGeO1jx2YtGcK/jf2V9QZ7jFu8k=';

  it('agent-owned: the private key and the peer’s preshared key come from the keyring', async () => {
    const { uuid, path } = await addWireguard('tb-wg-saved', peerKey, 1);
    await world.keyring.store(uuid, 'private-key', privateKey, 'wireguard');
    await world.keyring.store(uuid, `peers.${peerKey}.preshared-key`, psk, 'wireguard');
    expect(wgSecretsOf(await nmSecrets(path))).toEqual({
      'private-key': privateKey,
      peers: { [peerKey]: psk },
    });
    expect(prompter.seen).toEqual([]);
  });

  it('ask every time: nothing comes from the keyring, even with a stale item there', async () => {
    const { uuid, path } = await addWireguard('tb-wg-ask', peerKey, 2);
    // An item left by an earlier "saved" setting of the same profile must not answer now.
    await world.keyring.store(uuid, 'private-key', privateKey, 'wireguard');
    // No agent had anything to give: NetworkManager says so.
    await expect(nmSecrets(path)).rejects.toThrow(/No agents were available/);
    // NetworkManager's GetSecrets allows no interaction: no prompt either.
    expect(prompter.seen).toEqual([]);
  });
});
