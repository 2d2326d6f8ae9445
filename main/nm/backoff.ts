/** The first wait before connecting again after losing the system bus. */
export const FIRST_RECONNECT_DELAY_MS = 500;
/** The longest wait between two attempts. */
export const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * How long to wait before reconnect attempt `attempt` (0 for the first): 0.5 s doubling up to
 * 30 s, jittered to between half and all of that, so that the clients of a restarted bus daemon
 * do not all knock at the same moment.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(
    MAX_RECONNECT_DELAY_MS,
    FIRST_RECONNECT_DELAY_MS * 2 ** Math.min(Math.max(attempt, 0), 16),
  );
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
