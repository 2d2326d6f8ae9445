// Runs short-lived commands (ip, openssl, nmcli, ...) and turns failures into errors that say
// what failed: a sandbox that cannot start must explain itself in the test output.
import { execFileSync, spawn } from 'node:child_process';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Written to the command's stdin, which is then closed. */
  input?: string;
  timeoutMs?: number;
}

/** Error of a failed command; `stderr` is what the command said (nmcli's message, for one). */
export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly stdout: string,
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    // nmcli --ask that runs out of input exits 1 with nothing on stderr: show stdout then.
    super(stderr.trim() || `${command} failed (exit ${String(exitCode)}): ${stdout.trim()}`);
    this.name = 'CommandError';
  }
}

/** Runs `file args` and resolves with its stdout; rejects with a CommandError on failure. */
export function run(file: string, args: readonly string[], opts: RunOptions = {}): Promise<string> {
  const command = [file, ...args].join(' ');
  // spawn rather than execFile when there is input: execFile's stdin cannot be fed before it
  // starts waiting, and nmcli --ask reads its answers from stdin.
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: opts.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: opts.timeoutMs ?? 60_000,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // A command that exits before reading its input must not turn into an EPIPE crash.
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
    child.on('error', (err) => {
      reject(new CommandError(command, stdout, `${err.message}\n${stderr}`, null));
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new CommandError(command, stdout, stderr || `killed by ${String(signal)}`, code));
    });
  });
}

/**
 * Synchronous variant for the process 'exit' hook, where no promise can complete any more.
 * Never throws: teardown goes on with the next step whatever happens.
 */
export function runSyncQuiet(file: string, args: readonly string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}
