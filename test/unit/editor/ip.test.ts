// The IP pages' reading and writing (main/editor/ip.ts): what reaches NetworkManager's ipv4/ipv6
// settings for each field, in both families and both DNS forms.
import { describe, expect, it } from 'vitest';
import { applyIp, readIp, type Family } from '../../../main/editor/ip';
import type { VariantMap } from '../../../main/nm/dbus-types';
import { TunnelbarError } from '../../../main/errors/tunnelbar-error';
import type { IpEdit } from '../../../preload/editor';
import { v } from '../../builders/variant';

function changed(
  current: VariantMap | undefined,
  family: Family,
  change: (e: IpEdit) => void,
): VariantMap {
  const base = readIp(current, family);
  const edit = structuredClone(base);
  change(edit);
  return applyIp(current, base, edit, family);
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof TunnelbarError) return err.message;
    throw err;
  }
  throw new Error('not refused');
}

describe('reading', () => {
  it('defaults an absent setting to automatic with nothing set', () => {
    expect(readIp(undefined, 6)).toEqual({
      method: 'auto',
      addresses: [],
      dns: [],
      dnsSearch: [],
      routes: [],
      neverDefault: false,
      ignoreAutoRoutes: false,
      ignoreAutoDns: false,
    });
  });

  it('reads every field', () => {
    const map: VariantMap = {
      method: v('s', 'manual'),
      'address-data': v('aa{sv}', [{ address: v('s', 'fd00::2'), prefix: v('u', 64) }]),
      'route-data': v('aa{sv}', [
        {
          dest: v('s', 'fd01::'),
          prefix: v('u', 48),
          'next-hop': v('s', 'fd00::1'),
          metric: v('u', 7),
        },
        { dest: v('s', 'fd02::') },
      ]),
      'dns-data': v('as', ['fd00::53']),
      'dns-search': v('as', ['corp.example']),
      'never-default': v('b', true),
      'ignore-auto-routes': v('b', true),
      'ignore-auto-dns': v('b', true),
    };
    expect(readIp(map, 6)).toEqual({
      method: 'manual',
      addresses: ['fd00::2/64'],
      dns: ['fd00::53'],
      dnsSearch: ['corp.example'],
      routes: [
        { dest: 'fd01::/48', nextHop: 'fd00::1', metric: 7 },
        { dest: 'fd02::/0', nextHop: null, metric: null },
      ],
      neverDefault: true,
      ignoreAutoRoutes: true,
      ignoreAutoDns: true,
    });
  });

  it('decodes legacy DNS of either family, and prefers dns-data even when empty', () => {
    const bytes = Buffer.from([0xfd, 0, ...Array<number>(13).fill(0), 0x53]);
    expect(readIp({ dns: v('aay', [bytes]) }, 6).dns).toEqual(['fd00::53']);
    expect(readIp({ dns: v('au', [0x3500000a]) }, 4).dns).toEqual(['10.0.0.53']);
    expect(readIp({ dns: v('au', [0x3500000a]), 'dns-data': v('as', []) }, 4).dns).toEqual([]);
    expect(readIp({ dns: v('s', 'junk') }, 4).dns).toEqual([]);
    // A malformed list keeps only what has the family's type.
    expect(readIp({ dns: v('au', ['x', 0x3500000a]) }, 4).dns).toEqual(['10.0.0.53']);
    expect(readIp({ dns: v('aay', ['x', bytes]) }, 6).dns).toEqual(['fd00::53']);
  });

  it('reads an entry without an address or destination as empty, not made up', () => {
    const map: VariantMap = {
      'address-data': v('aa{sv}', [{ prefix: v('u', 24) }]),
      'route-data': v('aa{sv}', [{ prefix: v('u', 8) }]),
    };
    expect(readIp(map, 4).addresses).toEqual(['/24']);
    expect(readIp(map, 4).routes).toEqual([{ dest: '/8', nextHop: null, metric: null }]);
  });
});

