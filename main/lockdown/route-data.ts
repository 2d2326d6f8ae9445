// Lockdown's host routes to the VPN servers, as entries of a connection's `ipv4.route-data` /
// `ipv6.route-data`. Pure: no bus.
//
// Under lockdown the unreachable default route (metric 60) beats the physical link's default
// route, so a VPN server that is not on the local link could not be reached and no VPN could
// connect. A host route (/32, /128) to each server address through the link's gateway is more
// specific than any default route, so it wins whatever the metrics, and opens exactly those
// addresses. Tunnelbar adds them to the applied (runtime) connection of each active link with a
// gateway (Device.Reapply), never to a saved profile. They are recognised by their metric:
// SERVER_ROUTE_METRIC, a host route with a next hop; nothing else is ever removed.
import { isIP } from 'node:net';
import { Variant } from 'dbus-next';
import { numberProp, stringProp, type VariantMap } from '../nm/dbus-types';
import { inPrefix, type Family } from './ip-bits';

export { inPrefix, type Family } from './ip-bits';

/** The metric that marks a server route as lockdown's (just under lockdown's own 60). */
export const SERVER_ROUTE_METRIC = 59;

function hostPrefix(family: Family): number {
  return family === 4 ? 32 : 128;
}

/** A route entry is lockdown's server route: a host route with a next hop, at its metric. */
export function isServerRoute(route: VariantMap, family: Family): boolean {
  return (
    numberProp(route, 'metric') === SERVER_ROUTE_METRIC &&
    numberProp(route, 'prefix') === hostPrefix(family) &&
    (stringProp(route, 'next-hop') ?? '') !== ''
  );
}

export function serverRoute(address: string, gateway: string, family: Family): VariantMap {
  return {
    dest: new Variant('s', address),
    prefix: new Variant('u', hostPrefix(family)),
    'next-hop': new Variant('s', gateway),
    metric: new Variant('u', SERVER_ROUTE_METRIC),
  };
}

/** `dest` of each server route in a route-data list, sorted: what is installed now. */
export function serverRouteDests(routes: readonly VariantMap[], family: Family): string[] {
  return routes
    .filter((r) => isServerRoute(r, family))
    .map((r) => stringProp(r, 'dest') ?? '')
    .sort();
}

/** The list with every server route replaced by one per address (none: all removed). */
export function withServerRoutes(
  routes: readonly VariantMap[],
  family: Family,
  addresses: readonly string[],
  gateway: string | null,
): VariantMap[] {
  const kept = routes.filter((r) => !isServerRoute(r, family));
  if (gateway === null) return kept;
  return [...kept, ...addresses.map((a) => serverRoute(a, gateway, family))];
}

/** The addresses of one family that are not on the link already (those need no route). */
export function routedAddresses(
  addresses: readonly string[],
  family: Family,
  onLink: readonly { address: string; prefix: number }[],
): string[] {
  const wanted = addresses.filter((a) => isIP(a) === family);
  const outside = wanted.filter((a) => !onLink.some((l) => inPrefix(a, l.address, l.prefix)));
  return [...new Set(outside)].sort();
}
