import type { ProfileView, TunnelStateView } from '../../preload/contract';
import { reconnectEnabled, type PreferencesStore } from '../contract/preferences';
import type { Core } from '../core';
import { activateAgain, isTunnelPath } from '../reconnect/attempt';
import { ReconnectDriver, REAL_CLOCK, type DriverClock, type SeriesEnd } from '../reconnect/driver';
import { ReconnectPolicy } from '../reconnect/policy';
import { ReconnectPublisher } from '../reconnect/shared-state';
import { SystemWatch } from '../reconnect/system-watch';

export interface StayConnectedOptions {
  core: Core;
  preferences: PreferencesStore;
  /** A tunnel's shown state changed with nothing said by NetworkManager (a timer, a resume). */
  republish: (uuid: string, state: TunnelStateView) => void;
  /** A series ended outside a tunnel event. */
  ended: (uuid: string, end: SeriesEnd) => void;
  onWarning?: (text: string) => void;
  clock?: DriverClock;
  random?: () => number;
  /** Where reconnecting tunnels are shared with the CLI (shared-state.ts); the runtime folder. */
  sharedDir?: string;
}

/**
 * The app core's side of the reconnect policy (main/reconnect/): it sees every tunnel change as
 * the person sees it (after their own stops, UserStops), answers what to show instead (the
 * `reconnecting` state), feeds prompts, stops, deleted profiles and settings to the policy, and
 * follows suspend and the network through logind and NetworkManager.
 */
export class StayConnected {
  /** NetworkManager's state of each tunnel, after the person's own stops were applied. */
  private readonly raw = new Map<string, TunnelStateView>();
  private readonly driver: ReconnectDriver;
  /** For `tunnelbar status` and `watch`, which run in their own processes. */
  private readonly shared: ReconnectPublisher;
  private watch: SystemWatch | null = null;
  private closed = false;

  constructor(private readonly opts: StayConnectedOptions) {
    this.shared = new ReconnectPublisher(opts.sharedDir, opts.onWarning);
    const policy = new ReconnectPolicy({
      enabled: (uuid) => reconnectEnabled(opts.preferences.get(), uuid),
      ...(opts.random === undefined ? {} : { random: opts.random }),
    });
    this.driver = new ReconnectDriver(
      policy,
      {
        activate: (uuid) => activateAgain(opts.core, uuid),
        changed: (uuid) => {
          opts.republish(uuid, this.shown(uuid));
        },
        ended: (end) => {
          opts.ended(end.uuid, end);
        },
      },
      opts.clock ?? REAL_CLOCK,
    );
  }

  /** Follows logind and NetworkManager's network state; without them, drops are still handled. */
  async watchSystem(): Promise<void> {
    try {
      const { core } = this.opts;
      const watch = await SystemWatch.start(core.bus, (path) => isTunnelPath(core, path));
      if (this.closed) {
        watch.stop();
        return;
      }
      this.watch = watch;
      watch.on('sleep', (sleeping) => {
        this.driver.sleep(sleeping);
      });
      watch.on('network', (up, moved) => {
        this.driver.network(up, moved);
      });
      watch.on('warning', (text) => this.opts.onWarning?.(text));
      this.driver.network(watch.networkUp, false);
    } catch (err) {
      this.opts.onWarning?.(`Suspend and network changes are not followed: ${String(err)}`);
    }
  }

  /** A tunnel's change as the person sees it: what to show, and the end of a series if any. */
  present(
    uuid: string,
    shown: TunnelStateView,
    userAsked: boolean,
  ): { state: TunnelStateView; end: SeriesEnd | null } {
    if (shown.kind === 'disconnected') this.raw.delete(uuid);
    else this.raw.set(uuid, shown);
    const end = this.driver.tunnel(uuid, shown, userAsked);
    return { state: this.shown(uuid), end };
  }

  /** NetworkManager asked the person for a secret for this profile. */
  prompted(uuid: string): void {
    this.driver.prompted(uuid);
  }

  /** The person switched it off: whatever was active, no more attempts. */
  userStopped(uuid: string): void {
    // A failure left over from the attempts is not news once the person switched it off.
    if (this.raw.get(uuid)?.kind === 'failed') this.raw.delete(uuid);
    this.driver.userStopped(uuid);
  }

  /** The profiles now: a deleted one's series ends. */
  profiles(profiles: readonly ProfileView[]): void {
    const present = new Set(profiles.map((p) => p.uuid));
    for (const uuid of this.driver.policy.active()) {
      if (!present.has(uuid)) this.driver.removed(uuid);
    }
  }

  settingsChanged(): void {
    this.driver.settingsChanged();
  }

  close(): void {
    this.closed = true;
    this.driver.stop();
    this.watch?.stop();
    this.shared.close();
  }

  /** What to show for a tunnel now, shared with other processes too. */
  private shown(uuid: string): TunnelStateView {
    const state = this.driver.view(uuid, this.raw.get(uuid) ?? { kind: 'disconnected' });
    this.shared.set(uuid, state);
    return state;
  }
}
