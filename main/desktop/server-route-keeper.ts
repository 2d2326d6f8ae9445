import type { Message } from 'dbus-next';
import type { LockdownStateView } from '../../preload/contract';
import type { LanChoice } from '../../preload/privacy-types';
import { vpnPaths } from '../editor/base-connections';
import { serverAddressList, unresolvedProfiles } from '../lockdown/lockdown';
import { findLockdownProfiles, type LockdownBus } from '../lockdown/nm-lockdown';
import { resolveServers, type Lookup } from '../lockdown/resolve';
import { applyServerRoutes, removeServerRoutes } from '../lockdown/server-routes';
import { ActiveState, IFACE } from '../nm/names';
import type { LockdownWatchModel } from './lockdown-watch';

export interface ServerRouteKeeperOptions {
  bus: LockdownBus;
  model: LockdownWatchModel;
  lookup?: Lookup;
  /** Profiles that cannot connect under lockdown, newly so (a name is said once until it resolves). */
  unresolved: (names: string[]) => void;
  /** Putting the routes in place failed (a refused permission, for one); said once per sentence. */
  failed: (sentence: string) => void;
}

/**
 * While lockdown is on, the app keeps the host routes to the VPN servers in place (see
 * main/lockdown/server-routes.ts), and the local network block when lockdown's profile asks for
 * it, from NetworkManager's signals only: when lockdown goes on, when
 * a connection activates (a link that comes up has none of them: they live in its applied
 * connection), when NetworkManager (re)appears, and when profiles are added, changed or removed
 * (their servers are resolved again, and the profiles that cannot be are named).
 */
export class ServerRouteKeeper {
  private lockdown: LockdownStateView = 'unknown';
  private lan: LanChoice | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private saidUnresolved = new Set<string>();
  private saidFailure: string | null = null;
  /**
   * The first run after lockdown goes on names no one: whoever turned it on already did (the
   * window, the tray's notification, the CLI). Later runs name the profiles newly unresolved.
   */
  private quiet = true;

  constructor(private readonly opts: ServerRouteKeeperOptions) {
    opts.bus.on('signal', this.onSignal);
    opts.model.on('profiles', this.onChange);
    opts.model.on('nm', this.onChange);
  }

  /**
   * Lockdown's state as the app knows it: routes are kept only while it is on. A changed local
   * network choice (nmcli, say: `tunnelbar lockdown on` puts its routes in place itself) is put
   * in place too.
   */
  lockdownChanged(state: LockdownStateView, lan: LanChoice | null = null): void {
    const was = this.lockdown;
    const wasLan = this.lan;
    this.lockdown = state;
    this.lan = lan;
    if (state === 'on' && was !== 'on') {
      this.quiet = true;
      this.saidFailure = null;
      void this.refresh();
    } else if (state === 'on' && lan !== wasLan) void this.refresh();
  }

  /** One run at a time; whatever arrives meanwhile gives one more run afterwards. */
  refresh(): Promise<void> {
    if (this.lockdown !== 'on' || this.closed || !this.opts.model.nmRunning)
      return Promise.resolve();
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.running;
  }

  /** Read afresh after an await (lockdown may have gone off meanwhile). */
  private isOn(): boolean {
    return this.lockdown === 'on';
  }

  close(): void {
    this.closed = true;
    this.opts.bus.off('signal', this.onSignal);
    this.opts.model.off('profiles', this.onChange);
    this.opts.model.off('nm', this.onChange);
  }

  private async run(): Promise<void> {
    const servers = await resolveServers(this.opts.model.profiles(), this.opts.lookup);
    const unresolved = unresolvedProfiles(servers);
    const news = unresolved.filter((name) => !this.saidUnresolved.has(name));
    this.saidUnresolved = new Set(unresolved);
    if (news.length > 0 && !this.quiet && !this.closed) this.opts.unresolved(news);
    this.quiet = false;
    try {
      if (this.lockdown !== 'on') return;
      // The local network choice as NetworkManager holds it now (the CLI may have changed it).
      const [profile] = await findLockdownProfiles(this.opts.bus, vpnPaths(this.opts.model));
      if (profile === undefined) return;
      await applyServerRoutes(this.opts.bus, serverAddressList(servers), profile.lan);
      // Turned off meanwhile (off removed the routes before these were added): take them away.
      if (!this.isOn()) await removeServerRoutes(this.opts.bus);
      this.saidFailure = null;
    } catch (err) {
      const sentence = err instanceof Error ? err.message : String(err);
      if (sentence !== this.saidFailure && !this.closed) this.opts.failed(sentence);
      this.saidFailure = sentence;
    }
  }

  private readonly onChange = (): void => {
    void this.refresh();
  };

  /** A connection that reached activated: its link may be new and have no server routes yet. */
  private readonly onSignal = (msg: Message): void => {
    if (msg.interface !== IFACE.active || msg.member !== 'StateChanged') return;
    const [state] = msg.body as unknown[];
    if (state === ActiveState.activated) void this.refresh();
  };
}
