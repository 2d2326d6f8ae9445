import type { TunnelStateView } from './tunnel-types';

type Reconnecting = Extract<TunnelStateView, { kind: 'reconnecting' }>;

/** A clock time as people read it here: the tray, the window and the CLI all show it so. */
export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/**
 * "attempt 3, next at 14:02:31": what a reconnecting tunnel waits for, shared by the tray, the
 * window and the CLI. A clock time rather than "in 8 s": it stays true without a timer ticking
 * to redraw it.
 */
export function reconnectSummary(
  state: Reconnecting,
  time: (ms: number) => string = clockTime,
): string {
  const attempt = `attempt ${state.attempt}`;
  switch (state.waitingFor) {
    case 'timer':
      return state.nextAttemptAt === null
        ? attempt
        : `${attempt}, next at ${time(state.nextAttemptAt)}`;
    case 'attempt':
      return `${attempt} under way`;
    case 'network':
      return `${attempt} when the network is back`;
    case 'resume':
      return `${attempt} after resume`;
  }
}
