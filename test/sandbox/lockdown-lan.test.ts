import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LockdownStatus } from '../../main/lockdown/types';
import { runCli } from '../support/run-cli';
import { cliInNmNamespace } from './infra/cli-in-netns';
import type { Daemon } from './infra/daemon';
import { run } from './infra/exec';
import { farServerAddress, startFarServer } from './infra/far-server';
import { lanHostAddress, lanServerAddress, startLanHost, startLanServer } from './infra/lan-hosts';
import { serverAddress } from './infra/netns';
import { startSandbox, type Sandbox } from './infra/sandbox';
import { probeTestHost, serveOn, startTestHost } from './infra/test-host';
import { waitFor } from './infra/wait';

// Lockdown's "block the local network" choice. NetworkManager's link is 10.99.0.2/24; on it sit
// the gateway (10.99.0.1, also the address of the sandbox's own OpenVPN servers), a host that is
// not the gateway (10.99.0.3, a printer say) and an OpenVPN server of its own (10.99.0.4). Beyond
// the gateway: the far OpenVPN server (10.97.0.5) and the test host (10.97.0.1). The CLI runs in
// NetworkManager's network namespace, as on a machine: after a NetworkManager restart it removes
// the block NetworkManager left in that namespace's kernel.

let sb: Sandbox;
const daemons: Daemon[] = [];
let far: { uuid: string; id: string };
let onLink: { uuid: string; id: string };
let atGateway: { uuid: string; id: string };

beforeAll(async () => {
  sb = await startSandbox();
  daemons.push(await startTestHost(sb.names, sb.logFile));
  daemons.push(await startLanHost(sb));
  // The gateway answers the same service, so "the gateway stays reachable" is a connection too.
  daemons.push(await serveOn(sb.names, sb.logFile, serverAddress));
  daemons.push(await startFarServer(sb));
  daemons.push(await startLanServer(sb));
  far = await sb.addOpenvpnProfile('cert', {
    id: 'tb-far',
    extraData: { remote: `${farServerAddress}:1197:udp` },
  });
  onLink = await sb.addOpenvpnProfile('cert', {
    id: 'tb-on-link',
    extraData: { remote: `${lanServerAddress}:1198:udp` },
  });
  atGateway = await sb.addOpenvpnProfile('cert', { id: 'tb-gateway' });
});

