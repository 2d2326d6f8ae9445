import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StatusEntry } from '../../main/cli/format';
import type { LockdownStatus } from '../../main/lockdown/types';
import { runCli } from '../support/run-cli';
import { cliInNmNamespace } from './infra/cli-in-netns';
import type { Daemon } from './infra/daemon';
import { run } from './infra/exec';
import { linkPrefix6, nmAddress6, serverAddress6 } from './infra/ipv6-link';
import {
  ipv6VpnAddress6,
  ipv6VpnRemote,
  ipv6VpnRemote6,
  ipv6VpnServer,
  startIpv6VpnServer,
} from './infra/ipv6-vpn';
import { killClientOnPort } from './infra/openvpn-client';
import { startSandbox, type Sandbox } from './infra/sandbox';
import { probeTestHost, serveOn, startTestHost6, testHostAddress6 } from './infra/test-host';
import { waitFor } from './infra/wait';

// Lockdown with a VPN that carries IPv6. The sandbox's link has IPv6 (fd00:99::2/64, gateway
// fd00:99::1), the test host fd00:97::1 is beyond that gateway, and a host beside the gateway
// (fd00:99::3) stands for a printer. The VPN (ipv6-vpn.ts) hands out addresses from fd00:98::/64
// and pushes `route-ipv6 ::/0`: its IPv6 default route (metric 50) must win over lockdown's
// unreachable one (60), and when its openvpn dies the block must hold again. One profile reaches
// the server over IPv4 on the link (10.99.0.1), one over IPv6 beyond the gateway (fd00:97::6, beside
// the test host): that one needs lockdown's host route, and the tunnel's ::/0 must not take the
// packets to its own server.

let sb: Sandbox;
const daemons: Daemon[] = [];
let v6vpn: { uuid: string; id: string };
/** The same server, reached over IPv6 beyond the link's gateway. */
let v6over6: { uuid: string; id: string };
const lanHost6 = 'fd00:99::3';
/** An address of the VPN's IPv6 pool (fd00:98::/64), without a prefix. */
const poolAddress6 = /^fd00:98::[0-9a-f:]+$/;
/** The tunnel's device in NetworkManager's namespace, once the VPN is up. */
let tun = '';

beforeAll(async () => {
  sb = await startSandbox({ ipv6: true });
  daemons.push(await startTestHost6(sb.names, sb.logFile));
  await run('ip', [
    '-n',
    sb.names.serverNetns,
    '-6',
    'addr',
    'add',
    `${lanHost6}/${String(linkPrefix6)}`,
    'dev',
    sb.names.serverVeth,
    'nodad',
  ]);
  daemons.push(await serveOn(sb.names, sb.logFile, lanHost6));
  daemons.push(await serveOn(sb.names, sb.logFile, serverAddress6));
  daemons.push(await startIpv6VpnServer(sb));
  v6vpn = await sb.addOpenvpnProfile('cert', {
    id: 'tb-v6vpn',
    extraData: { remote: ipv6VpnRemote },
  });
  v6over6 = await sb.addOpenvpnProfile('cert', {
    id: 'tb-v6over6',
    extraData: { remote: ipv6VpnRemote6 },
  });
});

