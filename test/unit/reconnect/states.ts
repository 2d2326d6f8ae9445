import type { ReasonView, TunnelStateView } from '../../../preload/tunnel-types';

/** Tunnel states as NetworkManager's model reports them, for the reconnect policy's tests. */

export const U = 'uuid-1';
export const reason = (word: string): ReasonView => ({ word, code: 7, sentence: `${word}.` });
export const CONNECTED: TunnelStateView = {
  kind: 'connected',
  ip4: null,
  ip6: null,
  since: 0,
  banner: null,
};
export const CONNECTING: TunnelStateView = { kind: 'connecting', stage: 'connect' };
export const DISCONNECTED: TunnelStateView = { kind: 'disconnected' };
export const failed = (word = 'service-stopped'): TunnelStateView => ({
  kind: 'failed',
  reason: reason(word),
});
