import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { withTestLocale } from './test-locale';

/** The built CLI, as a user runs it (`npm run build` makes it; the test command builds first). */
export const CLI = join(__dirname, '..', '..', 'out', 'main', 'cli', 'tunnelbar.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function requireBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
}

/** Runs `tunnelbar ...args` to the end; `input` is written to its stdin, then stdin closes. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  input = '',
  timeoutMs = 90_000,
  /** Run as this user instead of root (for permission tests). */
  user: { uid: number; gid: number } | null = null,
  /** The folder it runs in (for commands that write into the current folder). */
  cwd?: string,
): Promise<CliResult> {
  requireBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: withTestLocale(env),
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(user ?? {}),
      ...(cwd === undefined ? {} : { cwd }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tunnelbar ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

/** A long-running `tunnelbar` (watch), whose output lines a test can wait for. */
export class CliProcess {
  readonly child: ChildProcess;
  private out = '';
  private err = '';
  private readonly listeners = new Set<() => void>();

  constructor(args: string[], env: NodeJS.ProcessEnv) {
    requireBuilt();
    this.child = spawn(process.execPath, [CLI, ...args], {
      env: withTestLocale(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (c: Buffer) => {
      this.out += c.toString();
      for (const l of this.listeners) l();
    });
    this.child.stderr?.on('data', (c: Buffer) => (this.err += c.toString()));
  }

  get stdout(): string {
    return this.out;
  }

  get stderr(): string {
    return this.err;
  }

  lines(): string[] {
    return this.out.split('\n').filter((l) => l !== '');
  }

  /** Waits for an output line that matches, counting only lines after `afterLine`. */
  waitForLine(test: (line: string) => boolean, afterLine = 0, timeoutMs = 60_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const hit = this.lines().slice(afterLine).find(test);
        if (hit === undefined) return false;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(hit);
        return true;
      };
      const listener = (): void => {
        check();
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(
          new Error(
            `no matching line in ${timeoutMs} ms; output:\n${this.out}\nstderr:\n${this.err}`,
          ),
        );
      }, timeoutMs);
      this.listeners.add(listener);
      check();
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        resolve();
        return;
      }
      this.child.once('close', () => {
        resolve();
      });
      this.child.kill('SIGTERM');
    });
  }
}
