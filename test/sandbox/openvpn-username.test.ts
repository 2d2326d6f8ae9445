import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core';
import { activate, deactivate, findProfile, waitForSettled } from '../../main/nm/actions';
import type { TunnelState } from '../../main/nm/tunnel-state';
import { ScriptedPrompter } from '../fakes/scripted-prompter';
import { runCli } from '../support/run-cli';
import { startSandbox, type Sandbox } from './infra/sandbox';

// An OpenVPN password profile without a user name: the prompt asks the user name with the
// password. NetworkManager-openvpn reads the user name only from vpn.data of the attempt's own
// copy of the profile (a `username` secret is refused), so the agent writes the typed name into
// the profile and starts the attempt again with it; the real OpenVPN server checks the name.

let sb: Sandbox;
let core: Core;
let profile: { uuid: string; id: string };
const prompter = new ScriptedPrompter();

beforeAll(async () => {
  sb = await startSandbox();
  profile = await sb.addOpenvpnProfile('password', { withoutUserName: true });
  core = await openCore({
    busAddress: sb.busAddress,
    agent: { identifier: 'tunnelbar.test.username', prompter, sessionBusAddress: null },
  });
});

afterAll(async () => {
  // beforeAll may have failed half-way.
  await (core as Core | undefined)?.close();
  await (sb as Sandbox | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
  const p = findProfile(core.model, profile.id);
  await deactivate(core.bus, core.model, p).catch(() => 0);
  await waitForSettled(core.model, p.uuid, { until: 'down', timeoutMs: 30_000 });
});

async function up(): Promise<{ done: Promise<TunnelState> }> {
  const p = findProfile(core.model, profile.id);
  await activate(core.bus, p);
  return { done: waitForSettled(core.model, p.uuid, { timeoutMs: 60_000 }) };
}

/** The profile's vpn.data as NetworkManager keeps it (nmcli -g escapes nothing we use here). */
async function vpnData(): Promise<string> {
  return sb.nmcli(['-g', 'vpn.data', 'connection', 'show', profile.id]);
}

function addressOf(state: TunnelState): string {
  if (state.kind !== 'connected') throw new Error(`not connected: ${JSON.stringify(state)}`);
  return state.ip4?.addresses[0] ?? '';
}

describe('an OpenVPN profile without a user name', () => {
  it('asks user name and password once, keeps the name in the profile, and connects with it', async () => {
    expect(await vpnData()).not.toContain('username');
    const { done } = await up();
    const prompt = await prompter.next();
    expect(prompt.request.fields.map((f) => [f.key, f.secret])).toEqual([
      ['username', false],
      ['password', true],
    ]);
    prompt.answer({ username: sb.credentials.username, password: sb.credentials.password });
    // This attempt ends (NetworkManager fixed its copy of the profile when it started); the agent
    // says another follows, with the name now in the profile, answered without a second prompt.
    const first = await done;
    expect(first.kind).not.toBe('connected');
    expect(await core.agent?.restartOf(profile.uuid)).toBe(true);
    const state = await waitForSettled(core.model, profile.uuid, { timeoutMs: 60_000 });
    // The address comes from the password server, whose script accepts only this user name.
    const prefix = sb.servers.password.subnet.split('.').slice(0, 3).join('.');
    expect(addressOf(state).startsWith(`${prefix}.`)).toBe(true);
    expect(prompter.seen).toHaveLength(1);
    expect(await vpnData()).toContain(`username = ${sb.credentials.username}`);
  });

  it('the next time only the password is asked: the name is in the profile', async () => {
    const { done } = await up();
    const prompt = await prompter.next();
    expect(prompt.request.fields.map((f) => f.key)).toEqual(['password']);
    prompt.answer({ password: sb.credentials.password });
    expect((await done).kind).toBe('connected');
  });

  it('tunnelbar up --ask: the user name and password typed in the terminal, then connected', async () => {
    // The CLI's own agent must get the request: the in-process one leaves.
    await core.agent?.stop();
    const other = await sb.addOpenvpnProfile('password', {
      id: 'tb-no-name-cli',
      withoutUserName: true,
    });
    const input = `${sb.credentials.username}\n${sb.credentials.password}\n`;
    const r = await runCli(['up', other.id, '--ask'], sb.env, input);
    expect(r.stderr).not.toContain(sb.credentials.password);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('connected');
    const data = await sb.nmcli(['-g', 'vpn.data', 'connection', 'show', other.id]);
    expect(data).toContain(`username = ${sb.credentials.username}`);
    await runCli(['down', other.id], sb.env);
  });
});
