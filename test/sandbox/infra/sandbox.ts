// The Tunnelbar test sandbox: a private system bus, a real NetworkManager in its own network and
// mount namespaces, and three OpenVPN servers (password, certificate, challenge/OTP) in a second
// namespace joined to NM's by a veth pair. Used by the sandbox tests and by `npm run sandbox`.
// /work/shared/notes/sandbox.md explains why each trick is needed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assemble,
  makeSandboxDir,
  type NmcliOptions,
  type Parts,
  type SandboxOptions,
} from './assemble.js';
import { waitBaseActive } from './base-connection.js';
import { restartStoppedBus, stopBus } from './bus.js';
import type { Names } from './names.js';
import { startNm, stopNm } from './network-manager.js';
import type { Pki } from './pki.js';
import { missingPrerequisites } from './prerequisites.js';
import {
  addProfileArgs,
  parseAddedUuid,
  vpnData,
  type ProfileKind,
  type ProfileOptions,
} from './profiles.js';
import { credentials } from './server-plan.js';
import { sweepStaleSandboxes, writeOwner } from './stale.js';
import { run } from './exec.js';
import { registerLive, Teardown, unregisterLive } from './teardown.js';
import type { Credentials, OpenvpnServer, ServerKind } from './types.js';

export type {
  Credentials,
  NmcliOptions,
  OpenvpnServer,
  ProfileKind,
  ProfileOptions,
  SandboxOptions,
  ServerKind,
};
export { missingPrerequisites, sweepStaleSandboxes };

export interface Sandbox {
  /** Short unique id, used in all names. */
  readonly id: string;
  /** Its own folder under /tmp. */
  readonly dir: string;
  /** unix:path=<dir>/bus/system_bus_socket */
  readonly busAddress: string;
  /**
   * process.env plus DBUS_SYSTEM_BUS_ADDRESS=busAddress, less DBUS_SESSION_BUS_ADDRESS: what runs
   * against the sandbox never touches the keyring of the session the tests run in.
   */
  readonly env: NodeJS.ProcessEnv;
  /** NetworkManager's keyfile folder (the profiles it saved, system-owned secrets included). */
  readonly keyfileDir: string;
  /**
   * With `dispatcher: true`: the folder NetworkManager's dispatcher reads as its dispatcher.d
   * (bound over /etc/NetworkManager/dispatcher.d in NetworkManager's mount namespace only).
   */
  readonly dispatcherDir: string | null;
  readonly servers: Record<ServerKind, OpenvpnServer>;
  readonly credentials: Credentials;
  /** Syslog of NM's plugin and the openvpn client, plus NM's own stdout/stderr. */
  readonly logFile: string;
  /** Network namespaces, veth ends and the base connection's profile name. */
  readonly names: Readonly<Names>;
  /** CA, client certificate and key, tls-crypt key (for profiles made by hand or an importer). */
  readonly pki: Readonly<Pki>;
  /** Log of each OpenVPN server (the server side). */
  readonly serverLogFiles: Readonly<Record<ServerKind, string>>;
  /** nmcli against the sandbox bus; rejects with stderr on failure. `input` is fed to stdin. */
  nmcli(args: string[], opts?: NmcliOptions): Promise<string>;
  /** Adds a saved OpenVPN profile pointing at one server (or at an address where nothing answers). */
  addOpenvpnProfile(
    kind: ProfileKind,
    opts?: ProfileOptions,
  ): Promise<{ uuid: string; id: string }>;
  /** Resolves when NM is gone from the bus (name released). Only NM's own process is signalled. */
  stopNetworkManager(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Resolves when NM owns its bus name again and the base ethernet connection is active. */
  startNetworkManager(): Promise<void>;
  /** Stops one OpenVPN server (its clients lose it); resolves once the process is gone. */
  stopServer(kind: ServerKind): Promise<void>;
  /** Starts a stopped OpenVPN server again, on the same address and PKI. */
  startServer(kind: ServerKind): Promise<void>;
  /** Stops the bus daemon: every client, NetworkManager too, loses the bus. */
  stopBus(): Promise<void>;
  /** A new bus daemon on the same socket (clients must connect again). */
  startBus(): Promise<void>;
  readLog(): string;
  /** A file as NetworkManager sees it in its mount namespace (its private /run, for one). */
  readNmFile(path: string): Promise<string>;
  /** Idempotent; tears down everything, even after a partial start. */
  stop(): Promise<void>;
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const missing = missingPrerequisites();
  if (missing.length > 0) throw new Error(`sandbox prerequisites missing: ${missing.join(', ')}`);

  sweepStaleSandboxes();
  const teardown = new Teardown();
  registerLive(teardown);
  let logFile = '';
  try {
    const names = makeSandboxDir(teardown);
    writeOwner(names.dir);
    logFile = join(names.dir, 'sandbox.log');
    writeFileSync(logFile, '');
    return sandboxApi(await assemble(names, logFile, teardown, options), teardown);
  } catch (err) {
    const log = tail(logFile); // before the teardown removes the folder
    await teardown.run().catch(() => undefined);
    unregisterLive(teardown);
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`startSandbox failed: ${message}\n--- sandbox log (tail) ---\n${log}`, {
      cause: err,
    });
  }
}

function sandboxApi(parts: Parts, teardown: Teardown): Sandbox {
  const { names, logFile, bus, holder, nmPaths, nm, nmcli, servers, pki, env } = parts;
  const profileCount = new Map<ProfileKind, number>();
  let stopped: Promise<void> | undefined;

  return {
    id: names.id,
    dir: names.dir,
    busAddress: bus.address,
    env,
    keyfileDir: nmPaths.keyfileDir,
    dispatcherDir: parts.dispatcherDir,
    servers,
    credentials,
    logFile,
    names,
    pki,
    serverLogFiles: parts.serverLogFiles,
    nmcli,
    async addOpenvpnProfile(kind, opts = {}) {
      const count = (profileCount.get(kind) ?? 0) + 1;
      profileCount.set(kind, count);
      const id = opts.id ?? (count === 1 ? `tb-${kind}` : `tb-${kind}-${count}`);
      const data = vpnData(kind, servers, pki, credentials, opts);
      const out = await nmcli(addProfileArgs(id, data, credentials, opts));
      return { uuid: parseAddedUuid(out), id };
    },
    async stopNetworkManager(signal = 'SIGTERM') {
      if (nm.current) await stopNm(nm.current, signal, bus.address);
    },
    async startNetworkManager() {
      if (!nm.current?.isRunning()) {
        nm.current = await startNm(holder.pid, nmPaths, bus.address, logFile, env);
      }
      await waitBaseActive(nmcli, names);
    },
    async stopServer(kind) {
      await parts.serverDaemons[kind].current?.stop();
    },
    async startServer(kind) {
      const control = parts.serverDaemons[kind];
      if (control.current?.isRunning() === true) return;
      control.current = await control.start();
    },
    stopBus: () => stopBus(bus),
    startBus: () => restartStoppedBus(bus, names.dir, logFile),
    readLog: () => readFileSync(logFile, 'utf8'),
    readNmFile: (path) => run('nsenter', [`--target=${holder.pid}`, '--mount', '--', 'cat', path]),
    stop() {
      stopped ??= teardown.run().finally(() => {
        unregisterLive(teardown);
      });
      return stopped;
    },
  };
}
