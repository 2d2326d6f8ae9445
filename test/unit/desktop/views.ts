import type {
  LockdownStateView,
  ProfileView,
  SnapshotView,
  TunnelStateView,
} from '../../../preload/contract';

/** Small builders of the contract's plain views for the shell's and the renderer's tests. */
export function profile(id: string, extra: Partial<ProfileView> = {}): ProfileView {
  return {
    uuid: `uuid-${id}`,
    id,
    vpnType: 'openvpn',
    remote: `${id}.vpn.example.net:1194:udp`,
    favourite: false,
    lastUsed: null,
    reconnect: null,
    secretsPerUser: false,
    ...extra,
  };
}

export function snapshot(
  profiles: ProfileView[],
  tunnels: Record<string, TunnelStateView> = {},
  nmRunning = true,
  lockdown: LockdownStateView = 'unknown',
): SnapshotView {
  return { nmRunning, profiles, tunnels, prompts: [], lockdown };
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

export function failed(
  word = 'login-failed',
  sentence = 'The VPN server rejected the login.',
): TunnelStateView {
  return { kind: 'failed', reason: { word, code: 9, sentence } };
}

export const connecting: TunnelStateView = { kind: 'connecting', stage: 'connect' };
export const disconnected: TunnelStateView = { kind: 'disconnected' };
export const disconnecting: TunnelStateView = { kind: 'disconnecting' };
export const needsSecrets: TunnelStateView = { kind: 'needs-secrets' };
