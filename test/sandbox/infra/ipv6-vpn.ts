// An OpenVPN server whose tunnel carries IPv6 as well as IPv4, started only by a suite that asks
// for it (`startIpv6VpnServer`): the three standard servers push IPv4 only, and the suites written
// against them stay as they are. It is the certificate kind, with a port, pools and a tun device
// of its own, reached over IPv4 on the link (10.99.0.1, like the others) or over IPv6 beyond the
// gateway (fd00:97::6; the sandbox's link must have IPv6). Its IPv6 pool is a unique local prefix
// (fd00::/8) never routed anywhere else.
//
// The IPv6 test host (fd00:97::1, test-host.ts) is an address of the servers' namespace itself, so
// a packet from the tunnel to it is delivered locally and its answer goes back by the route the
// server adds for its pool on its tun device: no forwarding and no route back are needed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Daemon } from './daemon.js';
import { run } from './exec.js';
import { serverAddress } from './netns.js';
import { startOpenvpnServer } from './openvpn-server.js';
import type { Sandbox } from './sandbox.js';
import type { OpenvpnServer } from './types.js';

/** Where the server also listens over IPv6: the servers' loopback, beyond the IPv6 gateway. */
export const ipv6VpnAddress6 = 'fd00:97::6';

export const ipv6VpnServer: OpenvpnServer = {
  kind: 'cert',
  // Every address of the servers' namespace, IPv4 (mapped) and IPv6 alike: the veth end
  // 10.99.0.1 on NetworkManager's link, and ipv6VpnAddress6 reached through the IPv6 gateway.
  host: '::',
  port: 1200,
  subnet: '10.14.0.0/24',
  pushedRoute: '10.26.0.0/16',
  dns: '10.26.0.53',
  domain: 'v6.tunnelbar.test',
  // All IPv6 through the tunnel, as a VPN that carries IPv6 usually pushes it.
  ipv6: { subnet: 'fd00:98::/64', pushedRoutes: ['::/0'], dns: 'fd00:98::53' },
};

/** Its tun device in the servers' namespace (within IFNAMSIZ, like the others). */
export function ipv6VpnTun(sb: Sandbox): string {
  return `tb${sb.id}v`;
}

export async function startIpv6VpnServer(sb: Sandbox): Promise<Daemon> {
  const names = sb.names;
  const add = ['-n', names.serverNetns, '-6', 'addr', 'add', `${ipv6VpnAddress6}/128`];
  await run('ip', [...add, 'dev', 'lo', 'nodad']);
  const dir = join(names.dir, 'ipv6-vpn-server');
  mkdirSync(dir, { recursive: true });
  const v6Names = { ...names, serverTun: { ...names.serverTun, cert: ipv6VpnTun(sb) } };
  const { daemon } = await startOpenvpnServer(ipv6VpnServer, v6Names, sb.pki, sb.credentials, dir);
  return daemon;
}

/** The remote of a profile for it over IPv4, on the link (a certificate profile's vpn.data). */
export const ipv6VpnRemote = `${serverAddress}:${String(ipv6VpnServer.port)}:udp`;
/** The remote of a profile for it over IPv6, beyond the link's IPv6 gateway. */
export const ipv6VpnRemote6 = `[${ipv6VpnAddress6}]:${String(ipv6VpnServer.port)}:udp`;
