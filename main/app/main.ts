import { app } from 'electron';
import { parseLaunchArgs } from '../desktop/launch-args';
import { startShell, type Shell } from './shell';

/**
 * The Electron entry point (package.json "main"). One Tunnelbar per session: a second launch
 * (menu entry, double-clicked profile) hands its command line to the first and quits.
 */
function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.setName('Tunnelbar');
  let shell: Shell | null = null;
  let closing = false;

  app.on('second-instance', (_event, argv, workingDirectory) => {
    shell?.relaunched(parseLaunchArgs(argv, workingDirectory));
  });
  // A tray app: closing the last window leaves it running. Quit is in the tray menu.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    if (shell === null || closing) return;
    // Let the agent cancel its requests and the bus close cleanly before the process ends.
    event.preventDefault();
    closing = true;
    const done = (): void => {
      shell = null;
      app.quit();
    };
    shell.close().then(done, (err: unknown) => {
      console.error(err);
      done();
    });
  });

  app
    .whenReady()
    .then(async () => {
      shell = await startShell(parseLaunchArgs(process.argv, process.cwd()));
    })
    .catch((err: unknown) => {
      console.error(err);
      app.exit(1);
    });
}

main();
