import { describe, expect, it } from 'vitest';
import { isOnOrComingUp } from '../../../preload/tunnel-view';

describe('isOnOrComingUp', () => {
  it('is true for connecting, needs-secrets and connected only', () => {
    expect(isOnOrComingUp({ kind: 'needs-secrets' })).toBe(true);
    expect(isOnOrComingUp({ kind: 'connecting', stage: 'connect' })).toBe(true);
    expect(isOnOrComingUp({ kind: 'disconnecting' })).toBe(false);
    expect(isOnOrComingUp({ kind: 'disconnected' })).toBe(false);
  });
});
