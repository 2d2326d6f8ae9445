import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import {
  inPrefix,
  routedAddresses,
  serverRouteDests,
  withServerRoutes,
} from '../../../main/lockdown/route-data';
import type { VariantMap } from '../../../main/nm/dbus-types';

function route(dest: string, prefix: number, metric?: number, nextHop?: string): VariantMap {
  return {
    dest: new Variant('s', dest),
    prefix: new Variant('u', prefix),
    ...(metric === undefined ? {} : { metric: new Variant('u', metric) }),
    ...(nextHop === undefined ? {} : { 'next-hop': new Variant('s', nextHop) }),
  };
}

describe('server routes in route-data', () => {
  const own = route('192.168.7.0', 24, 100, '192.168.1.5');
  const userHost = route('203.0.113.9', 32, 20, '192.168.1.1');

  it('replaces only its own routes (host route, next hop, metric 59), keeping the person’s', () => {
    const before = [own, userHost, route('198.51.100.1', 32, 59, '192.168.1.1')];
    const after = withServerRoutes(before, 4, ['198.51.100.2', '198.51.100.3'], '192.168.1.1');
    expect(after.slice(0, 2)).toEqual([own, userHost]);
    expect(serverRouteDests(after, 4)).toEqual(['198.51.100.2', '198.51.100.3']);
    expect(after[2]?.['next-hop']?.value).toBe('192.168.1.1');
    expect(after[2]?.metric?.value).toBe(59);
  });

  it('removes them all without a gateway or addresses', () => {
    const before = [own, route('198.51.100.1', 32, 59, '192.168.1.1')];
    expect(withServerRoutes(before, 4, ['198.51.100.1'], null)).toEqual([own]);
    expect(withServerRoutes(before, 4, [], '192.168.1.1')).toEqual([own]);
  });

  it('an on-link route at metric 59 (no next hop) is not one of its own', () => {
    const onLink = route('198.51.100.1', 32, 59);
    expect(withServerRoutes([onLink], 4, [], '192.168.1.1')).toEqual([onLink]);
  });

  it('IPv6 host routes are /128', () => {
    const after = withServerRoutes([], 6, ['2001:db8::1'], 'fe80::1');
    expect(after[0]?.prefix?.value).toBe(128);
    expect(serverRouteDests(after, 6)).toEqual(['2001:db8::1']);
  });
});

describe('which addresses need a route', () => {
  it('tells prefixes of both families', () => {
    expect(inPrefix('10.99.0.1', '10.99.0.2', 24)).toBe(true);
    expect(inPrefix('10.97.0.5', '10.99.0.2', 24)).toBe(false);
    expect(inPrefix('2001:db8::5', '2001:db8::1', 64)).toBe(true);
    expect(inPrefix('2001:db9::5', '2001:db8::1', 64)).toBe(false);
    expect(inPrefix('::ffff:10.0.0.1', '::ffff:10.0.0.0', 120)).toBe(true);
    expect(inPrefix('10.0.0.1', '2001:db8::', 0)).toBe(false);
  });

  it('keeps one family, leaves out the link’s own subnets, no repeats, sorted', () => {
    const onLink = [{ address: '10.99.0.2', prefix: 24 }];
    const all = ['10.99.0.1', '198.51.100.2', '2001:db8::1', '198.51.100.1', '198.51.100.2'];
    expect(routedAddresses(all, 4, onLink)).toEqual(['198.51.100.1', '198.51.100.2']);
    expect(routedAddresses(all, 6, [])).toEqual(['2001:db8::1']);
  });
});