afterAll(async () => {
  for (const d of daemons) await d.stop().catch(() => undefined);
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

async function routes(family: '-4' | '-6' = '-4'): Promise<string> {
  return run('ip', ['-n', sb.names.nmNetns, family, 'route', 'show']);
}

async function lockdown(args: string[]): Promise<LockdownStatus> {
  const r = await cliInNmNamespace(sb, ['lockdown', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as LockdownStatus;
}

const reaches = async (address: string): Promise<boolean> =>
  (await probeTestHost(sb.names, address)).ok;

const blockedSubnet = /^unreachable 10\.99\.0\.0\/24 .*metric 59/m;

async function connects(profile: { id: string }): Promise<void> {
  const up = await runCli(['up', profile.id], sb.env);
  expect(up.code, `${profile.id}: ${up.stderr}`).toBe(0);
  const down = await runCli(['down', profile.id], sb.env);
  expect(down.code, down.stderr).toBe(0);
}

describe('lockdown and the local network', () => {
  it('by default lockdown blocks the local network too, but for its gateway', async () => {
    expect(await reaches(lanHostAddress)).toBe(true);
    const on = await lockdown(['on']);
    expect(on).toMatchObject({ on: true, active: true, lan: 'block', routesError: null });
    expect(on.lanBlocks.map((b) => b.blocked)).toEqual([['10.99.0.0/24']]);
    expect(await routes()).toMatch(blockedSubnet);
    expect(await reaches(lanHostAddress)).toBe(false);
    expect(await reaches(serverAddress)).toBe(true);
    expect((await probeTestHost(sb.names)).ok).toBe(false);
  });

  it('--allow-lan: the local network is reached, what is beyond it stays blocked', async () => {
    const on = await lockdown(['on', '--allow-lan']);
    expect(on).toMatchObject({ on: true, active: true, lan: 'allow', lanBlocks: [] });
    expect(await reaches(lanHostAddress)).toBe(true);
    expect(await reaches(serverAddress)).toBe(true);
    expect((await probeTestHost(sb.names)).ok).toBe(false);
    expect(await routes()).not.toMatch(/^unreachable 10\.99/m);
  });

  it('--block-lan: the link’s subnet is unreachable, its gateway and on-link server are not', async () => {
    const st = await lockdown(['on', '--block-lan']);
    expect(st).toMatchObject({ on: true, active: true, lan: 'block', routesError: null });
    expect(st.lanBlocks).toEqual([
      {
        interface: sb.names.nmVeth,
        blocked: ['10.99.0.0/24'],
        open: [serverAddress, lanServerAddress],
      },
    ]);
    expect(st.routes).toEqual([
      { interface: sb.names.nmVeth, gateway: serverAddress, addresses: [farServerAddress] },
    ]);
    const now = await routes();
    expect(now).toMatch(blockedSubnet);
    expect(now).toMatch(
      new RegExp(`^${serverAddress.replaceAll('.', '\\.')} dev .*metric 59`, 'm'),
    );
    // The kernel took the server route through the gateway with the subnet blocked.
    expect(now).toMatch(
      new RegExp(`^${farServerAddress.replaceAll('.', '\\.')} via ${serverAddress}`, 'm'),
    );
    expect(await reaches(lanHostAddress)).toBe(false);
    expect(await reaches(serverAddress)).toBe(true);
    expect((await probeTestHost(sb.names)).ok).toBe(false);
    // Only the applied connection carries them: the saved base profile is untouched.
    const saved = await sb.nmcli(['-g', 'ipv4.routes', 'connection', 'show', sb.names.baseProfile]);
    expect(saved.trim()).toBe('');
  });

  it('VPNs connect under block-lan: beyond the gateway, at the gateway, on the link', async () => {
    const r = await runCli(['up', far.id], sb.env);
    expect(r.code, r.stderr).toBe(0);
    const probe = await probeTestHost(sb.names);
    expect(probe).toMatchObject({ ok: true });
    if (probe.ok) expect(probe.peer).toMatch(/^10\.11\.0\.\d+$/); // through the far VPN
    // The VPN carries traffic to its pushed routes only: the LAN host stays blocked.
    expect(await reaches(lanHostAddress)).toBe(false);
    expect(await runCli(['down', far.id], sb.env)).toMatchObject({ code: 0 });
    await connects(atGateway);
    await connects(onLink);
    expect(await reaches(lanHostAddress)).toBe(false);
  });

  it('the choice is kept: a new process reads it, `on` without a flag keeps it', async () => {
    const again = await lockdown(['on']);
    expect(again).toMatchObject({ lan: 'block' });
    const status = await cliInNmNamespace(sb, ['lockdown', 'status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/blocks the local network/);
    expect(status.stdout).toMatch(
      /10\.99\.0\.0\/24; still reachable there: 10\.99\.0\.1, 10\.99\.0\.4/,
    );
    // Kept in the profile NetworkManager stores on disk.
    const profile = readdirSync(sb.keyfileDir)
      .map((f) => readFileSync(join(sb.keyfileDir, f), 'utf8'))
      .find((text) => text.includes('tunnelbar.lockdown=on'));
    expect(profile).toMatch(/^\[user\]\n(?:.*\n)*?tunnelbar\.lan=block$/m);
  });

  it('survives a NetworkManager restart: status reports it and puts the block back', async () => {
    await sb.stopNetworkManager('SIGTERM');
    await sb.startNetworkManager();
    await waitFor('lockdown active again', async () => (await lockdown(['status'])).active);
    const st = await lockdown(['status']);
    expect(st).toMatchObject({ lan: 'block' });
    expect(st.lanBlocks.map((b) => b.blocked)).toEqual([['10.99.0.0/24']]);
    expect(await reaches(lanHostAddress)).toBe(false);
    expect(await reaches(serverAddress)).toBe(true);
    await connects(far);
  });

  it('--allow-lan opens the local network again, lockdown stays', async () => {
    const st = await lockdown(['on', '--allow-lan']);
    expect(st).toMatchObject({ on: true, lan: 'allow', lanBlocks: [] });
    expect(await routes()).not.toMatch(/^unreachable 10\.99/m);
    expect(await reaches(lanHostAddress)).toBe(true);
    expect((await probeTestHost(sb.names)).ok).toBe(false);
  });

  it('off removes the block: the local host is reachable, nothing of lockdown is left', async () => {
    await lockdown(['on', '--block-lan']);
    expect(await reaches(lanHostAddress)).toBe(false);
    const off = await lockdown(['off']);
    expect(off).toMatchObject({ on: false, lan: null, lanBlocks: [] });
    const now = await routes();
    expect(now).not.toMatch(/unreachable/);
    expect(now).not.toMatch(/metric 59/);
    expect(await reaches(lanHostAddress)).toBe(true);
    expect((await probeTestHost(sb.names)).ok).toBe(true);
  });

  it('off right after a NetworkManager restart (no status between) removes the block too', async () => {
    await lockdown(['on', '--block-lan']);
    await sb.stopNetworkManager('SIGTERM');
    await sb.startNetworkManager();
    expect(await routes()).toMatch(blockedSubnet);
    await lockdown(['off']);
    expect(await routes()).not.toMatch(/unreachable/);
    expect(await reaches(lanHostAddress)).toBe(true);
  });
});
