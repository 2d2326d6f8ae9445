// Sweeps sandboxes whose owning process died without its hooks (SIGKILL, OOM, a killed worker):
// their daemons would otherwise run forever and their namespaces stay. Each sandbox folder holds
// an `owner` file (pid and start time, so a reused pid is not mistaken for the owner).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSyncQuiet } from './exec.js';
import { dirPrefix, namesFor } from './names.js';

const tmp = '/tmp';

/** Process start time in clock ticks since boot (field 22 of /proc/PID/stat), or undefined. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function writeOwner(dir: string): void {
  writeFileSync(join(dir, 'owner'), `${process.pid} ${startTime(process.pid) ?? ''}\n`);
}

function ownerAlive(dir: string): boolean {
  try {
    const [pid, started] = readFileSync(join(dir, 'owner'), 'utf8').trim().split(' ');
    return startTime(Number(pid)) === started;
  } catch {
    // No owner file: the sandbox is being created right now, or is not ours to judge.
    return true;
  }
}

/** Processes whose command line mentions `dir` (dbus-daemon, NM, servers, syslog listener). */
function processesUsing(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir)) pids.push(pid);
    } catch {
      // Exited meanwhile, or not readable.
    }
  }
  return pids;
}

function kill(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}

/** Removes every sandbox whose owner is dead; returns their ids. */
export function sweepStaleSandboxes(): string[] {
  const swept: string[] = [];
  for (const entry of readdirSync(tmp)) {
    if (!entry.startsWith(dirPrefix)) continue;
    const names = namesFor(entry.slice(dirPrefix.length), tmp);
    if (ownerAlive(names.dir)) continue;
    kill(processesUsing(names.dir));
    for (const netns of [names.nmNetns, names.serverNetns]) {
      kill(runSyncQuiet('ip', ['netns', 'pids', netns]).split('\n').filter(Boolean).map(Number));
      runSyncQuiet('ip', ['netns', 'del', netns]);
    }
    rmSync(names.dir, { recursive: true, force: true });
    swept.push(names.id);
  }
  return swept;
}
