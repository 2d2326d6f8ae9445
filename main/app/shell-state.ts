import type {
  EventName,
  EventPayloads,
  SnapshotView,
  TunnelStateView,
} from '../../preload/contract';

/** One contract event as a value, so a switch over its name narrows its payload. */
export type ContractEvent = { [E in EventName]: { name: E; payload: EventPayloads[E] } }[EventName];

export function contractEvent<E extends EventName>(
  name: E,
  payload: EventPayloads[E],
): ContractEvent {
  // TypeScript cannot correlate a generic name with its payload; the mapped union above can.
  return { name, payload } as ContractEvent;
}

/**
 * The shell's mirror of the model, kept exactly as the renderer keeps its own: the snapshot,
 * then events. The tray and the notifications are drawn from this, so they show what a window
 * would show. Pure: returns a new snapshot.
 */
export function applyEvent(state: SnapshotView, event: ContractEvent): SnapshotView {
  switch (event.name) {
    case 'state:nm':
      return { ...state, nmRunning: event.payload.running };
    case 'state:profiles':
      return { ...state, profiles: event.payload.profiles };
    case 'state:tunnel': {
      const { uuid, state: tunnel } = event.payload;
      // As in the snapshot, a disconnected tunnel is simply absent.
      const others = Object.entries(state.tunnels).filter(([key]) => key !== uuid);
      const tunnels = Object.fromEntries(
        tunnel.kind === 'disconnected' ? others : [...others, [uuid, tunnel] as const],
      );
      return { ...state, tunnels };
    }
    case 'prompt:open':
    case 'prompt:close':
    case 'import:progress':
      return state;
  }
}

export function tunnelOf(state: SnapshotView, uuid: string): TunnelStateView {
  return state.tunnels[uuid] ?? { kind: 'disconnected' };
}
