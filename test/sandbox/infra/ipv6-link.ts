// IPv6 on the veth link between NetworkManager's namespace and the servers', only for a suite
// that asks for it (`startSandbox({ ipv6: true })`): every other suite keeps the IPv4-only link
// (the base profile's `ipv6.method disabled`) it was written against.
//
// Addresses come from a unique local prefix (fd00::/8, RFC 4193): never routed anywhere else.
// Duplicate address detection is off on both ends (the servers' `nodad`, `accept_dad=0` on NM's
// veth before NetworkManager takes it): nothing else is on the link, and a tentative address would
// make the first connections fail for a second or two.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Daemon } from './daemon.js';
import { run } from './exec.js';
import type { Names } from './names.js';
import { startOpenvpnServer } from './openvpn-server.js';
import type { Sandbox } from './sandbox.js';
import type { OpenvpnServer } from './types.js';

/** The servers' veth end: the base connection's IPv6 gateway. */
export const serverAddress6 = 'fd00:99::1';
/** NetworkManager's veth end, set by the base profile (`ipv6.method manual`). */
export const nmAddress6 = 'fd00:99::2';
export const linkPrefix6 = 64;

async function sysctl(netns: string, key: string, value: string): Promise<void> {
  await run('ip', ['netns', 'exec', netns, 'sysctl', '-q', '-w', `${key}=${value}`]);
}

/** Enables IPv6 on both veth ends and gives the servers' end its address, usable at once. */
export async function addVethIpv6(names: Names): Promise<void> {
  for (const [netns, dev] of [
    [names.serverNetns, names.serverVeth],
    [names.nmNetns, names.nmVeth],
  ] as const) {
    await sysctl(netns, `net.ipv6.conf.${dev}.disable_ipv6`, '0');
    await sysctl(netns, `net.ipv6.conf.${dev}.accept_dad`, '0');
  }
  await run('ip', [
    '-n',
    names.serverNetns,
    '-6',
    'addr',
    'add',
    `${serverAddress6}/${String(linkPrefix6)}`,
    'dev',
    names.serverVeth,
    'nodad',
  ]);
}

/** The base profile's IPv6 settings: static, with the servers' end as gateway; or none. */
export function baseIpv6Args(ipv6: boolean): string[] {
  if (!ipv6) return ['ipv6.method', 'disabled'];
  return [
    'ipv6.method',
    'manual',
    'ipv6.addresses',
    `${nmAddress6}/${String(linkPrefix6)}`,
    'ipv6.gateway',
    serverAddress6,
  ];
}

/** An OpenVPN server reached over IPv6 only, beyond the gateway (as far-server.ts is over IPv4). */
export const farServerAddress6 = 'fd00:97::5';

export const farServer6: OpenvpnServer = {
  kind: 'cert',
  host: farServerAddress6,
  port: 1199,
  subnet: '10.13.0.0/24',
  pushedRoute: '10.25.0.0/16',
  dns: '10.25.0.53',
  domain: 'far6.tunnelbar.test',
};

/** Starts it on the servers' loopback (the certificate kind, a port, pool and tun of its own). */
export async function startFarServer6(sb: Sandbox): Promise<Daemon> {
  const names = sb.names;
  const add = ['-n', names.serverNetns, '-6', 'addr', 'add', `${farServerAddress6}/128`];
  await run('ip', [...add, 'dev', 'lo', 'nodad']);
  const dir = join(names.dir, 'far-server6');
  mkdirSync(dir, { recursive: true });
  const farNames = { ...names, serverTun: { ...names.serverTun, cert: `tb${sb.id}6` } };
  const { daemon } = await startOpenvpnServer(farServer6, farNames, sb.pki, sb.credentials, dir);
  return daemon;
}
