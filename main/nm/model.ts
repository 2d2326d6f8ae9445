import { EventEmitter } from 'node:events';
import type { Message } from 'dbus-next';
import { isDBusError } from '../dbus/connection';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { applyChangedProperties, isTunnelType, recordFromInterfaces } from './active-record';
import type { BusEvents } from './bus';
import type { ManagedObjects, VariantMap } from './dbus-types';
import { parseIpConfig, type IpConfig } from './ip-config';
import { KeyedQueue, mapLimited } from './limited';
import { IFACE, NM_OBJECT_MANAGER_PATH } from './names';
import { profileFromSettings, type Profile } from './profile';
import { getSettings, type NmCaller } from './settings-calls';
import { deriveTunnelState, type ActiveConnectionRecord, type TunnelState } from './tunnel-state';
import { DISCONNECTED } from '../../preload/tunnel-types';

/** The part of the bus the model uses (a fake in unit tests). */
export interface ModelBus extends NmCaller {
  readonly nmOwner: string | null;
  on<K extends keyof BusEvents>(event: K, listener: (...args: BusEvents[K]) => void): unknown;
}

export interface ModelEvents {
  /** A tunnel's state changed (its profile's uuid). */
  tunnel: [uuid: string, state: TunnelState];
  /** Profiles were added, removed or changed. */
  profiles: [];
  /**
   * NetworkManager appeared (and the model is loaded) or went away. `bus` says when it is because
   * of the system bus itself: 'lost' (gone, reconnecting) or 'reconnected' (back again).
   */
  nm: [running: boolean, bus?: BusLink];
  /** Something went wrong that the model survived; the text holds no secret. */
  warning: [text: string];
}

/** What happened to the system bus itself, beside NetworkManager's own coming and going. */
export type BusLink = 'lost' | 'reconnected';

/** Well under the bus's 128 pending replies per connection, and still pipelined. */
const SETTINGS_CALLS_IN_FLIGHT = 48;
/**
 * Re-reads after signals, beside the calls of the app's own work on the same connection (an
 * import's pipeline, a selection action): together still under the 128.
 */
const REFRESHES_IN_FLIGHT = 24;
const GONE_ERRORS = new Set([
  'org.freedesktop.DBus.Error.UnknownObject',
  'org.freedesktop.DBus.Error.UnknownMethod',
  'org.freedesktop.NetworkManager.Settings.InvalidConnection',
]);

/**
 * A live model of NetworkManager's VPN profiles and tunnels, changed only by what NetworkManager
 * says: one GetManagedObjects, then signals. It never polls.
 */
export class NmModel extends EventEmitter<ModelEvents> {
  private profilesByPath = new Map<string, Profile>();
  private active = new Map<string, ActiveConnectionRecord>();
  private ipConfigs = new Map<string, IpConfig>();
  private states = new Map<string, TunnelState>();
  private lastFailures = new Map<string, TunnelState>();
  private connectedSince = new Map<string, number>();
  /** Bumped on every (re)load so answers to an older load are dropped. */
  private generation = 0;
  /** Signals received while a snapshot is on its way; replayed after it. */
  private pendingSignals: Message[] | null = null;
  private loaded: Promise<void> = Promise.resolve();
  private running = false;
  private readonly refreshes = new KeyedQueue(REFRESHES_IN_FLIGHT, (path) => this.refetch(path));

  constructor(private readonly bus: ModelBus) {
    super();
    bus.on('signal', (msg) => {
      this.onSignal(msg);
    });
    bus.on('nmOwner', (owner) => {
      this.onOwnerChanged(owner);
    });
    // A new connection knows nothing of the old one: start again from one snapshot.
    bus.on('lost', () => {
      this.onOwnerChanged(null, 'lost');
    });
    bus.on('reconnected', (owner) => {
      this.onOwnerChanged(owner, 'reconnected');
    });
    if (bus.nmOwner !== null) this.loaded = this.load();
  }

  /** Resolves when the snapshot in progress (if any) has been applied. */
  ready(): Promise<void> {
    return this.loaded;
  }

  get nmRunning(): boolean {
    return this.running;
  }

  profiles(): Profile[] {
    return [...this.profilesByPath.values()];
  }

  tunnelState(uuid: string): TunnelState {
    return this.states.get(uuid) ?? DISCONNECTED;
  }

  /** Active connections of one profile, newest last. */
  activeConnections(uuid: string): ActiveConnectionRecord[] {
    return [...this.active.values()].filter((rec) => rec.uuid === uuid);
  }

