import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as dbus from 'dbus-next';
import {
  BUS_DAEMON,
  BUS_PATH,
  callWithTimeout,
  openConnection,
  type CallOptions,
} from '../dbus/connection';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { errorStrings as e } from '../errors/error-strings';

/**
 * The session-bus address of this login session: DBUS_SESSION_BUS_ADDRESS, else the systemd user
 * bus at $XDG_RUNTIME_DIR/bus when it exists; null when there is no session bus at all.
 */
export function defaultSessionBusAddress(env: NodeJS.ProcessEnv = process.env): string | null {
  const set = env.DBUS_SESSION_BUS_ADDRESS;
  if (set !== undefined && set !== '') return set;
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime !== undefined && runtime !== '' && existsSync(join(runtime, 'bus')))
    return `unix:path=${join(runtime, 'bus')}`;
  return null;
}

/**
 * A connection to the session bus for the keyring, separate from the system bus's NmBus and in
 * the same low-level style: explicit calls with timeouts, no proxy objects, and match rules added
 * and removed by hand (proxies would leak them), one per wait for a signal.
 */
export class SessionBus {
  private closed = false;
  private readonly signalListeners = new Set<(msg: dbus.Message) => void>();

  private constructor(private readonly bus: dbus.MessageBus) {
    bus.on('message', (msg) => {
      if (msg.type !== dbus.MessageType.SIGNAL) return;
      for (const listener of this.signalListeners) listener(msg);
    });
    bus.on('error', () => {
      this.closed = true;
    });
  }

  static async connect(address: string, timeoutMs = 5_000): Promise<SessionBus> {
    const raw = await openConnection(
      address,
      timeoutMs,
      (cause) => new TunnelbarError('session-bus-unreachable', e.sessionBusUnreachable(cause)),
    );
    return new SessionBus(raw);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  call(opts: CallOptions): Promise<unknown[]> {
    if (this.closed)
      return Promise.reject(new TunnelbarError('bus-closed', e.busClosed('session')));
    return callWithTimeout(this.bus, opts);
  }

  /**
   * Listens for the signals matching `rule` until the returned function is called, which also
   * removes the rule from the bus daemon.
   */
  async listen(rule: string, onSignal: (msg: dbus.Message) => void): Promise<() => Promise<void>> {
    await this.busDaemon('AddMatch', rule);
    this.signalListeners.add(onSignal);
    return async () => {
      this.signalListeners.delete(onSignal);
      await this.busDaemon('RemoveMatch', rule).catch(() => undefined);
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.bus.disconnect();
  }

  private busDaemon(member: string, rule: string): Promise<unknown[]> {
    return this.call({
      destination: BUS_DAEMON,
      path: BUS_PATH,
      iface: BUS_DAEMON,
      member,
      signature: 's',
      body: [rule],
    });
  }
}
