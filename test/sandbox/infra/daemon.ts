// Long-lived processes of the sandbox (dbus-daemon, the namespace holder, NetworkManager, the
// OpenVPN servers, the syslog listener). Each one gets its own process group (detached), so a
// stop kills whatever it forked too, and its output goes to a log file, never to the test output.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { sleep } from './wait.js';

export interface Daemon {
  readonly name: string;
  readonly pid: number;
  /** Resolves when the process has exited (with its exit code, or null when killed). */
  readonly exited: Promise<number | null>;
  isRunning(): boolean;
  /** Sends `signal` to the whole process group, then SIGKILL after `graceMs`; resolves once gone. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
  /** SIGKILL to the process group, without waiting (for the synchronous exit hook). */
  stopSync(): void;
}

export interface DaemonOptions {
  /** stdout and stderr are appended here. */
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone: nothing to do.
  }
}

export function startDaemon(
  name: string,
  file: string,
  args: readonly string[],
  opts: DaemonOptions,
): Daemon {
  const out = openSync(opts.logFile, 'a');
  let running = true;
  let child;
  try {
    child = spawn(file, args, {
      detached: true,
      stdio: ['ignore', out, out],
      env: opts.env ?? process.env,
    });
  } finally {
    closeSync(out);
  }
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      running = false;
      resolve(code);
    });
    child.on('error', () => {
      running = false;
      resolve(null);
    });
  });
  // The sandbox must not keep a test run or the CLI alive by itself.
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name}: could not start ${file}`);

  return {
    name,
    pid,
    exited,
    isRunning: () => running,
    async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000) {
      if (!running) return;
      killGroup(pid, signal);
      const gone = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
      if (!gone) {
        killGroup(pid, 'SIGKILL');
        await exited;
      }
      // The group may outlive its leader (children that ignored the signal).
      killGroup(pid, 'SIGKILL');
    },
    stopSync() {
      killGroup(pid, 'SIGKILL');
    },
  };
}
