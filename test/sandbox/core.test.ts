import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core';
import { importPaths } from '../../main/import/import-paths';
import { activate, deactivate, findProfile, waitForSettled } from '../../main/nm/actions';
import type { TunnelState } from '../../main/nm/tunnel-state';
import { ScriptedPrompter } from '../fakes/scripted-prompter';
import { startSandbox, type Sandbox } from './infra/sandbox';

// The core against a real NetworkManager, its OpenVPN plugin and real OpenVPN servers.

let sb: Sandbox;
let core: Core;
let prompter: ScriptedPrompter;
const profiles: Record<string, { uuid: string; id: string }> = {};

beforeAll(async () => {
  sb = await startSandbox();
  profiles.password = await sb.addOpenvpnProfile('password');
  profiles.password2 = await sb.addOpenvpnProfile('password', { id: 'tb-password-second' });
  profiles.cert = await sb.addOpenvpnProfile('cert');
  profiles.challenge = await sb.addOpenvpnProfile('challenge');
  profiles.unreachable = await sb.addOpenvpnProfile('unreachable', { timeoutSeconds: 5 });
  prompter = new ScriptedPrompter();
  core = await openCore({
    busAddress: sb.busAddress,
    // No keyring: every secret is asked for (test/sandbox/keyring*.test.ts cover saving).
    agent: { identifier: 'tunnelbar.test.core', prompter, sessionBusAddress: null },
  });
});

afterAll(async () => {
  // beforeAll may have failed half-way.
  await (core as Core | undefined)?.close();
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

async function up(name: string, timeoutMs = 60_000): Promise<{ done: Promise<TunnelState> }> {
  const profile = findProfile(core.model, profiles[name]?.id ?? name);
  await activate(core.bus, profile);
  return { done: waitForSettled(core.model, profile.uuid, { timeoutMs }) };
}

async function down(name: string): Promise<void> {
  const profile = findProfile(core.model, profiles[name]?.id ?? name);
  await deactivate(core.bus, core.model, profile);
  await waitForSettled(core.model, profile.uuid, { until: 'down', timeoutMs: 30_000 });
}

/** Waits for the model to reach a condition, checked on each of its events (no polling). */
function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!condition()) return;
      clearTimeout(timer);
      core.model.off('profiles', check);
      resolve();
    };
    const timer = setTimeout(() => {
      core.model.off('profiles', check);
      reject(new Error('condition not reached'));
    }, timeoutMs);
    core.model.on('profiles', check);
    check();
  });
}

function ipv4Of(
  state: TunnelState,
): NonNullable<Extract<TunnelState, { kind: 'connected' }>['ip4']> {
  if (state.kind !== 'connected' || state.ip4 === null)
    throw new Error(`not connected: ${JSON.stringify(state)}`);
  return state.ip4;
}