  private onOwnerChanged(owner: string | null, link?: BusLink): void {
    this.generation++;
    this.pendingSignals = null;
    this.clear();
    if (owner === null) {
      this.emit('nm', false, link);
      return;
    }
    this.loaded = this.load(link);
  }

  private clear(): void {
    const wasRunning = this.running;
    this.running = false;
    this.profilesByPath.clear();
    this.active.clear();
    this.ipConfigs.clear();
    this.connectedSince.clear();
    this.lastFailures.clear();
    const before = this.states;
    this.states = new Map();
    for (const [uuid, state] of before) {
      if (state.kind !== 'disconnected') this.emit('tunnel', uuid, DISCONNECTED);
    }
    if (wasRunning) this.emit('profiles');
  }

  private async load(link?: BusLink): Promise<void> {
    const generation = ++this.generation;
    this.pendingSignals = [];
    try {
      const [objects] = (await this.bus.call({
        path: NM_OBJECT_MANAGER_PATH,
        iface: IFACE.objectManager,
        member: 'GetManagedObjects',
      })) as [ManagedObjects];
      if (generation !== this.generation) return;
      const settingsPaths: string[] = [];
      for (const [path, ifaces] of Object.entries(objects)) {
        if (ifaces[IFACE.settingsConnection] !== undefined) settingsPaths.push(path);
        this.addObject(path, ifaces);
      }
      const fetched = await mapLimited(settingsPaths, SETTINGS_CALLS_IN_FLIGHT, (p) =>
        this.fetchSettings(p),
      );
      if (generation !== this.generation) return;
      for (const profile of fetched) {
        if (profile !== null && profile !== 'failed')
          this.profilesByPath.set(profile.path, profile);
      }
      const queued = this.pendingSignals;
      this.pendingSignals = null;
      this.running = true;
      for (const msg of queued) this.applySignal(msg);
      this.recompute();
      this.emit('profiles');
      this.emit('nm', true, link);
    } catch (err) {
      if (generation !== this.generation) return;
      this.pendingSignals = null;
      this.emit('warning', `Loading NetworkManager's state failed: ${String(err)}`);
      // Back on the bus but without a model: say so, or "reconnecting" would stay up forever.
      if (link !== undefined) this.emit('nm', false, link);
    }
  }

  /** The profile at `path`; null when it is gone (or not a tunnel); 'failed' when unreadable. */
  private async fetchSettings(path: string): Promise<Profile | null | 'failed'> {
    try {
      return profileFromSettings(path, await getSettings(this.bus, path));
    } catch (err) {
      if (isDBusError(err, GONE_ERRORS)) return null;
      // The process closed its bus (a CLI command ending): nothing the person needs to hear.
      if (err instanceof TunnelbarError && err.word === 'bus-closed') return 'failed';
      this.emit('warning', `Reading profile ${path} failed: ${String(err)}`);
      return 'failed';
    }
  }

  /** Re-reads a profile NetworkManager added or changed, bounded like the first load. */
  private refreshProfile(path: string): void {
    this.refreshes.request(path);
  }

  private async refetch(path: string): Promise<void> {
    const generation = this.generation;
    const profile = await this.fetchSettings(path);
    // A profile that could not be read keeps what the model knew of it.
    if (generation !== this.generation || profile === 'failed') return;
    if (profile === null) {
      if (!this.profilesByPath.delete(path)) return;
    } else {
      this.profilesByPath.set(path, profile);
    }
    this.emit('profiles');
  }

  private addObject(path: string, ifaces: Record<string, VariantMap>): void {
    const rec = recordFromInterfaces(path, ifaces);
    if (rec !== null && isTunnelType(rec.type)) {
      this.active.set(path, rec);
      this.lastFailures.delete(rec.uuid);
    }
    const ip4 = ifaces[IFACE.ip4Config];
    if (ip4 !== undefined) this.ipConfigs.set(path, parseIpConfig(ip4, 4));
    const ip6 = ifaces[IFACE.ip6Config];
    if (ip6 !== undefined) this.ipConfigs.set(path, parseIpConfig(ip6, 6));
  }

  private onSignal(msg: Message): void {
    if (this.pendingSignals !== null) {
      this.pendingSignals.push(msg);
      return;
    }
    if (!this.running) return;
    try {
      this.applySignal(msg);
      this.recompute();
    } catch (err) {
      this.emit('warning', `A signal from NetworkManager could not be applied: ${String(err)}`);
    }
  }

