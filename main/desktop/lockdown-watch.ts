import type { Message } from 'dbus-next';
import type { LockdownStateView } from '../../preload/contract';
import type { LanChoice, LockdownView } from '../../preload/privacy-types';
import { findLockdownProfiles, type LockdownBus } from '../lockdown/nm-lockdown';
import { vpnPaths } from '../editor/base-connections';
import { isLockdownProfile } from '../lockdown/settings';
import type { NmModel } from '../nm/model';
import { IFACE } from '../nm/names';
import { getSettings } from '../nm/settings-calls';

export type LockdownWatchModel = Pick<NmModel, 'nmRunning' | 'profiles' | 'on' | 'off'>;

export interface LockdownWatchOptions {
  bus: LockdownBus;
  model: LockdownWatchModel;
  /**
   * Lockdown's state changed (on, off, or unknown while NetworkManager is away), or its local
   * network choice did (null unless on).
   */
  changed: (state: LockdownStateView, lan: LanChoice | null) => void;
  onWarning?: (text: string) => void;
}

/**
 * Whether lockdown is on, kept without polling. Lockdown is a NetworkManager profile that is not
 * a VPN, so the model ignores it; this follows the signals the core's bus already gets for every
 * settings connection (its match rules cover ObjectManager and Settings.Connection.Updated): a
 * connection added (read, once, to see whether it is lockdown's), lockdown's own removed or
 * updated, and NetworkManager (re)appearing. The CLI's `tunnelbar lockdown on|off` is heard
 * that way; the app's own change is learnt from its result at once.
 */
export class LockdownWatch {
  private state: LockdownStateView = 'unknown';
  private lan: LanChoice | null = null;
  /** Lockdown's profiles as last read: their removal or update is news. */
  private paths = new Set<string>();
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private closed = false;

  constructor(private readonly opts: LockdownWatchOptions) {
    opts.bus.on('signal', this.onSignal);
    opts.model.on('nm', this.onNm);
  }

  get current(): LockdownStateView {
    return this.state;
  }

  /** Reads the state now (at start, and whenever something may have changed it). */
  refresh(): Promise<void> {
    if (this.reading !== null) {
      // One read at a time; a burst of signals (an import adding thousands) gives one more.
      this.readAgain = true;
      return this.reading;
    }
    this.reading = this.read().finally(() => {
      this.reading = null;
      if (this.readAgain && !this.closed) {
        this.readAgain = false;
        void this.refresh();
      }
    });
    return this.reading;
  }

  /** What a lockdown call of the app answered: no need to wait for the signals. */
  learned(view: LockdownView): void {
    this.set(view.on ? 'on' : 'off', view.lan);
  }

  close(): void {
    this.closed = true;
    this.opts.bus.off('signal', this.onSignal);
    this.opts.model.off('nm', this.onNm);
  }

  private async read(): Promise<void> {
    const { bus, model } = this.opts;
    if (!model.nmRunning) {
      this.set('unknown');
      return;
    }
    try {
      const found = await findLockdownProfiles(bus, vpnPaths(model));
      this.paths = new Set(found.map((p) => p.path));
      const [first] = found;
      this.set(first === undefined ? 'off' : 'on', first?.lan ?? null);
    } catch (err) {
      // NetworkManager went away meanwhile, or refused to list: the switch cannot claim either.
      this.opts.onWarning?.(`Reading lockdown's state failed: ${String(err)}`);
      this.set('unknown');
    }
  }

  private set(state: LockdownStateView, lan: LanChoice | null = null): void {
    const choice = state === 'on' ? lan : null;
    if (this.closed || (state === this.state && choice === this.lan)) return;
    this.state = state;
    this.lan = choice;
    this.opts.changed(state, choice);
  }

  private readonly onNm = (): void => {
    void this.refresh();
  };

  private readonly onSignal = (msg: Message): void => {
    const path = msg.path;
    switch (`${msg.interface}.${msg.member}`) {
      case `${IFACE.objectManager}.InterfacesAdded`: {
        const [, ifaces] = msg.body as [string, Record<string, unknown>];
        if (ifaces[IFACE.settingsConnection] !== undefined) this.added(msg.body[0] as string);
        return;
      }
      case `${IFACE.objectManager}.InterfacesRemoved`:
        if (this.paths.has(msg.body[0] as string)) void this.refresh();
        return;
      case `${IFACE.settingsConnection}.Updated`:
        if (this.paths.has(path)) void this.refresh();
        return;
      default:
        return;
    }
  };

  /** A new connection: one GetSettings says whether it is lockdown's (VPNs are skipped). */
  private added(path: string): void {
    if (this.opts.model.profiles().some((p) => p.path === path)) return;
    getSettings(this.opts.bus, path).then(
      (settings) => {
        if (isLockdownProfile(settings)) void this.refresh();
      },
      // Gone again already, or not ours to read: a later signal or read says more.
      () => undefined,
    );
  }
}