describe('the core against a real NetworkManager', () => {
  it('lists the VPN profiles NetworkManager has, and not the base ethernet profile', () => {
    const ids = core.model.profiles().map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(Object.values(profiles).map((p) => p.id)));
    expect(ids).not.toContain(sb.names.baseProfile);
    expect(core.model.profiles().every((p) => p.vpnType === 'openvpn')).toBe(true);
  });

  it('follows a profile renamed and one deleted by another client', async () => {
    const extra = await sb.addOpenvpnProfile('cert', { id: 'tb-extra' });
    await until(() => core.model.profiles().some((p) => p.uuid === extra.uuid));
    await sb.nmcli(['connection', 'modify', extra.uuid, 'connection.id', 'tb-extra-renamed']);
    await until(
      () => core.model.profiles().find((p) => p.uuid === extra.uuid)?.id === 'tb-extra-renamed',
    );
    await sb.nmcli(['connection', 'delete', extra.uuid]);
    await until(() => !core.model.profiles().some((p) => p.uuid === extra.uuid));
  });

  it('imports opened files as one batch over the core’s bus (what a double-click does)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tb-import-home-'));
    try {
      const fixtures = join(__dirname, '..', 'fixtures', 'import', 'ovpn');
      const report = await importPaths(
        core.bus,
        [join(fixtures, 'basic-tls.ovpn'), join(fixtures, 'bad-proto.ovpn')],
        home,
      );
      expect(report.outcomes.map((o) => o.status)).toEqual(['added', 'failed']);
      await until(() => core.model.profiles().some((p) => p.id === 'basic-tls'));
      const again = await importPaths(core.bus, [join(fixtures, 'basic-tls.ovpn')], home);
      expect(again.outcomes.map((o) => o.status)).toEqual(['duplicate']);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('connects with the password the agent was given and shows the pushed address, route, DNS and domain', async () => {
    const { done } = await up('password');
    const prompt = await prompter.next();
    expect(prompt.request.reason).toBe('initial');
    expect(prompt.request.fields.map((f) => f.key)).toEqual(['password']);
    prompt.answer({ password: sb.credentials.password });
    const state = await done;
    const ip4 = ipv4Of(state);
    const server = sb.servers.password;
    const subnetPrefix = server.subnet.split('.').slice(0, 3).join('.');
    expect(ip4.addresses[0]).toMatch(
      new RegExp(`^${subnetPrefix.replace(/\./g, '\\.')}\\.\\d+/24$`),
    );
    expect(ip4.routes.map((r) => r.dest)).toContain(server.pushedRoute);
    expect(ip4.dns).toContain(server.dns);
    expect(ip4.domains).toContain(server.domain);
    if (state.kind === 'connected') expect(Date.now() - state.since).toBeLessThan(60_000);
    await down('password');
    expect(core.model.tunnelState(profiles.password?.uuid ?? '')).toEqual({ kind: 'disconnected' });
  });

  it('connects a certificate-only profile without any prompt', async () => {
    const before = prompter.seen.length;
    const { done } = await up('cert');
    const state = await done;
    expect(ipv4Of(state).routes.map((r) => r.dest)).toContain(sb.servers.cert.pushedRoute);
    expect(prompter.seen.length).toBe(before);
    await down('cert');
  });

  it('after a wrong password asks again saying it was rejected, and cancelling gives no-secrets', async () => {
    const { done } = await up('password');
    const first = await prompter.next();
    first.answer({ password: 'wrong-password' });
    const second = await prompter.next();
    expect(second.request.reason).toBe('rejected');
    expect(second.request.fields.map((f) => f.key)).toContain('password');
    second.cancel();
    const state = await done;
    expect(state.kind === 'failed' && state.reason.word).toBe('no-secrets');
  });

  it('shows the server’s question for a dynamic challenge and connects with the right code', async () => {
    const { done } = await up('challenge');
    (await prompter.next()).answer({ password: sb.credentials.password });
    const challenge = await prompter.next();
    expect(challenge.request.reason).toBe('challenge');
    expect(challenge.request.message).toBe(sb.credentials.challengeQuestion);
    expect(challenge.request.canSave).toBe(false);
    challenge.answer({ password: sb.credentials.otp });
    const state = await done;
    expect(ipv4Of(state).routes.map((r) => r.dest)).toContain(sb.servers.challenge.pushedRoute);
    await down('challenge');
  });

  it('fails with a timeout reason within the profile’s timeout when the server is unreachable', async () => {
    const started = Date.now();
    const { done } = await up('unreachable', 60_000);
    // It is a password profile: the prompt comes before any packet is sent.
    (await prompter.next()).answer({ password: sb.credentials.password });
    const state = await done;
    expect(state.kind).toBe('failed');
    if (state.kind === 'failed') expect(state.reason.word).toBe('connect-timeout');
    // vpn.timeout is 5 s; NetworkManager adds its own slack for the plugin's start.
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('runs two VPNs at once, with two prompts open at once', async () => {
    const a = await up('password');
    const b = await up('password2');
    const first = await prompter.next();
    const second = await prompter.next();
    expect(new Set([first.request.connectionId, second.request.connectionId])).toEqual(
      new Set([profiles.password?.id, profiles.password2?.id]),
    );
    second.answer({ password: sb.credentials.password });
    first.answer({ password: sb.credentials.password });
    const [sa, sb2] = await Promise.all([a.done, b.done]);
    expect(sa.kind).toBe('connected');
    expect(sb2.kind).toBe('connected');
    expect(ipv4Of(sa).addresses[0]).not.toBe(ipv4Of(sb2).addresses[0]);
    await down('password');
    await down('password2');
  });

  it('closes the prompt when NetworkManager withdraws the request, and shuts down cleanly with a prompt open', async () => {
    const { done } = await up('password');
    const prompt = await prompter.next();
    await down('password');
    await prompt.withdrawn;
    expect(['failed', 'disconnected']).toContain((await done).kind);
  });
});
