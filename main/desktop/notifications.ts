import type { TunnelStateView } from '../../preload/contract';
import type { ImportReport } from '../import/import-paths';
import { formatImportError } from '../vpn/result';
import { tunnelAddress } from '../../preload/tunnel-view';
import { strings } from './strings';
import type { NotificationText } from './surface-types';

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
  // reconnecting: one notification per series, when it ends (reconnectNotification).
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
    case 'reconnecting':
      return null;
  }
}

/** How a reconnect series ended, as the policy said (main/reconnect/policy.ts). */
export type SeriesEnd =
  { kind: 'restored'; attempts: number } | { kind: 'gave-up'; reason: { sentence: string } };

/** The one notification of a reconnect series: back up, or no more attempts. */
export function reconnectNotification(
  name: string,
  end: SeriesEnd,
  after: TunnelStateView,
): NotificationText {
  switch (end.kind) {
    case 'restored':
      return {
        title: strings.notify.reconnectedTitle(name),
        body: strings.notify.reconnectedBody(end.attempts, tunnelAddress(after)),
      };
    case 'gave-up':
      return {
        title: strings.notify.gaveUpTitle(name),
        body: `${end.reason.sentence} ${strings.notify.gaveUpTail}`,
      };
  }
}

/** A call the shell made for the person (tray click) that NetworkManager refused outright. */
export function refusalNotification(name: string, sentence: string): NotificationText {
  return { title: strings.notify.refusedTitle(name), body: sentence };
}

/**
 * After files were opened with Tunnelbar (a double-click in a file manager): what was added, or
 * the first problem when something was not, with a count of the rest.
 */
export function importNotification(report: ImportReport): NotificationText {
  const { summary, outcomes } = report;
  const added = outcomes.flatMap((o) => (o.status === 'added' ? [o.id] : []));
  const problems = outcomes.flatMap((o) => {
    if (o.status === 'failed') return [formatImportError(o.error)];
    if (o.status === 'duplicate') return [strings.notify.alreadyThere(o.file, o.duplicateOf.id)];
    return [];
  });
  if (summary.fatal !== null) {
    return {
      title: strings.notify.importProblemsTitle(problems.length),
      body: strings.notify.importStopped(summary.fatal),
    };
  }
  if (problems.length === 0) {
    return {
      title: strings.notify.importedTitle(added.length),
      body: strings.notify.importedNames(added.join(', ')),
    };
  }
  const [first] = problems;
  const more = problems.length > 1 ? ` (+${problems.length - 1} more)` : '';
  return {
    title: strings.notify.importProblemsTitle(problems.length),
    body: `${first ?? ''}${more}`,
  };
}
