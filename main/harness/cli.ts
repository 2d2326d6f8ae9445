import { DEFAULT_HARNESS_PORT, startHarness, type Harness } from './harness';

/**
 * `npm run harness`: the app's renderer in any browser at http://127.0.0.1:<port>/, over the real
 * core on DBUS_SYSTEM_BUS_ADDRESS (e.g. `npm run sandbox`'s). TUNNELBAR_HARNESS_PORT picks the
 * port, TUNNELBAR_HARNESS_LOG the log for diagnostics, TUNNELBAR_HARNESS_PREFS the preferences
 * folder, TUNNELBAR_HARNESS_EXPORTS the folder exported profiles are written to,
 * TUNNELBAR_HARNESS_TOKEN a fixed token (a new random one each start otherwise).
 */
async function main(): Promise<void> {
  const env = process.env;
  let harness: Harness | null = null;
  let stopping: Promise<void> | null = null;
  const stop = (): void => {
    stopping ??= (harness?.close() ?? Promise.resolve()).then(() => process.exit(0));
  };
  const port = Number.parseInt(env.TUNNELBAR_HARNESS_PORT ?? String(DEFAULT_HARNESS_PORT), 10);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(
      `TUNNELBAR_HARNESS_PORT is not a port: ${env.TUNNELBAR_HARNESS_PORT ?? ''}\n`,
    );
    process.exit(2);
  }
  harness = await startHarness({
    port,
    ...(env.TUNNELBAR_HARNESS_LOG === undefined ? {} : { logFile: env.TUNNELBAR_HARNESS_LOG }),
    ...(env.TUNNELBAR_HARNESS_PREFS === undefined
      ? {}
      : { preferencesDir: env.TUNNELBAR_HARNESS_PREFS }),
    ...(env.TUNNELBAR_HARNESS_EXPORTS === undefined
      ? {}
      : { exportDir: env.TUNNELBAR_HARNESS_EXPORTS }),
    ...(env.TUNNELBAR_HARNESS_TOKEN === undefined || env.TUNNELBAR_HARNESS_TOKEN === ''
      ? {}
      : { token: env.TUNNELBAR_HARNESS_TOKEN }),
    onQuit: () => {
      stop();
    },
    onWarning: (text) => {
      process.stderr.write(`warning: ${text}\n`);
    },
  });
  // The URLs carry the token: on lines of their own, so a terminal or a script can take them.
  process.stdout.write(`Tunnelbar harness (Ctrl-C stops it). The app, then its tray:\n`);
  process.stdout.write(`${harness.url}\n${harness.trayUrl}\n`);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
