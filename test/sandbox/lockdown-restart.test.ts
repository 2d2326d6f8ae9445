import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { LOCKDOWN_NAME } from '../../main/lockdown/settings';
import type { CliResult } from '../support/run-cli';
import { cliInNmNamespace as cliInNetns } from './infra/cli-in-netns';
import type { Daemon } from './infra/daemon';
import { run } from './infra/exec';
import { startSandbox, type Sandbox } from './infra/sandbox';
import { probeTestHost, startTestHost } from './infra/test-host';
import { waitFor } from './infra/wait';

// `lockdown off` after NetworkManager was restarted while lockdown was on (as a package upgrade
// does): NetworkManager then no longer removes the unreachable route it finds in the kernel, and
// Tunnelbar must. The CLI runs in NetworkManager's network namespace, as it would on a machine,
// since the block is read from the kernel of its own namespace.

let sb: Sandbox;
let host: Daemon;
const nobody = { uid: 65534, gid: 65534 };

beforeAll(async () => {
  sb = await startSandbox();
  host = await startTestHost(sb.names, sb.logFile);
});

afterAll(async () => {
  await (host as Daemon | undefined)?.stop();
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

function cliInNmNamespace(args: string[], user?: { uid: number; gid: number }): Promise<CliResult> {
  return cliInNetns(sb, args, user);
}

async function ipv4Default(): Promise<string> {
  return run('ip', ['-n', sb.names.nmNetns, '-4', 'route', 'show', 'default']);
}

async function restartNetworkManagerUnderLockdown(): Promise<void> {
  await sb.stopNetworkManager('SIGTERM');
  await sb.startNetworkManager();
  await waitFor('lockdown active again', async () => {
    const r = await cliInNmNamespace(['lockdown', 'status', '--json']);
    return r.code === 0 && (JSON.parse(r.stdout) as { active: boolean }).active;
  });
}

it('off after a NetworkManager restart removes the block NetworkManager left', async () => {
  const on = await cliInNmNamespace(['lockdown', 'on']);
  expect(on.code, on.stderr).toBe(0);
  await restartNetworkManagerUnderLockdown();
  expect(await ipv4Default()).toMatch(/unreachable default/);
  expect((await probeTestHost(sb.names)).ok).toBe(false);

  const off = await cliInNmNamespace(['lockdown', 'off']);
  expect(off.code, off.stderr).toBe(0);
  expect(await ipv4Default()).not.toMatch(/unreachable/);
  expect(await probeTestHost(sb.names)).toMatchObject({ ok: true });
});

it('a user who may not remove it is told what happened and what to do', async () => {
  // The local network allowed: blocked, the user's `off` would stop earlier, refused the Reapply
  // that takes the subnet block off the link (permission-denied); this is about the default block.
  const on = await cliInNmNamespace(['lockdown', 'on', '--allow-lan']);
  expect(on.code, on.stderr).toBe(0);
  await restartNetworkManagerUnderLockdown();
  // The state a Tunnelbar without this repair left: the profile deleted, the block still there.
  await sb.nmcli(['connection', 'delete', LOCKDOWN_NAME]);
  expect(await ipv4Default()).toMatch(/unreachable default/);

  const asUser = await cliInNmNamespace(['lockdown', 'off'], nobody);
  expect(asUser.code).toBe(2);
  expect(asUser.stderr).toMatch(/^lockdown-leftover: .*sudo tunnelbar lockdown off/);
  expect(await ipv4Default()).toMatch(/unreachable default/);

  const asRoot = await cliInNmNamespace(['lockdown', 'off']);
  expect(asRoot.code, asRoot.stderr).toBe(0);
  expect(await ipv4Default()).not.toMatch(/unreachable/);
  expect(await probeTestHost(sb.names)).toMatchObject({ ok: true });
});
