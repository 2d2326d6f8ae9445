// Lockdown's "block the local network" routes, as entries of a link's `ipv4.route-data` /
// `ipv6.route-data`. Pure: no bus.
//
// The link's own subnets are reached through NetworkManager's prefix routes (the link's metric:
// 100 ethernet, 600 Wi-Fi), more specific than any default route, so lockdown's unreachable
// default route never covers them. Blocking them takes an `unreachable` route for each subnet at
// a lower metric (59, lockdown's mark) on the link's applied connection. The gateway must stay
// reachable (the server host routes and the link's default route go through it; DHCP renewals
// and the router's resolver are there): a host route to it on the link (no next hop), more
// specific than the blocked subnet. VPN servers on the link itself get the same. IPv6 link-local
// (fe80::/10: neighbour discovery, router advertisements, a link-local gateway) is never blocked.
import { Variant } from 'dbus-next';
import type { LanChoice } from '../../preload/privacy-types';
import { numberProp, stringProp, type VariantMap } from '../nm/dbus-types';
import { addressBits, familyWidth, inPrefix, networkOf, type Family } from './ip-bits';

/** Lockdown's mark on a route it put on a link (the server routes carry it too). */
export const LAN_ROUTE_METRIC = 59;

export interface Subnet {
  /** The network address (host bits cleared). */
  address: string;
  prefix: number;
}

/** What blocking the local network puts on one link and family. */
export interface LanPlan {
  blocked: Subnet[];
  /** Addresses on the blocked subnets that stay reachable, each with a host route. */
  open: string[];
}

export const NO_LAN_PLAN: LanPlan = { blocked: [], open: [] };

function isIpv6LinkLocal(address: string): boolean {
  return inPrefix(address, 'fe80::', 10);
}

/**
 * The plan for one link and family: its own subnets (from its addresses; host-prefix addresses
 * and IPv6 link-local left out) blocked, and the gateway and the server addresses on them open.
 */
export function lanPlan(
  choice: LanChoice,
  family: Family,
  onLink: readonly { address: string; prefix: number }[],
  gateway: string | null,
  serverAddresses: readonly string[],
): LanPlan {
  if (choice === 'allow') return NO_LAN_PLAN;
  const width = familyWidth(family);
  const blocked = new Map<string, Subnet>();
  for (const { address, prefix } of onLink) {
    if (addressBits(address)?.family !== family || prefix >= width || prefix <= 0) continue;
    if (family === 6 && isIpv6LinkLocal(address)) continue;
    const network = networkOf(address, prefix);
    if (network !== null) blocked.set(`${network}/${prefix}`, { address: network, prefix });
  }
  const subnets = [...blocked.values()].sort((a, b) =>
    `${a.address}/${a.prefix}`.localeCompare(`${b.address}/${b.prefix}`),
  );
  const candidates = [...(gateway === null ? [] : [gateway]), ...serverAddresses];
  const open = candidates.filter(
    (a) =>
      addressBits(a)?.family === family && subnets.some((s) => inPrefix(a, s.address, s.prefix)),
  );
  return { blocked: subnets, open: [...new Set(open)].sort() };
}

function blockRoute(subnet: Subnet): VariantMap {
  return {
    dest: new Variant('s', subnet.address),
    prefix: new Variant('u', subnet.prefix),
    metric: new Variant('u', LAN_ROUTE_METRIC),
    type: new Variant('s', 'unreachable'),
  };
}

function openRoute(address: string, family: Family): VariantMap {
  return {
    dest: new Variant('s', address),
    prefix: new Variant('u', familyWidth(family)),
    metric: new Variant('u', LAN_ROUTE_METRIC),
  };
}

function isBlockRoute(route: VariantMap): boolean {
  return (
    numberProp(route, 'metric') === LAN_ROUTE_METRIC && stringProp(route, 'type') === 'unreachable'
  );
}

/** A host route on the link (no next hop) at lockdown's metric: one the plan opened. */
function isOpenRoute(route: VariantMap, family: Family): boolean {
  return (
    numberProp(route, 'metric') === LAN_ROUTE_METRIC &&
    numberProp(route, 'prefix') === familyWidth(family) &&
    (stringProp(route, 'next-hop') ?? '') === '' &&
    (stringProp(route, 'type') ?? 'unicast') === 'unicast'
  );
}

/** A route entry is one of the local network block's (an unreachable subnet or an opened host). */
export function isLanRoute(route: VariantMap, family: Family): boolean {
  return isBlockRoute(route) || isOpenRoute(route, family);
}

/** The list with every local network route replaced by the plan's (an empty plan removes them). */
export function withLanRoutes(
  routes: readonly VariantMap[],
  family: Family,
  plan: LanPlan,
): VariantMap[] {
  const kept = routes.filter((r) => !isLanRoute(r, family));
  return [...kept, ...plan.blocked.map(blockRoute), ...plan.open.map((a) => openRoute(a, family))];
}

/** What a route-data list holds of the block now, sorted: `blocked` as `net/len`, `open` hosts. */
export function lanRoutesIn(
  routes: readonly VariantMap[],
  family: Family,
): { blocked: string[]; open: string[] } {
  const text = (r: VariantMap): string => stringProp(r, 'dest') ?? '';
  return {
    blocked: routes
      .filter(isBlockRoute)
      .map((r) => `${text(r)}/${String(numberProp(r, 'prefix') ?? 0)}`)
      .sort(),
    open: routes
      .filter((r) => isOpenRoute(r, family))
      .map(text)
      .sort(),
  };
}
