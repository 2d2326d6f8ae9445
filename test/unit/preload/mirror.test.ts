import { describe, expect, it } from 'vitest';
import { applyMirrorEvent as applyEvent, contractEvent } from '../../../preload/mirror';
import { isOnOrComingUp, tunnelAddress } from '../../../preload/tunnel-view';
import { profile, snapshot, uuidOf } from '../../builders/views';
import { connected, connecting, disconnected } from '../../builders/tunnel-states';

describe('the mirror main and the renderer share', () => {
  it('follows events as the renderer does: a disconnected tunnel drops out', () => {
    let state = snapshot([profile('a')]);
    state = applyEvent(
      state,
      contractEvent('state:tunnel', { uuid: uuidOf('a'), state: connecting }),
    );
    expect(state.tunnels).toEqual({ [uuidOf('a')]: connecting });
    state = applyEvent(
      state,
      contractEvent('state:tunnel', { uuid: uuidOf('a'), state: disconnected }),
    );
    expect(state.tunnels).toEqual({});
    state = applyEvent(state, contractEvent('state:nm', { running: false }));
    expect(state.nmRunning).toBe(false);
    const profiles = [profile('b')];
    state = applyEvent(state, contractEvent('state:profiles', { profiles }));
    expect(state.profiles).toBe(profiles);
  });

  it('keeps each open prompt once, drops it when closed, and never mutates', () => {
    const state = snapshot([profile('a')], { [uuidOf('a')]: connected() });
    const frozen = JSON.stringify(state);
    expect(applyEvent(state, contractEvent('prompt:close', { requestId: 'r' }))).toBe(state);
    const request = {
      id: 'r',
      connectionUuid: uuidOf('a'),
      connectionId: 'a',
      vpnType: 'openvpn',
      title: 'VPN password',
      message: '',
      reason: 'initial' as const,
      fields: [],
      canSave: false,
    };
    const asked = applyEvent(state, contractEvent('prompt:open', request));
    expect(asked.prompts).toEqual([request]);
    expect(applyEvent(asked, contractEvent('prompt:open', request))).toBe(asked);
    expect(applyEvent(asked, contractEvent('prompt:close', { requestId: 'r' })).prompts).toEqual(
      [],
    );
    applyEvent(state, contractEvent('state:tunnel', { uuid: uuidOf('a'), state: disconnected }));
    expect(JSON.stringify(state)).toBe(frozen);
  });

  it('knows up from down and the address to show', () => {
    expect(isOnOrComingUp(connecting)).toBe(true);
    expect(isOnOrComingUp(disconnected)).toBe(false);
    expect(tunnelAddress(connected('192.0.2.7/32'))).toBe('192.0.2.7');
    expect(tunnelAddress(connecting)).toBeNull();
  });
});
