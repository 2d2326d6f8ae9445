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
  | { kind: 'failed'; reason: ReasonView<Word> };
