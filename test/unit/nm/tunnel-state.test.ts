import { describe, expect, it } from 'vitest';
import {
  deriveTunnelState,
  isSettled,
  type ActiveConnectionRecord,
} from '../../../main/nm/tunnel-state';
import type { IpConfig } from '../../../main/nm/ip-config';

const ip4: IpConfig = {
  addresses: ['10.8.0.2/24'],
  gateway: '10.8.0.1',
  routes: [{ dest: '10.20.0.0/16', nextHop: '10.8.0.1', metric: 50 }],
  dns: ['10.8.0.1'],
  domains: ['corp.example'],
};

function vpn(over: Partial<ActiveConnectionRecord>): ActiveConnectionRecord {
  return {
    path: '/org/freedesktop/NetworkManager/ActiveConnection/3',
    uuid: 'u1',
    id: 'work',
    type: 'vpn',
    state: 1,
    vpnState: 1,
    banner: '',
    ip4Path: '/',
    ip6Path: '/',
    reason: null,
    ...over,
  };
}

const inputs = { ip4: null, ip6: null, since: 1_000 };

describe('deriveTunnelState for plugin VPNs', () => {
  it.each([
    [1, { kind: 'connecting', stage: 'prepare' }],
    [2, { kind: 'needs-secrets' }],
    [3, { kind: 'connecting', stage: 'connect' }],
    [4, { kind: 'connecting', stage: 'ip-config' }],
  ])('VpnState %i while activating', (vpnState, expected) => {
    expect(deriveTunnelState(vpn({ vpnState }), inputs)).toEqual(expected);
  });

  it('is connected with the IP config, since and banner once VpnState is ACTIVATED', () => {
    const state = deriveTunnelState(vpn({ state: 2, vpnState: 5, banner: 'Welcome' }), {
      ...inputs,
      ip4,
    });
    expect(state).toEqual({ kind: 'connected', ip4, ip6: null, since: 1_000, banner: 'Welcome' });
  });

  it('waits for the address NetworkManager fills in just after ACTIVATED', () => {
    const linkLocalOnly: IpConfig = { ...ip4, addresses: ['fe80::1/64'] };
    expect(
      deriveTunnelState(vpn({ state: 2, vpnState: 5 }), { ...inputs, ip6: linkLocalOnly }),
    ).toEqual({
      kind: 'connecting',
      stage: 'ip-config',
    });
  });

  it('is disconnecting when the active connection deactivates (VpnState still says ACTIVATED)', () => {
    expect(deriveTunnelState(vpn({ state: 3, vpnState: 5 }), inputs)).toEqual({
      kind: 'disconnecting',
    });
  });

  it('is failed with the reason on VpnState FAILED', () => {
    const state = deriveTunnelState(vpn({ state: 4, vpnState: 6, reason: 9 }), inputs);
    expect(state.kind).toBe('failed');
    if (state.kind === 'failed') expect(state.reason.word).toBe('no-secrets');
  });

  it('has no banner when the server sent none (not an empty one)', () => {
    const state = deriveTunnelState(vpn({ state: 2, vpnState: 5, banner: '' }), {
      ...inputs,
      ip4,
    });
    expect(state.kind === 'connected' && state.banner).toBeNull();
  });

  it('is failed, not disconnected, when NetworkManager gave no reason for the failure', () => {
    for (const state of [
      deriveTunnelState(vpn({ state: 4, vpnState: 6, reason: null }), inputs),
      deriveTunnelState(vpn({ state: 2, vpnState: 6, reason: null }), inputs),
    ]) {
      expect(state.kind).toBe('failed');
      if (state.kind === 'failed') expect(state.reason.word).toBe('unknown');
    }
  });

  it('is disconnected after a user disconnect, failed after the network dropped', () => {
    expect(deriveTunnelState(vpn({ state: 4, vpnState: 7, reason: 2 }), inputs)).toEqual({
      kind: 'disconnected',
    });
    const dropped = deriveTunnelState(vpn({ state: 4, vpnState: 7, reason: 3 }), inputs);
    expect(dropped.kind === 'failed' && dropped.reason.word).toBe('device-disconnected');
  });
});

