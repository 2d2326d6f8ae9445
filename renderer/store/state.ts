import type {
  CallFailure,
  EventName,
  EventPayloads,
  ProfileView,
  PromptView,
  ReasonView,
  SnapshotView,
  TunnelStateView,
} from '../../preload/contract';

/** What the renderer knows: a mirror of main's snapshot and events, plus its own call outcomes. */
export interface StoreState {
  phase: 'loading' | 'ready' | 'failed';
  loadFailure: CallFailure | null;
  nmRunning: boolean;
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
}

export const initialState: StoreState = {
  phase: 'loading',
  loadFailure: null,
  nmRunning: true,
  profiles: [],
  tunnels: {},
  lastFailures: {},
  prompts: [],
  actionFailures: {},
  busy: new Set(),
};

/** One contract event as a value, so a switch over its name narrows its payload. */
export type ContractEvent = { [E in EventName]: { name: E; payload: EventPayloads[E] } }[EventName];

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
    // Prompts already delivered as events stay; the snapshot adds those opened before.
    prompts: [
      ...state.prompts,
      ...snapshot.prompts.filter((p) => !state.prompts.some((q) => q.id === p.id)),
    ],
  };
}

export function applyEvent(state: StoreState, event: ContractEvent): StoreState {
  switch (event.name) {
    case 'state:nm':
      return { ...state, nmRunning: event.payload.running };
    case 'state:profiles':
      return { ...state, profiles: event.payload.profiles };
    case 'state:tunnel': {
      const { uuid, state: tunnel } = event.payload;
      const tunnels =
        tunnel.kind === 'disconnected'
          ? omitKey(state.tunnels, uuid)
          : { ...state.tunnels, [uuid]: tunnel };
      return { ...state, tunnels, lastFailures: noteFailure(state.lastFailures, uuid, tunnel) };
    }
    case 'prompt:open':
      // The snapshot may have brought this one already: keep one per id.
      if (state.prompts.some((p) => p.id === event.payload.id)) return state;
      return { ...state, prompts: [...state.prompts, event.payload] };
    case 'prompt:close':
      return withoutPrompt(state, event.payload.requestId);
    case 'import:progress':
      // The import view follows its own progress; the store has nothing to keep of it.
      return state;
  }
}

export function withoutPrompt(state: StoreState, requestId: string): StoreState {
  if (!state.prompts.some((p) => p.id === requestId)) return state;
  return { ...state, prompts: state.prompts.filter((p) => p.id !== requestId) };
}

function noteFailure(
  failures: Readonly<Record<string, ReasonView>>,
  uuid: string,
  tunnel: TunnelStateView,
): Readonly<Record<string, ReasonView>> {
  switch (tunnel.kind) {
    case 'failed':
      return { ...failures, [uuid]: tunnel.reason };
    case 'connected':
      return omitKey(failures, uuid);
    case 'disconnected':
    case 'connecting':
    case 'needs-secrets':
    case 'disconnecting':
      return failures;
  }
}

/** The record without `key` (the same object when it has no such key). */
export function omitKey<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  if (!Object.hasOwn(record, key)) return record;
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}
