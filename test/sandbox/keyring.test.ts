import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core';
import { activate, deactivate, findProfile, waitForSettled } from '../../main/nm/actions';
import type { TunnelState } from '../../main/nm/tunnel-state';
import { ScriptedPrompter } from '../support/scripted-prompter';
import { startKeyring, type Keyring } from './keyring';
import { startSandbox, type Sandbox } from './sandbox';
import { waitFor } from './wait';

// Saved secrets in a real gnome-keyring, with a real NetworkManager and OpenVPN servers: the core's
// agent reads and writes the keyring under nm-applet's attributes.

let sb: Sandbox;
let keyring: Keyring;
let core: Core | undefined;
let prompter: ScriptedPrompter;
const warnings: string[] = [];
/** Every secret typed or stored in this file, to look for where none may be. */
const WRONG = 'wrong-saved-password';

beforeAll(async () => {
  [sb, keyring] = await Promise.all([startSandbox(), startKeyring()]);
  prompter = new ScriptedPrompter();
  core = await openCore({
    busAddress: sb.busAddress,
    agent: { identifier: 'tunnelbar.test.keyring', prompter, sessionBusAddress: keyring.address },
    onWarning: (text) => warnings.push(text),
  });
});

afterAll(async () => {
  await core?.close();
  await Promise.all([
    (sb as Sandbox | undefined)?.stop(),
    (keyring as Keyring | undefined)?.stop(),
  ]);
});

afterEach((ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
  console.log(`--- keyring log ---\n${readFileSync(keyring.logFile, 'utf8').slice(-3000)}`);
  console.log(`--- warnings ---\n${warnings.join('\n')}`);
});

function theCore(): Core {
  if (core === undefined) throw new Error('no core');
  return core;
}

async function connect(id: string): Promise<{ done: Promise<TunnelState> }> {
  const profile = findProfile(theCore().model, id);
  await activate(theCore().bus, profile);
  return { done: waitForSettled(theCore().model, profile.uuid, { timeoutMs: 60_000 }) };
}

async function disconnect(id: string): Promise<void> {
  const profile = findProfile(theCore().model, id);
  await deactivate(theCore().bus, theCore().model, profile);
  await waitForSettled(theCore().model, profile.uuid, { until: 'down', timeoutMs: 30_000 });
}

/** Adds a password profile and waits until the core's model has it. */
async function addProfile(id: string, passwordFlags: 1 | 2 = 1): Promise<string> {
  const { uuid } = await sb.addOpenvpnProfile('password', { id, passwordFlags });
  await waitFor(`${id} in the model`, () =>
    theCore()
      .model.profiles()
      .some((p) => p.id === id),
  );
  return uuid;
}

