import type { ReasonView, TunnelStateView } from '../../preload/tunnel-types';
import type { PolicyEffect, ReconnectPolicy } from './policy';

/** Timers and time, the real ones in the app and the CLI, fakes in tests. */
export interface DriverClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const REAL_CLOCK: DriverClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

/** How a series ended, for the one notification (or line) it earns. */
export type SeriesEnd<W extends string = string> = Extract<
  PolicyEffect<W>,
  { kind: 'restored' } | { kind: 'gave-up' }
>;

export interface DriverHooks<W extends string> {
  /** Starts an attempt: null when NetworkManager took it, else why it refused. */
  activate(uuid: string): Promise<ReasonView<W> | null>;
  /** What view() shows for `uuid` changed with nothing said by NetworkManager. */
  changed(uuid: string): void;
  /** A series ended outside a tunnel event (an attempt refused for good). */
  ended(end: SeriesEnd<W>): void;
}

/**
 * Runs the pure policy: carries out its activations, keeps the one timer it asks for (none while
 * nothing waits: no polling), and reports what changed. Whoever feeds it NetworkManager's tunnel
 * events (the app core, `tunnelbar up --stay`) shows view() instead of the raw state.
 */
export class ReconnectDriver<W extends string = string> {
  private timer: unknown = null;
  private timerAt: number | null = null;
  private stopped = false;

  constructor(
    readonly policy: ReconnectPolicy<W>,
    private readonly hooks: DriverHooks<W>,
    private readonly clock: DriverClock = REAL_CLOCK,
  ) {}

  /**
   * A tunnel event (after the person's own stops were applied: `asked`). Returns the end of a
   * series, if this event ended one, for the caller to announce with the event itself.
   */
  tunnel(uuid: string, state: TunnelStateView<W>, asked: boolean): SeriesEnd<W> | null {
    const effects = this.policy.tunnel(uuid, state, asked, this.clock.now());
    return this.run(effects, uuid);
  }

  prompted(uuid: string): void {
    this.policy.prompted(uuid);
  }

  userStopped(uuid: string): void {
    this.run(this.policy.userStopped(uuid));
  }

  removed(uuid: string): void {
    this.run(this.policy.removed(uuid));
  }

  settingsChanged(): void {
    this.run(this.policy.settingsChanged());
  }

  network(up: boolean, moved: boolean): void {
    this.run(this.policy.network(up, moved));
  }

  sleep(sleeping: boolean): void {
    this.run(this.policy.sleep(sleeping, this.clock.now()));
  }

  view(uuid: string, nm: TunnelStateView<W>): TunnelStateView<W> {
    return this.policy.view(uuid, nm);
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  /** Carries out effects; `quiet`: the tunnel whose event the caller is presenting already. */
  private run(effects: PolicyEffect<W>[], quiet?: string): SeriesEnd<W> | null {
    let end: SeriesEnd<W> | null = null;
    for (const effect of effects) {
      switch (effect.kind) {
        case 'activate':
          this.activate(effect.uuid);
          break;
        case 'changed':
          if (effect.uuid !== quiet) this.hooks.changed(effect.uuid);
          break;
        case 'restored':
        case 'gave-up':
          if (effect.uuid === quiet) end = effect;
          else this.hooks.ended(effect);
          break;
      }
    }
    this.schedule();
    return end;
  }

  private activate(uuid: string): void {
    if (this.stopped) return;
    void this.hooks.activate(uuid).then((refused) => {
      if (refused === null || this.stopped) return;
      this.run(this.policy.activationRefused(uuid, refused, this.clock.now()));
    });
  }

  private schedule(): void {
    if (this.stopped) return;
    const due = this.policy.nextDue();
    if (due === this.timerAt) return;
    this.clearTimer();
    if (due === null) return;
    this.timerAt = due;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = null;
        this.timerAt = null;
        this.run(this.policy.tick(this.clock.now()));
      },
      Math.max(0, due - this.clock.now()),
    );
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = null;
  }
}
