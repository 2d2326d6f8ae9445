// The two network namespaces and the veth pair that joins them. NetworkManager and the servers
// each get a namespace, so nothing the sandbox does reaches the host's interfaces or routes.
import { run, runSyncQuiet } from './exec.js';
import type { Names } from './names.js';
import type { Step } from './teardown.js';

export const serverAddress = '10.99.0.1';
export const nmAddress = '10.99.0.2';
export const linkPrefix = 24;
/** In the link's subnet, but no host has it: packets sent there get no answer. */
export const unreachableAddress = '10.99.0.254';

/** Creates a namespace with lo up; the step deletes it after killing whatever still runs in it. */
export async function addNetns(name: string): Promise<Step> {
  await run('ip', ['netns', 'add', name]);
  await run('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
  return {
    name: `netns ${name}`,
    release: async () => {
      await killNetnsProcesses(name);
      await run('ip', ['netns', 'del', name]);
    },
    releaseSync: () => {
      for (const pid of parsePids(runSyncQuiet('ip', ['netns', 'pids', name]))) kill(pid);
      runSyncQuiet('ip', ['netns', 'del', name]);
    },
  };
}

/**
 * Kills every process left in a namespace: openvpn clients and the VPN plugin are children of
 * NetworkManager but may outlive it (as on a real machine), and they must not outlive the sandbox.
 */
export async function killNetnsProcesses(name: string): Promise<void> {
  let pids: number[];
  try {
    pids = parsePids(await run('ip', ['netns', 'pids', name]));
  } catch {
    return;
  }
  for (const pid of pids) kill(pid);
}

function parsePids(out: string): number[] {
  return out
    .split('\n')
    .map((line) => Number.parseInt(line, 10))
    .filter((pid) => Number.isInteger(pid) && pid > 1);
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}

/** veth pair between the namespaces; the server side gets its address here, NM's side from NM. */
export async function addVeth(names: Names): Promise<void> {
  await run('ip', [
    'link',
    'add',
    names.nmVeth,
    'netns',
    names.nmNetns,
    'type',
    'veth',
    'peer',
    'name',
    names.serverVeth,
    'netns',
    names.serverNetns,
  ]);
  const srv = ['-n', names.serverNetns];
  await run('ip', [
    ...srv,
    'addr',
    'add',
    `${serverAddress}/${linkPrefix}`,
    'dev',
    names.serverVeth,
  ]);
  await run('ip', [...srv, 'link', 'set', names.serverVeth, 'up']);
}
