// Every name a sandbox uses on the machine derives from its id, so two sandboxes can run at once
// and leftovers can be traced back to the sandbox that made them.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export type ServerKind = 'password' | 'cert' | 'challenge';
export const serverKinds: readonly ServerKind[] = ['password', 'cert', 'challenge'];

/** Prefix of every sandbox folder under /tmp. */
export const dirPrefix = 'tunnelbar-sandbox-';

export interface Names {
  id: string;
  dir: string;
  /** Network namespace of NetworkManager (and of the openvpn clients it starts). */
  nmNetns: string;
  /** Network namespace of the OpenVPN servers. */
  serverNetns: string;
  /** veth end in NM's namespace, and the one in the servers' namespace. */
  nmVeth: string;
  serverVeth: string;
  /** The servers' tun devices, one per server. */
  serverTun: Record<ServerKind, string>;
  /** NM profile of the static ethernet connection on nmVeth (the VPNs' base connection). */
  baseProfile: string;
}

export function newId(): string {
  // 6 hex digits: 'tb' + id + one letter = 9 characters, well within IFNAMSIZ (15).
  return randomBytes(3).toString('hex');
}

export function namesFor(id: string, tmpDir = '/tmp'): Names {
  const tb = `tb${id}`;
  return {
    id,
    dir: join(tmpDir, dirPrefix + id),
    nmNetns: `${tb}-nm`,
    serverNetns: `${tb}-srv`,
    nmVeth: `${tb}n`,
    serverVeth: `${tb}s`,
    serverTun: { password: `${tb}p`, cert: `${tb}c`, challenge: `${tb}x` },
    baseProfile: `${tb}-base`,
  };
}
