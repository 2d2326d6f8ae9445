// Starts the sandbox's pieces in dependency order, registering each with the teardown as soon as
// it exists. Independent pieces start side by side: the PKI, the bus and the syslog listener; the
// OpenVPN servers while NetworkManager starts.
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { addBaseConnection, waitBaseActive, waitDeviceManaged } from './base-connection.js';
import { startBus, type Bus } from './bus.js';
import type { Daemon } from './daemon.js';
import { run, type RunOptions } from './exec.js';
import { namesFor, newId, serverKinds, type Names } from './names.js';
import { addVethIpv6 } from './ipv6-link.js';
import { makeDispatcherDir, startDispatcher } from './dispatcher.js';
import { addNetns, addVeth } from './netns.js';
import { startNm, writeNmConfig, type NmConfigOptions, type NmPaths } from './network-manager.js';
import { startNmNamespace } from './nm-namespace.js';
import { startOpenvpnServer } from './openvpn-server.js';
import { makePki, type Pki } from './pki.js';
import { credentials, serverPlan } from './server-plan.js';
import { startSyslogListener } from './syslog-listener.js';
import type { Step, Teardown } from './teardown.js';
import type { OpenvpnServer, ServerKind } from './types.js';

export type NmcliOptions = Pick<RunOptions, 'input' | 'timeoutMs'>;

/**
 * NetworkManager's options, `ipv6: true` for IPv6 on the veth link (ipv6-link.ts), and
 * `dispatcher: true` for NetworkManager's dispatcher with a folder of the sandbox's own
 * (dispatcher.ts; `Parts.dispatcherDir`).
 */
export interface SandboxOptions extends NmConfigOptions {
  ipv6?: boolean;
  dispatcher?: boolean;
}

export interface Parts {
  names: Names;
  logFile: string;
  bus: Bus;
  env: NodeJS.ProcessEnv;
  pki: Pki;
  servers: Record<ServerKind, OpenvpnServer>;
  serverLogFiles: Record<ServerKind, string>;
  /** Each OpenVPN server's daemon now running (replaced when restarted), and how to start it. */
  serverDaemons: Record<ServerKind, { current: Daemon | undefined; start: () => Promise<Daemon> }>;
  /** Holds NM's mount namespace; NM restarts inside it. */
  holder: Daemon;
  nmPaths: NmPaths;
  /** The NetworkManager now running, replaced on restart; read by the teardown when it runs. */
  nm: { current: Daemon | undefined };
  nmcli: (args: string[], opts?: NmcliOptions) => Promise<string>;
  /** The folder NetworkManager's dispatcher reads as dispatcher.d; null without `dispatcher`. */
  dispatcherDir: string | null;
}

function daemonStep(name: string, daemon: () => Daemon | undefined): Step {
  return {
    name,
    release: async () => {
      await daemon()?.stop();
    },
    releaseSync: () => {
      daemon()?.stopSync();
    },
  };
}

/** Creates the sandbox folder, trying new ids until one is free, and registers its removal. */
export function makeSandboxDir(teardown: Teardown): Names {
  for (let attempt = 0; ; attempt++) {
    const names = namesFor(newId());
    try {
      mkdirSync(names.dir);
    } catch (err) {
      if (attempt < 10 && (err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    const remove = () => {
      rmSync(names.dir, { recursive: true, force: true });
    };
    teardown.add({
      name: `folder ${names.dir}`,
      release: async () => {
        remove();
        return Promise.resolve();
      },
      releaseSync: () => {
        try {
          remove();
        } catch {
          // Nothing more can be done in an exit hook.
        }
      },
    });
    // Readable for the openvpn client after it drops root (user nm-openvpn).
    chmodSync(names.dir, 0o755);
    return names;
  }
}

export async function assemble(
  names: Names,
  logFile: string,
  teardown: Teardown,
  options: SandboxOptions = {},
): Promise<Parts> {
  const { ipv6 = false, dispatcher = false, ...nmOptions } = options;
  teardown.add(await addNetns(names.serverNetns));
  teardown.add(await addNetns(names.nmNetns));
  await addVeth(names);
  if (ipv6) await addVethIpv6(names);

  const [pki, bus, syslog] = await Promise.all([
    makePki(names.dir, names.id),
    startBus(names.dir, logFile),
    startSyslogListener(names.dir, logFile),
  ]);
  teardown.add(daemonStep('dbus-daemon', () => bus.daemon));
  teardown.add(daemonStep('syslog listener', () => syslog.daemon));

  const servers = serverPlan();
  const serverLogFiles = {} as Record<ServerKind, string>;
  const serverDaemons = {} as Parts['serverDaemons'];
  const serverDir = join(names.dir, 'servers');
  mkdirSync(serverDir);
  const serversUp = Promise.all(
    serverKinds.map(async (kind) => {
      const start = async (): Promise<Daemon> => {
        const server = await startOpenvpnServer(servers[kind], names, pki, credentials, serverDir);
        serverLogFiles[kind] = server.logFile;
        return server.daemon;
      };
      const control: Parts['serverDaemons'][ServerKind] = { current: undefined, start };
      serverDaemons[kind] = control;
      control.current = await start();
      teardown.add(daemonStep(`openvpn server ${kind}`, () => control.current));
    }),
  );
  // Awaited only once NM is up; until then a failure must not count as an unhandled rejection.
  serversUp.catch(() => undefined);

  try {
    const dispatcherDir = dispatcher ? makeDispatcherDir(names.dir) : null;
    const holder = await startNmNamespace(
      names,
      bus.dir,
      syslog.socket,
      logFile,
      dispatcherDir ?? undefined,
    );
    teardown.add(daemonStep('NM namespace holder', () => holder));
    const nm: Parts['nm'] = { current: undefined };
    teardown.add(daemonStep('NetworkManager', () => nm.current));
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: bus.address };
    // The tests' own keyrings come in explicitly (test/sandbox/keyring.ts), never the host's
    // (whose session bus is found through either variable).
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.XDG_RUNTIME_DIR;
    const nmcli = (args: string[], opts: NmcliOptions = {}) => run('nmcli', args, { ...opts, env });
    const nmPaths = writeNmConfig(names, nmOptions);
    if (dispatcherDir !== null) {
      // Before NetworkManager: its first events already go to the dispatcher.
      const nmDispatcher = await startDispatcher(holder.pid, bus.address, logFile, env);
      teardown.add(daemonStep('nm-dispatcher', () => nmDispatcher));
    }

    nm.current = await startNm(holder.pid, nmPaths, bus.address, logFile, env);
    await waitDeviceManaged(nmcli, names);
    await addBaseConnection(nmcli, names, ipv6);
    await waitBaseActive(nmcli, names);
    await serversUp;
    return {
      names,
      logFile,
      bus,
      env,
      pki,
      servers,
      serverLogFiles,
      serverDaemons,
      holder,
      nmPaths,
      nm,
      nmcli,
      dispatcherDir,
    };
  } catch (err) {
    // Let server starts in flight finish, so that the teardown sees (and stops) every server.
    await serversUp.catch(() => undefined);
    throw err;
  }
}
