import type { ReasonView, TunnelStateView } from '../../preload/tunnel-types';

/**
 * The reconnect policy's vocabulary (policy.ts): what it asks its driver to do, what it remembers
 * of each tunnel, and small readings of that. Pure.
 */

export type PolicyEffect<W extends string = string> =
  /** Activate the profile again (attempt `attempt` of this series). */
  | { kind: 'activate'; uuid: string; attempt: number }
  /** Back up after `attempts` attempts. */
  | { kind: 'restored'; uuid: string; attempts: number }
  /** No more attempts: the reason is one retrying cannot fix, or a prompt was not enough. */
  | { kind: 'gave-up'; uuid: string; reason: ReasonView<W> }
  /** What view() shows for the tunnel changed without NetworkManager saying anything. */
  | { kind: 'changed'; uuid: string };

export type Entry<W extends string> =
  /** Connected: a drop starts a series. */
  | { phase: 'armed' }
  /** Waiting for the timer of attempt `attempt`. */
  | { phase: 'waiting'; attempt: number; at: number; reason: ReasonView<W> | null }
  /** Attempt `attempt` is under way; `prompted`: NetworkManager asked the person for a secret. */
  | { phase: 'attempting'; attempt: number; prompted: boolean; reason: ReasonView<W> | null }
  /**
   * Wanted, but held until the network is back or the machine resumed; `made` attempts so far;
   * `up`: the tunnel is (still) connected, as last reported.
   */
  | {
      phase: 'held';
      until: 'network' | 'resume';
      made: number;
      up: boolean;
      reason: ReasonView<W> | null;
    };

/** Reasons another attempt cannot fix: the person must act (or the profile is gone). */
export const TERMINAL = new Set([
  'no-secrets',
  'login-failed',
  'connection-removed',
  'unknown-connection',
  'missing-plugin',
  'permission-denied',
  'service-start-failed',
]);

export function madeWhenHeld<W extends string>(
  entry: Entry<W>,
  until: 'network' | 'resume',
): number | null {
  return entry.phase === 'held' && entry.until === until ? entry.made : null;
}

export function madeIfWaiting<W extends string>(entry: Entry<W>): number | null {
  return entry.phase === 'waiting' ? entry.attempt - 1 : null;
}

/** Attempts made so far in a series. */
export function madeSoFar<W extends string>(entry: Exclude<Entry<W>, { phase: 'armed' }>): number {
  switch (entry.phase) {
    case 'waiting':
      return entry.attempt - 1;
    case 'attempting':
      return entry.attempt;
    case 'held':
      return entry.made;
  }
}

export function reasonOf<W extends string>(entry: Entry<W>): ReasonView<W> | null {
  return entry.phase === 'armed' ? null : entry.reason;
}

export function reconnecting<W extends string>(
  attempt: number,
  nextAttemptAt: number | null,
  waitingFor: 'timer' | 'attempt' | 'network' | 'resume',
  reason: ReasonView<W> | null,
): TunnelStateView<W> {
  return { kind: 'reconnecting', attempt, nextAttemptAt, waitingFor, reason };
}
