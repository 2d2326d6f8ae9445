import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LockdownStatus } from '../../main/lockdown/types';
import { runCli } from '../support/run-cli';
import type { Daemon } from './infra/daemon';
import { run } from './infra/exec';
import { startSandbox, type Sandbox } from './infra/sandbox';
import { probeTestHost, startTestHost } from './infra/test-host';
import { waitFor } from './infra/wait';

// Lockdown against a real NetworkManager: what reaches a host outside the tunnel, what routes
// NetworkManager installed, and what is left after a crash of openvpn, a restart of
// NetworkManager and `lockdown off`. Tunnelbar runs only as the CLI, one command at a time.

let sb: Sandbox;
let host: Daemon;
let cert: { uuid: string; id: string };
const nobody = { uid: 65534, gid: 65534 };

beforeAll(async () => {
  sb = await startSandbox();
  host = await startTestHost(sb.names, sb.logFile);
  cert = await sb.addOpenvpnProfile('cert');
  // A profile whose server name cannot be resolved: it is reported, lockdown still goes on.
  await sb.addOpenvpnProfile('cert', {
    id: 'tb-nowhere',
    extraData: { remote: 'nowhere.invalid:1194:udp' },
  });
});

afterAll(async () => {
  await (host as Daemon | undefined)?.stop();
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

async function routes(family: '-4' | '-6'): Promise<string> {
  return run('ip', ['-n', sb.names.nmNetns, family, 'route', 'show', 'default']);
}

async function status(): Promise<LockdownStatus> {
  const r = await runCli(['lockdown', 'status', '--json'], sb.env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as LockdownStatus;
}

async function bridgeProfiles(): Promise<string[]> {
  const out = await sb.nmcli(['-g', 'NAME,TYPE', 'connection', 'show']);
  return out.split('\n').filter((l) => l.endsWith(':bridge'));
}

describe('lockdown', () => {
  it('the test host is reachable before lockdown, outside the tunnel', async () => {
    expect(await probeTestHost(sb.names)).toEqual({ ok: true, peer: '10.99.0.2' });
    expect((await status()).on).toBe(false);
  });

  it('a refused permission changes nothing and says so', async () => {
    const r = await runCli(['lockdown', 'on'], sb.env, '', 30_000, nobody);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^permission-denied: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(await bridgeProfiles()).toEqual([]);
    expect(await routes('-4')).not.toMatch(/unreachable/);
    expect(await probeTestHost(sb.names)).toMatchObject({ ok: true });
  });

  it('on: NetworkManager installs unreachable default routes; nothing leaves', async () => {
    // The local network allowed: this file's CLI runs outside NetworkManager's namespace, so it
    // could not clear a subnet block a NetworkManager restart leaves in that namespace's kernel
    // (lockdown-lan.test.ts tests the block, and the default, with the CLI inside it).
    const r = await runCli(['lockdown', 'on', '--allow-lan', '--json'], sb.env);
    expect(r.code, r.stderr).toBe(0);
    const on = JSON.parse(r.stdout) as LockdownStatus;
    expect(on).toMatchObject({ on: true, active: true });
    expect(on.servers).toEqual(
      expect.arrayContaining([
        { uuid: cert.uuid, id: cert.id, host: '10.99.0.1', addresses: ['10.99.0.1'], error: null },
        expect.objectContaining({ id: 'tb-nowhere', host: 'nowhere.invalid', addresses: [] }),
      ]),
    );
    expect(on.servers.find((s) => s.id === 'tb-nowhere')?.error).toMatch(/could not be resolved/);
    expect(await routes('-4')).toMatch(/^unreachable default .*metric 60/m);
    expect(await routes('-6')).toMatch(/^unreachable default .*metric 60/m);
    expect((await probeTestHost(sb.names)).ok).toBe(false);
    // The text form names the profile that cannot connect under lockdown.
    const text = await runCli(['lockdown', 'status'], sb.env);
    expect(text.stdout).toMatch(/^Lockdown is on/m);
    expect(text.stdout).toMatch(/tb-nowhere.*nowhere\.invalid.*could not be resolved/);
  });

  it('a VPN still connects, and the test host is reached through it', async () => {
    const r = await runCli(['up', cert.id], sb.env);
    expect(r.code, r.stderr).toBe(0);
    const probe = await probeTestHost(sb.names);
    expect(probe.ok).toBe(true);
    if (probe.ok) expect(probe.peer).toMatch(/^10\.9\.0\.\d+$/); // the cert server's pool
  });

  it('when the openvpn client dies (Tunnelbar not involved), nothing leaks', async () => {
    const pids = (await run('ip', ['netns', 'pids', sb.names.nmNetns])).split('\n').filter(Boolean);
    const client = pids.find(
      (pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'openvpn',
    );
    expect(client).toBeDefined();
    process.kill(Number(client), 'SIGKILL');
    await waitFor('the tunnel route to go', async () => !(await routes('-4')).includes('tun'));
    expect((await probeTestHost(sb.names)).ok).toBe(false);
  });

  it('holds while NetworkManager is stopped, and comes back after a restart that lost it (as a reboot)', async () => {
    await sb.stopNetworkManager('SIGTERM');
    try {
      // NetworkManager gone: the routes stay (they are the kernel's), nothing leaks meanwhile.
      expect(await routes('-4')).toMatch(/unreachable default/);
      expect((await probeTestHost(sb.names)).ok).toBe(false);
      // What a reboot takes away: the device and the routes.
      await run('ip', ['-n', sb.names.nmNetns, 'link', 'del', 'tblockdown']);
      for (const family of ['-4', '-6'])
        await run('ip', [
          '-n',
          sb.names.nmNetns,
          family,
          'route',
          'del',
          'unreachable',
          'default',
          'metric',
          '60',
        ]);
      expect(await routes('-4')).not.toMatch(/unreachable/);
    } finally {
      await sb.startNetworkManager();
    }
    await waitFor('the lockdown routes again', async () =>
      /unreachable default/.test(await routes('-4')),
    );
    // NetworkManager installs the routes a moment before it calls the connection activated.
    await waitFor('lockdown active again', async () => (await status()).active);
    expect(await status()).toMatchObject({ on: true, active: true });
    expect((await probeTestHost(sb.names)).ok).toBe(false);
  });

  it('a refused off leaves lockdown on', async () => {
    const r = await runCli(['lockdown', 'off'], sb.env, '', 30_000, nobody);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^permission-denied: /);
    expect(await routes('-4')).toMatch(/unreachable default/);
  });

  it('off restores the network, even after the VPN profiles were deleted', async () => {
    await sb.nmcli(['connection', 'delete', cert.uuid]);
    await sb.nmcli(['connection', 'delete', 'tb-nowhere']);
    const r = await runCli(['lockdown', 'off'], sb.env);
    expect(r.code, r.stderr).toBe(0);
    expect(await bridgeProfiles()).toEqual([]);
    expect(await routes('-4')).not.toMatch(/unreachable/);
    expect(await routes('-6')).not.toMatch(/unreachable/);
    expect(await probeTestHost(sb.names)).toEqual({ ok: true, peer: '10.99.0.2' });
    expect((await status()).on).toBe(false);
  });
});
