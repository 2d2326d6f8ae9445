import * as dbus from 'dbus-next';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { errorStrings as e } from '../errors/error-strings';

/**
 * The low-level pieces both bus connections share (the system bus's NmBus and the session bus's
 * SessionBus), each a workaround for dbus-next 0.10.2:
 *
 * - an uncaught rejection when Hello fails: we wait for 'connect' or 'error' ourselves;
 * - no call timeout: every call races a timer and gives up with a clear error.
 *
 * No proxy objects anywhere: they leak match rules.
 */

export interface CallOptions {
  destination: string;
  path: string;
  iface: string;
  member: string;
  signature?: string;
  body?: unknown[];
  timeoutMs?: number;
}

export const DEFAULT_CALL_TIMEOUT_MS = 25_000;
export const BUS_DAEMON = 'org.freedesktop.DBus';
export const BUS_PATH = '/org/freedesktop/DBus';

/** Opens a connection and waits until Hello succeeded, or rejects with `unreachable(cause)`. */
export async function openConnection(
  address: string,
  timeoutMs: number,
  unreachable: (cause: string) => Error,
): Promise<dbus.MessageBus> {
  // sessionBus() only picks the defaults; with an address it connects to exactly that bus.
  const raw = dbus.sessionBus({ busAddress: address });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(unreachable('no answer'));
      // Nobody will use this connection: close it, and let no late error go uncaught.
      raw.on('error', () => undefined);
      raw.disconnect();
    }, timeoutMs);
    raw.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    raw.once('error', (err: unknown) => {
      clearTimeout(timer);
      reject(unreachable(err instanceof Error ? err.message : String(err)));
    });
  });
  return raw;
}

/** One method call that gives up after `timeoutMs` (default 25 s, as libdbus). */
export async function callWithTimeout(bus: dbus.MessageBus, opts: CallOptions): Promise<unknown[]> {
  const msg = new dbus.Message({
    destination: opts.destination,
    path: opts.path,
    interface: opts.iface,
    member: opts.member,
    signature: opts.signature ?? '',
    body: opts.body ?? [],
  });
  const timeoutMs = opts.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new TunnelbarError('bus-timeout', e.callTimeout(opts.member, Math.round(timeoutMs / 1000))),
      );
    }, timeoutMs);
  });
  try {
    const reply = await Promise.race([bus.call(msg), timeout]);
    return (reply?.body ?? []) as unknown[];
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether `err` is an error reply from the bus: any, or only the one named `names` (or one of
 * the set). The one check of D-Bus errors, so that every caller reads `err.text` typed.
 */
export function isDBusError(
  err: unknown,
  names?: string | ReadonlySet<string>,
): err is dbus.DBusError {
  if (!(err instanceof dbus.DBusError)) return false;
  if (names === undefined) return true;
  return typeof names === 'string' ? err.type === names : names.has(err.type);
}

/**
 * Calls `onClosed` when the connection's socket ends or closes. dbus-next 0.10.2's MessageBus
 * forwards socket errors but not an orderly end (the bus daemon stopping): its connection emits
 * 'end' and nothing reaches the MessageBus, so we watch the socket it keeps.
 */
export function onConnectionClosed(bus: dbus.MessageBus, onClosed: () => void): void {
  const internals = bus as unknown as { _connection?: { stream?: NodeJS.EventEmitter } };
  const stream = internals._connection?.stream;
  stream?.once('end', onClosed);
  stream?.once('close', onClosed);
}

/** Rejects with `lost()` as soon as `signal` aborts; otherwise settles as `work` does. */
export async function unlessAborted<T>(
  work: Promise<T>,
  signal: AbortSignal,
  lost: () => Error,
): Promise<T> {
  let onAbort = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      reject(lost());
    };
  });
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
