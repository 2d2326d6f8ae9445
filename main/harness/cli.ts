import { DEFAULT_HARNESS_PORT, startHarness } from './harness';

/**
 * `npm run harness`: the app's renderer in any browser at http://127.0.0.1:<port>/, over the real
 * core on DBUS_SYSTEM_BUS_ADDRESS (e.g. `npm run sandbox`'s). TUNNELBAR_HARNESS_PORT picks the
 * port, TUNNELBAR_HARNESS_LOG the log for diagnostics, TUNNELBAR_HARNESS_PREFS the preferences
 * folder, TUNNELBAR_HARNESS_EXPORTS the folder exported profiles are written to.
 */
async function main(): Promise<void> {
  const env = process.env;
  const port = Number.parseInt(env.TUNNELBAR_HARNESS_PORT ?? String(DEFAULT_HARNESS_PORT), 10);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(
      `TUNNELBAR_HARNESS_PORT is not a port: ${env.TUNNELBAR_HARNESS_PORT ?? ''}\n`,
    );
    process.exit(2);
  }
  const harness = await startHarness({
    port,
    ...(env.TUNNELBAR_HARNESS_LOG === undefined ? {} : { logFile: env.TUNNELBAR_HARNESS_LOG }),
    ...(env.TUNNELBAR_HARNESS_PREFS === undefined
      ? {}
      : { preferencesDir: env.TUNNELBAR_HARNESS_PREFS }),
    ...(env.TUNNELBAR_HARNESS_EXPORTS === undefined
      ? {}
      : { exportDir: env.TUNNELBAR_HARNESS_EXPORTS }),
    onWarning: (text) => {
      process.stderr.write(`warning: ${text}\n`);
    },
  });
  process.stdout.write(`Tunnelbar harness at ${harness.url} (Ctrl-C stops it)\n`);
  const stop = (): void => {
    void harness.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
