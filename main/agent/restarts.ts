import type { Restart } from './answer';

/**
 * Attempts the agent starts again after answering (an OpenVPN user name typed for a profile
 * without one), by profile uuid, so that whoever waits for the old attempt (`tunnelbar up`) learns
 * that a new one follows. Registered before the reply, run after it.
 */
export class Restarts {
  private readonly pending = new Map<string, Promise<boolean>>();

  /**
   * Registers `restart`; the function returned runs it and gives the promise of what happened
   * (true: NetworkManager took the new activation; false: it could not be started, warned).
   */
  register(restart: Restart, onWarning?: (text: string) => void): () => Promise<void> {
    let settle: (ok: boolean) => void = () => undefined;
    this.pending.set(restart.uuid, new Promise<boolean>((resolve) => (settle = resolve)));
    return () =>
      restart.run().then(
        () => {
          settle(true);
        },
        (err: unknown) => {
          onWarning?.(`The profile could not be started again: ${String(err)}`);
          settle(false);
        },
      );
  }

  /** Whether a new attempt of the profile is being started (see register); taken once. */
  take(uuid: string): Promise<boolean> | undefined {
    const started = this.pending.get(uuid);
    this.pending.delete(uuid);
    return started;
  }
}
