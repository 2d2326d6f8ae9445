import type { ReasonView, TunnelStateView } from '../../preload/tunnel-types';
import { retryDelay } from './delay';
import {
  madeIfWaiting,
  madeSoFar,
  madeWhenHeld,
  reasonOf,
  reconnecting,
  TERMINAL,
  type Entry,
  type PolicyEffect,
} from './policy-entry';

export type { PolicyEffect } from './policy-entry';

/**
 * The reconnect policy: which dropped VPNs to bring back, and when. A pure state machine: every
 * input carries the time, every decision comes back as effects for a driver (driver.ts) to carry
 * out, and the only timer it needs is `nextDue()`. The app core and `tunnelbar up --stay` both run
 * it.
 *
 * Only drops nobody asked for count: NetworkManager reports a stop someone asked for (Tunnelbar's
 * switch, nmcli, nm-applet) as "disconnected" (reason user-disconnected), a drop as "failed"; the
 * app core adds the person's own stops it knows of (`asked`). A tunnel is watched from the moment
 * it is connected; a first connect that fails is the person's to retry, not ours.
 */

export interface PolicyOptions {
  /** Whether reconnecting is on for this profile (the app's and the profile's settings). */
  enabled: (uuid: string) => boolean;
  random?: () => number;
}

export class ReconnectPolicy<W extends string = string> {
  private readonly entries = new Map<string, Entry<W>>();
  private networkUp = true;
  private sleeping = false;

  constructor(private readonly opts: PolicyOptions) {}

  /** A tunnel's state as NetworkManager reported it; `asked`: the person stopped it. */
  tunnel(uuid: string, state: TunnelStateView<W>, asked: boolean, now: number): PolicyEffect<W>[] {
    const entry = this.entries.get(uuid);
    if (asked && (state.kind === 'disconnected' || state.kind === 'failed')) {
      return this.forget(uuid);
    }
    switch (state.kind) {
      case 'connected':
        return this.connected(uuid, entry);
      case 'connecting':
      case 'needs-secrets':
        // Someone else started it meanwhile (the person, NetworkManager's own retries): that
        // attempt counts as ours instead of starting another beside it.
        if (entry?.phase !== 'waiting') return [];
        this.entries.set(uuid, {
          phase: 'attempting',
          attempt: entry.attempt,
          prompted: false,
          reason: entry.reason,
        });
        return [{ kind: 'changed', uuid }];
      case 'disconnected':
        // Asked for by another client (nmcli down); a tunnel already down waits as it was.
        if (entry === undefined || entry.phase === 'waiting') return [];
        if (entry.phase === 'held') {
          this.entries.set(uuid, { ...entry, up: false });
          return [];
        }
        return this.forget(uuid);
      case 'failed':
        return this.failed(uuid, entry, state.reason, now);
      case 'disconnecting':
      case 'reconnecting':
        return [];
    }
  }

  /** NetworkManager asked the person for a secret for this profile. */
  prompted(uuid: string): void {
    const entry = this.entries.get(uuid);
    if (entry?.phase === 'attempting') this.entries.set(uuid, { ...entry, prompted: true });
  }

  /** ActivateConnection itself was refused for an attempt of ours. */
  activationRefused(uuid: string, reason: ReasonView<W>, now: number): PolicyEffect<W>[] {
    const entry = this.entries.get(uuid);
    if (entry?.phase !== 'attempting') return [];
    return this.failed(uuid, entry, reason, now);
  }

  /** The person switched it off (whether or not anything was active to stop). */
  userStopped(uuid: string): PolicyEffect<W>[] {
    return this.forget(uuid);
  }

  /** The profile was deleted. */
  removed(uuid: string): PolicyEffect<W>[] {
    return this.forget(uuid);
  }

  /** Settings changed: a series no longer wanted ends; a connected tunnel is checked at its drop. */
  settingsChanged(): PolicyEffect<W>[] {
    return [...this.entries.keys()].flatMap((uuid) =>
      this.entries.get(uuid)?.phase === 'armed' || this.opts.enabled(uuid) ? [] : this.forget(uuid),
    );
  }

  /**
   * NetworkManager's view of the network: `up` when it has a usable connection, `moved` when
   * the primary connection changed (another Wi-Fi): a waiting attempt need not wait any longer.
   */
  network(up: boolean, moved: boolean): PolicyEffect<W>[] {
    this.networkUp = up;
    const effects: PolicyEffect<W>[] = [];
    for (const [uuid, entry] of this.entries) {
      if (!up && entry.phase === 'waiting') {
        this.hold(uuid, 'network', entry.attempt - 1, entry.reason);
        effects.push({ kind: 'changed', uuid });
      } else if (up && !this.sleeping) {
        const made = madeWhenHeld(entry, 'network') ?? (moved ? madeIfWaiting(entry) : null);
        if (made !== null) effects.push(...this.attempt(uuid, made + 1, reasonOf(entry)));
      }
    }
    return effects;
  }

  /** logind's PrepareForSleep: true before suspend, false after resume. */
  sleep(sleeping: boolean, now: number): PolicyEffect<W>[] {
    this.sleeping = sleeping;
    const effects: PolicyEffect<W>[] = [];
    for (const [uuid, entry] of this.entries) {
      if (sleeping) {
        if (entry.phase === 'held' && entry.until === 'resume') continue;
        const made = entry.phase === 'armed' ? 0 : madeSoFar(entry);
        this.entries.set(uuid, {
          phase: 'held',
          until: 'resume',
          made,
          up: entry.phase === 'armed',
          reason: reasonOf(entry),
        });
        effects.push({ kind: 'changed', uuid });
      } else if (entry.phase === 'held' && entry.until === 'resume') {
        effects.push(...this.resumed(uuid, entry, now));
      }
    }
    return effects;
  }

