// Lockdown's block left behind by a NetworkManager restart. NetworkManager removes an
// `unreachable` route only if it added it in its current run; a restart while lockdown was on
// (package upgrades do that) finds the route already in the kernel, so deleting the lockdown
// profile leaves it, and the machine offline. `off` therefore watches the kernel: the routes
// NetworkManager removes are seen going (netlink, through `ip monitor`), and what is still there
// afterwards is removed here when this process may (root), or named with what to do.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { errorStrings as e } from '../errors/error-strings';

/** The metric of lockdown's unreachable default routes (settings.ts). */
export const BLOCK_METRIC = 60;
/** How long NetworkManager gets to remove its routes after the profile is deleted. */
export const REMOVAL_WAIT_MS = 3_000;
/**
 * How long a user's `off` waits when lockdown's dispatcher hook is installed: the hook (a root
 * process NetworkManager starts when lockdown's bridge goes down) removes what NetworkManager left.
 */
export const HOOK_WAIT_MS = 12_000;
const RTF_REJECT = 0x0200;

export interface BlockRoutes {
  ipv4: boolean;
  ipv6: boolean;
}

/** /proc/net/route: a default route (destination and mask 0) with the reject flag at the metric. */
export function hasIpv4Block(procNetRoute: string): boolean {
  return procNetRoute
    .split('\n')
    .slice(1)
    .some((line) => {
      const [, dest, , flags, , , metric, mask] = line.trim().split(/\s+/);
      return (
        dest === '00000000' &&
        mask === '00000000' &&
        (parseInt(flags ?? '0', 16) & RTF_REJECT) !== 0 &&
        Number(metric) === BLOCK_METRIC
      );
    });
}

/**
 * /proc/net/ipv6_route: ::/0 with the reject flag at the metric (hex). The kernel's own
 * unreachable default, present in every namespace, has metric ffffffff and is not lockdown's.
 */
export function hasIpv6Block(procNetIpv6Route: string): boolean {
  return procNetIpv6Route.split('\n').some((line) => {
    const [dest, prefix, , , , metric, , , flags] = line.trim().split(/\s+/);
    return (
      dest === '0'.repeat(32) &&
      prefix === '00' &&
      (parseInt(flags ?? '0', 16) & RTF_REJECT) !== 0 &&
      parseInt(metric ?? '', 16) === BLOCK_METRIC
    );
  });
}

async function readOrEmpty(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    // No IPv6 in this kernel: nothing there to block.
    return '';
  }
}

export async function readBlockRoutes(): Promise<BlockRoutes> {
  const [v4, v6] = await Promise.all([
    readOrEmpty('/proc/net/route'),
    readOrEmpty('/proc/net/ipv6_route'),
  ]);
  return { ipv4: hasIpv4Block(v4), ipv6: hasIpv6Block(v6) };
}

/**
 * Starts watching the kernel's route deletions; `settled()` resolves once the block routes there
 * were (`before`) were all seen deleted, or after the wait. Started before the profile is
 * deleted; a deletion it misses only makes it wait, since the kernel is read again afterwards.
 */
export function watchBlockRemoval(
  before: BlockRoutes,
  waitMs = REMOVAL_WAIT_MS,
): {
  settled: () => Promise<void>;
  stop: () => void;
} {
  const seen = { ipv4: !before.ipv4, ipv6: !before.ipv6 };
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  let child: ReturnType<typeof spawn> | null = null;
  if (seen.ipv4 && seen.ipv6) done();
  else {
    child = spawn('ip', ['-o', 'monitor', 'route'], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.on('error', () => {
      done();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.startsWith('Deleted unreachable default ')) continue;
        if (!line.includes(` metric ${BLOCK_METRIC} `) && !line.endsWith(` metric ${BLOCK_METRIC}`))
          continue;
        // `ip` prints an IPv6 route with its preference; an IPv4 one has none.
        if (line.includes(' pref ')) seen.ipv6 = true;
        else seen.ipv4 = true;
      }
      if (seen.ipv4 && seen.ipv6) done();
    });
  }
  const stop = (): void => {
    child?.kill();
    done();
  };
  return {
    settled: async () => {
      const timer = setTimeout(done, waitMs);
      await finished;
      clearTimeout(timer);
      stop();
    },
    stop,
  };
}

function deleteBlock(family: '-4' | '-6'): Promise<boolean> {
  return new Promise((resolve) => {
    const args = [family, 'route', 'del', 'unreachable', 'default', 'metric', String(BLOCK_METRIC)];
    const child = spawn('ip', args, { stdio: 'ignore' });
    child.on('error', () => {
      resolve(false);
    });
    child.on('close', (code) => {
      resolve(code === 0);
    });
  });
}

export function leftoverBlockError(): TunnelbarError {
  return new TunnelbarError('lockdown-leftover', e.lockdown.leftover);
}

/**
 * Removes a block NetworkManager left: as root with `ip route del`; otherwise throws the error
 * that says how. Resolves when nothing of it is left.
 */
export async function clearLeftoverBlock(
  found: BlockRoutes,
  isRoot = process.getuid?.() === 0,
): Promise<void> {
  if (!found.ipv4 && !found.ipv6) return;
  if (!isRoot) throw leftoverBlockError();
  if (found.ipv4) await deleteBlock('-4');
  if (found.ipv6) await deleteBlock('-6');
  const after = await readBlockRoutes();
  if (after.ipv4 || after.ipv6) throw leftoverBlockError();
}