afterAll(async () => {
  for (const d of daemons) await d.stop().catch(() => undefined);
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

async function routes6(): Promise<string> {
  return run('ip', ['-n', sb.names.nmNetns, '-6', 'route', 'show']);
}

/** The device the kernel would send a packet to `address` out of. */
async function deviceTowards(address: string): Promise<string> {
  const out = await run('ip', ['-n', sb.names.nmNetns, '-6', 'route', 'get', address]);
  return /\bdev (\S+)/.exec(out)?.[1] ?? `no device in: ${out}`;
}

async function lockdown(args: string[]): Promise<LockdownStatus> {
  const r = await cliInNmNamespace(sb, ['lockdown', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as LockdownStatus;
}

async function status(): Promise<StatusEntry[]> {
  const r = await runCli(['status', '--json'], sb.env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as StatusEntry[];
}

const refused = { ok: false, error: 'EHOSTUNREACH' };
const reaches = async (address: string): Promise<boolean> =>
  (await probeTestHost(sb.names, address)).ok;

/** Lockdown's host route to the server over IPv6, through the link's IPv6 gateway. */
const serverRoute6 = () => ({
  interface: sb.names.nmVeth,
  gateway: serverAddress6,
  addresses: [ipv6VpnAddress6],
});

/** Lockdown's local network block on the base link, IPv4 and IPv6, as `status --json` lists it. */
const baseLanBlocks = () => [
  { interface: sb.names.nmVeth, blocked: ['10.99.0.0/24'], open: ['10.99.0.1'] },
  { interface: sb.names.nmVeth, blocked: ['fd00:99::/64'], open: [serverAddress6] },
];

describe('lockdown and a VPN that carries IPv6', () => {
  it('before lockdown the IPv6 test host is reached directly', async () => {
    expect(await probeTestHost(sb.names, testHostAddress6)).toEqual({ ok: true, peer: nmAddress6 });
  });

  it('on with no VPN: the IPv6 test host and the link’s IPv6 subnet are refused', async () => {
    const on = await lockdown(['on', '--block-lan']);
    expect(on).toMatchObject({ on: true, active: true, lan: 'block', routesError: null });
    expect(on.lanBlocks).toEqual(baseLanBlocks());
    expect(on.routes).toEqual([serverRoute6()]);
    expect(await routes6()).toMatch(/^unreachable default .*metric 60/m);
    expect(await probeTestHost(sb.names, testHostAddress6)).toEqual(refused);
    expect(await probeTestHost(sb.names, lanHost6)).toEqual(refused);
    expect(await reaches(serverAddress6)).toBe(true);
  });

  it('the VPN connected: the IPv6 test host answers through the tunnel, from the VPN’s pool', async () => {
    const up = await runCli(['up', v6vpn.id], sb.env);
    expect(up.code, up.stderr).toBe(0);

    // What the core sees: the tunnel's IPv6 address, its IPv6 default route (on the device, so
    // no gateway) and the IPv6 name server the VPN pushed.
    const entry = (await status()).find((e) => e.uuid === v6vpn.uuid);
    expect(entry?.state).toBe('connected');
    const ip6 = entry?.ip6;
    expect(ip6?.addresses).toEqual(
      expect.arrayContaining([expect.stringMatching(/^fd00:98::[0-9a-f:]+\/64$/)]),
    );
    expect(ip6?.routes).toEqual(
      expect.arrayContaining([
        { dest: '::/0', nextHop: null, metric: 50 },
        { dest: 'fd00:98::/64', nextHop: null, metric: 50 },
      ]),
    );
    expect(ip6?.gateway).toBeNull();
    expect(ip6?.dns).toEqual([ipv6VpnServer.ipv6?.dns]);
    expect(ip6?.domains).toEqual([ipv6VpnServer.domain]);
    expect(entry?.ip4?.addresses).toEqual([expect.stringMatching(/^10\.14\.0\.\d+\/24$/)]);
    const tunAddress = ip6?.addresses.find((a) => a.startsWith('fd00:98::'))?.split('/')[0];

    // The kernel's view: the VPN's default route at 50 beside lockdown's at 60, and the test host
    // reached out of the tunnel's device.
    tun = await deviceTowards(testHostAddress6);
    expect(tun).not.toBe(sb.names.nmVeth);
    expect(await routes6()).toMatch(new RegExp(`^default dev ${tun} .*metric 50`, 'm'));
    expect(await routes6()).toMatch(/^unreachable default .*metric 60/m);
    expect(await run('ip', ['-n', sb.names.nmNetns, '-6', 'addr', 'show', 'dev', tun])).toContain(
      `${String(tunAddress)}/64`,
    );

    // And the host's: the connection came from the tunnel's address.
    const probe = await probeTestHost(sb.names, testHostAddress6);
    expect(probe).toEqual({ ok: true, peer: tunAddress });
    if (probe.ok) expect(probe.peer).toMatch(poolAddress6);
  });

  it('the VPN up: the link’s IPv6 subnet stays blocked, and lockdown puts nothing on the tunnel', async () => {
    // The VPN does not carry fd00:99::/64, so the block (more specific than its ::/0) holds.
    expect(await probeTestHost(sb.names, lanHost6)).toEqual(refused);
    expect(await reaches(serverAddress6)).toBe(true);
    const st = await lockdown(['status']);
    expect(st).toMatchObject({ on: true, active: true, routesError: null });
    expect(st.lanBlocks).toEqual(baseLanBlocks());
    // Only the host route to the server's IPv6 address, on the base link: none on the tunnel.
    expect(st.routes).toEqual([serverRoute6()]);
    expect(await routes6()).not.toMatch(new RegExp(`dev ${tun} .*metric 59`));
  });

  it('its openvpn killed (Tunnelbar not involved): the IPv6 test host is refused again', async () => {
    killClientOnPort(sb, ipv6VpnServer.port);
    await waitFor(
      'the tunnel’s IPv6 routes to go',
      async () => !(await routes6()).includes(`dev ${tun} `),
    );
    expect(await routes6()).toMatch(/^unreachable default .*metric 60/m);
    expect(await probeTestHost(sb.names, testHostAddress6)).toEqual(refused);
    await waitFor('NetworkManager to drop the VPN', async () => {
      const entry = (await status()).find((e) => e.uuid === v6vpn.uuid);
      return entry === undefined || entry.state !== 'connected';
    });
    expect(await probeTestHost(sb.names, testHostAddress6)).toEqual(refused);
  });

  it('reached over IPv6: its server gets lockdown’s /128, and IPv6 goes through the tunnel, not to the server', async () => {
    // The server's address, beyond the gateway, is open; the test host beside it is not.
    expect(await deviceTowards(ipv6VpnAddress6)).toBe(sb.names.nmVeth);
    expect(await routes6()).toMatch(
      new RegExp(
        `^${ipv6VpnAddress6} via ${serverAddress6} dev ${sb.names.nmVeth} .*metric 59`,
        'm',
      ),
    );
    expect(await probeTestHost(sb.names, testHostAddress6)).toEqual(refused);
    const up = await runCli(['up', v6over6.id], sb.env);
    expect(up.code, up.stderr).toBe(0);
    const entry = (await status()).find((e) => e.uuid === v6over6.uuid);
    const tunAddress = entry?.ip6?.addresses.find((a) => a.startsWith('fd00:98::'))?.split('/')[0];
    expect(tunAddress).toMatch(poolAddress6);
    // The tunnel's ::/0 carries the test host; its own packets to the server still go by the link.
    const probe = await probeTestHost(sb.names, testHostAddress6);
    expect(probe).toEqual({ ok: true, peer: tunAddress });
    expect(await deviceTowards(testHostAddress6)).not.toBe(sb.names.nmVeth);
    expect(await deviceTowards(ipv6VpnAddress6)).toBe(sb.names.nmVeth);
    // Lockdown, asked again with the tunnel up, keeps its route on the link and adds none.
    expect((await lockdown(['status'])).routes).toEqual([serverRoute6()]);
    const down = await runCli(['down', v6over6.id], sb.env);
    expect(down.code, down.stderr).toBe(0);
    expect(await probeTestHost(sb.names, testHostAddress6)).toEqual(refused);
  });

  it('off: the IPv6 test host is reached directly again, no route of lockdown left', async () => {
    const off = await lockdown(['off']);
    expect(off).toMatchObject({ on: false });
    const now = await routes6();
    expect(now).not.toMatch(/unreachable/);
    expect(now).not.toMatch(/metric 59/);
    await waitFor('the IPv6 default route', async () => /^default via/m.test(await routes6()));
    expect(await probeTestHost(sb.names, testHostAddress6)).toEqual({ ok: true, peer: nmAddress6 });
    expect(await probeTestHost(sb.names, lanHost6)).toEqual({ ok: true, peer: nmAddress6 });
  });
});
