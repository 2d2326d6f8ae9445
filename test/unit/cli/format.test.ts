import { describe, expect, it } from 'vitest';
import { describeState, describeStatus, statusEntry } from '../../../main/cli/format';
import { reasonFromCode } from '../../../main/nm/reasons';

const ip4 = {
  addresses: ['10.8.0.2/24'],
  gateway: '10.8.0.1',
  routes: [{ dest: '10.20.0.0/16', nextHop: '10.8.0.1', metric: 50 }],
  dns: ['10.8.0.1'],
  domains: ['corp.example'],
};

describe('statusEntry', () => {
  it('gives the JSON shape of a connected tunnel', () => {
    const entry = statusEntry(
      { uuid: 'u', id: 'work' },
      { kind: 'connected', ip4, ip6: null, since: 0, banner: null },
    );
    expect(entry).toEqual({
      uuid: 'u',
      id: 'work',
      state: 'connected',
      since: '1970-01-01T00:00:00.000Z',
      banner: null,
      reason: null,
      reasonText: null,
      ip4,
      ip6: null,
    });
  });

  it('carries the reason word and sentence of a failure', () => {
    const entry = statusEntry(
      { uuid: 'u', id: 'work' },
      { kind: 'failed', reason: reasonFromCode(6) },
    );
    expect([entry.reason, entry.reasonText]).toEqual([
      'connect-timeout',
      reasonFromCode(6).sentence,
    ]);
  });
});

describe('human output', () => {
  it('describes states in one line', () => {
    expect(describeState({ kind: 'connecting', stage: 'connect' })).toBe('connecting (connect)');
    expect(describeState({ kind: 'failed', reason: reasonFromCode(9) })).toMatch(
      /^failed \(no-secrets\): /,
    );
  });

  it('prints every part of the status', () => {
    const text = describeStatus(
      statusEntry(
        { uuid: 'u', id: 'work' },
        { kind: 'connected', ip4, ip6: null, since: 0, banner: 'Hi' },
      ),
      90_000,
    );
    expect(text).toContain('connected for: 90 s');
    expect(text).toContain('IPv4 route: 10.20.0.0/16 via 10.8.0.1 metric 50');
    expect(text).toContain('IPv4 DNS: 10.8.0.1');
    expect(text).toContain('IPv4 domains: corp.example');
    expect(text).toContain('banner: Hi');
  });
});
