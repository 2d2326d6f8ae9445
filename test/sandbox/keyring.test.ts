import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../main/core';
import { activate, deactivate, findProfile, waitForSettled } from '../../main/nm/actions';
import type { TunnelState } from '../../main/nm/tunnel-state';
import { ScriptedPrompter } from '../fakes/scripted-prompter';
import { startKeyring } from './infra/keyring';
import { useKeyringWorld } from './infra/keyring-world';
import { waitFor, waitForProfile } from './infra/wait';

// Saved secrets in a real gnome-keyring, with a real NetworkManager and OpenVPN servers: the core's
// agent reads and writes the keyring under nm-applet's attributes.

const prompter = new ScriptedPrompter();
const warnings: string[] = [];
/** Every secret typed or stored in this file, to look for where none may be. */
const WRONG = 'wrong-saved-password';
const world = useKeyringWorld('tunnelbar.test.keyring', prompter, {
  onWarning: (text) => warnings.push(text),
  failureLog: () => `--- warnings ---\n${warnings.join('\n')}`,
});

async function connect(id: string): Promise<{ done: Promise<TunnelState> }> {
  const profile = findProfile(world.core.model, id);
  await activate(world.core.bus, profile);
  return { done: waitForSettled(world.core.model, profile.uuid, { timeoutMs: 60_000 }) };
}

async function disconnect(id: string): Promise<void> {
  const profile = findProfile(world.core.model, id);
  await deactivate(world.core.bus, world.core.model, profile);
  await waitForSettled(world.core.model, profile.uuid, { until: 'down', timeoutMs: 30_000 });
}

/** Adds a password profile and waits until the core's model has it. */
async function addProfile(id: string, passwordFlags: 1 | 2 = 1): Promise<string> {
  const { uuid } = await world.sb.addOpenvpnProfile('password', { id, passwordFlags });
  await waitForProfile(world.core, uuid, id);
  return uuid;
}

