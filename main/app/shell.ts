import { app, dialog, session } from 'electron';
import { callSchemas, type CallName, type SnapshotView } from '../../preload/contract';
import { GuiPrompter } from '../contract/gui-prompter';
import { PreferencesStore } from '../contract/preferences';
import { ContractServer } from '../contract/server';
import { openCore, type Core } from '../core';
import { importPaths } from '../import/import-paths';
import { describeUnknownError, TunnelbarError } from '../nm/errors';
import { autostartCommand, autostartPath, writeAutostart } from './autostart';
import { chosenPath, exportDialogOptions } from './export-dialog';
import { callServer, failureOf } from './call-dispatch';
import { execRunner, journalDiagnostics } from './diagnostics';
import { hardenApp } from './hardening';
import { registerCallHandlers, sendEvent } from './ipc';
import type { LaunchArgs } from './launch-args';
import { showNotification } from './notifier';
import {
  importNotification,
  notificationFor,
  refusalNotification,
  type NotificationText,
} from './notifications';
import { appPaths } from './paths';
import { isTrustedSender } from './sender';
import { applyEvent, contractEvent, tunnelOf, type ContractEvent } from './shell-state';
import { strings } from './strings';
import { TrayController } from './tray';
import { UserStops } from './user-stops';
import { Windows } from './windows';

/** The agent's name towards NetworkManager: one GUI agent per user session. */
const AGENT_IDENTIFIER = 'org.tunnelbar.app';

export interface Shell {
  /** A later launch (second instance, a double-clicked file): bring the editor forward. */
  relaunched(args: LaunchArgs): void;
  close(): Promise<void>;
}

/**
 * Wires the core to the desktop: the contract server behind the IPC handlers, the tray and the
 * notifications drawn from a mirror of the model, a prompt window per secret request. All
 * decisions are made by the pure modules beside this; this file only connects them.
 */
