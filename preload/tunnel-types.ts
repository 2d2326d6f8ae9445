/**
 * Where a tunnel is: the core's state (main/nm/tunnel-state.ts) and the renderer's mirror of it
 * are this one type. Types only, with no imports, so the core, the preload and the renderer can
 * all use it without pulling in each other's code.
 */

export interface RouteView {
  /** `address/prefix`. */
  dest: string;
  nextHop: string | null;
  metric: number | null;
}

/** A tunnel's IPv4 or IPv6 configuration as NetworkManager applied it. */
export interface IpConfigView {
  /** `address/prefix` each. */
  addresses: string[];
  gateway: string | null;
  routes: RouteView[];
  dns: string[];
  domains: string[];
}

/** Why a tunnel failed or stopped: a word for code (the core narrows it), a sentence for people. */
export interface ReasonView<Word extends string = string> {
  word: Word;
  /** NetworkManager's numeric reason, when the reason came from NetworkManager's state. */
  code: number | null;
  sentence: string;
}

export type ConnectingStage = 'prepare' | 'connect' | 'ip-config' | 'activating';

/**
 * What a reconnecting tunnel waits for: its next attempt's timer, the attempt under way (before
 * NetworkManager reports it), the network to come back, or the machine to resume.
 */
export type ReconnectWait = 'timer' | 'attempt' | 'network' | 'resume';

/** Every switch over it must be exhaustive. */
export type TunnelStateView<Word extends string = string> =
  | { kind: 'disconnected' }
  | { kind: 'connecting'; stage: ConnectingStage }
  | { kind: 'needs-secrets' }
  | {
      kind: 'connected';
      ip4: IpConfigView | null;
      ip6: IpConfigView | null;
      /** ms since epoch. */
      since: number;
      banner: string | null;
    }
  | { kind: 'disconnecting' }
  | { kind: 'failed'; reason: ReasonView<Word> }
  /**
   * Dropped without anyone asking and brought back by Tunnelbar's reconnect policy
   * (main/reconnect/): NetworkManager itself says failed or connecting meanwhile.
   */
  | {
      kind: 'reconnecting';
      /** The attempt under way or next, from 1. */
      attempt: number;
      /** ms since epoch; null unless waiting for the timer. */
      nextAttemptAt: number | null;
      waitingFor: ReconnectWait;
      /** Why it dropped, or why the last attempt failed. */
      reason: ReasonView<Word> | null;
    };

/** A tunnel nobody has brought up: what main and the renderer show for a profile without state. */
export const DISCONNECTED: { readonly kind: 'disconnected' } = { kind: 'disconnected' };
