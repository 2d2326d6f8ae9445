import { lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DISPATCHER_DIR_ENV } from '../../main/lockdown/hook-files';
import { HOOK_NAME } from '../../main/lockdown/hook-script';
import type { LockdownStatus } from '../../main/lockdown/types';
import type { CliResult } from '../support/run-cli';
import { cliInNmNamespace } from './infra/cli-in-netns';
import type { Daemon } from './infra/daemon';
import { run } from './infra/exec';
import { farServerAddress, startFarServer } from './infra/far-server';
import { lanHostAddress, startLanHost } from './infra/lan-hosts';
import { serverAddress } from './infra/netns';
import { startSandbox, type Sandbox } from './infra/sandbox';
import { probeTestHost, serveOn, startTestHost } from './infra/test-host';
import { waitFor } from './infra/wait';

// Lockdown's NetworkManager dispatcher hook, with NetworkManager's real dispatcher (run in
// NetworkManager's mount namespace over a dispatcher.d of the sandbox's own, dispatcher.ts). The
// hook is what puts lockdown's routes back after a link reactivates and what removes the block
// NetworkManager leaves after a restart: every check after an event is made with no Tunnelbar
// process of the test running, only NetworkManager, its dispatcher and the hook it starts.
// NetworkManager allows every user here (`everyUser`), as a desktop's polkit allows the person
// at it: a user who may change lockdown but is not root.

let sb: Sandbox;
const daemons: Daemon[] = [];
const nobody = { uid: 65534, gid: 65534 };

beforeAll(async () => {
  sb = await startSandbox({ dispatcher: true, everyUser: true });
  daemons.push(await startTestHost(sb.names, sb.logFile));
  daemons.push(await startLanHost(sb));
  daemons.push(await serveOn(sb.names, sb.logFile, serverAddress));
  daemons.push(await startFarServer(sb));
  await sb.addOpenvpnProfile('cert', {
    id: 'tb-far',
    extraData: { remote: `${farServerAddress}:1197:udp` },
  });
});

