import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { startKeyring, type Keyring } from './infra/keyring';
import { startSandbox, type Sandbox } from './infra/sandbox';

// `tunnelbar up` with the user's keyring: a real gnome-keyring on a private session bus.

let sb: Sandbox;
let keyring: Keyring;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  [sb, keyring] = await Promise.all([startSandbox(), startKeyring()]);
  env = { ...sb.env, DBUS_SESSION_BUS_ADDRESS: keyring.address };
});

afterAll(async () => {
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

describe('tunnelbar up with a keyring', () => {
  it('connects with a saved password, without --ask and without a prompt', async () => {
    const { uuid, id } = await sb.addOpenvpnProfile('password', { id: 'tb-cli-saved' });
    await keyring.store(uuid, 'password', sb.credentials.password);
    const r = await runCli(['up', id], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await runCli(['down', id], env)).code).toBe(0);
  });

  it('up --ask --save keeps what it asked for, and the next up needs no --ask', async () => {
    const { uuid, id } = await sb.addOpenvpnProfile('password', { id: 'tb-cli-save' });
    const r = await runCli(['up', id, '--ask', '--save'], env, `${sb.credentials.password}\n`);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain(sb.credentials.password);
    expect(await keyring.lookup(uuid, 'password')).toBe(sb.credentials.password);
    expect((await runCli(['down', id], env)).code).toBe(0);
    expect((await runCli(['up', id], env)).code).toBe(0);
    expect((await runCli(['down', id], env)).code).toBe(0);
  });

  it('up --ask without --save keeps nothing', async () => {
    const { uuid, id } = await sb.addOpenvpnProfile('password', { id: 'tb-cli-nosave' });
    const r = await runCli(['up', id, '--ask'], env, `${sb.credentials.password}\n`);
    expect(r.code).toBe(0);
    expect(await keyring.lookup(uuid, 'password')).toBeNull();
    expect((await runCli(['down', id], env)).code).toBe(0);
  });

  it('--save without --ask is a usage error', async () => {
    const r = await runCli(['up', 'tb-cli-saved', '--save'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--save needs --ask/);
  });

  it('without a keyring says so once and asks', async () => {
    const bare = await startKeyring({ secretService: false });
    try {
      const { id } = await sb.addOpenvpnProfile('password', { id: 'tb-cli-bare' });
      const r = await runCli(
        ['up', id, '--ask', '--save'],
        { ...sb.env, DBUS_SESSION_BUS_ADDRESS: bare.address },
        `${sb.credentials.password}\n`,
      );
      expect(r.code).toBe(0);
      expect(r.stderr.match(/^warning: No keyring/gm)).toHaveLength(1);
      expect(r.stderr).not.toContain(sb.credentials.password);
      expect((await runCli(['down', id], env)).code).toBe(0);
    } finally {
      await bare.stop();
    }
  });
});
