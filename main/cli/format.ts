import { reconnectSummary } from '../../preload/reconnect-view';
import type { ReconnectWait, TunnelStateView } from '../../preload/tunnel-types';
import type { IpConfig } from '../nm/ip-config';
import type { Profile } from '../nm/profile';
import type { TunnelState } from '../nm/tunnel-state';
import { cliStrings as s } from './cli-strings';
import { terminalSafe as safe } from './terminal-text';

/** The shapes `--json` prints. Stable: scripts read them. */

export interface ListEntry {
  uuid: string;
  id: string;
  type: string;
  state: TunnelState['kind'];
}

export interface StatusEntry {
  uuid: string;
  id: string;
  state: TunnelState['kind'];
  /** ISO time Tunnelbar saw it connect; null unless connected. */
  since: string | null;
  banner: string | null;
  /** The failure reason word, null unless failed (or, reconnecting, why it dropped). */
  reason: string | null;
  reasonText: string | null;
  ip4: IpConfig | null;
  ip6: IpConfig | null;
  /** Only while reconnecting: the attempt under way or next, and when (ISO, null: not timed). */
  attempt?: number;
  nextAttemptAt?: string | null;
  waitingFor?: ReconnectWait;
}

export function listEntry(profile: Profile, state: TunnelState): ListEntry {
  return { uuid: profile.uuid, id: profile.id, type: profile.vpnType, state: state.kind };
}

export function statusEntry(
  profile: Pick<Profile, 'uuid' | 'id'>,
  /** Any reason word: a reconnecting state shared by another process carries its own. */
  state: TunnelStateView,
): StatusEntry {
  const entry: StatusEntry = {
    uuid: profile.uuid,
    id: profile.id,
    state: state.kind,
    since: null,
    banner: null,
    reason: null,
    reasonText: null,
    ip4: null,
    ip6: null,
  };
  switch (state.kind) {
    case 'connected':
      return {
        ...entry,
        since: new Date(state.since).toISOString(),
        banner: state.banner,
        ip4: state.ip4,
        ip6: state.ip6,
      };
    case 'failed':
      return { ...entry, reason: state.reason.word, reasonText: state.reason.sentence };
    case 'reconnecting':
      return {
        ...entry,
        reason: state.reason?.word ?? null,
        reasonText: state.reason?.sentence ?? null,
        attempt: state.attempt,
        nextAttemptAt:
          state.nextAttemptAt === null ? null : new Date(state.nextAttemptAt).toISOString(),
        waitingFor: state.waitingFor,
      };
    case 'disconnected':
    case 'connecting':
    case 'needs-secrets':
    case 'disconnecting':
      return entry;
  }
}

/**
 * One human line for a state: "connected 10.8.0.2/24", "failed (no-secrets): ...". Human output
 * goes to a terminal: what NetworkManager or a VPN server chose (addresses, NetworkManager's error
 * text in a reason) is escaped by terminalSafe, here and in describeStatus.
 */
export function describeState(state: TunnelStateView): string {
  switch (state.kind) {
    case 'connected': {
      // Link-local IPv6 addresses are on every interface; they say nothing about the tunnel.
      const ip6 = (state.ip6?.addresses ?? []).filter((a) => !a.toLowerCase().startsWith('fe80:'));
      const addrs = [...(state.ip4?.addresses ?? []), ...ip6];
      return addrs.length > 0 ? s.state.connected(safe(addrs.join(' '))) : s.state.connectedBare;
    }
    case 'connecting':
      return s.state.connecting(state.stage);
    case 'failed':
      return s.state.failed(state.reason.word, safe(state.reason.sentence));
    case 'reconnecting':
      return state.reason === null
        ? s.state.reconnecting(reconnectSummary(state))
        : s.state.reconnectingAfter(safe(state.reason.word), reconnectSummary(state));
    case 'needs-secrets':
    case 'disconnected':
    case 'disconnecting':
      return s.state.word(state.kind);
  }
}

function ipLines(label: string, ip: IpConfig | null): string[] {
  if (ip === null) return [];
  const list = (values: readonly string[]): string => safe(values.join(', '));
  const lines = [s.status.address(label, list(ip.addresses) || '-')];
  if (ip.gateway !== null) lines.push(s.status.gateway(label, safe(ip.gateway)));
  for (const r of ip.routes) {
    const route = r.nextHop === null ? r.dest : s.status.via(r.dest, r.nextHop);
    const metric = r.metric === null ? '' : s.status.metric(r.metric);
    lines.push(s.status.route(label, `${safe(route)}${metric}`));
  }
  if (ip.dns.length > 0) lines.push(s.status.dns(label, list(ip.dns)));
  if (ip.domains.length > 0) lines.push(s.status.domains(label, list(ip.domains)));
  return lines;
}

export function describeStatus(entry: StatusEntry, now: number): string {
  const lines = [`${safe(entry.id)} (${safe(entry.uuid)}): ${s.state.word(entry.state)}`];
  if (entry.since !== null) {
    const seconds = Math.max(0, Math.round((now - Date.parse(entry.since)) / 1000));
    lines.push(s.status.connectedFor(seconds));
  }
  if (entry.reasonText !== null)
    lines.push(s.status.reason(entry.reason ?? '', safe(entry.reasonText)));
  if (entry.attempt !== undefined) {
    lines.push(
      s.status.reconnect(entry.attempt, entry.nextAttemptAt ?? null, entry.waitingFor ?? 'timer'),
    );
  }
  // A banner may be several lines; the server chose every character of it.
  if (entry.banner !== null) lines.push(s.status.banner(safe(entry.banner, 'lines')));
  lines.push(...ipLines('IPv4', entry.ip4), ...ipLines('IPv6', entry.ip6));
  return lines.join('\n');
}
