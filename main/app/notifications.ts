import type { TunnelStateView } from '../../preload/contract';
import { tunnelAddress } from './shell-state';
import { strings } from './strings';

export interface NotificationText {
  title: string;
  body: string;
}

export interface Transition {
  /** The profile's name. */
  name: string;
  before: TunnelStateView;
  after: TunnelStateView;
  /** The person stopped this tunnel through Tunnelbar (switch, tray, or a cancelled prompt). */
  userAsked: boolean;
}

function wasOnTheWay(state: TunnelStateView): boolean {
  return state.kind === 'connecting' || state.kind === 'needs-secrets';
}

/**
 * The desktop notification for one tunnel's change of state, or null for none: connected (after
 * an attempt: not when NetworkManager merely repeats itself), disconnected when the person did
 * not ask for it, failed with NetworkManager's reason and what to do.
 */
export function notificationFor(t: Transition): NotificationText | null {
  const { after, before } = t;
  switch (after.kind) {
    case 'connected':
      if (!wasOnTheWay(before)) return null;
      return {
        title: strings.notify.connectedTitle(t.name),
        body: strings.notify.connectedBody(tunnelAddress(after)),
      };
    case 'disconnected':
      if (t.userAsked) return null;
      if (before.kind !== 'connected' && before.kind !== 'disconnecting') return null;
      return {
        title: strings.notify.disconnectedTitle(t.name),
        body: strings.notify.disconnectedBody,
      };
    case 'failed':
      if (t.userAsked || before.kind === 'failed') return null;
      return {
        title: strings.notify.failedTitle(t.name),
        body: `${after.reason.sentence} ${strings.notify.failedTail}`,
      };
    case 'connecting':
    case 'needs-secrets':
    case 'disconnecting':
      return null;
  }
}

/** A call the shell made for the person (tray click) that NetworkManager refused outright. */
export function refusalNotification(name: string, sentence: string): NotificationText {
  return { title: strings.notify.refusedTitle(name), body: sentence };
}
