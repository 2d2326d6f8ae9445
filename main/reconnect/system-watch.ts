import { EventEmitter } from 'node:events';
import type * as dbus from 'dbus-next';
import { BUS_DAEMON } from '../dbus/connection';
import type { BusEvents, CallOptions } from '../nm/bus';
import { addMatchRules, lookUpOwner } from '../nm/bus-setup';
import type { VariantMap } from '../nm/dbus-types';
import { IFACE, NM_PATH } from '../nm/names';

export const LOGIN1_NAME = 'org.freedesktop.login1';
const LOGIN1_MANAGER = 'org.freedesktop.login1.Manager';

/** NMState: CONNECTED_LOCAL and above means some connection is up. */
const NM_STATE_CONNECTED_LOCAL = 50;
/** NMConnectivityState NONE: no network at all (UNKNOWN, 0, is not "none"). */
const NM_CONNECTIVITY_NONE = 1;

/** Added once per bus connection (again after the bus came back): logind is not NetworkManager. */
const LOGIN1_RULES = [
  `type='signal',sender='${LOGIN1_NAME}',interface='${LOGIN1_MANAGER}',member='PrepareForSleep'`,
  `type='signal',sender='${BUS_DAEMON}',interface='${BUS_DAEMON}',member='NameOwnerChanged',arg0='${LOGIN1_NAME}'`,
];

/** The part of NmBus this uses (a fake in unit tests). */
export interface WatchBus {
  readonly nmOwner: string | null;
  call(opts: CallOptions): Promise<unknown[]>;
  on<K extends keyof BusEvents>(event: K, listener: (...args: BusEvents[K]) => void): unknown;
  off<K extends keyof BusEvents>(event: K, listener: (...args: BusEvents[K]) => void): unknown;
}

export interface SystemWatchEvents {
  /** logind's PrepareForSleep: true before suspend, false after resume. */
  sleep: [sleeping: boolean];
  /** NetworkManager has a usable connection (`up`); `moved`: the primary connection changed. */
  network: [up: boolean, moved: boolean];
  warning: [text: string];
}

interface NetState {
  state: number;
  connectivity: number;
  /** The primary connection that is not a tunnel: a VPN becoming primary is not a move. */
  base: string;
}

/**
 * What the reconnect policy needs to know of the system, from signals only: logind's
 * PrepareForSleep (accepted only from the current owner of org.freedesktop.login1, so no other
 * client can fake a suspend) and NetworkManager's State, Connectivity and PrimaryConnection
 * (read once, then from PropertiesChanged, which the model's match rules already bring).
 */
export class SystemWatch extends EventEmitter<SystemWatchEvents> {
  private login1Owner: string | null = null;
  private net: NetState = { state: 0, connectivity: 0, base: '/' };
  private readonly detach: (() => void)[] = [];

  private constructor(
    private readonly bus: WatchBus,
    private readonly isTunnel: (activePath: string) => boolean,
  ) {
    super();
  }

  /**
   * `isTunnel`: whether an active connection is one of the VPNs (the model knows them); NetworkManager
   * announces a new PrimaryConnection before its type, in separate signals.
   */
  static async start(
    bus: WatchBus,
    isTunnel: (activePath: string) => boolean,
  ): Promise<SystemWatch> {
    const watch = new SystemWatch(bus, isTunnel);
    watch.listen('foreignSignal', (msg) => {
      watch.onForeign(msg);
    });
    watch.listen('signal', (msg) => {
      watch.onNmSignal(msg);
    });
    watch.listen('nmOwner', (owner) => {
      if (owner !== null) void watch.readNetwork();
    });
    watch.listen('reconnected', () => {
      void watch.setUp().catch((err: unknown) => {
        watch.emit('warning', `Following logind failed: ${String(err)}`);
      });
    });
    await watch.setUp();
    return watch;
  }

  /** Whether NetworkManager last said it has a usable connection. */
  get networkUp(): boolean {
    return isUp(this.net);
  }

  stop(): void {
    for (const undo of this.detach.splice(0)) undo();
    this.removeAllListeners();
  }

  private listen<K extends keyof BusEvents>(
    event: K,
    listener: (...args: BusEvents[K]) => void,
  ): void {
    this.bus.on(event, listener);
    this.detach.push(() => this.bus.off(event, listener));
  }

  private async setUp(): Promise<void> {
    const call = (opts: CallOptions): Promise<unknown[]> => this.bus.call(opts);
    await addMatchRules(call, LOGIN1_RULES);
    this.login1Owner = await lookUpOwner(call, LOGIN1_NAME);
    await this.readNetwork();
  }

  private async readNetwork(): Promise<void> {
    if (this.bus.nmOwner === null) return;
    try {
      const [props] = (await this.bus.call({
        path: NM_PATH,
        iface: IFACE.properties,
        member: 'GetAll',
        signature: 's',
        body: [IFACE.manager],
      })) as [VariantMap];
      this.applyNetwork(props);
    } catch (err) {
      this.emit('warning', `Reading NetworkManager's network state failed: ${String(err)}`);
    }
  }

  private onForeign(msg: dbus.Message): void {
    if (msg.sender === BUS_DAEMON && msg.member === 'NameOwnerChanged') {
      const [name, , owner] = msg.body as [string, string, string];
      if (name === LOGIN1_NAME) this.login1Owner = owner === '' ? null : owner;
      return;
    }
    if (
      msg.interface === LOGIN1_MANAGER &&
      msg.member === 'PrepareForSleep' &&
      this.login1Owner !== null &&
      msg.sender === this.login1Owner
    ) {
      const [sleeping] = msg.body as [boolean];
      this.emit('sleep', sleeping);
    }
  }

  private onNmSignal(msg: dbus.Message): void {
    if (msg.path !== NM_PATH || msg.member !== 'PropertiesChanged') return;
    const [iface, changed] = msg.body as [string, VariantMap];
    if (iface === IFACE.manager) this.applyNetwork(changed);
  }

  private applyNetwork(changed: VariantMap): void {
    const before = this.net;
    const value = (key: string): unknown =>
      (changed[key] as { value?: unknown } | undefined)?.value;
    const state = value('State');
    const connectivity = value('Connectivity');
    const primary = value('PrimaryConnection');
    const isBase = typeof primary === 'string' && primary !== '/' && !this.isTunnel(primary);
    this.net = {
      state: typeof state === 'number' ? state : before.state,
      connectivity: typeof connectivity === 'number' ? connectivity : before.connectivity,
      base: isBase ? primary : before.base,
    };
    // The first base seen is where we start, not a move.
    const moved = this.net.base !== before.base && before.base !== '/';
    if (isUp(this.net) !== isUp(before) || moved) this.emit('network', isUp(this.net), moved);
  }
}

function isUp(net: NetState): boolean {
  return net.state >= NM_STATE_CONNECTED_LOCAL && net.connectivity !== NM_CONNECTIVITY_NONE;
}
