// A sandbox kept up for a person at a terminal (`npm run sandbox`, the scale bench's sandbox):
// it runs until Ctrl-C or SIGTERM, then stops and the process ends.
import type { Sandbox } from './sandbox.js';

/** `beforeStop` runs once, first (a line for the person, a work folder removed). */
export function keepUpUntilSignalled(
  sb: Sandbox,
  beforeStop: (signal: NodeJS.Signals) => void = () => undefined,
): void {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    beforeStop(signal);
    sb.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // The sandbox's processes do not keep Node alive by themselves (they are unref'd).
  setInterval(() => undefined, 60_000);
}
