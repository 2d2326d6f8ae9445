import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LockdownStatus } from '../../main/lockdown/types';
import { runCli } from '../support/run-cli';
import { cliInNmNamespace } from './infra/cli-in-netns';
import type { Daemon } from './infra/daemon';
import { run } from './infra/exec';
import {
  farServerAddress6,
  linkPrefix6,
  nmAddress6,
  serverAddress6,
  startFarServer6,
} from './infra/ipv6-link';
import { startSandbox, type Sandbox } from './infra/sandbox';
import {
  probeTestHost,
  serveOn,
  startTestHost,
  startTestHost6,
  testHostAddress6,
} from './infra/test-host';
import { waitFor } from './infra/wait';

// Lockdown and IPv6. The sandbox's link has IPv6 here (fd00:99::2/64 on NetworkManager's side, the
// gateway fd00:99::1), the test host has an IPv6 address beyond that gateway (fd00:97::1), and a
// host on the link beside the gateway (fd00:99::3) stands for a printer. The VPN (the sandbox's
// certificate server) carries IPv4 only: under lockdown IPv6 must stay blocked while it is up.

let sb: Sandbox;
const daemons: Daemon[] = [];
let cert: { uuid: string; id: string };
let far6: { uuid: string; id: string };
const lanHost6 = 'fd00:99::3';

beforeAll(async () => {
  sb = await startSandbox({ ipv6: true });
  daemons.push(await startTestHost(sb.names, sb.logFile));
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
  // The gateway answers too, so "the gateway stays reachable" is a connection.
  daemons.push(await serveOn(sb.names, sb.logFile, serverAddress6));
  daemons.push(await startFarServer6(sb));
  cert = await sb.addOpenvpnProfile('cert');
  far6 = await sb.addOpenvpnProfile('cert', {
    id: 'tb-far6',
    extraData: { remote: `[${farServerAddress6}]:1199:udp` },
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

async function lockdown(args: string[]): Promise<LockdownStatus> {
  const r = await cliInNmNamespace(sb, ['lockdown', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as LockdownStatus;
}

const reaches = async (address: string): Promise<boolean> =>
  (await probeTestHost(sb.names, address)).ok;

describe('lockdown and IPv6', () => {
  it('before lockdown the IPv6 test host is reached over IPv6, outside any tunnel', async () => {
    expect(await routes6()).toMatch(
      new RegExp(`^default via ${serverAddress6} dev ${sb.names.nmVeth} .*metric 100`, 'm'),
    );
    expect(await probeTestHost(sb.names, testHostAddress6)).toEqual({ ok: true, peer: nmAddress6 });
    expect(await reaches(lanHost6)).toBe(true);
  });

  it('on with no VPN: IPv6 beyond the link is unreachable, the link itself (allowed) is not', async () => {
    const on = await lockdown(['on', '--allow-lan']);
    expect(on).toMatchObject({ on: true, active: true, lan: 'allow' });
    expect(await routes6()).toMatch(/^unreachable default .*metric 60/m);
    // Refused at once by the kernel, not a timeout: the unreachable route answered (for IPv6 the
    // kernel reports an unreachable route as "No route to host").
    expect(await probeTestHost(sb.names, testHostAddress6)).toEqual({
      ok: false,
      error: 'EHOSTUNREACH',
    });
    expect(await reaches(lanHost6)).toBe(true);
    expect(await reaches(serverAddress6)).toBe(true);
  });

  it('--block-lan blocks the link’s IPv6 subnet too, but not its gateway', async () => {
    const st = await lockdown(['on', '--block-lan']);
    expect(st).toMatchObject({ on: true, lan: 'block', routesError: null });
    // One entry per family and link.
    expect(st.lanBlocks).toEqual([
      { interface: sb.names.nmVeth, blocked: ['10.99.0.0/24'], open: ['10.99.0.1'] },
      { interface: sb.names.nmVeth, blocked: ['fd00:99::/64'], open: [serverAddress6] },
    ]);
    expect(await routes6()).toMatch(/^unreachable fd00:99::\/64 .*metric 59/m);
    expect(await reaches(lanHost6)).toBe(false);
    expect(await reaches(serverAddress6)).toBe(true);
    // Back to allowing, for the rest of the file.
    await lockdown(['on', '--allow-lan']);
    expect(await reaches(lanHost6)).toBe(true);
  });

  it('a VPN that carries only IPv4 opens IPv4 through it, and IPv6 stays blocked', async () => {
    const up = await runCli(['up', cert.id], sb.env);
    expect(up.code, up.stderr).toBe(0);
    const probe4 = await probeTestHost(sb.names);
    expect(probe4.ok).toBe(true);
    if (probe4.ok) expect(probe4.peer).toMatch(/^10\.9\.0\.\d+$/); // the cert server's pool
    expect(await reaches(testHostAddress6)).toBe(false);
    const down = await runCli(['down', cert.id], sb.env);
    expect(down.code, down.stderr).toBe(0);
  });

  it('a VPN server reached over IPv6 gets its host route through the IPv6 gateway, and connects', async () => {
    const st = await lockdown(['status']);
    expect(st.servers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: far6.id, host: farServerAddress6, error: null }),
      ]),
    );
    expect(st.routes).toEqual(
      expect.arrayContaining([
        { interface: sb.names.nmVeth, gateway: serverAddress6, addresses: [farServerAddress6] },
      ]),
    );
    expect(await routes6()).toMatch(
      new RegExp(
        `^${farServerAddress6} via ${serverAddress6} dev ${sb.names.nmVeth} .*metric 59`,
        'm',
      ),
    );
    // Its neighbour on the far network is not a VPN server: still blocked.
    expect(await reaches(testHostAddress6)).toBe(false);
    const up = await runCli(['up', far6.id], sb.env);
    expect(up.code, up.stderr).toBe(0);
    const probe4 = await probeTestHost(sb.names);
    expect(probe4.ok).toBe(true);
    if (probe4.ok) expect(probe4.peer).toMatch(/^10\.13\.0\.\d+$/); // the IPv6 server's pool
    const down = await runCli(['down', far6.id], sb.env);
    expect(down.code, down.stderr).toBe(0);
  });

  it('off: IPv6 reaches the test host again and no IPv6 route of lockdown is left', async () => {
    const off = await lockdown(['off']);
    expect(off).toMatchObject({ on: false });
    const now = await routes6();
    expect(now).not.toMatch(/unreachable/);
    expect(now).not.toMatch(/metric 59/);
    await waitFor('the IPv6 default route', async () => /^default via/m.test(await routes6()));
    expect(await probeTestHost(sb.names, testHostAddress6)).toEqual({ ok: true, peer: nmAddress6 });
  });
});