afterAll(async () => {
  for (const d of daemons) await d.stop().catch(() => undefined);
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-8000)}`);
});

function dispatcherDir(): string {
  if (sb.dispatcherDir === null) throw new Error('the sandbox has no dispatcher');
  return sb.dispatcherDir;
}

function cli(args: string[], user?: { uid: number; gid: number }): Promise<CliResult> {
  return cliInNmNamespace(sb, args, user, { [DISPATCHER_DIR_ENV]: dispatcherDir() });
}

async function status(): Promise<LockdownStatus> {
  const r = await cli(['lockdown', 'status', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as LockdownStatus;
}

async function routes(): Promise<string> {
  return run('ip', ['-n', sb.names.nmNetns, '-4', 'route', 'show']);
}

const reaches = async (address: string): Promise<boolean> =>
  (await probeTestHost(sb.names, address)).ok;
const blockedSubnet = /^unreachable 10\.99\.0\.0\/24 .*metric 59/m;
const farRoute = new RegExp(
  `^${farServerAddress.replaceAll('.', '\\.')} via ${serverAddress}`,
  'm',
);

/**
 * The base link's applied connection as dbus-send prints it: after a NetworkManager restart the
 * kernel still holds the routes from before, so only this tells whether they were put back.
 */
async function appliedConnection(): Promise<string> {
  const path = (
    await sb.nmcli(['-g', 'GENERAL.DBUS-PATH', 'device', 'show', sb.names.nmVeth])
  ).trim();
  return run('dbus-send', [
    `--bus=${sb.busAddress}`,
    '--print-reply',
    '--dest=org.freedesktop.NetworkManager',
    path,
    'org.freedesktop.NetworkManager.Device.GetAppliedConnection',
    'uint32:0',
  ]);
}

const appliedHasLockdownRoutes = async (): Promise<boolean> => {
  const applied = await appliedConnection();
  return applied.includes(`"${farServerAddress}"`) && applied.includes('"10.99.0.0"');
};

/** Reactivates the base link (as a reconnect does): its applied connection starts afresh. */
async function reactivateBaseLink(): Promise<void> {
  await sb.nmcli(['connection', 'up', sb.names.baseProfile]);
}

/** Lockdown's routes on the link and the LAN host refused, as the hook leaves them. */
async function waitLockdownRoutes(what: string): Promise<void> {
  await waitFor(what, async () => {
    const now = await routes();
    return blockedSubnet.test(now) && farRoute.test(now);
  });
  expect(await reaches(lanHostAddress)).toBe(false);
  expect(await reaches(serverAddress)).toBe(true);
  expect((await probeTestHost(sb.names)).ok).toBe(false);
}

describe('lockdown hook', () => {
  it('without the hook, a reactivated link loses the local network block (fails open)', async () => {
    const on = await cli(['lockdown', 'on', '--block-lan']);
    expect(on.code, on.stderr).toBe(0);
    expect(await reaches(lanHostAddress)).toBe(false);
    await reactivateBaseLink();
    await waitFor('the base link active again', async () => !blockedSubnet.test(await routes()));
    expect(await reaches(lanHostAddress)).toBe(true);
    expect(await routes()).not.toMatch(farRoute);
    expect((await status()).hook).toBe(false);
  });

  it('without the hook, a user’s `off` after a NetworkManager restart ends in lockdown-leftover', async () => {
    await sb.stopNetworkManager('SIGTERM');
    await sb.startNetworkManager();
    const off = await cli(['lockdown', 'off'], nobody);
    expect(off.code).toBe(2);
    expect(off.stderr).toMatch(/^lockdown-leftover: /);
    expect(await routes()).toMatch(/unreachable default/);
    // Root clears it, and lockdown goes on again for what follows.
    const asRoot = await cli(['lockdown', 'off']);
    expect(asRoot.code, asRoot.stderr).toBe(0);
    expect(await routes()).not.toMatch(/unreachable/);
    const on = await cli(['lockdown', 'on', '--block-lan']);
    expect(on.code, on.stderr).toBe(0);
  });

  it('install needs root and says what to run; nothing is written', async () => {
    const r = await cli(['lockdown', 'hook', 'install'], nobody);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^permission-denied: .*sudo tunnelbar lockdown hook install/);
    expect(() => lstatSync(join(dispatcherDir(), HOOK_NAME))).toThrow();
  });

  it('install writes a root-owned 0755 script in no-wait.d, linked from dispatcher.d', async () => {
    const r = await cli(['lockdown', 'hook', 'install']);
    expect(r.code, r.stderr).toBe(0);
    const script = join(dispatcherDir(), 'no-wait.d', HOOK_NAME);
    expect(r.stdout).toContain(script);
    const s = statSync(script);
    expect(s.uid).toBe(0);
    expect(s.mode & 0o7777).toBe(0o755);
    expect(readlinkSync(join(dispatcherDir(), HOOK_NAME))).toBe(join('no-wait.d', HOOK_NAME));
    expect(readFileSync(script, 'utf8')).toMatch(/lockdown hook-run "\$1" "\$2"/);
    expect((await status()).hook).toBe(true);
    const text = await cli(['lockdown', 'status']);
    expect(text.stdout).toMatch(/hook is installed/);
  });

  it('with the hook, a reactivated link gets the block and the server routes back by itself', async () => {
    // status (above) put them back; a reconnect takes them away again, the hook restores them.
    await reactivateBaseLink();
    await waitLockdownRoutes('the hook to put lockdown’s routes back after a reactivation');
    expect(sb.readLog()).toMatch(/90-tunnelbar-lockdown/);
  });

  it('with the hook, the routes are back after a NetworkManager restart', async () => {
    expect(await appliedHasLockdownRoutes()).toBe(true);
    await sb.stopNetworkManager('SIGTERM');
    await sb.startNetworkManager();
    await waitFor(
      'the hook to put lockdown’s routes back after a restart',
      appliedHasLockdownRoutes,
    );
    await waitLockdownRoutes('lockdown’s routes in the kernel');
  });

  it('after a NetworkManager restart, a user’s `--allow-lan` opens the local network (hook installed)', async () => {
    const allow = await cli(['lockdown', 'on', '--allow-lan', '--json'], nobody);
    expect(allow.code, allow.stderr).toBe(0);
    expect(JSON.parse(allow.stdout)).toMatchObject({ lan: 'allow', routesError: null });
    expect(await routes()).not.toMatch(/^unreachable 10\.99/m);
    expect(await reaches(lanHostAddress)).toBe(true);
    // Blocked again, and NetworkManager restarted again, for the next test.
    const block = await cli(['lockdown', 'on', '--block-lan']);
    expect(block.code, block.stderr).toBe(0);
    await sb.stopNetworkManager('SIGTERM');
    await sb.startNetworkManager();
    await waitFor('the hook to put lockdown’s routes back', appliedHasLockdownRoutes);
  });

  it('after a NetworkManager restart, a user’s `off` restores the network (the hook clears the block)', async () => {
    const off = await cli(['lockdown', 'off', '--json'], nobody);
    expect(off.code, off.stderr).toBe(0);
    expect(off.stderr).not.toMatch(/lockdown-leftover/);
    expect(JSON.parse(off.stdout)).toMatchObject({ on: false, hook: true });
    const now = await routes();
    expect(now).not.toMatch(/unreachable/);
    expect(now).not.toMatch(/metric 59/);
    expect(await run('ip', ['-n', sb.names.nmNetns, '-6', 'route', 'show'])).not.toMatch(
      /unreachable default .*metric 60/,
    );
    expect(await probeTestHost(sb.names)).toMatchObject({ ok: true });
    expect(await reaches(lanHostAddress)).toBe(true);
  });

  it('remove takes the script and its link away (root only)', async () => {
    const asUser = await cli(['lockdown', 'hook', 'remove'], nobody);
    expect(asUser.code).toBe(2);
    expect(asUser.stderr).toMatch(/^permission-denied: /);
    const r = await cli(['lockdown', 'hook', 'remove']);
    expect(r.code, r.stderr).toBe(0);
    expect(() => lstatSync(join(dispatcherDir(), HOOK_NAME))).toThrow();
    expect(() => lstatSync(join(dispatcherDir(), 'no-wait.d', HOOK_NAME))).toThrow();
    expect((await status()).hook).toBe(false);
  });
});