describe('writing', () => {
  it('writes only what changed, onto a copy of the current setting', () => {
    const current: VariantMap = { method: v('s', 'auto'), 'x-unknown': v('s', 'kept') };
    const out = changed(current, 4, (e) => {
      e.method = 'manual';
    });
    expect(out).toEqual({ method: v('s', 'manual'), 'x-unknown': v('s', 'kept') });
    expect(current.method?.value).toBe('auto');
    expect(changed(current, 4, () => undefined)).toEqual(current);
  });

  it('writes addresses in the new form, without their legacy twin or labels', () => {
    const current: VariantMap = {
      addresses: v('aau', [[0x0200000a, 24, 0]]),
      'address-labels': v('as', ['old']),
      'address-data': v('aa{sv}', [{ address: v('s', '10.0.0.2'), prefix: v('u', 24) }]),
    };
    const out = changed(current, 4, (e) => {
      e.addresses = [' 10.0.0.3 ', '10.0.1.0/24'];
    });
    expect(out).toEqual({
      'address-data': v('aa{sv}', [
        { address: v('s', '10.0.0.3'), prefix: v('u', 32) },
        { address: v('s', '10.0.1.0'), prefix: v('u', 24) },
      ]),
    });
    const cleared = changed(current, 4, (e) => {
      e.addresses = [];
    });
    expect(cleared).toEqual({});
  });

  it('gives an IPv6 address without a prefix /128', () => {
    const out = changed({}, 6, (e) => {
      e.addresses = ['fd00::2'];
    });
    expect(out['address-data']).toEqual(
      v('aa{sv}', [{ address: v('s', 'fd00::2'), prefix: v('u', 128) }]),
    );
  });

  it('refuses an address of the other family, naming it', () => {
    expect(refusal(() => changed({}, 6, (e) => void (e.addresses = ['10.0.0.1/24'])))).toBe(
      '“10.0.0.1/24” is not an IPv6 address with a prefix.',
    );
    expect(refusal(() => changed({}, 4, (e) => void (e.dns = ['fd00::53'])))).toBe(
      '“fd00::53” is not an IPv4 address.',
    );
    expect(refusal(() => changed({}, 4, (e) => void (e.dns = ['junk'])))).toBe(
      '“junk” is not an IPv4 address.',
    );
    expect(refusal(() => changed({}, 4, (e) => void (e.dns = ['10.0.0.53/32'])))).toBe(
      '“10.0.0.53/32” is not an IPv4 address.',
    );
  });

  it('writes routes; a blank next hop and no metric are left out', () => {
    const current: VariantMap = {
      routes: v('a(ayuayu)', []),
      'route-data': v('aa{sv}', [{ dest: v('s', 'fd09::'), prefix: v('u', 64) }]),
    };
    const out = changed(current, 6, (e) => {
      e.routes = [
        { dest: 'fd01::/48', nextHop: ' ', metric: null },
        { dest: 'fd02::', nextHop: 'fd00::1', metric: 0 },
      ];
    });
    expect(out).toEqual({
      'route-data': v('aa{sv}', [
        { dest: v('s', 'fd01::'), prefix: v('u', 48) },
        {
          dest: v('s', 'fd02::'),
          prefix: v('u', 128),
          'next-hop': v('s', 'fd00::1'),
          metric: v('u', 0),
        },
      ]),
    });
    expect(
      refusal(() =>
        changed(
          {},
          6,
          (e) => void (e.routes = [{ dest: '10.0.0.0/8', nextHop: null, metric: null }]),
        ),
      ),
    ).toBe('“10.0.0.0/8” is not an IPv6 route destination.');
    expect(changed(current, 6, (e) => void (e.routes = []))).toEqual({});
  });

  it('writes DNS as dns-data where NetworkManager has it, else in the legacy form of the family', () => {
    const withData = changed({ 'dns-data': v('as', []), dns: v('au', []) }, 4, (e) => {
      e.dns = ['10.0.0.53'];
    });
    expect(withData).toEqual({ 'dns-data': v('as', ['10.0.0.53']) });
    const legacy4 = changed({ dns: v('au', []) }, 4, (e) => void (e.dns = ['10.0.0.53']));
    expect(legacy4).toEqual({ dns: v('au', [0x3500000a]) });
    const legacy6 = changed(undefined, 6, (e) => void (e.dns = [' fd00::53 ']));
    const bytes = Buffer.from([0xfd, 0, ...Array<number>(13).fill(0), 0x53]);
    expect(legacy6).toEqual({ dns: v('aay', [bytes]) });
    const none = changed({ 'dns-data': v('as', ['10.0.0.53']), dns: v('au', [1]) }, 4, (e) => {
      e.dns = [];
    });
    expect(none).toEqual({});
  });

  it('writes search domains, and removes them when emptied', () => {
    const out = changed({}, 6, (e) => void (e.dnsSearch = ['corp.example', 'lab.example']));
    expect(out).toEqual({ 'dns-search': v('as', ['corp.example', 'lab.example']) });
    expect(changed(out, 6, (e) => void (e.dnsSearch = []))).toEqual({});
  });

  it('writes each flag that changed, both ways', () => {
    const on = changed({}, 4, (e) => {
      e.neverDefault = true;
      e.ignoreAutoRoutes = true;
      e.ignoreAutoDns = true;
    });
    expect(on).toEqual({
      'never-default': v('b', true),
      'ignore-auto-routes': v('b', true),
      'ignore-auto-dns': v('b', true),
    });
    const off = changed(on, 4, (e) => void (e.ignoreAutoDns = false));
    expect(off['ignore-auto-dns']).toEqual(v('b', false));
    expect(off['never-default']).toBe(on['never-default']);
  });
});
