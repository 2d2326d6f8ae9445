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

/** The metric that marks a server route as lockdown's (just under lockdown's own 60). */
export const SERVER_ROUTE_METRIC = 59;

export type Family = 4 | 6;

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

function ipv4Bits(address: string): bigint {
  return address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Bits(address: string): bigint {
  const [head = '', tail] = address.toLowerCase().split('::');
  const groups = (text: string): string[] => (text === '' ? [] : text.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const expand = (parts: string[]): bigint[] =>
    parts.flatMap((p) => {
      if (!p.includes('.')) return [BigInt(Number.parseInt(p, 16))];
      const v4 = ipv4Bits(p);
      return [v4 >> 16n, v4 & 0xffffn];
    });
  const l = expand(left);
  const r = expand(right);
  const all = [...l, ...Array<bigint>(8 - l.length - r.length).fill(0n), ...r];
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** Whether an address lies in prefix/length (same family; false otherwise). */
export function inPrefix(address: string, prefix: string, length: number): boolean {
  const family = isIP(address);
  if (family === 0 || family !== isIP(prefix)) return false;
  const width = family === 4 ? 32 : 128;
  const bits = family === 4 ? ipv4Bits : ipv6Bits;
  const shift = BigInt(width - Math.min(Math.max(length, 0), width));
  return bits(address) >> shift === bits(prefix) >> shift;
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
