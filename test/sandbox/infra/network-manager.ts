// NetworkManager itself, run inside the holder's namespaces with a configuration that keeps it
// away from the host: keyfile profiles in the sandbox folder, no DNS or hostname changes, no
// polkit, no automatic profiles. Only the veth is managed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nameHasOwner } from './bus.js';
import { startDaemon, type Daemon } from './daemon.js';
import type { Names } from './names.js';
import { GiveUp, waitFor } from './wait.js';

export const nmBusName = 'org.freedesktop.NetworkManager';

export interface NmPaths {
  config: string;
  configDir: string;
  keyfileDir: string;
  stateFile: string;
  pidFile: string;
  internConfig: string;
}

/**
 * `dns: true`: NetworkManager computes its DNS configuration (DnsManager, its private resolv.conf).
 * `everyUser: true`: NetworkManager allows every user everything (auth-polkit=false), as a
 * desktop's polkit allows the person at it: a non-root user's lockdown changes then succeed.
 */
export interface NmConfigOptions {
  dns?: boolean;
  everyUser?: boolean;
}

function nmConfig(names: Names, keyfileDir: string, opts: NmConfigOptions): string {
  return `# Written by the Tunnelbar sandbox.
[main]
plugins=keyfile
# Never touch the host's resolv.conf or hostname. With dns=default NetworkManager still computes
# its DNS configuration and writes /run/NetworkManager/resolv.conf (a private tmpfs, see
# nm-namespace.ts); rc-manager=unmanaged keeps it away from /etc/resolv.conf.
dns=${opts.dns === true ? 'default' : 'none'}
rc-manager=unmanaged
hostname-mode=none
# No "Wired connection 1" for the veth: its only profile is the sandbox's static one.
no-auto-default=*
# No polkit on the private bus: root (nmcli, tests) may do everything, other users nothing, as
# on a machine whose polkit says no (the tests' permission-denied case); or, asked for, every
# user everything, as a desktop's polkit allows the person at it.
auth-polkit=${opts.everyUser === true ? 'false' : 'root-only'}

[keyfile]
path=${keyfileDir}

[logging]
level=INFO

[connectivity]
enabled=false

# Managed from the start, after every restart too (no runtime "nmcli device set" needed).
[device-sandbox-veth]
match-device=interface-name:${names.nmVeth}
managed=1
`;
}

export function writeNmConfig(names: Names, opts: NmConfigOptions = {}): NmPaths {
  const dir = join(names.dir, 'nm');
  const paths: NmPaths = {
    config: join(dir, 'NetworkManager.conf'),
    // Empty on purpose: the host's conf.d snippets must not change the sandbox's behaviour.
    configDir: join(dir, 'conf.d'),
    keyfileDir: join(dir, 'system-connections'),
    stateFile: join(dir, 'NetworkManager.state'),
    pidFile: join(dir, 'NetworkManager.pid'),
    internConfig: join(dir, 'NetworkManager-intern.conf'),
  };
  mkdirSync(paths.configDir, { recursive: true });
  mkdirSync(paths.keyfileDir, { mode: 0o700 });
  writeFileSync(paths.config, nmConfig(names, paths.keyfileDir, opts));
  return paths;
}

/** Starts NM in the holder's namespaces and resolves once it owns its bus name. */
export async function startNm(
  holderPid: number,
  paths: NmPaths,
  busAddress: string,
  logFile: string,
  env: NodeJS.ProcessEnv,
): Promise<Daemon> {
  const nm = startDaemon(
    'NetworkManager',
    'nsenter',
    [
      `--target=${holderPid}`,
      '--mount',
      '--net',
      '--',
      'NetworkManager',
      // --debug: stay in the foreground and log to stderr, which goes to the sandbox log.
      '--debug',
      `--config=${paths.config}`,
      `--config-dir=${paths.configDir}`,
      `--system-config-dir=${paths.configDir}`,
      `--intern-config=${paths.internConfig}`,
      `--state-file=${paths.stateFile}`,
      `--pid-file=${paths.pidFile}`,
    ],
    { logFile, env },
  );
  await waitFor(
    'NetworkManager on the sandbox bus',
    async () => {
      if (!nm.isRunning()) throw new GiveUp(`NetworkManager exited, see ${logFile}`);
      return nameHasOwner(busAddress, nmBusName);
    },
    30_000,
  );
  return nm;
}

/**
 * Signals NM's own process only, not its group: like systemd's KillMode=process for
 * NetworkManager.service, the VPN plugin and openvpn survive an NM stop or crash.
 */
export async function stopNm(
  nm: Daemon,
  signal: NodeJS.Signals,
  busAddress: string,
): Promise<void> {
  if (nm.isRunning()) {
    try {
      process.kill(nm.pid, signal);
    } catch {
      // Already exited.
    }
  }
  await waitFor(`NetworkManager to exit on ${signal}`, () => !nm.isRunning(), 20_000);
  await waitFor('NetworkManager to leave the bus', async () => {
    return !(await nameHasOwner(busAddress, nmBusName));
  });
}
