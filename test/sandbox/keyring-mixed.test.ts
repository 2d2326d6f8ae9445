import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activate, deactivate, findProfile, waitForSettled } from '../../main/nm/actions';
import { ScriptedPrompter } from '../fakes/scripted-prompter';
import { useKeyringWorld } from './infra/keyring-world';
import { waitForProfile } from './infra/wait';

// A profile with two secrets of different flags, against a real gnome-keyring and a real
// NetworkManager: the password is agent-owned and saved in the keyring (flags 1), the private
// key's passphrase is "ask every time" (flags 2). The prompt asks only for the passphrase, the
// typed passphrase never reaches the keyring (not even with "Save password" ticked), and the
// tunnel comes up: NetworkManager got both, one from each place.

const prompter = new ScriptedPrompter();
const KEY_PASS = 'mixed-flags-key-passphrase';
const world = useKeyringWorld('tunnelbar.test.mixed', prompter);

/** The client key, encrypted with KEY_PASS (the password server ignores client certificates). */
function encryptedClientKey(): string {
  const path = join(world.sb.dir, 'client-encrypted.key');
  execFileSync('openssl', [
    'pkey',
    '-in',
    world.sb.pki.clientKey,
    '-aes256',
    '-passout',
    `pass:${KEY_PASS}`,
    '-out',
    path,
  ]);
  return path;
}

describe('a prompt beside a saved secret', () => {
  it('asks only for the "ask every time" secret and keeps it out of the keyring', async () => {
    const { uuid, id } = await world.sb.addOpenvpnProfile('password', {
      id: 'tb-mixed',
      passwordFlags: 1,
      extraData: {
        'connection-type': 'password-tls',
        cert: world.sb.pki.clientCert,
        key: encryptedClientKey(),
        'cert-pass-flags': '2',
      },
    });
    await world.keyring.store(uuid, 'password', world.sb.credentials.password);
    await waitForProfile(world.core, uuid, id);
    const profile = findProfile(world.core.model, uuid);
    await activate(world.core.bus, profile);
    const settled = waitForSettled(world.core.model, uuid, { timeoutMs: 60_000 });
    const prompt = await prompter.next();
    expect(prompt.request.fields.map((f) => f.key)).toEqual(['cert-pass']);
    // Nothing asked may be kept: no "Save password".
    expect(prompt.request.canSave).toBe(false);
    // Ticked anyway (a prompter may send anything): still never saved.
    prompt.answer({ 'cert-pass': KEY_PASS }, true);
    expect((await settled).kind).toBe('connected');
    await deactivate(world.core.bus, world.core.model, profile);
    await waitForSettled(world.core.model, uuid, { until: 'down', timeoutMs: 30_000 });
    const items = await world.keyring.items(uuid);
    expect(items.map((i) => i.attributes['setting-key'])).toEqual(['password']);
    expect(await world.keyring.lookup(uuid, 'cert-pass')).toBeNull();
    expect(await world.keyring.lookup(uuid, 'password')).toBe(world.sb.credentials.password);
  });
});
