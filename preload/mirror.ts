import type {
  EventName,
  EventPayloads,
  LockdownStateView,
  ProfileView,
  PromptView,
  TunnelStateView,
} from './contract';
import type { LanChoice } from './privacy-types';

/**
 * The one reducer of the model's mirror: main's app core (main/desktop/) and the renderer's store
 * both keep a snapshot and apply the contract's events to it with this, so the tray, the
 * notifications and every window agree on what NetworkManager said. Pure, returns the same
 * object when an event changes nothing (the renderer skips a render then).
 */

/** One contract event as a value, so a switch over its name narrows its payload. */
export type ContractEvent = { [E in EventName]: { name: E; payload: EventPayloads[E] } }[EventName];

export function contractEvent<E extends EventName>(
  name: E,
  payload: EventPayloads[E],
): ContractEvent {
  // TypeScript cannot correlate a generic name with its payload; the mapped union above can.
  return { name, payload } as ContractEvent;
}

/** What the reducer reads and writes: a SnapshotView; the renderer's state has more fields. */
export interface Mirror {
  nmRunning: boolean;
  profiles: readonly ProfileView[];
  /** A disconnected tunnel is absent. */
  tunnels: Readonly<Record<string, TunnelStateView>>;
  /** Open secret requests, oldest first. */
  prompts: readonly PromptView[];
  lockdown: LockdownStateView;
  lockdownLan: LanChoice | null;
}

export function applyMirrorEvent<S extends Mirror>(state: S, event: ContractEvent): S {
  switch (event.name) {
    case 'state:nm':
      return { ...state, nmRunning: event.payload.running };
    case 'state:profiles':
      return { ...state, profiles: event.payload.profiles };
    case 'state:tunnel': {
      const { uuid, state: tunnel } = event.payload;
      // As in the snapshot, a disconnected tunnel is simply absent.
      const tunnels =
        tunnel.kind === 'disconnected'
          ? omitKey(state.tunnels, uuid)
          : { ...state.tunnels, [uuid]: tunnel };
      return tunnels === state.tunnels ? state : { ...state, tunnels };
    }
    case 'prompt:open':
      // A snapshot may have brought this one already: keep one per id, oldest first.
      if (state.prompts.some((p) => p.id === event.payload.id)) return state;
      return { ...state, prompts: [...state.prompts, event.payload] };
    case 'prompt:close':
      return withoutPrompt(state, event.payload.requestId);
    case 'state:lockdown':
      return state.lockdown === event.payload.lockdown && state.lockdownLan === event.payload.lan
        ? state
        : { ...state, lockdown: event.payload.lockdown, lockdownLan: event.payload.lan };
    case 'import:progress':
      // The import view follows its own progress; the mirror has nothing to keep of it.
      return state;
  }
}

export function withoutPrompt<S extends Pick<Mirror, 'prompts'>>(state: S, requestId: string): S {
  if (!state.prompts.some((p) => p.id === requestId)) return state;
  return { ...state, prompts: state.prompts.filter((p) => p.id !== requestId) };
}

export function tunnelOf(state: Pick<Mirror, 'tunnels'>, uuid: string): TunnelStateView {
  return state.tunnels[uuid] ?? { kind: 'disconnected' };
}

/** The record without `key` (the same object when it has no such key). */
export function omitKey<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  if (!Object.hasOwn(record, key)) return record;
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}
