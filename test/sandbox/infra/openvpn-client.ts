// The client side of a sandbox tunnel: the openvpn process NetworkManager-openvpn started for it,
// found by this sandbox's own folder (several sandboxes may run at once) and its server's port.
import { execFileSync } from 'node:child_process';
import type { Sandbox, ServerKind } from './sandbox.js';

export function clientPids(sb: Sandbox, kind: ServerKind): number[] {
  const port = ` ${sb.servers[kind].port} `;
  return execFileSync('ps', ['-eo', 'pid=,args='])
    .toString()
    .split('\n')
    .filter((l) => l.includes('/openvpn ') && l.includes(`${sb.dir}/`) && l.includes(port))
    .filter((l) => l.includes('--client'))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

/** Kills the client openvpn of a connected tunnel, as a crash would: the tunnel drops. */
export function killClient(sb: Sandbox, kind: ServerKind): void {
  const pids = clientPids(sb, kind);
  if (pids.length === 0) throw new Error(`no openvpn client for the ${kind} server`);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
}
