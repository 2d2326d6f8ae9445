// A long-running child (nmcli monitor, tunnelbar watch, dbus-monitor) whose output lines are
// stamped with the monotonic clock the moment they reach us, so a bench can ask "when did it
// print X" rather than "has it printed X by now".
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface StampedLine {
  text: string;
  /** performance.now() when the chunk holding the line arrived. */
  at: number;
}

export class LineProcess {
  readonly child: ChildProcessWithoutNullStreams;
  private readonly received: StampedLine[] = [];
  private partial = '';
  private stderr = '';
  private readonly waiters = new Set<() => void>();
  private exited = false;

  constructor(
    readonly label: string,
    file: string,
    args: readonly string[],
    env: NodeJS.ProcessEnv,
  ) {
    this.child = spawn(file, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdin.end();
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const at = performance.now();
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop() ?? '';
      for (const text of parts) this.received.push({ text, at });
      for (const wake of this.waiters) wake();
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.child.on('close', () => {
      this.exited = true;
      for (const wake of this.waiters) wake();
    });
  }

  get pid(): number {
    const pid = this.child.pid;
    if (pid === undefined) throw new Error(`${this.label} did not start`);
    return pid;
  }

  /** How many lines have arrived; pass it to waitFor to ignore what came before. */
  get mark(): number {
    return this.received.length;
  }

  /** Everything the child wrote to stderr so far. */
  get errorText(): string {
    return this.stderr;
  }

  lines(from = 0): readonly StampedLine[] {
    return this.received.slice(from);
  }

  /** The first line from index `from` on that matches; rejects on timeout or if the child exits. */
  waitFor(test: (text: string) => boolean, from: number, timeoutMs: number): Promise<StampedLine> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const hit = this.received.slice(from).find((l) => test(l.text));
        if (hit !== undefined)
          finish(() => {
            resolve(hit);
          });
        else if (this.exited)
          finish(() => {
            reject(new Error(`${this.label} exited: ${this.stderr.trim()}`));
          });
      };
      const timer = setTimeout(() => {
        finish(() => {
          const tail = this.received
            .slice(-10)
            .map((l) => l.text)
            .join('\n');
          reject(
            new Error(`${this.label}: no matching line in ${timeoutMs} ms; last lines:\n${tail}`),
          );
        });
      }, timeoutMs);
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        settle();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The child's exit code once it has exited (null when a signal ended it). */
  whenExited(): Promise<number | null> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode);
      else
        this.child.once('exit', (code) => {
          resolve(code);
        });
    });
  }

  /** SIGTERM and wait for the exit; idempotent. */
  stop(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('close', () => {
        resolve();
      });
      this.child.kill('SIGTERM');
    });
  }
}
