// `route NETWORK [NETMASK [GATEWAY [METRIC]]]` → ipv4.routes, as NetworkManager-openvpn imports it:
// IPv4 literals only; the netmask becomes a prefix (32 minus its trailing zero bits); gateway
// 0.0.0.0 means none; `route 0.0.0.0 0.0.0.0` only confirms never-default=false (the default);
// a route equal to an earlier one is not added twice. The special names vpn_gateway, net_gateway
// and remote_host, and host names, make nmcli reject the file; repairs.ts explains the ones
// that are repaired here.

import { formatIPv4, netmaskToPrefix, parseIPv4 } from '../inet';
import { G_MAXUINT32 } from '../numbers';
import { checkCount, checkInt } from './state';
import type { DirectiveContext } from './directive-kit';
import type { IpRoute } from '../profile';
import { importErrorStrings as m } from '../import-errors-strings';

const SPECIAL = ['vpn_gateway', 'net_gateway', 'remote_host'];

/** The error for an argument that is not an IPv4 literal (args_params_parse_ip4). */
function ip4Error(p: readonly string[], i: number, extended: boolean): string {
  const v = p[i] ?? '';
  const where = m.argument(i, 'route');
  if (extended && SPECIAL.includes(v)) {
    return m.repair.routeSpecial(where, v);
  }
  if (extended && v.length <= 255 && /^[A-Za-z0-9.-]*$/.test(v)) {
    return m.repair.routeHostName(where, v);
  }
  return m.repair.routeNotIpv4(where, v);
}

export function handleRoute(p: readonly string[], c: DirectiveContext): string | null {
  const n = checkCount(p, 1, 4);
  if (n !== null) return n;
  if (p[1] === 'remote_host' && p[2] === '255.255.255.255' && p[3] === 'net_gateway') {
    c.repair(m.repair.remoteHostRoute);
    return null;
  }
  const network = parseIPv4(p[1] ?? '');
  if (network === null) return ip4Error(p, 1, true);
  let prefix = 32;
  let nextHop: string | undefined;
  let metric: number | undefined;
  let gateway: 'vpn' | 'net' | null = null;
  if (p[2] !== undefined) {
    const mask = parseIPv4(p[2]);
    if (mask === null) return ip4Error(p, 2, false);
    prefix = netmaskToPrefix(mask);
    if (p[3] !== undefined) {
      const gw = parseIPv4(p[3]);
      if (gw === null) {
        if (p[3] === 'vpn_gateway') gateway = 'vpn';
        else if (p[3] === 'net_gateway') gateway = 'net';
        else return ip4Error(p, 3, true);
      } else if (!gw.every((b) => b === 0)) nextHop = formatIPv4(gw);
      if (p[4] !== undefined) {
        const m = checkInt(p, 4, 0n, G_MAXUINT32);
        if (!m.ok) return m.error;
        metric = Number(m.value);
      }
    }
  }
  const dest = formatIPv4(network);
  if (gateway === 'net') {
    c.repair(m.repair.netGateway(dest, prefix));
    return null;
  }
  if (gateway === 'vpn') {
    c.repair(m.repair.vpnGateway(dest, prefix));
  }
  if (prefix === 0 && network.every((b) => b === 0)) return null; // never-default=false: the default
  const route: IpRoute = { dest, prefix };
  if (nextHop !== undefined) route['next-hop'] = nextHop;
  if (metric !== undefined) route.metric = metric;
  const same = (r: IpRoute): boolean =>
    r.dest === route.dest &&
    r.prefix === route.prefix &&
    r['next-hop'] === route['next-hop'] &&
    r.metric === route.metric;
  if (!c.st.routes.some(same)) c.st.routes.push(route);
  return null;
}