  private applySignal(msg: Message): void {
    const { path, member } = msg;
    switch (`${msg.interface}.${member}`) {
      case `${IFACE.objectManager}.InterfacesAdded`: {
        const [objPath, ifaces] = msg.body as [string, Record<string, VariantMap>];
        this.addObject(objPath, ifaces);
        if (ifaces[IFACE.settingsConnection] !== undefined) this.refreshProfile(objPath);
        return;
      }
      case `${IFACE.objectManager}.InterfacesRemoved`: {
        const [objPath] = msg.body as [string, string[]];
        this.removeObject(objPath);
        return;
      }
      case `${IFACE.properties}.PropertiesChanged`: {
        const [iface, changed] = msg.body as [string, VariantMap];
        this.applyProperties(path, iface, changed);
        return;
      }
      case `${IFACE.active}.StateChanged`:
      case `${IFACE.vpnConnection}.VpnStateChanged`: {
        const rec = this.active.get(path);
        const [state, reason] = msg.body as [number, number];
        if (rec === undefined) return;
        const isVpn = msg.interface === IFACE.vpnConnection;
        this.active.set(
          path,
          isVpn ? { ...rec, vpnState: state, reason } : { ...rec, state, reason },
        );
        return;
      }
      case `${IFACE.settingsConnection}.Updated`:
        this.refreshProfile(path);
        return;
      default:
        return;
    }
  }

  private applyProperties(path: string, iface: string, changed: VariantMap): void {
    const rec = this.active.get(path);
    if (rec !== undefined) {
      this.active.set(path, applyChangedProperties(rec, iface, changed));
      return;
    }
    if (iface === IFACE.ip4Config || iface === IFACE.ip6Config) {
      // PropertiesChanged holds only what changed; merge it over what we knew.
      const family = iface === IFACE.ip4Config ? 4 : 6;
      const previous = this.ipConfigs.get(path);
      const update = parseIpConfig(changed, family);
      this.ipConfigs.set(path, {
        addresses: 'AddressData' in changed ? update.addresses : (previous?.addresses ?? []),
        gateway: 'Gateway' in changed ? update.gateway : (previous?.gateway ?? null),
        routes: 'RouteData' in changed ? update.routes : (previous?.routes ?? []),
        dns:
          'NameserverData' in changed || 'Nameservers' in changed
            ? update.dns
            : (previous?.dns ?? []),
        domains:
          'Domains' in changed || 'Searches' in changed
            ? update.domains
            : (previous?.domains ?? []),
      });
    }
  }

  private removeObject(path: string): void {
    if (this.profilesByPath.delete(path)) this.emit('profiles');
    this.ipConfigs.delete(path);
    const rec = this.active.get(path);
    if (rec === undefined) return;
    this.active.delete(path);
    this.connectedSince.delete(path);
    const final = this.states.get(rec.uuid);
    if (final?.kind === 'failed') this.lastFailures.set(rec.uuid, final);
  }

  /** Derives every tunnel's state again and emits the ones that changed. */
  private recompute(): void {
    const next = new Map<string, TunnelState>();
    for (const rec of this.active.values()) {
      const state = this.derive(rec);
      const current = next.get(rec.uuid);
      // A profile re-activated while its old connection winds down: the newest live one wins.
      if (current === undefined || state.kind !== 'disconnected') next.set(rec.uuid, state);
    }
    for (const [uuid, failure] of this.lastFailures) {
      if (!next.has(uuid)) next.set(uuid, failure);
    }
    const uuids = new Set([...this.states.keys(), ...next.keys()]);
    const previous = this.states;
    this.states = next;
    for (const uuid of uuids) {
      const before = previous.get(uuid) ?? DISCONNECTED;
      const after = next.get(uuid) ?? DISCONNECTED;
      if (JSON.stringify(before) !== JSON.stringify(after)) this.emit('tunnel', uuid, after);
    }
  }

  private derive(rec: ActiveConnectionRecord): TunnelState {
    const since = this.connectedSince.get(rec.path) ?? Date.now();
    const state = deriveTunnelState(rec, {
      ip4: this.ipConfigs.get(rec.ip4Path) ?? null,
      ip6: this.ipConfigs.get(rec.ip6Path) ?? null,
      since,
    });
    if (state.kind === 'connected' && !this.connectedSince.has(rec.path)) {
      this.connectedSince.set(rec.path, since);
    }
    return state;
  }
}