describe('saved secrets in the keyring', () => {
  it('connects with a password nm-applet saved (secret-tool, same attributes) and no prompt', async () => {
    const uuid = await addProfile('tb-saved-by-applet');
    await keyring.store(uuid, 'password', sb.credentials.password);
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
    prompt.answer({ password: sb.credentials.password }, true);
    expect((await done).kind).toBe('connected');
    await disconnect('tb-save-ticked');
    // Saved after the reply, so the lookup may come a moment before it.
    await waitFor(
      'the saved password',
      async () => (await keyring.lookup(uuid, 'password')) !== null,
    );
    expect(await keyring.lookup(uuid, 'password')).toBe(sb.credentials.password);
    const [item, ...others] = await keyring.items(uuid);
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
    await keyring.store(uuid, 'password', WRONG);
    const { done } = await connect('tb-saved-wrong');
    const prompt = await prompter.next();
    expect(prompt.request.reason).toBe('rejected');
    expect(prompt.request.fields.map((f) => f.key)).toEqual(['password']);
    expect(prompt.request.canSave).toBe(true);
    // The keyring holds the rejected one: saving the new one starts ticked, to replace it.
    expect(prompt.request.saveChecked).toBe(true);
    prompt.answer({ password: sb.credentials.password }, true);
    expect((await done).kind).toBe('connected');
    await disconnect('tb-saved-wrong');
    await waitFor(
      'the corrected password',
      async () => (await keyring.lookup(uuid, 'password')) === sb.credentials.password,
    );
    expect((await keyring.items(uuid)).map((i) => i.secret)).toEqual([sb.credentials.password]);
  });

  it('never saves a one-time code, even with "Save password" ticked', async () => {
    const { uuid } = await sb.addOpenvpnProfile('challenge');
    await waitFor('tb-challenge', () =>
      theCore()
        .model.profiles()
        .some((p) => p.uuid === uuid),
    );
    const { done } = await connect('tb-challenge');
    (await prompter.next()).answer({ password: sb.credentials.password }, true);
    const challenge = await prompter.next();
    expect(challenge.request.reason).toBe('challenge');
    expect(challenge.request.canSave).toBe(false);
    challenge.answer({ password: sb.credentials.otp }, true);
    expect((await done).kind).toBe('connected');
    await disconnect('tb-challenge');
    await waitFor('the saved password', async () => (await keyring.items(uuid)).length > 0);
    expect((await keyring.items(uuid)).map((i) => i.secret)).toEqual([sb.credentials.password]);
  });

  it('never saves nor reads an "ask every time" (NOT_SAVED) password', async () => {
    const uuid = await addProfile('tb-ask-always', 2);
    // Even something stored under its attributes is not used: flags 2 means ask.
    await keyring.store(uuid, 'password', WRONG);
    const { done } = await connect('tb-ask-always');
    const prompt = await prompter.next();
    expect(prompt.request.reason).toBe('initial');
    expect(prompt.request.canSave).toBe(false);
    prompt.answer({ password: sb.credentials.password }, true);
    expect((await done).kind).toBe('connected');
    await disconnect('tb-ask-always');
    expect((await keyring.items(uuid)).map((i) => i.secret)).toEqual([WRONG]);
  });

  it('saves agent-owned secrets NetworkManager hands over (SaveSecrets), e.g. from nmcli', async () => {
    const uuid = await addProfile('tb-save-secrets');
    await sb.nmcli([
      'connection',
      'modify',
      uuid,
      'vpn.secrets',
      `password = ${sb.credentials.password}`,
    ]);
    await waitFor('SaveSecrets', async () => (await keyring.lookup(uuid, 'password')) !== null);
    expect(await keyring.lookup(uuid, 'password')).toBe(sb.credentials.password);
  });

  it('removes a profile’s saved secrets when the profile is deleted', async () => {
    const uuid = await addProfile('tb-deleted');
    await keyring.store(uuid, 'password', sb.credentials.password);
    await keyring.store(uuid, 'http-proxy-password', WRONG);
    expect(await keyring.items(uuid)).toHaveLength(2);
    await sb.nmcli(['connection', 'delete', uuid]);
    await waitFor('its items gone', async () => (await keyring.items(uuid)).length === 0);
  });

  it('asks when the keyring is locked and its own unlock dialog cannot be shown', async () => {
    const uuid = await addProfile('tb-locked');
    await keyring.store(uuid, 'password', WRONG);
    await keyring.lock();
    const { done } = await connect('tb-locked');
    const prompt = await prompter.next();
    expect(prompt.request.reason).toBe('initial');
    prompt.answer({ password: sb.credentials.password });
    expect((await done).kind).toBe('connected');
    await disconnect('tb-locked');
  });

  it('leaves nothing secret in NetworkManager’s keyfiles, its logs, or a warning', () => {
    const secrets = [sb.credentials.password, sb.credentials.otp, WRONG];
    const keyfiles = readdirSync(sb.keyfileDir).map((f) => readFileSync(join(sb.keyfileDir, f)));
    expect(keyfiles.length).toBeGreaterThan(0);
    const log = sb.readLog();
    for (const secret of secrets) {
      expect(keyfiles.some((k) => k.includes(secret))).toBe(false);
      expect(log.includes(secret)).toBe(false);
      expect(warnings.some((w) => w.includes(secret))).toBe(false);
    }
  });
});

describe('without a Secret Service on the session bus', () => {
  it('says so once, offers no saving, and asks every time', async () => {
    await core?.close();
    core = undefined;
    const bare = await startKeyring({ secretService: false });
    try {
      const { uuid } = await sb.addOpenvpnProfile('password', { id: 'tb-no-keyring' });
      const ownWarnings: string[] = [];
      core = await openCore({
        busAddress: sb.busAddress,
        agent: {
          identifier: 'tunnelbar.test.nokeyring',
          prompter,
          sessionBusAddress: bare.address,
        },
        onWarning: (text) => ownWarnings.push(text),
      });
      for (let round = 0; round < 2; round++) {
        const { done } = await connect('tb-no-keyring');
        const prompt = await prompter.next();
        expect(prompt.request.canSave).toBe(false);
        prompt.answer({ password: sb.credentials.password }, true);
        expect((await done).kind).toBe('connected');
        await disconnect('tb-no-keyring');
      }
      expect(ownWarnings.filter((w) => /No keyring/.test(w))).toHaveLength(1);
      expect(ownWarnings.some((w) => w.includes(sb.credentials.password))).toBe(false);
      expect(await keyring.items(uuid)).toEqual([]);
    } finally {
      await core?.close();
      core = undefined;
      await bare.stop();
    }
  });
});
