import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { StandInAsk, StandInReport } from './protocol';

type AskWithoutId = StandInAsk extends infer A
  ? A extends StandInAsk
    ? Omit<A, 'ask'>
    : never
  : never;

/**
 * The real Electron entry point (package.json "main", out/main/app/main.js) started under plain
 * Node with `electron` resolved to the recording stand-in: what it reports, what it is asked.
 */
export class EntryPointRun {
  readonly reports: StandInReport[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private nextAsk = 1;
  private readonly waiting = new Set<() => void>();

  constructor(root: string, env: NodeJS.ProcessEnv) {
    this.child = fork(join(root, 'out/main/app/main.js'), [], {
      cwd: root,
      env,
      execArgv: ['--import', 'tsx', '--import', join(__dirname, 'register.ts')],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.child.stdout?.resume();
    this.child.on('message', (message: StandInReport) => {
      this.reports.push(message);
      for (const wake of this.waiting) wake();
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code) => {
        resolve(code);
      });
    });
  }

  /** The first report (from now on, or already seen) that `pick` accepts. */
  next<T>(pick: (report: StandInReport) => T | undefined, timeoutMs = 30_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        for (const report of this.reports) {
          const found = pick(report);
          if (found !== undefined) {
            this.waiting.delete(wake);
            clearTimeout(timer);
            resolve(found);
            return true;
          }
        }
        return false;
      };
      const wake = (): void => {
        check();
      };
      const timer = setTimeout(() => {
        this.waiting.delete(wake);
        reject(new Error(`no such report in ${timeoutMs} ms; stderr:\n${this.stderr}`));
      }, timeoutMs);
      if (!check()) this.waiting.add(wake);
    });
  }

  async ask(ask: AskWithoutId): Promise<unknown> {
    const id = this.nextAsk++;
    this.child.send({ ...ask, ask: id });
    return this.next((r) =>
      r.kind === 'reply' && r.ask === id ? { value: r.value } : undefined,
    ).then((r) => r.value);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
