import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { networkOf } from '../../../main/lockdown/ip-bits';
import {
  isLanRoute,
  lanPlan,
  lanRoutesIn,
  NO_LAN_PLAN,
  withLanRoutes,
} from '../../../main/lockdown/lan-routes';
import { withServerRoutes } from '../../../main/lockdown/route-data';
import type { VariantMap } from '../../../main/nm/dbus-types';

function route(dest: string, prefix: number, extra: Record<string, Variant> = {}): VariantMap {
  return { dest: new Variant('s', dest), prefix: new Variant('u', prefix), ...extra };
}

const home = [{ address: '192.168.1.23', prefix: 24 }];

describe('the networks of a link', () => {
  it('clears the host bits, in both families', () => {
    expect(networkOf('192.168.1.23', 24)).toBe('192.168.1.0');
    expect(networkOf('10.99.0.2', 16)).toBe('10.99.0.0');
    expect(networkOf('2001:db8:1:2:a:b:c:d', 64)).toBe('2001:db8:1:2::');
    expect(networkOf('2001:db8::1', 48)).toBe('2001:db8::');
    expect(networkOf('fd00:0:0:1::5', 60)).toBe('fd00::');
    expect(networkOf('not an address', 24)).toBeNull();
  });
});

describe('lanPlan', () => {
  it('allows: nothing to put on the link', () => {
    expect(lanPlan('allow', 4, home, '192.168.1.1', ['192.168.1.9'])).toEqual(NO_LAN_PLAN);
  });

  it('blocks the link’s subnet and opens its gateway and the servers on it', () => {
    const plan = lanPlan('block', 4, home, '192.168.1.1', ['192.168.1.9', '198.51.100.7']);
    expect(plan).toEqual({
      blocked: [{ address: '192.168.1.0', prefix: 24 }],
      open: ['192.168.1.1', '192.168.1.9'],
    });
  });

  it('leaves IPv6 link-local alone and opens a global gateway, not a link-local one', () => {
    const onLink = [
      { address: 'fe80::1234', prefix: 64 },
      { address: '2001:db8:5::23', prefix: 64 },
      { address: '2001:db8:5::24', prefix: 64 },
    ];
    expect(lanPlan('block', 6, onLink, 'fe80::1', [])).toEqual({
      blocked: [{ address: '2001:db8:5::', prefix: 64 }],
      open: [],
    });
    expect(lanPlan('block', 6, onLink, '2001:db8:5::1', ['10.0.0.1']).open).toEqual([
      '2001:db8:5::1',
    ]);
  });

  it('has nothing to block on a host-prefix address, nor for the other family', () => {
    expect(lanPlan('block', 4, [{ address: '203.0.113.5', prefix: 32 }], null, [])).toEqual(
      NO_LAN_PLAN,
    );
    expect(lanPlan('block', 6, home, '192.168.1.1', [])).toEqual(NO_LAN_PLAN);
  });
});

describe('local network routes in route-data', () => {
  const plan = lanPlan('block', 4, home, '192.168.1.1', ['192.168.1.9']);
  const person = route('192.168.7.0', 24, {
    metric: new Variant('u', 100),
    'next-hop': new Variant('s', '192.168.1.5'),
  });

  it('adds an unreachable route per subnet and host routes on the link, at metric 59', () => {
    const after = withLanRoutes([person], 4, plan);
    expect(after[0]).toBe(person);
    expect(after.slice(1)).toEqual([
      route('192.168.1.0', 24, {
        metric: new Variant('u', 59),
        type: new Variant('s', 'unreachable'),
      }),
      route('192.168.1.1', 32, { metric: new Variant('u', 59) }),
      route('192.168.1.9', 32, { metric: new Variant('u', 59) }),
    ]);
    expect(lanRoutesIn(after, 4)).toEqual({
      blocked: ['192.168.1.0/24'],
      open: ['192.168.1.1', '192.168.1.9'],
    });
  });

  it('an empty plan removes them and keeps the rest, server routes included', () => {
    const servers = withServerRoutes([person], 4, ['198.51.100.7'], '192.168.1.1');
    const blocked = withLanRoutes(servers, 4, plan);
    expect(withLanRoutes(blocked, 4, NO_LAN_PLAN)).toEqual(servers);
    // A server route (host route with a next hop) is not one of the block's.
    expect(servers.filter((r) => isLanRoute(r, 4))).toEqual([]);
  });

  it('applying the same plan twice changes nothing', () => {
    const once = withLanRoutes([person], 4, plan);
    expect(lanRoutesIn(withLanRoutes(once, 4, plan), 4)).toEqual(lanRoutesIn(once, 4));
    expect(withLanRoutes(once, 4, plan)).toHaveLength(once.length);
  });

  it('a person’s unreachable route at another metric is not one of the block’s', () => {
    const theirs = route('10.0.0.0', 8, {
      metric: new Variant('u', 20),
      type: new Variant('s', 'unreachable'),
    });
    expect(withLanRoutes([theirs], 4, NO_LAN_PLAN)).toEqual([theirs]);
  });
});
