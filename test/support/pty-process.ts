// A program run on a real pseudo-terminal, driven like a person at the keyboard. util-linux's
// `script` makes the terminal and relays our pipe to it: the program sees a TTY on stdin, stdout
// and stderr (so echo, raw mode and line discipline are the kernel's, not a stream's), and we
// see everything the terminal shows, echo included.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { withTestLocale } from './test-locale';

/** Single-quotes one argument for the shell `script -c` runs. */
function shellQuote(arg: string): string {
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

export class PtyProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private shown = '';
  private readonly wakers = new Set<() => void>();
  /** The program's exit status (script -e passes it on). */
  readonly exited: Promise<number | null>;

  constructor(argv: readonly string[], env: NodeJS.ProcessEnv) {
    const command = argv.map(shellQuote).join(' ');
    // -q: no banner; -f: flush at once; -e: exit with the program's status; /dev/null: no log.
    this.child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: withTestLocale(env),
      stdio: 'pipe',
    });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      this.shown += chunk;
      for (const wake of this.wakers) wake();
    });
    this.exited = new Promise((resolve) => {
      this.child.on('close', (code) => {
        for (const wake of this.wakers) wake();
        resolve(code);
      });
    });
  }

  /** Everything the terminal has shown so far. */
  get screen(): string {
    return this.shown;
  }

  /** Keys typed at the terminal (Enter is "\r", as a keyboard sends it). */
  type(keys: string): void {
    this.child.stdin.write(keys);
  }

  /** Resolves once `text` has been shown `count` times in all; rejects on timeout or exit. */
  waitFor(text: string, count = 1, timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.shown.split(text).length - 1 >= count) finish(resolve);
        else if (this.child.exitCode !== null || this.child.signalCode !== null)
          finish(() => {
            reject(new Error(`exited before showing "${text}" ×${count}:\n${this.shown}`));
          });
      };
      const timer = setTimeout(() => {
        finish(() => {
          reject(new Error(`"${text}" ×${count} not shown in ${timeoutMs} ms:\n${this.shown}`));
        });
      }, timeoutMs);
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        this.wakers.delete(check);
        settle();
      };
      this.wakers.add(check);
      check();
    });
  }

  /** Ends the program (SIGTERM to `script`, which passes the hangup on) and waits for it. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }
}
