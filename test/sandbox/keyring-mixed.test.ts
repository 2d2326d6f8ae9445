import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core';
import { activate, deactivate, findProfile, waitForSettled } from '../../main/nm/actions';
import { ScriptedPrompter } from '../support/scripted-prompter';
import { startKeyring, type Keyring } from './keyring';
import { startSandbox, type Sandbox } from './sandbox';
import { waitFor } from './wait';

// A profile with two secrets of different flags, against a real gnome-keyring and a real
// NetworkManager: the password is agent-owned and saved in the keyring (flags 1), the private
// key's passphrase is "ask every time" (flags 2). The prompt asks only for the passphrase, the
// typed passphrase never reaches the keyring (not even with "Save password" ticked), and the
// tunnel comes up: NetworkManager got both, one from each place.

let sb: Sandbox;
let keyring: Keyring;
let core: Core | undefined;
const prompter = new ScriptedPrompter();
const KEY_PASS = 'mixed-flags-key-passphrase';

beforeAll(async () => {
  [sb, keyring] = await Promise.all([startSandbox(), startKeyring()]);
  core = await openCore({
    busAddress: sb.busAddress,
    agent: { identifier: 'tunnelbar.test.mixed', prompter, sessionBusAddress: keyring.address },
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
});

function theCore(): Core {
  if (core === undefined) throw new Error('no core');
  return core;
}

/** The client key, encrypted with KEY_PASS (the password server ignores client certificates). */
function encryptedClientKey(): string {
  const path = join(sb.dir, 'client-encrypted.key');
  execFileSync('openssl', [
    'pkey',
    '-in',
    sb.pki.clientKey,
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
    const { uuid, id } = await sb.addOpenvpnProfile('password', {
      id: 'tb-mixed',
      passwordFlags: 1,
      extraData: {
        'connection-type': 'password-tls',
        cert: sb.pki.clientCert,
        key: encryptedClientKey(),
        'cert-pass-flags': '2',
      },
    });
    await keyring.store(uuid, 'password', sb.credentials.password);
    await waitFor(`${id} in the model`, () =>
      theCore()
        .model.profiles()
        .some((p) => p.uuid === uuid),
    );
    const profile = findProfile(theCore().model, uuid);
    await activate(theCore().bus, profile);
    const settled = waitForSettled(theCore().model, uuid, { timeoutMs: 60_000 });
    const prompt = await prompter.next();
    expect(prompt.request.fields.map((f) => f.key)).toEqual(['cert-pass']);
    // Nothing asked may be kept: no "Save password".
    expect(prompt.request.canSave).toBe(false);
    // Ticked anyway (a prompter may send anything): still never saved.
    prompt.answer({ 'cert-pass': KEY_PASS }, true);
    expect((await settled).kind).toBe('connected');
    await deactivate(theCore().bus, theCore().model, profile);
    await waitForSettled(theCore().model, uuid, { until: 'down', timeoutMs: 30_000 });
    const items = await keyring.items(uuid);
    expect(items.map((i) => i.attributes['setting-key'])).toEqual(['password']);
    expect(await keyring.lookup(uuid, 'cert-pass')).toBeNull();
    expect(await keyring.lookup(uuid, 'password')).toBe(sb.credentials.password);
  });
});
