import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LockdownStatus } from '../../main/lockdown/types';
import { runCli } from '../support/run-cli';
import { startAppWorld, type AppWorld } from './infra/app-world';
import type { Daemon } from './infra/daemon';
import { run } from './infra/exec';
import { farServerAddress, startFarServer } from './infra/far-server';
import { serverAddress } from './infra/netns';
import { startSandbox, type Sandbox } from './infra/sandbox';
import { probeTestHost, startTestHost } from './infra/test-host';
import { waitFor } from './infra/wait';
import { LOCKDOWN_NAME } from '../../main/lockdown/settings';

// Lockdown with a VPN server that is not on the local link: the far server (10.97.0.5) and the
// test host (10.97.0.1) sit on the same far network, behind the base connection's gateway.
// Lockdown's host route opens the server's address and nothing else.

let sb: Sandbox;
let host: Daemon;
let far: { uuid: string; id: string };
const nobody = { uid: 65534, gid: 65534 };
const hostRoute = new RegExp(
  `^${farServerAddress.replaceAll('.', '\\.')} via ${serverAddress}`,
  'm',
);

beforeAll(async () => {
  sb = await startSandbox();
  host = await startTestHost(sb.names, sb.logFile);
  await startFarServer(sb);
  far = await sb.addOpenvpnProfile('cert', {
    id: 'tb-far',
    extraData: { remote: `${farServerAddress}:1197:udp` },
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

async function routes(): Promise<string> {
  return run('ip', ['-n', sb.names.nmNetns, '-4', 'route', 'show']);
}

async function lockdown(args: string[], user: typeof nobody | null = null) {
  const r = await runCli(['lockdown', ...args, '--json'], sb.env, '', 60_000, user);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as LockdownStatus;
}

const expectedRoutes = () => [
  { interface: sb.names.nmVeth, gateway: serverAddress, addresses: [farServerAddress] },
];

describe('lockdown with a VPN server behind the gateway', () => {
  it('on: a host route to the server through the gateway, and nothing else beyond it', async () => {
    expect((await probeTestHost(sb.names)).ok).toBe(true);
    // The local network allowed throughout: this file's subject is the server routes, and its CLI
    // runs outside NetworkManager's namespace (see lockdown.test.ts).
    const on = await lockdown(['on', '--allow-lan']);
    expect(on).toMatchObject({ on: true, active: true, unresolved: [], routesError: null });
    expect(on.routes).toEqual(expectedRoutes());
    expect(await routes()).toMatch(hostRoute);
    expect(await routes()).toMatch(/^unreachable default .*metric 60/m);
    // The test host is on the server's far network, but is not a VPN server: still blocked.
    expect((await probeTestHost(sb.names)).ok).toBe(false);
    // The saved base profile is untouched: the route is the applied connection's only.
    const saved = await sb.nmcli(['-g', 'ipv4.routes', 'connection', 'show', sb.names.baseProfile]);
    expect(saved.trim()).toBe('');
  });

  it('the far VPN connects under lockdown, and the test host is reached through it', async () => {
    const r = await runCli(['up', far.id], sb.env);
    expect(r.code, r.stderr).toBe(0);
    const probe = await probeTestHost(sb.names);
    expect(probe.ok).toBe(true);
    if (probe.ok) expect(probe.peer).toMatch(/^10\.11\.0\.\d+$/); // the far server's pool
    const down = await runCli(['down', far.id], sb.env);
    expect(down.code, down.stderr).toBe(0);
    expect((await probeTestHost(sb.names)).ok).toBe(false);
  });

  it('a changed server: refused for a user who may not reapply, routed at the next status of root', async () => {
    await sb.nmcli(['connection', 'modify', far.id, '+vpn.data', 'remote=10.97.0.6:1197:udp']);
    // The model of a new CLI process reads the profile as saved.
    const refused = await lockdown(['status'], nobody);
    expect(refused).toMatchObject({ on: true, routes: [] });
    expect(refused.routesError).toMatch(/network-control/);
    expect(await routes()).toMatch(hostRoute);
    const st = await lockdown(['status']);
    expect(st).toMatchObject({ routesError: null });
    expect(st.routes).toEqual([{ ...expectedRoutes()[0], addresses: ['10.97.0.6'] }]);
    expect(await routes()).not.toMatch(hostRoute);
    expect(await routes()).toMatch(/^10\.97\.0\.6 via /m);
  });

  it("off by a user who may not reapply the links: told so, the links' routes left as they were", async () => {
    // Lockdown's profile already gone (deleted with nmcli), its host route still on the link: the
    // user's `off` has only the Reapply left to do, and may not.
    await sb.nmcli(['connection', 'delete', LOCKDOWN_NAME]);
    const r = await runCli(['lockdown', 'off'], sb.env, '', 60_000, nobody);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^permission-denied: .*take lockdown's routes off the network links.*sudo tunnelbar lockdown off/,
    );
    expect(await routes()).toMatch(/^10\.97\.0\.6 via /m);
  });

  it('off removes the unreachable routes and the host routes', async () => {
    const off = await lockdown(['off']);
    expect(off).toMatchObject({ on: false, routes: [], routesError: null });
    const now = await routes();
    expect(now).not.toMatch(/unreachable/);
    expect(now).not.toMatch(/metric 59/);
    expect((await probeTestHost(sb.names)).ok).toBe(true);
  });

  it('on again: after a NetworkManager restart, status puts the route back and the VPN connects', async () => {
    await sb.nmcli([
      'connection',
      'modify',
      far.id,
      '+vpn.data',
      `remote=${farServerAddress}:1197:udp`,
    ]);
    await lockdown(['on', '--allow-lan']);
    await sb.stopNetworkManager('SIGTERM');
    await sb.startNetworkManager();
    await waitFor('lockdown active again', async () => (await lockdown(['status'])).active);
    const st = await lockdown(['status']);
    expect(st.routes).toEqual(expectedRoutes());
    expect(await routes()).toMatch(hostRoute);
    expect((await probeTestHost(sb.names)).ok).toBe(false);
    const r = await runCli(['up', far.id], sb.env);
    expect(r.code, r.stderr).toBe(0);
    expect(await runCli(['down', far.id], sb.env)).toMatchObject({ code: 0 });
    // The host route NetworkManager took over from before its restart goes with off too.
    await lockdown(['off']);
    expect(await routes()).not.toMatch(/metric 59/);
  });
});

describe('the app keeps the server routes while lockdown is on (no CLI involved)', () => {
  let world: AppWorld | undefined;
  afterAll(async () => {
    await world?.close();
  });
  const hasRoute = async (address: string) =>
    new RegExp(`^${address.replaceAll('.', '\\.')} via `, 'm').test(await routes());

  it('puts them back when the link reconnects, and adds a new profile’s server', async () => {
    await lockdown(['on', '--allow-lan']);
    world = await startAppWorld(sb);
    await waitFor('the app to see lockdown', () => world?.app.snapshot().lockdown === 'on');
    // Reactivating the base connection drops its applied connection's runtime routes.
    await sb.nmcli(['connection', 'up', sb.names.baseProfile]);
    await waitFor('the host route back', () => hasRoute(farServerAddress));
    await sb.addOpenvpnProfile('cert', {
      id: 'tb-far-2',
      extraData: { remote: '10.97.0.7:1197:udp' },
    });
    await waitFor('the new server routed', () => hasRoute('10.97.0.7'));
    expect(await hasRoute(farServerAddress)).toBe(true);
  });

  it('names a profile whose server cannot be resolved, in a notification', async () => {
    await sb.addOpenvpnProfile('cert', {
      id: 'tb-far-nowhere',
      extraData: { remote: 'nowhere.invalid:1197:udp' },
    });
    const said = await waitFor('the notification', () =>
      world?.platform.notifications.find((n) => n.body.includes('tb-far-nowhere')),
    );
    expect(said.title).toBe('Some VPNs cannot connect under lockdown');
  });

  it('after lockdown off it adds nothing', async () => {
    await lockdown(['off']);
    await waitFor('the app to see lockdown off', () => world?.app.snapshot().lockdown === 'off');
    expect(await routes()).not.toMatch(/metric 59/);
    await sb.nmcli(['connection', 'up', sb.names.baseProfile]);
    await sb.addOpenvpnProfile('cert', {
      id: 'tb-far-3',
      extraData: { remote: '10.97.0.8:1197:udp' },
    });
    expect(await routes()).not.toMatch(/metric 59/);
  });
});
