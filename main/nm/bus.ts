import { EventEmitter, setMaxListeners } from 'node:events';
import * as dbus from 'dbus-next';
import {
  BUS_DAEMON,
  callWithTimeout,
  onConnectionClosed,
  openConnection,
  unlessAborted,
  type CallOptions as RawCallOptions,
} from '../dbus/connection';
import { reconnectDelay } from './backoff';
import {
  addRulesAndLookUpOwner,
  busClosed,
  busLost,
  disconnectQuietly,
  NM_OWNER_RULES,
  NM_SIGNAL_RULES,
} from './bus-setup';
import { busUnreachable } from './errors';
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
 * - the bus daemon going away is not reported (only socket errors are): we watch the socket, fail
 *   the calls in flight at once, and (with `reconnect`) connect again with backoff.
 */

/** A call on the system bus; the destination defaults to NetworkManager. */
export type CallOptions = Omit<RawCallOptions, 'destination'> & { destination?: string };

export interface BusEvents {
  /** A signal from the current owner of NetworkManager's name (or from the bus daemon). */
  signal: [msg: dbus.Message];
  /** NetworkManager's unique name changed: a string when it (re)appeared, null when it left. */
  nmOwner: [owner: string | null];
  /** The connection to the system bus was lost; connecting again (with `reconnect` only). */
  lost: [];
  /**
   * Connected again after `lost`: match rules in place and NetworkManager's owner known (null: it
   * is not on the bus). Everything learnt on the old connection is stale.
   */
  reconnected: [owner: string | null];
  /** Closed for good: by close(), or lost without `reconnect`. */
  closed: [];
  /**
   * Any other signal that reached us (logind's, for main/reconnect/system-watch.ts, which adds
   * its own match rules and checks the sender itself), and NameOwnerChanged for other names.
   */
  foreignSignal: [msg: dbus.Message];
}

export type MethodCallHandler = (msg: dbus.Message) => boolean;

export interface NmBusOptions {
  /** After losing the bus, connect again with backoff instead of closing for good. */
  reconnect?: boolean;
  /** Opens a raw connection (tests pass a fake). */
  open?: (address: string, timeoutMs: number) => Promise<dbus.MessageBus>;
  /** The wait before reconnect attempt `attempt` (see backoff.ts). */
  delay?: (attempt: number) => number;
  /**
   * Subscribe to NetworkManager's state signals (default), or, false, only to its coming and
   * going: for a connection that only makes calls (bus-setup.ts says why).
   */
  nmSignals?: boolean;
}

export function defaultSystemBusAddress(): string {
  return process.env.DBUS_SYSTEM_BUS_ADDRESS ?? 'unix:path=/var/run/dbus/system_bus_socket';
}

/** 'connecting': match rules and owner lookup under way; 'lost': waiting to reconnect. */
type LinkState = 'connecting' | 'up' | 'lost' | 'closed';

export class NmBus extends EventEmitter<BusEvents> {
  private raw!: dbus.MessageBus;
  private state: LinkState = 'connecting';
  private nmOwnerName: string | null = null;
  /** NameOwnerChanged seen while connecting (undefined: none); it beats the lookup's answer. */
  private ownerSeen: string | null | undefined;
  /** Aborted when the current connection is lost: its calls in flight fail at once. */
  private connectionLost = new AbortController();
  /** The connection each method call came in on: a reply never goes out on another one. */
  private readonly origin = new WeakMap<dbus.Message, dbus.MessageBus>();
  private readonly handlers: MethodCallHandler[] = [];
  private retry: NodeJS.Timeout | undefined;
  private attempt = 0;
  private sentCount = 0;

  private constructor(
    readonly address: string,
    private readonly timeoutMs: number,
    private readonly opts: NmBusOptions,
  ) {
    super();
  }

  static async connect(
    address = defaultSystemBusAddress(),
    timeoutMs = 5_000,
    opts: NmBusOptions = {},
  ): Promise<NmBus> {
    const bus = new NmBus(address, timeoutMs, opts);
    bus.attach(await bus.open());
    try {
      bus.nmOwnerName = await bus.setUp();
    } catch (err) {
      bus.close();
      throw err;
    }
    bus.state = 'up';
    return bus;
  }

  /** Our own unique name on the bus (a new one after each reconnect). */
  get uniqueName(): string {
    // dbus-next sets `name` after Hello; its typings leave it out.
    return (this.raw as unknown as { name: string | null }).name ?? '';
  }

  get nmOwner(): string | null {
    return this.nmOwnerName;
  }

  get isClosed(): boolean {
    return this.state === 'closed';
  }

  /** Messages this connection has sent since it was opened (for the idle benchmark). */
  get messagesSent(): number {
    return this.sentCount;
  }

  async call(opts: CallOptions): Promise<unknown[]> {
    if (this.state === 'closed') throw busClosed();
    if (this.state === 'lost') throw busLost();
    this.sentCount++;
    const call = callWithTimeout(this.raw, {
      ...opts,
      destination: opts.destination ?? NM_BUS_NAME,
    });
    // dbus-next never settles a call whose connection went away: we do, at once. A call cut off
    // by our own close() says so, not "the bus went away" (a CLI exiting is not a loss).
    return unlessAborted(call, this.connectionLost.signal, () =>
      this.state === 'closed' ? busClosed() : busLost(),
    );
  }

  /** Handles method calls addressed to us (the secret agent), on every connection. */
  addMethodHandler(handler: MethodCallHandler): void {
    this.handlers.push(handler);
    this.raw.addMethodHandler(handler);
  }

