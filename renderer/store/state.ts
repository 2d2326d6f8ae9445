import type {
  CallFailure,
  LockdownStateView,
  ProfileView,
  PromptView,
  ReasonView,
  SnapshotView,
  TunnelStateView,
} from '../../preload/contract';
import type { LanChoice } from '../../preload/privacy-types';
import { applyMirrorEvent, omitKey, type ContractEvent } from '../../preload/mirror';

/** What the renderer knows: a mirror of main's snapshot and events, plus its own call outcomes. */
export interface StoreState {
  phase: 'loading' | 'ready' | 'failed';
  loadFailure: CallFailure | null;
  nmRunning: boolean;
  /** What the last `state:nm` said of the system bus itself (null: nothing, or NetworkManager's own news). */
  busLink: 'lost' | 'reconnected' | null;
  profiles: readonly ProfileView[];
  /** As in the snapshot: a disconnected tunnel is absent. */
  tunnels: Readonly<Record<string, TunnelStateView>>;
  /** Each profile's last failure, kept after the tunnel moves on, until it connects again. */
  lastFailures: Readonly<Record<string, ReasonView>>;
  /** Open secret requests, oldest first. */
  prompts: readonly PromptView[];
  /** A connect or disconnect main refused or that failed (NetworkManager not running, ...). */
  actionFailures: Readonly<Record<string, CallFailure>>;
  /** Profiles with a connect or disconnect call in flight. */
  busy: ReadonlySet<string>;
  /** Lockdown as the app core last heard it from NetworkManager. */
  lockdown: LockdownStateView;
  /** Its local network choice, null while it is off or unknown. */
  lockdownLan: LanChoice | null;
}

export const initialState: StoreState = {
  phase: 'loading',
  loadFailure: null,
  nmRunning: true,
  busLink: null,
  profiles: [],
  tunnels: {},
  lastFailures: {},
  prompts: [],
  actionFailures: {},
  busy: new Set(),
  lockdown: 'unknown',
  lockdownLan: null,
};

export function applySnapshot(state: StoreState, snapshot: SnapshotView): StoreState {
  let lastFailures = state.lastFailures;
  for (const [uuid, tunnel] of Object.entries(snapshot.tunnels)) {
    lastFailures = noteFailure(lastFailures, uuid, tunnel);
  }
  return {
    ...state,
    phase: 'ready',
    loadFailure: null,
    nmRunning: snapshot.nmRunning,
    profiles: snapshot.profiles,
    tunnels: snapshot.tunnels,
    lastFailures,
    lockdown: snapshot.lockdown,
    lockdownLan: snapshot.lockdownLan,
    // Prompts already delivered as events stay; the snapshot adds those opened before.
    prompts: [
      ...state.prompts,
      ...snapshot.prompts.filter((p) => !state.prompts.some((q) => q.id === p.id)),
    ],
  };
}

/** The shared mirror's reducer (preload/mirror.ts), plus each profile's last failure. */
export function applyEvent(state: StoreState, event: ContractEvent): StoreState {
  const next = applyMirrorEvent(state, event);
  if (event.name === 'state:nm') return { ...next, busLink: event.payload.bus ?? null };
  if (event.name !== 'state:tunnel') return next;
  const { uuid, state: tunnel } = event.payload;
  const lastFailures = noteFailure(state.lastFailures, uuid, tunnel);
  return lastFailures === next.lastFailures ? next : { ...next, lastFailures };
}

function noteFailure(
  failures: Readonly<Record<string, ReasonView>>,
  uuid: string,
  tunnel: TunnelStateView,
): Readonly<Record<string, ReasonView>> {
  // reconnecting: its reason is shown with it while it lasts.
  switch (tunnel.kind) {
    case 'failed':
      return { ...failures, [uuid]: tunnel.reason };
    case 'connected':
      return omitKey(failures, uuid);
    case 'disconnected':
    case 'connecting':
    case 'needs-secrets':
    case 'disconnecting':
    case 'reconnecting':
      return failures;
  }
}
