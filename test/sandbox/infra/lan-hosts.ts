// Hosts on NetworkManager's own link that are not its gateway, for lockdown's "block the local
// network": a second address on the servers' veth end, in the link's subnet (as a printer or a
// NAS sits beside the router), with the test host's TCP service; and an OpenVPN server on another
// such address (a VPN server on the local network itself).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Daemon } from './daemon.js';
import { run } from './exec.js';
import { linkPrefix } from './netns.js';
import { startOpenvpnServer } from './openvpn-server.js';
import type { Sandbox } from './sandbox.js';
import { serveOn } from './test-host.js';
import type { OpenvpnServer } from './types.js';

export const lanHostAddress = '10.99.0.3';
export const lanServerAddress = '10.99.0.4';

export const lanServer: OpenvpnServer = {
  kind: 'cert',
  host: lanServerAddress,
  port: 1198,
  subnet: '10.12.0.0/24',
  pushedRoute: '10.24.0.0/16',
  dns: '10.24.0.53',
  domain: 'lan.tunnelbar.test',
};

async function addLinkAddress(sb: Sandbox, address: string): Promise<void> {
  const dev = sb.names.serverVeth;
  await run('ip', [
    '-n',
    sb.names.serverNetns,
    'addr',
    'add',
    `${address}/${linkPrefix}`,
    'dev',
    dev,
  ]);
}

/** The host on the link: the test host's service on 10.99.0.3. */
export async function startLanHost(sb: Sandbox): Promise<Daemon> {
  await addLinkAddress(sb, lanHostAddress);
  return serveOn(sb.names, sb.logFile, lanHostAddress);
}

/** The OpenVPN server on the link (10.99.0.4): certificate kind, a port, pool and tun of its own. */
export async function startLanServer(sb: Sandbox): Promise<Daemon> {
  await addLinkAddress(sb, lanServerAddress);
  const dir = join(sb.names.dir, 'lan-server');
  mkdirSync(dir, { recursive: true });
  const names = { ...sb.names, serverTun: { ...sb.names.serverTun, cert: `tb${sb.id}l` } };
  const { daemon } = await startOpenvpnServer(lanServer, names, sb.pki, sb.credentials, dir);
  return daemon;
}
