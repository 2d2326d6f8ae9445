import type { ReasonView, TunnelStateView } from '../../preload/tunnel-types';

/** Tunnel states as NetworkManager's model reports them, for the shell's, renderer's and policy's tests. */

/** A failure's reason: NetworkManager's word and code, and the sentence the person reads. */
export function reason(
  word = 'login-failed',
  sentence = 'The VPN server rejected the login.',
): ReasonView {
  return { word, code: 9, sentence };
}

export function connected(address = '10.8.0.2/24'): TunnelStateView {
  return {
    kind: 'connected',
    ip4: { addresses: [address], gateway: null, routes: [], dns: [], domains: [] },
    ip6: null,
    since: 1_700_000_000_000,
    banner: null,
  };
}

export function failed(word?: string, sentence?: string): TunnelStateView {
  return { kind: 'failed', reason: reason(word, sentence) };
}

export const connecting: TunnelStateView = { kind: 'connecting', stage: 'connect' };
export const disconnected: TunnelStateView = { kind: 'disconnected' };
export const disconnecting: TunnelStateView = { kind: 'disconnecting' };
export const needsSecrets: TunnelStateView = { kind: 'needs-secrets' };
