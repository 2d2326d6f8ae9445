// NetworkManager's dispatcher (nm-dispatcher), for the tests of lockdown's dispatcher hook. On a
// machine the bus starts it on NetworkManager's first call; the sandbox's bus starts nothing (no
// service activation), so it runs here for the sandbox's whole life (--persist), in
// NetworkManager's mount and network namespaces: it then finds the sandbox's folder bound over
// /etc/NetworkManager/dispatcher.d (nm-namespace.ts) and the sandbox's bus at /run/dbus, and the
// scripts it runs see NetworkManager's network. The bus's policy (nm-dispatcher.conf, from the
// host's system.d) lets root own org.freedesktop.nm_dispatcher.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { nameHasOwner } from './bus.js';
import { startDaemon, type Daemon } from './daemon.js';
import { GiveUp, waitFor } from './wait.js';

export const dispatcherBusName = 'org.freedesktop.nm_dispatcher';
export const dispatcherBinary = '/usr/lib/NetworkManager/nm-dispatcher';

/** The sandbox's dispatcher folder: root's, 0755 (the dispatcher checks its scripts, not it). */
export function makeDispatcherDir(sandboxDir: string): string {
  const dir = join(sandboxDir, 'dispatcher.d');
  mkdirSync(join(dir, 'no-wait.d'), { recursive: true, mode: 0o755 });
  return dir;
}

export async function startDispatcher(
  holderPid: number,
  busAddress: string,
  logFile: string,
  env: NodeJS.ProcessEnv,
): Promise<Daemon> {
  const daemon = startDaemon(
    'nm-dispatcher',
    'nsenter',
    [
      `--target=${holderPid}`,
      '--mount',
      '--net',
      '--',
      dispatcherBinary,
      // --debug: log to stderr (the sandbox log) with the scripts' output, not to syslog.
      '--debug',
      '--persist',
    ],
    { logFile, env },
  );
  await waitFor('nm-dispatcher on the sandbox bus', async () => {
    if (!daemon.isRunning()) throw new GiveUp(`nm-dispatcher exited, see ${logFile}`);
    return nameHasOwner(busAddress, dispatcherBusName);
  });
  return daemon;
}
