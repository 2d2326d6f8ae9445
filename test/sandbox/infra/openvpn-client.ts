// The client side of a sandbox tunnel: the openvpn process NetworkManager-openvpn started for it,
// found by this sandbox's own folder (several sandboxes may run at once) and its server's port.
import { execFileSync } from 'node:child_process';
import type { Sandbox, ServerKind } from './sandbox.js';

/** The client openvpn processes of this sandbox talking to the server on `port`. */
export function clientPidsOnPort(sb: Sandbox, port: number): number[] {
  const portArg = ` ${String(port)} `;
  return execFileSync('ps', ['-eo', 'pid=,args='])
    .toString()
    .split('\n')
    .filter((l) => l.includes('/openvpn ') && l.includes(`${sb.dir}/`) && l.includes(portArg))
    .filter((l) => l.includes('--client'))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

export function clientPids(sb: Sandbox, kind: ServerKind): number[] {
  return clientPidsOnPort(sb, sb.servers[kind].port);
}

/** Kills the client openvpn of a connected tunnel, as a crash would: the tunnel drops. */
export function killClientOnPort(sb: Sandbox, port: number): void {
  const pids = clientPidsOnPort(sb, port);
  if (pids.length === 0) throw new Error(`no openvpn client for the server on port ${port}`);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
}

export function killClient(sb: Sandbox, kind: ServerKind): void {
  killClientOnPort(sb, sb.servers[kind].port);
}
