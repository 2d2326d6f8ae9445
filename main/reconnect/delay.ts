/** The first wait before bringing a dropped VPN back. */
export const FIRST_RETRY_MS = 2_000;
/** The longest wait between two attempts. */
export const MAX_RETRY_MS = 60_000;

/**
 * How long to wait before attempt `attempt` (1 for the first): 2, 4, 8 … s up to 60 s, each
 * jittered by ±20 % so that many machines dropped by one server restart do not all knock at once.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const doublings = Math.min(Math.max(attempt - 1, 0), 16);
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** doublings);
  return Math.round(Math.min(MAX_RETRY_MS, base * (0.8 + 0.4 * random())));
}
