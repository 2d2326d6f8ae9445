// A private keyring for a test file: its own session bus (a dbus-daemon with no service
// activation, so nothing of the host's starts on it) and, unless asked not to, a real
// gnome-keyring-daemon serving the Secret Service, unlocked with a throwaway password, its files in
// a temporary HOME. Torn down after, even when the test run dies (the sandbox's exit hooks).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nameHasOwner } from './bus.js';
import { startDaemon, type Daemon } from './daemon.js';
import { run } from './exec.js';
import { registerLive, Teardown, unregisterLive } from './teardown.js';
import { GiveUp, waitFor } from './wait.js';

export interface Keyring {
  /** The private session bus, for DBUS_SESSION_BUS_ADDRESS. */
  readonly address: string;
  /** Environment for secret-tool and the CLI: the session bus and the temporary HOME. */
  readonly env: NodeJS.ProcessEnv;
  /** gnome-keyring's own output and the bus daemon's. */
  readonly logFile: string;
  /** `secret-tool store` under nm-applet's attributes, as nm-applet or a person would. */
  store(uuid: string, key: string, value: string, settingName?: string): Promise<void>;
  /** `secret-tool lookup` under nm-applet's attributes; null when nothing is stored. */
  lookup(uuid: string, key: string, settingName?: string): Promise<string | null>;
  /** Every item of a profile: label, attributes and secret (`secret-tool search --all`). */
  items(uuid: string): Promise<KeyringItem[]>;
  /** Locks the login keyring (its unlock prompt then has nobody to show it: dismissed). */
  lock(): Promise<void>;
  stop(): Promise<void>;
}

export interface KeyringItem {
  label: string;
  secret: string;
  attributes: Record<string, string>;
}

const KEYRING_PASSWORD = 'tunnelbar-test-keyring';
const SECRETS_NAME = 'org.freedesktop.secrets';

function sessionBusConfig(socket: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

/** Parses `secret-tool search --all` output: blocks starting with `[/path]`. */
export function parseSearch(text: string): KeyringItem[] {
  const items: KeyringItem[] = [];
  let current: KeyringItem | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('[')) {
      current = { label: '', secret: '', attributes: {} };
      items.push(current);
      continue;
    }
    const match = /^(\S+) = (.*)$/.exec(line);
    if (current === undefined || match === null) continue;
    const [, name = '', value = ''] = match;
    if (name === 'label') current.label = value;
    else if (name === 'secret') current.secret = value;
    else if (name === 'schema') current.attributes['xdg:schema'] = value;
    else if (name.startsWith('attribute.')) current.attributes[name.slice(10)] = value;
  }
  return items;
}

export async function startKeyring(opts: { secretService?: boolean } = {}): Promise<Keyring> {
  const dir = mkdtempSync('/tmp/tunnelbar-keyring-');
  const teardown = new Teardown();
  registerLive(teardown);
  teardown.add({
    name: `folder ${dir}`,
    release: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
    releaseSync: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  });
  const daemonStep = (d: Daemon) => ({
    name: d.name,
    release: () => d.stop(),
    releaseSync: () => {
      d.stopSync();
    },
  });
  try {
    const logFile = join(dir, 'keyring.log');
    writeFileSync(logFile, '');
    const socket = join(dir, 'session_bus_socket');
    writeFileSync(join(dir, 'session.conf'), sessionBusConfig(socket));
    const bus = startDaemon(
      'session dbus-daemon',
      'dbus-daemon',
      [`--config-file=${join(dir, 'session.conf')}`, '--nofork'],
      { logFile },
    );
    teardown.add(daemonStep(bus));
    await waitFor('the private session bus', () => {
      if (!bus.isRunning()) throw new GiveUp(`dbus-daemon exited, see ${logFile}`);
      return existsSync(socket);
    });
    const address = `unix:path=${socket}`;
    const home = join(dir, 'home');
    const runtime = join(dir, 'run');
    for (const d of [home, runtime]) mkdirSync(d, { mode: 0o700 });
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      XDG_RUNTIME_DIR: runtime,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
      DBUS_SESSION_BUS_ADDRESS: address,
    };
    if (opts.secretService !== false) {
      const keyring = startDaemon(
        'gnome-keyring-daemon',
        'sh',
        [
          '-c',
          // The password on stdin, as PAM gives it at login; --foreground keeps it our child.
          'printf %s "$TB_KEYRING_PASSWORD" | exec gnome-keyring-daemon --foreground --unlock ' +
            `--components=secrets --control-directory=${join(runtime, 'keyring')}`,
        ],
        { logFile, env: { ...env, TB_KEYRING_PASSWORD: KEYRING_PASSWORD } },
      );
      teardown.add(daemonStep(keyring));
      await waitFor('gnome-keyring on the session bus', async () => {
        if (!keyring.isRunning()) throw new GiveUp(`gnome-keyring-daemon exited, see ${logFile}`);
        return nameHasOwner(address, SECRETS_NAME);
      });
      // --unlock makes the "login" keyring, the default collection, at start.
      await waitFor('the login keyring', async () =>
        /collection\/login/.test(await readAlias(env)),
      );
    }
    return keyringApi(address, env, logFile, teardown);
  } catch (err) {
    await teardown.run().catch(() => undefined);
    unregisterLive(teardown);
    throw err;
  }
}

function readAlias(env: NodeJS.ProcessEnv): Promise<string> {
  return run(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      `--dest=${SECRETS_NAME}`,
      '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service.ReadAlias',
      'string:default',
    ],
    { env, timeoutMs: 5_000 },
  );
}

function attributes(uuid: string, key: string, settingName: string): string[] {
  return ['connection-uuid', uuid, 'setting-name', settingName, 'setting-key', key];
}

function keyringApi(
  address: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
  teardown: Teardown,
): Keyring {
  let stopped: Promise<void> | undefined;
  return {
    address,
    env,
    logFile,
    async store(uuid, key, value, settingName = 'vpn') {
      const args = ['store', `--label=VPN ${key} secret for ${uuid}`];
      await run('secret-tool', [...args, ...attributes(uuid, key, settingName)], {
        env,
        input: value,
        timeoutMs: 10_000,
      });
    },
    async lookup(uuid, key, settingName = 'vpn') {
      try {
        const args = ['lookup', ...attributes(uuid, key, settingName)];
        return await run('secret-tool', args, { env, timeoutMs: 10_000 });
      } catch {
        return null; // secret-tool lookup exits 1 when nothing matches
      }
    },
    async items(uuid) {
      const args = ['search', '--all', '--unlock', 'connection-uuid', uuid];
      // secret-tool prints the attributes on stderr and the rest on stdout: merge them.
      const out = await run('sh', ['-c', 'secret-tool "$@" 2>&1', 'secret-tool', ...args], {
        env,
        timeoutMs: 10_000,
      });
      return parseSearch(out);
    },
    async lock() {
      await run(
        'dbus-send',
        [
          '--session',
          '--print-reply',
          `--dest=${SECRETS_NAME}`,
          '/org/freedesktop/secrets',
          'org.freedesktop.Secret.Service.Lock',
          'array:objpath:/org/freedesktop/secrets/collection/login',
        ],
        { env, timeoutMs: 5_000 },
      );
    },
    stop() {
      stopped ??= teardown.run().finally(() => {
        unregisterLive(teardown);
      });
      return stopped;
    },
  };
}
