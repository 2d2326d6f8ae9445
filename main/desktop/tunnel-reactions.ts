import type { SnapshotView } from '../../preload/contract';
import { contractEvent, tunnelOf, type ContractEvent } from '../../preload/mirror';
import { PushedDomainLearner } from '../dns/learn-pushed';
import type { AppCoreOptions } from './app-options';
import { notificationFor, reconnectNotification } from './notifications';
import { StayConnected } from './stay-connected';
import type { NotificationText } from './surface-types';
import { UserStops } from './user-stops';

export interface TunnelReactionsHooks {
  /** The app core's mirror now: the state before an event, and the profiles' names. */
  mirror: () => SnapshotView;
  /** A tunnel's shown state changed with no event from NetworkManager (the reconnect policy). */
  publish: (event: ContractEvent) => void;
  notify: (text: NotificationText) => void;
}

/** A profile's name for a notification; its uuid when the mirror does not know it (any more). */
export function profileNameOf(mirror: SnapshotView, uuid: string): string {
  return mirror.profiles.find((p) => p.uuid === uuid)?.id ?? uuid;
}

/**
 * What the app core does about tunnels' changes besides drawing them: the person's own stops
 * (UserStops) and the reconnect policy (StayConnected) decide what a change is shown as and
 * whether it is news worth a notification; prompts, deleted profiles and settings feed both; a
 * connected 'own-domains' VPN learns the domains its server pushed (PushedDomainLearner).
 */
export class TunnelReactions {
  private readonly stops = new UserStops();
  private readonly stay: StayConnected;
  private readonly learner: PushedDomainLearner;

  constructor(
    opts: Pick<AppCoreOptions, 'core' | 'preferences' | 'onWarning' | 'reconnectClock'>,
    private readonly hooks: TunnelReactionsHooks,
  ) {
    this.stay = new StayConnected({
      core: opts.core,
      preferences: opts.preferences,
      republish: (uuid, state) => {
        hooks.publish(contractEvent('state:tunnel', { uuid, state }));
      },
      ended: (uuid, end) => {
        const mirror = hooks.mirror();
        hooks.notify(
          reconnectNotification(profileNameOf(mirror, uuid), end, tunnelOf(mirror, uuid)),
        );
      },
      ...(opts.onWarning === undefined ? {} : { onWarning: opts.onWarning }),
      ...(opts.reconnectClock === undefined ? {} : { clock: opts.reconnectClock }),
    });
    // An attempt the agent ends to start it again with the typed user name is not news.
    opts.core.agent?.onRestart((uuid) => {
      this.stops.markStopped(uuid);
    });
    // Tunnels already up when the app starts are watched from now on.
    for (const [uuid, state] of Object.entries(hooks.mirror().tunnels)) {
      this.stay.present(uuid, state, false);
    }
    this.learner = new PushedDomainLearner({
      bus: opts.core.bus,
      model: opts.core.model,
      onRefused: (id, reason) => {
        opts.onWarning?.(`${id}: the domains its server pushed were not written: ${reason}`);
      },
    });
  }

  /** Follows suspend and the network (logind, NetworkManager) for the reconnect policy. */
  watchSystem(): Promise<void> {
    return this.stay.watchSystem();
  }

  /**
   * An event as the person sees it, before it reaches the mirror: a tunnel's change after their
   * own stops and the reconnect policy, notified when it is news. Other events pass unchanged.
   */
  present(event: ContractEvent): ContractEvent {
    if (event.name !== 'state:tunnel') return event;
    const { uuid, state: after } = event.payload;
    const mirror = this.hooks.mirror();
    const before = tunnelOf(mirror, uuid);
    const stopped = this.stops.present(uuid, before, after);
    // What NetworkManager said, unless the reconnect policy is bringing it back.
    const { state: shown, end } = this.stay.present(uuid, stopped.shown, stopped.userAsked);
    const name = profileNameOf(mirror, uuid);
    const text =
      end === null
        ? notificationFor({ name, before, after: shown, userAsked: stopped.userAsked })
        : reconnectNotification(name, end, shown);
    if (text !== null) this.hooks.notify(text);
    return shown === after ? event : contractEvent('state:tunnel', { uuid, state: shown });
  }

  /** An event once it is in the mirror: prompts, profiles and tunnels feed stops, policy, learner. */
  heard(event: ContractEvent): void {
    switch (event.name) {
      case 'prompt:open':
        this.stay.prompted(event.payload.connectionUuid);
        this.stops.promptOpened(event.payload.id, event.payload.connectionUuid);
        return;
      case 'prompt:close':
        this.stops.promptClosed(event.payload.requestId);
        return;
      case 'state:profiles':
        this.stay.profiles(event.payload.profiles);
        return;
      case 'state:tunnel':
        // An 'own-domains' VPN that connects learns the domains its server pushes.
        void this.learner.tunnelChanged(event.payload.uuid);
        return;
      case 'state:nm':
      case 'state:lockdown':
      case 'import:progress':
        return;
    }
  }

  /** A request NetworkManager made while the app was starting, found in the first snapshot. */
  promptWaiting(requestId: string, connectionUuid: string): void {
    this.stops.promptOpened(requestId, connectionUuid);
  }

  /** The person cancelled a prompt: the attempt it ends is their own stop. */
  promptCancelled(requestId: string): void {
    this.stops.promptCancelled(requestId);
  }

  /** The person switches a tunnel off: its going down is not news, and not a drop. */
  userStopped(uuid: string): void {
    this.stops.markStopped(uuid);
    this.stay.userStopped(uuid);
  }

  /** The app's or a profile's reconnect setting changed. */
  settingsChanged(): void {
    this.stay.settingsChanged();
  }

  close(): void {
    this.stay.close();
  }
}
