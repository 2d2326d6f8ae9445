// An OpenVPN server that is NOT on NetworkManager's link: an address of its own in the servers'
// namespace (10.97.0.5, beside the test host's 10.97.0.1), reached from NM's side only through
// the base connection's gateway (the servers' veth end, 10.99.0.1), as a server on the internet
// is reached through a home router. Under lockdown only lockdown's host route gets there.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Daemon } from './daemon.js';
import { run } from './exec.js';
import { startOpenvpnServer } from './openvpn-server.js';
import type { Sandbox } from './sandbox.js';
import type { OpenvpnServer } from './types.js';

export const farServerAddress = '10.97.0.5';

/** The far server: the certificate kind, with a port, pool and tun device of its own. */
export const farServer: OpenvpnServer = {
  kind: 'cert',
  host: farServerAddress,
  port: 1197,
  subnet: '10.11.0.0/24',
  pushedRoute: '10.23.0.0/16',
  dns: '10.23.0.53',
  domain: 'far.tunnelbar.test',
};

export async function startFarServer(sb: Sandbox): Promise<Daemon> {
  const names = sb.names;
  await run('ip', ['-n', names.serverNetns, 'addr', 'add', `${farServerAddress}/32`, 'dev', 'lo']);
  const dir = join(names.dir, 'far-server');
  mkdirSync(dir, { recursive: true });
  const tun = `tb${sb.id}f`;
  const farNames = { ...names, serverTun: { ...names.serverTun, cert: tun } };
  const { daemon } = await startOpenvpnServer(farServer, farNames, sb.pki, sb.credentials, dir);
  return daemon;
}