  removeMethodHandler(handler: MethodCallHandler): void {
    const i = this.handlers.indexOf(handler);
    if (i >= 0) this.handlers.splice(i, 1);
    this.raw.removeMethodHandler(handler);
  }

  /** Replies to a method call; dropped when the connection it came in on is gone. */
  reply(call: dbus.Message, signature = '', body: unknown[] = []): void {
    this.sendReply(call, dbus.Message.newMethodReturn(call, signature, body));
  }

  replyError(call: dbus.Message, errorName: string, text: string): void {
    // types.d.ts declares the first argument as string; the runtime takes the Message.
    const newError = dbus.Message.newError.bind(dbus.Message) as unknown as (
      m: dbus.Message,
      n: string,
      t: string,
    ) => dbus.Message;
    this.sendReply(call, newError(call, errorName, text));
  }

  close(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    clearTimeout(this.retry);
    this.connectionLost.abort();
    disconnectQuietly(this.raw);
    this.emit('closed');
  }

  private open(): Promise<dbus.MessageBus> {
    const open =
      this.opts.open ??
      ((address: string, timeoutMs: number) =>
        openConnection(address, timeoutMs, (cause) => busUnreachable(address, cause)));
    return open(this.address, this.timeoutMs);
  }

  private attach(raw: dbus.MessageBus): void {
    this.raw = raw;
    this.connectionLost = new AbortController();
    // Every call in flight listens on it (a load pipelines 48): no "possible leak" warning.
    setMaxListeners(0, this.connectionLost.signal);
    raw.on('message', (msg) => {
      if (raw !== this.raw) return;
      if (msg.type === dbus.MessageType.METHOD_CALL) this.origin.set(msg, raw);
      this.route(msg);
    });
    raw.on('error', () => {
      this.onLost(raw);
    });
    onConnectionClosed(raw, () => {
      this.onLost(raw);
    });
    for (const handler of this.handlers) raw.addMethodHandler(handler);
  }

  /** Adds the match rules, then learns NetworkManager's owner. */
  private async setUp(): Promise<string | null> {
    this.ownerSeen = undefined;
    const rules = this.opts.nmSignals === false ? NM_OWNER_RULES : NM_SIGNAL_RULES;
    const looked = await addRulesAndLookUpOwner((opts) => this.call(opts), rules);
    // A NameOwnerChanged read with or after GetNameOwner's reply is newer than it, and one read
    // before it agrees with it (the daemon answered after sending it): the last one seen wins.
    const seen = this.takeOwnerSeen();
    return seen === undefined ? looked : seen;
  }

  private takeOwnerSeen(): string | null | undefined {
    const seen = this.ownerSeen;
    this.ownerSeen = undefined;
    return seen;
  }

  /** Read through a call: the state changes across every await (close(), a loss). */
  private stillConnecting(): boolean {
    return this.state === 'connecting';
  }

  private onLost(raw: dbus.MessageBus): void {
    if (raw !== this.raw || this.state === 'closed' || this.state === 'lost') return;
    this.connectionLost.abort();
    disconnectQuietly(raw);
    // While connecting, the attempt's own calls fail and it schedules the next one.
    if (this.state === 'connecting') return;
    if (this.opts.reconnect !== true) {
      this.close();
      return;
    }
    this.state = 'lost';
    this.nmOwnerName = null;
    this.emit('lost');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = (this.opts.delay ?? reconnectDelay)(this.attempt++);
    this.retry = setTimeout(() => {
      void this.reconnect();
    }, delay);
  }

  private async reconnect(): Promise<void> {
    if (this.state !== 'lost') return;
    this.state = 'connecting';
    let owner: string | null;
    try {
      const raw = await this.open();
      if (!this.stillConnecting()) {
        disconnectQuietly(raw);
        return;
      }
      this.attach(raw);
      owner = await this.setUp();
    } catch {
      if (!this.stillConnecting()) return;
      this.connectionLost.abort();
      disconnectQuietly(this.raw);
      this.state = 'lost';
      this.scheduleReconnect();
      return;
    }
    if (!this.stillConnecting()) return;
    this.state = 'up';
    this.attempt = 0;
    this.nmOwnerName = owner;
    this.emit('reconnected', owner);
  }

  private sendReply(call: dbus.Message, reply: dbus.Message): void {
    if (this.state === 'closed' || this.origin.get(call) !== this.raw) return;
    try {
      this.sentCount++;
      this.raw.send(reply);
    } catch {
      this.onLost(this.raw);
    }
  }

  private route(msg: dbus.Message): void {
    if (msg.type !== dbus.MessageType.SIGNAL) return;
    if (msg.sender === BUS_DAEMON && msg.member === 'NameOwnerChanged') {
      const [name, , newOwner] = msg.body as [string, string, string];
      if (name !== NM_BUS_NAME) {
        if (this.state === 'up') this.emit('foreignSignal', msg);
        return;
      }
      const owner = newOwner === '' ? null : newOwner;
      if (this.state === 'connecting') {
        this.ownerSeen = owner;
        return;
      }
      this.nmOwnerName = owner;
      this.emit('nmOwner', owner);
      return;
    }
    // Until connected, nothing is known to apply signals to: the snapshot after comes first.
    if (this.state !== 'up') return;
    if (this.nmOwnerName !== null && msg.sender === this.nmOwnerName) this.emit('signal', msg);
    else this.emit('foreignSignal', msg);
  }
}