describe('deriveTunnelState for WireGuard (no VPN state)', () => {
  const wg = (over: Partial<ActiveConnectionRecord>): ActiveConnectionRecord =>
    vpn({ type: 'wireguard', vpnState: null, ...over });

  it('follows the active connection state', () => {
    expect(deriveTunnelState(wg({ state: 1 }), inputs)).toEqual({
      kind: 'connecting',
      stage: 'activating',
    });
    expect(deriveTunnelState(wg({ state: 2 }), { ...inputs, ip4 }).kind).toBe('connected');
    expect(deriveTunnelState(wg({ state: 3 }), inputs)).toEqual({ kind: 'disconnecting' });
  });

  it('reports why the interface could not be created', () => {
    const state = deriveTunnelState(wg({ state: 4, reason: 13 }), inputs);
    expect(state.kind === 'failed' && state.reason.word).toBe('device-realize-failed');
  });
});

describe('state predicates', () => {
  it('isSettled is true at the ends only', () => {
    expect(isSettled({ kind: 'disconnected' })).toBe(true);
    expect(isSettled({ kind: 'failed', reason: { word: 'unknown', code: 0, sentence: '' } })).toBe(
      true,
    );
    expect(isSettled(deriveTunnelState(vpn({ state: 2, vpnState: 5 }), { ...inputs, ip4 }))).toBe(
      true,
    );
    expect(isSettled({ kind: 'needs-secrets' })).toBe(false);
    expect(isSettled({ kind: 'connecting', stage: 'connect' })).toBe(false);
    expect(isSettled({ kind: 'disconnecting' })).toBe(false);
  });
});

describe('edges mutation testing found untested', () => {
  const ip6 = (addresses: string[]): IpConfig => ({ ...ip4, addresses });

  it('is connected on a global IPv6 address alone, never on a link-local one in any case', () => {
    const only6 = deriveTunnelState(vpn({ state: 2, vpnState: 5 }), {
      ...inputs,
      ip6: ip6(['FE80::1/64', '2001:db8::2/64']),
    });
    expect(only6.kind).toBe('connected');
    const linkLocal = deriveTunnelState(vpn({ state: 2, vpnState: 5 }), {
      ...inputs,
      ip6: ip6(['FE80::1/64']),
    });
    expect(linkLocal).toEqual({ kind: 'connecting', stage: 'ip-config' });
    const none = deriveTunnelState(vpn({ state: 2, vpnState: 5 }), inputs);
    expect(none).toEqual({ kind: 'connecting', stage: 'ip-config' });
  });

  it('is still getting its config in IP_CONFIG_GET, even with an address already shown', () => {
    expect(deriveTunnelState(vpn({ state: 1, vpnState: 4 }), { ...inputs, ip4 })).toEqual({
      kind: 'connecting',
      stage: 'ip-config',
    });
  });

  it('keeps the reason of a failure while the active connection still says activated', () => {
    const state = deriveTunnelState(vpn({ state: 2, vpnState: 6, reason: 9 }), inputs);
    expect(state.kind === 'failed' && state.reason.word).toBe('no-secrets');
  });

  it('VpnState DISCONNECTED before the active connection follows: stopped, with its reason', () => {
    expect(deriveTunnelState(vpn({ state: 2, vpnState: 7, reason: 2 }), inputs)).toEqual({
      kind: 'disconnected',
    });
    const dropped = deriveTunnelState(vpn({ state: 2, vpnState: 7, reason: 3 }), inputs);
    expect(dropped.kind === 'failed' && dropped.reason.word).toBe('device-disconnected');
  });

  it('a stop without any reason is a plain disconnect', () => {
    expect(deriveTunnelState(vpn({ state: 4, vpnState: null, reason: null }), inputs)).toEqual({
      kind: 'disconnected',
    });
    expect(deriveTunnelState(vpn({ state: 2, vpnState: 7, reason: null }), inputs)).toEqual({
      kind: 'disconnected',
    });
  });

  it('a VpnState it does not know is the start of connecting', () => {
    expect(deriveTunnelState(vpn({ state: 1, vpnState: 99 }), inputs)).toEqual({
      kind: 'connecting',
      stage: 'prepare',
    });
  });

  it('reconnecting is not settled', () => {
    const state = {
      kind: 'reconnecting',
      attempt: 1,
      nextAttemptAt: null,
      waitingFor: 'network',
      reason: null,
    } as const;
    expect(isSettled(state)).toBe(false);
  });
});
