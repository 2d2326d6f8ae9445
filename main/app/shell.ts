import { app, dialog, session, systemPreferences } from 'electron';
import { GuiPrompter } from '../contract/gui-prompter';
import { PreferencesStore } from '../contract/preferences';
import { openCore, type Core } from '../core';
import { AppCore } from '../desktop/app-core';
import { autostartCommand, autostartPath } from '../desktop/autostart';
import { execRunner, journalDiagnostics } from '../desktop/diagnostics';
import type { LaunchArgs } from '../desktop/launch-args';
import type { DesktopPlatform } from '../desktop/platform';
import { strings } from '../desktop/strings';
import { describeUnknownError, TunnelbarError } from '../errors/tunnelbar-error';
import { chosenPath, exportDialogOptions } from './export-dialog';
import { hardenApp } from './hardening';
import { registerCallHandlers } from './ipc';
import { showNotification } from './notifier';
import { appPaths } from './paths';
import { isTrustedSender } from './sender';
import { ElectronTray } from './tray';
import { ElectronWindows } from './windows';

/** The agent's name towards NetworkManager: one GUI agent per user session. */
const AGENT_IDENTIFIER = 'org.tunnelbar.app';

export interface Shell {
  /** A later launch (second instance, a double-clicked file). */
  relaunched(args: LaunchArgs): void;
  close(): Promise<void>;
}

async function openAppCore(prompter: GuiPrompter): Promise<Core> {
  try {
    return await openCore({
      agent: { identifier: AGENT_IDENTIFIER, prompter },
      onWarning: (text) => {
        console.warn(text);
      },
    });
  } catch (err) {
    const sentence = err instanceof TunnelbarError ? err.message : describeUnknownError(err);
    dialog.showErrorBox(strings.dialog.startFailedTitle, sentence);
    throw err;
  }
}

/**
 * The Electron adapter of the app core (main/desktop/app-core.ts): BrowserWindows, the Tray,
 * notifications and the save dialog as its DesktopPlatform, and the IPC handlers (with their
 * sender check) in front of its calls. Every decision is the app core's; this only carries out.
 */
export async function startShell(args: LaunchArgs): Promise<Shell> {
  const paths = appPaths(app.getAppPath());
  hardenApp(session.defaultSession);
  const prompter = new GuiPrompter();
  const core = await openAppCore(prompter);

  // The app core exists once started; the platform's callbacks run only after that.
  let appCore: AppCore | null = null;
  const windows = new ElectronWindows(paths, (id) => {
    appCore?.windowClosed(id);
  });
  const tray = new ElectronTray(paths.assets, {
    click: () => appCore?.trayClicked(),
    choose: (entry) => appCore?.trayMenuChosen(entry),
  });
  const platform: DesktopPlatform = {
    openWindow: (route) => windows.open(route),
    showWindow: (id, route) => {
      windows.show(id, route);
    },
    closeWindow: (id) => {
      windows.close(id);
    },
    send: (id, event) => {
      windows.send(id, event);
    },
    setTray: (model) => {
      tray.draw(model);
    },
    notify: (text) => {
      showNotification(text, paths.icon, () => appCore?.notificationClicked());
    },
    chooseExportPath: async (suggestedName) => {
      // Modal to the main window (the Export button is in its editor) when it is open.
      const options = exportDialogOptions(suggestedName, app.getPath('documents'));
      const main = appCore?.mainWindow();
      const parent = main === null || main === undefined ? undefined : windows.live(main);
      const choice =
        parent === undefined
          ? await dialog.showSaveDialog(options)
          : await dialog.showSaveDialog(parent, options);
      return chosenPath(choice);
    },
    quit: () => {
      app.quit();
    },
  };

  const started = await AppCore.start(
    {
      core,
      prompter,
      preferences: new PreferencesStore(),
      platform,
      // Chromium's reading of LANGUAGE, LC_ALL, LC_MESSAGES and LANG; the windows get the same
      // language as navigator.language.
      locale: app.getLocale(),
      reducedMotion: () => systemPreferences.getAnimationSettings().prefersReducedMotion,
      diagnostics: journalDiagnostics(execRunner),
      autostart: {
        path: autostartPath(process.env),
        argv: autostartCommand({
          execPath: process.execPath,
          appImage: process.env.APPIMAGE,
          isPackaged: app.isPackaged,
          appPath: app.getAppPath(),
        }),
      },
      onWarning: (text) => {
        console.warn(text);
      },
    },
    args,
  );
  appCore = started;
  const removeHandlers = registerCallHandlers({
    server: started,
    isTrusted: (sender) =>
      isTrustedSender(sender, { rendererUrl: paths.rendererUrl, windowIds: windows.ids() }),
  });

  return {
    relaunched: (again) => {
      started.relaunched(again);
    },
    async close() {
      removeHandlers();
      tray.destroy();
      await started.close();
    },
  };
}