describe('saved secrets in the keyring', () => {
  it('connects with a password nm-applet saved (secret-tool, same attributes) and no prompt', async () => {
    const uuid = await addProfile('tb-saved-by-applet');
    await world.keyring.store(uuid, 'password', world.sb.credentials.password);
    const before = prompter.seen.length;
    const { done } = await connect('tb-saved-by-applet');
    expect((await done).kind).toBe('connected');
    expect(prompter.seen.length).toBe(before);
    await disconnect('tb-saved-by-applet');
  });

  it('saves a password typed with "Save password" ticked, where secret-tool finds it, and uses it next time', async () => {
    const uuid = await addProfile('tb-save-ticked');
    const { done } = await connect('tb-save-ticked');
    const prompt = await prompter.next();
    expect(prompt.request.canSave).toBe(true);
    expect(prompt.request.reason).toBe('initial');
    prompt.answer({ password: world.sb.credentials.password }, true);
    expect((await done).kind).toBe('connected');
    await disconnect('tb-save-ticked');
    // Saved after the reply, so the lookup may come a moment before it.
    await waitFor(
      'the saved password',
      async () => (await world.keyring.lookup(uuid, 'password')) !== null,
    );
    expect(await world.keyring.lookup(uuid, 'password')).toBe(world.sb.credentials.password);
    const [item, ...others] = await world.keyring.items(uuid);
    expect(others).toEqual([]);
    expect(item?.label).toBe('VPN password for tb-save-ticked');
    expect(item?.attributes).toEqual({
      'xdg:schema': 'org.freedesktop.NetworkManager.Connection',
      'connection-uuid': uuid,
      'setting-name': 'vpn',
      'setting-key': 'password',
    });

    const before = prompter.seen.length;
    const again = await connect('tb-save-ticked');
    expect((await again.done).kind).toBe('connected');
    expect(prompter.seen.length).toBe(before);
    await disconnect('tb-save-ticked');
  });

  it('asks again saying a saved password was rejected, and saves the corrected one in its place', async () => {
    const uuid = await addProfile('tb-saved-wrong');
    await world.keyring.store(uuid, 'password', WRONG);
    const { done } = await connect('tb-saved-wrong');
    const prompt = await prompter.next();
    expect(prompt.request.reason).toBe('rejected');
    expect(prompt.request.fields.map((f) => f.key)).toEqual(['password']);
    expect(prompt.request.canSave).toBe(true);
    // The keyring holds the rejected one: saving the new one starts ticked, to replace it.
    expect(prompt.request.saveChecked).toBe(true);
    prompt.answer({ password: world.sb.credentials.password }, true);
    expect((await done).kind).toBe('connected');
    await disconnect('tb-saved-wrong');
    await waitFor(
      'the corrected password',
      async () => (await world.keyring.lookup(uuid, 'password')) === world.sb.credentials.password,
    );
    expect((await world.keyring.items(uuid)).map((i) => i.secret)).toEqual([
      world.sb.credentials.password,
    ]);
  });

  it('never saves a one-time code, even with "Save password" ticked', async () => {
    const { uuid } = await world.sb.addOpenvpnProfile('challenge');
    await waitFor('tb-challenge', () => world.core.model.profiles().some((p) => p.uuid === uuid));
    const { done } = await connect('tb-challenge');
    (await prompter.next()).answer({ password: world.sb.credentials.password }, true);
    const challenge = await prompter.next();
    expect(challenge.request.reason).toBe('challenge');
    expect(challenge.request.canSave).toBe(false);
    challenge.answer({ password: world.sb.credentials.otp }, true);
    expect((await done).kind).toBe('connected');
    await disconnect('tb-challenge');
    await waitFor('the saved password', async () => (await world.keyring.items(uuid)).length > 0);
    expect((await world.keyring.items(uuid)).map((i) => i.secret)).toEqual([
      world.sb.credentials.password,
    ]);
  });

  it('never saves nor reads an "ask every time" (NOT_SAVED) password', async () => {
    const uuid = await addProfile('tb-ask-always', 2);
    // Even something stored under its attributes is not used: flags 2 means ask.
    await world.keyring.store(uuid, 'password', WRONG);
    const { done } = await connect('tb-ask-always');
    const prompt = await prompter.next();
    expect(prompt.request.reason).toBe('initial');
    expect(prompt.request.canSave).toBe(false);
    prompt.answer({ password: world.sb.credentials.password }, true);
    expect((await done).kind).toBe('connected');
    await disconnect('tb-ask-always');
    expect((await world.keyring.items(uuid)).map((i) => i.secret)).toEqual([WRONG]);
  });

  it('saves agent-owned secrets NetworkManager hands over (SaveSecrets), e.g. from nmcli', async () => {
    const uuid = await addProfile('tb-save-secrets');
    await world.sb.nmcli([
      'connection',
      'modify',
      uuid,
      'vpn.secrets',
      `password = ${world.sb.credentials.password}`,
    ]);
    await waitFor(
      'SaveSecrets',
      async () => (await world.keyring.lookup(uuid, 'password')) !== null,
    );
    expect(await world.keyring.lookup(uuid, 'password')).toBe(world.sb.credentials.password);
  });

  it('removes a profile’s saved secrets when the profile is deleted', async () => {
    const uuid = await addProfile('tb-deleted');
    await world.keyring.store(uuid, 'password', world.sb.credentials.password);
    await world.keyring.store(uuid, 'http-proxy-password', WRONG);
    expect(await world.keyring.items(uuid)).toHaveLength(2);
    await world.sb.nmcli(['connection', 'delete', uuid]);
    await waitFor('its items gone', async () => (await world.keyring.items(uuid)).length === 0);
  });

  it('asks when the keyring is locked and its own unlock dialog cannot be shown', async () => {
    const uuid = await addProfile('tb-locked');
    await world.keyring.store(uuid, 'password', WRONG);
    await world.keyring.lock();
    const { done } = await connect('tb-locked');
    const prompt = await prompter.next();
    expect(prompt.request.reason).toBe('initial');
    prompt.answer({ password: world.sb.credentials.password });
    expect((await done).kind).toBe('connected');
    await disconnect('tb-locked');
  });

  it('leaves nothing secret in NetworkManager’s keyfiles, its logs, or a warning', () => {
    const secrets = [world.sb.credentials.password, world.sb.credentials.otp, WRONG];
    const keyfiles = readdirSync(world.sb.keyfileDir).map((f) =>
      readFileSync(join(world.sb.keyfileDir, f)),
    );
    expect(keyfiles.length).toBeGreaterThan(0);
    const log = world.sb.readLog();
    for (const secret of secrets) {
      expect(keyfiles.some((k) => k.includes(secret))).toBe(false);
      expect(log.includes(secret)).toBe(false);
      expect(warnings.some((w) => w.includes(secret))).toBe(false);
    }
  });
});

describe('without a Secret Service on the session bus', () => {
  it('says so once, offers no saving, and asks every time', async () => {
    await world.replaceCore(() => undefined);
    const bare = await startKeyring({ secretService: false });
    try {
      const { uuid } = await world.sb.addOpenvpnProfile('password', { id: 'tb-no-keyring' });
      const ownWarnings: string[] = [];
      await world.replaceCore(() =>
        openCore({
          busAddress: world.sb.busAddress,
          agent: {
            identifier: 'tunnelbar.test.nokeyring',
            prompter,
            sessionBusAddress: bare.address,
          },
          onWarning: (text) => ownWarnings.push(text),
        }),
      );
      for (let round = 0; round < 2; round++) {
        const { done } = await connect('tb-no-keyring');
        const prompt = await prompter.next();
        expect(prompt.request.canSave).toBe(false);
        prompt.answer({ password: world.sb.credentials.password }, true);
        expect((await done).kind).toBe('connected');
        await disconnect('tb-no-keyring');
      }
      expect(ownWarnings.filter((w) => /No keyring/.test(w))).toHaveLength(1);
      expect(ownWarnings.some((w) => w.includes(world.sb.credentials.password))).toBe(false);
      expect(await world.keyring.items(uuid)).toEqual([]);
    } finally {
      await world.replaceCore(() => undefined);
      await bare.stop();
    }
  });
});
