// Teardown bookkeeping. Every resource the sandbox creates (process, namespace, folder) is pushed
// here as soon as it exists, so a start that fails half-way still releases what it made, and a
// test run that crashes or is interrupted tears down from the process hooks.

export interface Step {
  name: string;
  /** Graceful release (SIGTERM and wait, for example). */
  release: () => Promise<void>;
  /** Emergency release for the 'exit' hook and signals: synchronous, never throws. */
  releaseSync: () => void;
}

export class Teardown {
  private readonly steps: Step[] = [];
  private running: Promise<void> | undefined;

  add(step: Step): void {
    this.steps.push(step);
  }

  /** Releases everything, last added first; idempotent, and a failing step does not stop the rest. */
  run(): Promise<void> {
    this.running ??= this.runSteps();
    return this.running;
  }

  private async runSteps(): Promise<void> {
    const errors: string[] = [];
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step.release();
      } catch (err) {
        errors.push(`${step.name}: ${err instanceof Error ? err.message : String(err)}`);
        step.releaseSync();
      }
    }
    if (errors.length > 0) throw new Error(`sandbox teardown: ${errors.join('; ')}`);
  }

  /** Synchronous emergency teardown of whatever run() has not released yet. */
  runSync(): void {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) step.releaseSync();
  }
}

// Process-wide hooks: one set for all live sandboxes, installed while at least one exists, so a
// process without sandboxes keeps Node's default signal behaviour.
const live = new Set<Teardown>();
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onExit(): void {
  for (const teardown of live) teardown.runSync();
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  // A program with its own handler (the CLI) stops its sandbox gracefully and exits itself; the
  // 'exit' hook stays as the backstop. Otherwise (a test worker) tear down now and die of the
  // signal, as Node would have without any handler.
  if (process.listenerCount(signal) > 1) return;
  onExit();
  uninstall();
  process.kill(process.pid, signal);
}

function install(): void {
  process.on('exit', onExit);
  for (const signal of signals) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('exit', onExit);
  for (const signal of signals) process.off(signal, onSignal);
}

export function registerLive(teardown: Teardown): void {
  if (live.size === 0) install();
  live.add(teardown);
}

export function unregisterLive(teardown: Teardown): void {
  live.delete(teardown);
  if (live.size === 0) uninstall();
}
