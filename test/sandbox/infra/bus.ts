// The sandbox's private system bus. NetworkManager, its VPN plugin and nmcli all talk over the
// system bus; a dbus-daemon of our own keeps them off the host's bus (if it even has one).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDaemon, type Daemon } from './daemon.js';
import { run } from './exec.js';
import { GiveUp, waitFor } from './wait.js';

const hostSystemConf = '/usr/share/dbus-1/system.conf';
/** Name NetworkManager's helpers expect in /run/dbus; that folder is bind-mounted over /run/dbus. */
export const busSocketName = 'system_bus_socket';
/** The D-Bus names of VPN plugins the tests install (test/sandbox/test-plugin.ts) are under it. */
export const TEST_PLUGIN_PREFIX = 'org.freedesktop.NetworkManager.tbtest';

export interface Bus {
  daemon: Daemon;
  /** Folder holding the socket. */
  dir: string;
  address: string;
}

/**
 * Derives the config from the installed system.conf so that the policy files of system.d (which
 * let NM and its plugin own their names) apply unchanged. Removed: the user switch, forking and
 * syslog; service activation (nothing on this bus may start a host service); the relative
 * includes, which dbus would resolve against our folder.
 */
export function busConfig(socketPath: string, pidFile: string): string {
  let conf = readFileSync(hostSystemConf, 'utf8');
  const replace = (pattern: RegExp, by: string) => {
    if (!pattern.test(conf)) throw new Error(`${hostSystemConf}: no match for ${String(pattern)}`);
    conf = conf.replace(pattern, by);
  };
  replace(/<listen>[^<]*<\/listen>/, `<listen>unix:path=${socketPath}</listen>`);
  replace(/<pidfile>[^<]*<\/pidfile>/, `<pidfile>${pidFile}</pidfile>`);
  replace(
    /<includedir>system\.d<\/includedir>/,
    '<includedir>/usr/share/dbus-1/system.d</includedir>',
  );
  conf = conf
    .replace(/<user>[^<]*<\/user>/, '')
    .replace(/<fork\/>/, '')
    .replace(/<syslog\/>/, '')
    .replace(/<standard_system_servicedirs\/>/, '')
    .replace(/<servicehelper>[^<]*<\/servicehelper>/, '');
  // Test VPN plugins (their names start with TEST_PLUGIN_PREFIX) may run as root, as packaged
  // plugins may through their own policy files.
  const testPlugins = `<policy user="root"><allow own_prefix="${TEST_PLUGIN_PREFIX}"/><allow send_destination_prefix="${TEST_PLUGIN_PREFIX}"/></policy>`;
  replace(/<\/busconfig>\s*$/, `${testPlugins}\n</busconfig>\n`);
  return conf;
}

/** Starts dbus-daemon on the sandbox's config and resolves once its socket is there. */
async function startBusDaemon(sandboxDir: string, logFile: string): Promise<Daemon> {
  const socket = join(sandboxDir, 'bus', busSocketName);
  const configFile = join(sandboxDir, 'dbus-system.conf');
  const daemon = startDaemon(
    'dbus-daemon',
    'dbus-daemon',
    [`--config-file=${configFile}`, '--nofork'],
    { logFile },
  );
  await waitFor('the private dbus-daemon', () => {
    if (!daemon.isRunning()) throw new GiveUp(`dbus-daemon exited, see ${logFile}`);
    return existsSync(socket);
  });
  return daemon;
}

export async function startBus(sandboxDir: string, logFile: string): Promise<Bus> {
  const dir = join(sandboxDir, 'bus');
  // 0755: the openvpn helper runs as user nm-openvpn and reaches the socket through /run/dbus.
  mkdirSync(dir, { mode: 0o755 });
  const socket = join(dir, busSocketName);
  writeFileSync(
    join(sandboxDir, 'dbus-system.conf'),
    busConfig(socket, join(sandboxDir, 'dbus.pid')),
  );
  const daemon = await startBusDaemon(sandboxDir, logFile);
  return { daemon, dir, address: `unix:path=${socket}` };
}

/** Stops the bus daemon: every client loses the bus at once. */
export async function stopBus(bus: Bus): Promise<void> {
  await bus.daemon.stop();
  // A daemon that exits leaves its socket file; the new one must create it afresh.
  rmSync(join(bus.dir, busSocketName), { force: true });
}

/** Starts a new bus daemon on the same socket after stopBus; `bus.daemon` is then the new one. */
export async function restartStoppedBus(
  bus: Bus,
  sandboxDir: string,
  logFile: string,
): Promise<void> {
  bus.daemon = await startBusDaemon(sandboxDir, logFile);
}

/** Whether a well-known name has an owner on the bus at `address`. */
export async function nameHasOwner(address: string, name: string): Promise<boolean> {
  const out = await run(
    'dbus-send',
    [
      `--bus=${address}`,
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${name}`,
    ],
    { timeoutMs: 5_000 },
  );
  return /boolean true/.test(out);
}