  /** The timer for nextDue() fired (or any time: only what is due runs). */
  tick(now: number): PolicyEffect<W>[] {
    const effects: PolicyEffect<W>[] = [];
    for (const [uuid, entry] of this.entries) {
      if (entry.phase !== 'waiting' || entry.at > now) continue;
      if (this.sleeping) this.hold(uuid, 'resume', entry.attempt - 1, entry.reason);
      else if (!this.networkUp) this.hold(uuid, 'network', entry.attempt - 1, entry.reason);
      else {
        effects.push(...this.attempt(uuid, entry.attempt, entry.reason));
        continue;
      }
      effects.push({ kind: 'changed', uuid });
    }
    return effects;
  }

  /** When the earliest waiting attempt is due; null when none waits (then no timer is needed). */
  nextDue(): number | null {
    let due: number | null = null;
    for (const entry of this.entries.values()) {
      if (entry.phase === 'waiting' && (due === null || entry.at < due)) due = entry.at;
    }
    return due;
  }

  /** What to show for a tunnel, given what NetworkManager says of it. */
  view(uuid: string, nm: TunnelStateView<W>): TunnelStateView<W> {
    const entry = this.entries.get(uuid);
    switch (entry?.phase) {
      case undefined:
      case 'armed':
        return nm;
      case 'waiting':
        return reconnecting(entry.attempt, entry.at, 'timer', entry.reason);
      case 'attempting':
        // Until NetworkManager reports the new attempt, it still shows the last failure.
        return nm.kind === 'failed' || nm.kind === 'disconnected'
          ? reconnecting(entry.attempt, null, 'attempt', entry.reason)
          : nm;
      case 'held':
        if (entry.up && nm.kind !== 'failed' && nm.kind !== 'disconnected') return nm;
        return reconnecting(entry.made + 1, null, entry.until, entry.reason);
    }
  }

  /** Profiles with a series under way (not merely connected and watched). */
  active(): string[] {
    return [...this.entries].flatMap(([uuid, e]) => (e.phase === 'armed' ? [] : [uuid]));
  }

  private connected(uuid: string, entry: Entry<W> | undefined): PolicyEffect<W>[] {
    if (entry?.phase === 'held' && entry.until === 'resume') {
      this.entries.set(uuid, { ...entry, up: true });
      return [];
    }
    this.entries.set(uuid, { phase: 'armed' });
    if (entry === undefined || entry.phase === 'armed') return [];
    const attempts = entry.phase === 'held' ? entry.made : entry.attempt;
    return [{ kind: 'restored', uuid, attempts }];
  }

  private failed(
    uuid: string,
    entry: Entry<W> | undefined,
    reason: ReasonView<W>,
    now: number,
  ): PolicyEffect<W>[] {
    switch (entry?.phase) {
      case undefined:
        return [];
      case 'waiting':
        return [];
      case 'held':
        this.entries.set(uuid, { ...entry, up: false, reason });
        return [{ kind: 'changed', uuid }];
      case 'armed':
        if (!this.opts.enabled(uuid)) return this.forget(uuid);
        return this.dropped(uuid, 0, reason, now);
      case 'attempting':
        // One prompt per series: a second would follow if we tried again.
        if (entry.prompted) return this.giveUp(uuid, reason);
        return this.dropped(uuid, entry.attempt, reason, now);
    }
  }

  private dropped(
    uuid: string,
    made: number,
    reason: ReasonView<W>,
    now: number,
  ): PolicyEffect<W>[] {
    if (TERMINAL.has(reason.word)) return this.giveUp(uuid, reason);
    if (this.sleeping) this.hold(uuid, 'resume', made, reason);
    else if (!this.networkUp) this.hold(uuid, 'network', made, reason);
    else {
      const attempt = made + 1;
      const at = now + retryDelay(attempt, this.opts.random);
      this.entries.set(uuid, { phase: 'waiting', attempt, at, reason });
    }
    return [{ kind: 'changed', uuid }];
  }

  private resumed(
    uuid: string,
    entry: Extract<Entry<W>, { phase: 'held' }>,
    now: number,
  ): PolicyEffect<W>[] {
    if (entry.up) {
      this.entries.set(uuid, { phase: 'armed' });
      return [{ kind: 'changed', uuid }];
    }
    if (!this.networkUp) {
      this.hold(uuid, 'network', entry.made, entry.reason);
      return [{ kind: 'changed', uuid }];
    }
    // The network may still be settling after resume: the usual first wait, not at once.
    const attempt = entry.made + 1;
    const at = now + retryDelay(attempt, this.opts.random);
    this.entries.set(uuid, { phase: 'waiting', attempt, at, reason: entry.reason });
    return [{ kind: 'changed', uuid }];
  }

  private attempt(uuid: string, attempt: number, reason: ReasonView<W> | null): PolicyEffect<W>[] {
    this.entries.set(uuid, { phase: 'attempting', attempt, prompted: false, reason });
    return [
      { kind: 'changed', uuid },
      { kind: 'activate', uuid, attempt },
    ];
  }

  private hold(
    uuid: string,
    until: 'network' | 'resume',
    made: number,
    reason: ReasonView<W> | null,
  ): void {
    this.entries.set(uuid, { phase: 'held', until, made, up: false, reason });
  }

  private giveUp(uuid: string, reason: ReasonView<W>): PolicyEffect<W>[] {
    this.entries.delete(uuid);
    return [
      { kind: 'changed', uuid },
      { kind: 'gave-up', uuid, reason },
    ];
  }

  private forget(uuid: string): PolicyEffect<W>[] {
    const entry = this.entries.get(uuid);
    this.entries.delete(uuid);
    return entry === undefined || entry.phase === 'armed' ? [] : [{ kind: 'changed', uuid }];
  }
}
