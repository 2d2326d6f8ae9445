import { EventEmitter } from 'node:events';
import * as dbus from 'dbus-next';
import {
  BUS_DAEMON,
  BUS_PATH,
  callWithTimeout,
  openConnection,
  type CallOptions as RawCallOptions,
} from '../dbus/connection';
import { busUnreachable, TunnelbarError } from './errors';
import { NM_BUS_NAME } from './names';

/**
 * The one bus connection of the core, and the one place that works around dbus-next 0.10.2:
 *
 * - match rules: proxies leak them (never RemoveMatch). We add a fixed set once, through
 *   org.freedesktop.DBus.AddMatch, and route `message` events ourselves; no proxy is ever made.
 * - no call timeout: every call here races a timer and gives up with a clear error
 *   (main/dbus/connection.ts, shared with the session bus).
 * - listeners silent after NetworkManager restarts: dbus-next only learns NM's new unique name
 *   from method replies. We follow NameOwnerChanged ourselves and filter signals by that owner.
 * - a crash when the bus closes with an agent call in flight (dbus-next's reply path calls send
 *   on a closed stream): agent replies go through `reply()`, which drops them once closed.
 * - an uncaught rejection when Hello fails: connect() waits for 'connect' or 'error' itself
 *   (main/dbus/connection.ts too).
 */

/** A call on the system bus; the destination defaults to NetworkManager. */
export type CallOptions = Omit<RawCallOptions, 'destination'> & { destination?: string };

export interface BusEvents {
  /** A signal from the current owner of NetworkManager's name (or from the bus daemon). */
  signal: [msg: dbus.Message];
  /** NetworkManager's unique name changed: a string when it (re)appeared, null when it left. */
  nmOwner: [owner: string | null];
  closed: [];
}

export type MethodCallHandler = (msg: dbus.Message) => boolean;

const NM_SIGNAL_RULES = [
  `type='signal',sender='${BUS_DAEMON}',interface='${BUS_DAEMON}',member='NameOwnerChanged',arg0='${NM_BUS_NAME}'`,
  `type='signal',sender='${NM_BUS_NAME}',interface='org.freedesktop.DBus.ObjectManager'`,
  `type='signal',sender='${NM_BUS_NAME}',interface='org.freedesktop.DBus.Properties',member='PropertiesChanged'`,
  `type='signal',sender='${NM_BUS_NAME}',interface='org.freedesktop.NetworkManager.Settings.Connection',member='Updated'`,
  `type='signal',sender='${NM_BUS_NAME}',interface='org.freedesktop.NetworkManager.Connection.Active',member='StateChanged'`,
  `type='signal',sender='${NM_BUS_NAME}',interface='org.freedesktop.NetworkManager.VPN.Connection',member='VpnStateChanged'`,
];

export function defaultSystemBusAddress(): string {
  return process.env.DBUS_SYSTEM_BUS_ADDRESS ?? 'unix:path=/var/run/dbus/system_bus_socket';
}

export class NmBus extends EventEmitter<BusEvents> {
  private nmOwnerName: string | null = null;
  private closed = false;
  private sentCount = 0;

  private constructor(
    private readonly bus: dbus.MessageBus,
    readonly address: string,
  ) {
    super();
    bus.on('message', (msg) => {
      this.route(msg);
    });
    bus.on('error', () => {
      this.markClosed();
    });
  }

  static async connect(address = defaultSystemBusAddress(), timeoutMs = 5_000): Promise<NmBus> {
    const raw = await openConnection(address, timeoutMs, (cause) => busUnreachable(address, cause));
    const bus = new NmBus(raw, address);
    for (const rule of NM_SIGNAL_RULES) {
      await bus.call({
        destination: BUS_DAEMON,
        path: BUS_PATH,
        iface: BUS_DAEMON,
        member: 'AddMatch',
        signature: 's',
        body: [rule],
      });
    }
    bus.nmOwnerName = await bus.lookupNmOwner();
    return bus;
  }

  /** Our own unique name on the bus. */
  get uniqueName(): string {
    // dbus-next sets `name` after Hello; its typings leave it out.
    return (this.bus as unknown as { name: string | null }).name ?? '';
  }

  get nmOwner(): string | null {
    return this.nmOwnerName;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Messages this connection has sent since it was opened (for the idle benchmark). */
  get messagesSent(): number {
    return this.sentCount;
  }

  async call(opts: CallOptions): Promise<unknown[]> {
    if (this.closed)
      throw new TunnelbarError('bus-closed', 'The connection to the system bus is closed.');
    this.sentCount++;
    return callWithTimeout(this.bus, { ...opts, destination: opts.destination ?? NM_BUS_NAME });
  }

  /** Handles method calls addressed to us (the secret agent). Return true when handled. */
  addMethodHandler(handler: MethodCallHandler): void {
    this.bus.addMethodHandler(handler);
  }

  removeMethodHandler(handler: MethodCallHandler): void {
    this.bus.removeMethodHandler(handler);
  }

  /** Replies to a method call; silently dropped when the bus has closed meanwhile. */
  reply(call: dbus.Message, signature = '', body: unknown[] = []): void {
    this.sendGuarded(dbus.Message.newMethodReturn(call, signature, body));
  }

  replyError(call: dbus.Message, errorName: string, text: string): void {
    // types.d.ts declares the first argument as string; the runtime takes the Message.
    const newError = dbus.Message.newError.bind(dbus.Message) as unknown as (
      m: dbus.Message,
      n: string,
      t: string,
    ) => dbus.Message;
    this.sendGuarded(newError(call, errorName, text));
  }

  close(): void {
    if (this.closed) return;
    this.bus.disconnect();
    this.markClosed();
  }

  private sendGuarded(msg: dbus.Message): void {
    if (this.closed) return;
    try {
      this.sentCount++;
      this.bus.send(msg);
    } catch {
      this.markClosed();
    }
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('closed');
  }

  private async lookupNmOwner(): Promise<string | null> {
    try {
      const [owner] = await this.call({
        destination: BUS_DAEMON,
        path: BUS_PATH,
        iface: BUS_DAEMON,
        member: 'GetNameOwner',
        signature: 's',
        body: [NM_BUS_NAME],
      });
      return typeof owner === 'string' ? owner : null;
    } catch (err) {
      if (err instanceof dbus.DBusError && err.type === 'org.freedesktop.DBus.Error.NameHasNoOwner')
        return null;
      throw err;
    }
  }

  private route(msg: dbus.Message): void {
    if (msg.type !== dbus.MessageType.SIGNAL) return;
    if (msg.sender === BUS_DAEMON && msg.member === 'NameOwnerChanged') {
      const [name, , newOwner] = msg.body as [string, string, string];
      if (name !== NM_BUS_NAME) return;
      this.nmOwnerName = newOwner === '' ? null : newOwner;
      this.emit('nmOwner', this.nmOwnerName);
      return;
    }
    if (this.nmOwnerName === null || msg.sender !== this.nmOwnerName) return;
    this.emit('signal', msg);
  }
}
