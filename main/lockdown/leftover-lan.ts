// The local network block left in the kernel by a NetworkManager restart. As with lockdown's
// default block (leftover-block.ts), NetworkManager removes an `unreachable` route only if it
// added it in its current run: after a restart while the local network was blocked, the subnet's
// unreachable route is already in the kernel, and neither `--allow-lan` nor `off` (a Reapply
// without it) makes NetworkManager remove it. So after those, whatever unreachable route at
// lockdown's metric is in the kernel but no longer wanted is removed here when this process may
// (root, `ip route del`), or named with what to do.
import { spawn } from 'node:child_process';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { errorStrings as e } from '../errors/error-strings';
import { LAN_ROUTE_METRIC } from './lan-routes';
import { REMOVAL_WAIT_MS } from './leftover-block';

interface IpRoute {
  type?: string;
  dst?: string;
  metric?: number;
}

/** `ip -j route show type unreachable`: lockdown's subnet blocks (`10.0.0.0/24`), not defaults. */
export function parseLanBlocks(json: string): string[] {
  let routes: unknown;
  try {
    routes = JSON.parse(json === '' ? '[]' : json);
  } catch {
    return [];
  }
  if (!Array.isArray(routes)) return [];
  return (routes as IpRoute[])
    .filter((r) => r.type === 'unreachable' && r.metric === LAN_ROUTE_METRIC)
    .map((r) => r.dst ?? 'default')
    .filter((dst) => dst !== 'default' && dst.includes('/'));
}

function ip(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('ip', args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', () => {
      resolve({ code: null, out: '' });
    });
    child.on('close', (code) => {
      resolve({ code, out });
    });
  });
}

/** The subnet blocks at lockdown's metric now in this namespace's kernel, both families. */
export async function readLanBlocks(): Promise<string[]> {
  const [v4, v6] = await Promise.all([
    ip(['-j', '-4', 'route', 'show', 'type', 'unreachable']),
    ip(['-j', '-6', 'route', 'show', 'type', 'unreachable']),
  ]);
  return [...parseLanBlocks(v4.out), ...parseLanBlocks(v6.out)].sort();
}

/** Resolves once each of `routes` was seen deleted (`ip monitor`), or after the wait. */
function waitDeleted(routes: readonly string[], waitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const left = new Set(routes);
    const child = spawn('ip', ['-o', 'monitor', 'route'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const finish = (): void => {
      clearTimeout(timer);
      child.kill();
      resolve();
    };
    const timer = setTimeout(finish, waitMs);
    child.on('error', finish);
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const [deleted, type, dst] = line.split(' ');
        if (deleted !== 'Deleted' || type !== 'unreachable' || dst === undefined) continue;
        if (line.includes(` metric ${String(LAN_ROUTE_METRIC)}`)) left.delete(dst);
      }
      if (left.size === 0) finish();
    });
  });
}

export function leftoverLanError(): TunnelbarError {
  return new TunnelbarError('lockdown-leftover', e.lockdown.leftoverLan);
}

/**
 * Makes sure no subnet block but `wanted` is left in the kernel: those NetworkManager did not
 * remove are removed as root, else the error says how. `before` is what was there before the
 * change (read first, so that a removal NetworkManager makes meanwhile is not missed).
 */
export async function clearLeftoverLan(
  before: readonly string[],
  wanted: readonly string[],
  isRoot = process.getuid?.() === 0,
  /** How long a user waits for NetworkManager (or the dispatcher hook) to remove them. */
  waitMs = REMOVAL_WAIT_MS,
): Promise<void> {
  const unwanted = (list: readonly string[]): string[] => list.filter((r) => !wanted.includes(r));
  if (unwanted(before).length === 0) return;
  let left = unwanted(await readLanBlocks());
  if (left.length > 0 && !isRoot) {
    await waitDeleted(left, waitMs);
    left = unwanted(await readLanBlocks());
  }
  if (left.length === 0) return;
  if (!isRoot) throw leftoverLanError();
  for (const dst of left)
    await ip(['route', 'del', 'unreachable', dst, 'metric', String(LAN_ROUTE_METRIC)]);
  if (unwanted(await readLanBlocks()).length > 0) throw leftoverLanError();
}
