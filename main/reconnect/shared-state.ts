import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  watch,
  writeFileSync,
  type FSWatcher,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TunnelStateView } from '../../preload/tunnel-types';

/**
 * The reconnect policy runs inside one process (the app, or `tunnelbar up --stay`), but
 * `tunnelbar status` and `watch` run in their own: NetworkManager only says "failed" between
 * attempts. So each process running the policy keeps a small file of its reconnecting tunnels in
 * the user's runtime folder (0700), and the CLI reads it, and follows it with inotify (no polling).
 * A file whose process is gone is ignored. Same user only: nothing here crosses a user boundary.
 */

export type Reconnecting = Extract<TunnelStateView, { kind: 'reconnecting' }>;

const FILE = /^reconnect-(\d+)\.json$/;

export function reconnectStateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TUNNELBAR_RUNTIME_DIR) return env.TUNNELBAR_RUNTIME_DIR;
  const uid = process.getuid?.() ?? 0;
  if (env.XDG_RUNTIME_DIR) return join(env.XDG_RUNTIME_DIR, 'tunnelbar');
  return join(tmpdir(), `tunnelbar-${uid}`);
}

/** What one process publishes: its reconnecting tunnels, rewritten whole on every change. */
export class ReconnectPublisher {
  private readonly tunnels = new Map<string, Reconnecting>();
  private readonly file: string;

  constructor(
    private readonly dir: string = reconnectStateDir(),
    private readonly onWarning?: (text: string) => void,
  ) {
    this.file = join(dir, `reconnect-${process.pid}.json`);
  }

  /** The tunnel's state as shown: kept while reconnecting, dropped otherwise. */
  set(uuid: string, state: TunnelStateView): void {
    const before = this.tunnels.get(uuid);
    if (state.kind === 'reconnecting') this.tunnels.set(uuid, state);
    else if (before === undefined) return;
    else this.tunnels.delete(uuid);
    this.write();
  }

  close(): void {
    this.tunnels.clear();
    rmSync(this.file, { force: true });
  }

  private write(): void {
    try {
      if (this.tunnels.size === 0) {
        rmSync(this.file, { force: true });
        return;
      }
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const tmp = `${this.file}.tmp`;
      writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.tunnels)), { mode: 0o600 });
      renameSync(tmp, this.file);
    } catch (err) {
      // The policy goes on; only other processes' view of it is missing.
      this.onWarning?.(`The reconnect state could not be shared: ${String(err)}`);
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const WAITS = new Set(['timer', 'attempt', 'network', 'resume']);

function isReason(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.word === 'string' && typeof r.sentence === 'string';
}

/** Checked field by field: the file is read as the CLI's input, not trusted as our own output. */
function isReconnecting(value: unknown): value is Reconnecting {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.kind === 'reconnecting' &&
    Number.isInteger(v.attempt) &&
    (v.nextAttemptAt === null || Number.isFinite(v.nextAttemptAt)) &&
    typeof v.waitingFor === 'string' &&
    WAITS.has(v.waitingFor) &&
    (v.reason === null || isReason(v.reason))
  );
}

/** Every live process's reconnecting tunnels, by profile UUID. */
export function readReconnecting(dir: string = reconnectStateDir()): Map<string, Reconnecting> {
  const out = new Map<string, Reconnecting>();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const pid = Number(FILE.exec(name)?.[1] ?? Number.NaN);
    if (!Number.isInteger(pid) || !alive(pid)) continue;
    try {
      const parsed = JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;
      if (typeof parsed !== 'object' || parsed === null) continue;
      for (const [uuid, state] of Object.entries(parsed)) {
        if (isReconnecting(state)) out.set(uuid, state);
      }
    } catch {
      // Being replaced right now, or not ours to read: the next change brings it.
    }
  }
  return out;
}

/**
 * Calls `changed` with each tunnel whose shared reconnecting state changed (null: it ended), on
 * every change of the folder. Returns the function that stops following it.
 */
export function followReconnecting(
  changed: (uuid: string, state: Reconnecting | null) => void,
  dir: string = reconnectStateDir(),
): () => void {
  let known = readReconnecting(dir);
  let watcher: FSWatcher;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    watcher = watch(dir, () => {
      const now = readReconnecting(dir);
      for (const uuid of new Set([...known.keys(), ...now.keys()])) {
        const after = now.get(uuid) ?? null;
        if (JSON.stringify(known.get(uuid) ?? null) !== JSON.stringify(after)) changed(uuid, after);
      }
      known = now;
    });
  } catch {
    return () => undefined;
  }
  return () => {
    watcher.close();
  };
}

/** The state to show: a reconnecting one shared by another process, unless the tunnel is up. */
export function withShared<S extends TunnelStateView>(
  state: S,
  shared: Reconnecting | undefined,
): S | Reconnecting {
  if (shared === undefined || state.kind === 'connected') return state;
  return shared;
}