export async function startShell(args: LaunchArgs): Promise<Shell> {
  const paths = appPaths(app.getAppPath());
  hardenApp(session.defaultSession);

  const preferences = new PreferencesStore();
  const prompter = new GuiPrompter();
  let core: Core;
  try {
    core = await openCore({
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

  const autostartFile = autostartPath(process.env);
  const autostartArgv = autostartCommand({
    execPath: process.execPath,
    appImage: process.env.APPIMAGE,
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
  });
  const setAutostart = (enabled: boolean): void => {
    writeAutostart(autostartFile, enabled, autostartArgv);
  };
  const server = new ContractServer({
    core,
    prompter,
    preferences,
    diagnostics: journalDiagnostics(execRunner),
    setAutostart,
    chooseExportPath: async (suggestedName) => {
      // Modal to the editor (the window the Export button is in) when it is open.
      const options = exportDialogOptions(suggestedName, app.getPath('documents'));
      const parent = windows.editorWindow();
      const choice =
        parent === null
          ? await dialog.showSaveDialog(options)
          : await dialog.showSaveDialog(parent, options);
      return chosenPath(choice);
    },
  });
  // The entry names this installation's path: rewrite it so a moved AppImage still starts.
  setAutostart(preferences.get().autostart);

  const stops = new UserStops();
  const windows = new Windows(paths, (requestId) => {
    stops.promptCancelled(requestId);
    // Already answered or withdrawn is fine: the window is gone either way.
    callServer(server, 'prompt:cancel', { requestId }).catch(() => undefined);
  });
  const notify = (text: NotificationText): void => {
    showNotification(text, paths.icon, () => {
      windows.showEditor();
    });
  };

  const removeHandlers = registerCallHandlers({
    server,
    isTrusted: (sender) =>
      isTrustedSender(sender, { rendererUrl: paths.rendererUrl, windowIds: windows.ids() }),
    onCalled: (name, callArgs) => {
      noteUserStop(stops, name, callArgs);
    },
  });

  // Subscribed before the snapshot, so nothing falls between the two; what arrives meanwhile is
  // replayed on top of it (each event sets a value, so replaying one already in it is harmless).
  const early: ContractEvent[] = [];
  let deliver = (event: ContractEvent): void => {
    early.push(event);
  };
  const unsubscribe = server.subscribe((name, payload) => {
    deliver(contractEvent(name, payload));
  });
  let mirror: SnapshotView = await callServer(server, 'state:snapshot');
  const profileName = (uuid: string): string =>
    mirror.profiles.find((p) => p.uuid === uuid)?.id ?? uuid;
  const tray = new TrayController(mirror, paths.assets, {
    connect: (uuid) => {
      callServer(server, 'tunnel:connect', { uuid }).catch((err: unknown) => {
        notify(refusalNotification(profileName(uuid), failureOf(err).sentence));
      });
    },
    disconnect: (uuid) => {
      stops.markStopped(uuid);
      callServer(server, 'tunnel:disconnect', { uuid }).catch((err: unknown) => {
        console.warn(failureOf(err).sentence);
      });
    },
    openEditor: () => {
      windows.showEditor();
    },
    openSearch: () => {
      windows.showEditor({ kind: 'search' });
    },
    quit: () => {
      app.quit();
    },
  });

  const onEvent = (event: ContractEvent): void => {
    switch (event.name) {
      case 'prompt:open':
        stops.promptOpened(event.payload.id, event.payload.connectionUuid);
        windows.openPrompt(event.payload);
        return;
      case 'prompt:close':
        stops.promptClosed(event.payload.requestId);
        windows.closePrompt(event.payload.requestId);
        return;
      case 'state:tunnel': {
        const { uuid, state: after } = event.payload;
        const before = tunnelOf(mirror, uuid);
        const userAsked = stops.consume(uuid, before, after);
        const text = notificationFor({ name: profileName(uuid), before, after, userAsked });
        if (text !== null) notify(text);
        break;
      }
      case 'state:nm':
      case 'state:profiles':
        break;
    }
    mirror = applyEvent(mirror, event);
    tray.render(mirror);
    // State goes to every window; a prompt's events went to its own window above.
    for (const window of windows.all()) sendEvent(window.webContents, event.name, event.payload);
  };
  deliver = onEvent;
  for (const event of early.splice(0)) onEvent(event);

  // Requests NetworkManager made while the shell was starting (opening one twice shows it once).
  for (const request of prompter.open()) {
    stops.promptOpened(request.id, request.connectionUuid);
    windows.openPrompt(request);
  }
  if (!args.hidden) windows.showEditor();

  // Files opened with Tunnelbar (a double-click on a .ovpn or WireGuard .conf) are imported as
  // one batch; a notification says what came of it, and the window shows the new profiles.
  const importOpened = (files: readonly string[]): void => {
    if (files.length === 0) return;
    importPaths(core.bus, files).then(
      (report) => {
        notify(importNotification(report));
      },
      (err: unknown) => {
        notify(
          importNotification({
            summary: {
              total: files.length,
              added: 0,
              planned: 0,
              duplicates: 0,
              failed: 0,
              fatal: err instanceof TunnelbarError ? err.message : describeUnknownError(err),
            },
            outcomes: [],
          }),
        );
      },
    );
  };
  importOpened(args.files);

  return {
    relaunched: (again) => {
      // A second autostart does nothing.
      if (!again.hidden || again.files.length > 0) windows.showEditor();
      importOpened(again.files);
    },
    async close() {
      unsubscribe();
      removeHandlers();
      tray.destroy();
      windows.closeAll();
      server.close();
      await core.close();
    },
  };
}

/** The renderer's disconnects and prompt cancels are the person's stops too. */
function noteUserStop(stops: UserStops, name: CallName, args: unknown[]): void {
  if (name === 'tunnel:disconnect') {
    const parsed = callSchemas['tunnel:disconnect'].safeParse(args);
    if (parsed.success) stops.markStopped(parsed.data[0].uuid);
  } else if (name === 'prompt:cancel') {
    const parsed = callSchemas['prompt:cancel'].safeParse(args);
    if (parsed.success) stops.promptCancelled(parsed.data[0].requestId);
  }
}
