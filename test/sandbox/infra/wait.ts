// Polling helpers. The daemons here (dbus-daemon, NetworkManager, openvpn) announce readiness
// only through side effects (a socket file, a bus name, a log line), so the sandbox polls them.

import type { Core } from '../../../main/core';

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The one fixed wait a test may make: an observation window in which something must NOT happen
 * (a retry, a reconnect). It must be longer than the time the code under test would take to do
 * it (the reconnect policy's first wait is 2 s + 20 %); waiting for something that should happen
 * uses waitFor instead.
 */
export function quietFor(ms: number): Promise<void> {
  return sleep(ms);
}

/** Thrown by a probe when waiting longer is pointless (the daemon exited): waitFor fails at once. */
export class GiveUp extends Error {
  override name = 'GiveUp';
}

/**
 * Calls `probe` until it returns a value other than undefined/false, and resolves with it.
 * Rejects after `timeoutMs` with `what` in the message, plus the last probe error if any.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      if (err instanceof GiveUp) throw err;
      // A probe may throw while the thing is not up yet (nmcli before NM is on the bus).
      lastError = err;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await sleep(intervalMs);
  }
}

/** Waits until the core's model holds the profile `uuid` (NetworkManager's signal came in). */
export function waitForProfile(core: Core, uuid: string, what = uuid): Promise<true> {
  return waitFor(`${what} in the model`, () => core.model.profiles().some((p) => p.uuid === uuid));
}
