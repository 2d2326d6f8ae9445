import type { CallName, CallResults, SnapshotView } from '../../preload/contract';
import { applyMirrorEvent, contractEvent, type ContractEvent } from '../../preload/mirror';
import type { Route } from '../../preload/routes';
import type { ContractServer } from '../contract/server';
import { contractServerFor, type AppCoreOptions } from './app-options';
import { writeAutostart } from './autostart';
import { callServer, failureOf } from './call-dispatch';
import type { LaunchArgs } from './launch-args';
import { LockdownControl } from './lockdown-control';
import { refusalNotification } from './notifications';
import { importOpenedFiles } from './opened-files';
import type { WindowId } from './platform';
import { TrayPresenter } from './tray';
import type { NotificationText, TrayMenuEntry } from './surface-types';
import { profileNameOf, TunnelReactions } from './tunnel-reactions';
import { routeWindowCall } from './window-calls';
import { WindowRegistry } from './windows';
import { setLocale } from '../i18n/catalogue';
import { negotiateLocale } from '../i18n/locale';

/**
 * The desktop app's decisions, without Electron: the mirror of the model every window and the
 * tray are drawn from, which window hears which event, the prompt windows' lifecycle, the tray's
 * model and clicks, files opened with the app, relaunches and autostart. What a tunnel's change
 * means (notifications, the person's own stops, reconnecting) is TunnelReactions' to decide; how a
 * window's call is carried out, window-calls.ts'. The Electron shell and the browser harness both
 * run this, each through its DesktopPlatform; windows' calls come in through handle() once their
 * sender was checked.
 */
export class AppCore {
  readonly server: ContractServer;
  private mirror: SnapshotView;
  private readonly tunnels: TunnelReactions;
  private readonly windows: WindowRegistry;
  private readonly tray: TrayPresenter;
  private readonly lockdown: LockdownControl;
  private readonly unsubscribe: () => void;
  private closed: Promise<void> | undefined;

  /** Starts on an opened core: the tray at once, the editor unless `launch` says hidden. */
  static async start(opts: AppCoreOptions, launch: LaunchArgs): Promise<AppCore> {
    if (opts.locale !== undefined) setLocale(negotiateLocale([opts.locale]));
    const server = contractServerFor(opts);
    // Subscribed before the snapshot, so nothing falls between the two; what arrives meanwhile is
    // replayed on top of it (each event sets a value, so replaying one already in it is harmless).
    const early: ContractEvent[] = [];
    const unsubscribe = server.subscribe((name, payload) => {
      early.push(contractEvent(name, payload));
    });
    const snapshot = await callServer(server, 'state:snapshot');
    unsubscribe();
    const app = new AppCore(opts, server, snapshot, early);
    app.launched(launch);
    await app.tunnels.watchSystem();
    await app.lockdown.start();
    return app;
  }

  private constructor(
    private readonly opts: AppCoreOptions,
    server: ContractServer,
    snapshot: SnapshotView,
    early: ContractEvent[],
  ) {
    this.server = server;
    this.mirror = snapshot;
    this.tunnels = new TunnelReactions(opts, {
      mirror: () => this.mirror,
      publish: (event) => {
        this.publish(event);
      },
      notify: (text) => {
        this.notify(text);
      },
    });
    this.windows = new WindowRegistry(opts.platform, (requestId) => {
      this.cancelPrompt(requestId);
    });
    this.tray = new TrayPresenter(
      snapshot,
      (model) => {
        opts.platform.setTray(model);
      },
      {
        connect: (uuid) => {
          this.connect(uuid);
        },
        disconnect: (uuid) => {
          this.disconnect(uuid);
        },
        openEditor: () => {
          this.windows.showMainWindow();
        },
        openSearch: () => {
          this.windows.showMainWindow({ kind: 'search' });
        },
        quit: () => {
          opts.platform.quit();
        },
        setLockdown: (on) => {
          this.lockdown.set(on);
        },
        setLockdownLan: (lan) => {
          this.lockdown.setLan(lan);
        },
      },
      opts.clock ?? globalThis,
      opts.reducedMotion ?? (() => false),
    );
    this.lockdown = new LockdownControl({
      bus: opts.core.bus,
      model: opts.core.model,
      server,
      publish: (lockdown, lan) => {
        this.publish(contractEvent('state:lockdown', { lockdown, lan }));
      },
      notify: (text) => {
        this.notify(text);
      },
      ...(opts.onWarning === undefined ? {} : { onWarning: opts.onWarning }),
    });
    this.unsubscribe = server.subscribe((name, payload) => {
      this.onEvent(contractEvent(name, payload));
    });
    for (const event of early) this.onEvent(event);
  }

  /** The state every window starts from, and the tray shows. */
  snapshot(): SnapshotView {
    return this.mirror;
  }

  /** One call from a window whose sender the platform has checked (see window-calls.ts). */
  handle(name: string, args: unknown): Promise<CallResults[CallName]> {
    const { server, tunnels, lockdown } = this;
    return routeWindowCall({ server, mirror: () => this.mirror, tunnels, lockdown }, name, args);
  }

  windowOpened(id: WindowId, route: Route): void {
    this.windows.opened(id, route);
  }

  windowClosed(id: WindowId): void {
    this.windows.closed(id);
  }

  /** The main window, when one is open (the parent of its dialogs). */
  mainWindow(): WindowId | null {
    return this.windows.mainWindow();
  }

  trayClicked(): void {
    this.tray.click();
  }

  trayMenuChosen(entry: TrayMenuEntry): void {
    this.tray.choose(entry);
  }

  notificationClicked(): void {
    this.windows.showMainWindow();
  }

  /** A later launch (a second instance, a double-clicked file). A second autostart does nothing. */
  relaunched(launch: LaunchArgs): void {
    if (!launch.hidden || launch.files.length > 0) this.windows.showMainWindow();
    this.importOpened(launch.files);
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      this.unsubscribe();
      this.tunnels.close();
      this.lockdown.close();
      this.tray.stop();
      this.windows.closeAll();
      this.server.close();
      await this.opts.core.close();
    })();
    return this.closed;
  }

  private launched(launch: LaunchArgs): void {
    // The entry names this installation's path: rewritten so a moved AppImage still starts.
    const { autostart, preferences } = this.opts;
    if (autostart !== null) {
      writeAutostart(autostart.path, preferences.get().autostart, autostart.argv);
    }
    // Requests NetworkManager made while the app was starting.
    for (const request of this.mirror.prompts) {
      this.tunnels.promptWaiting(request.id, request.connectionUuid);
      this.windows.promptOpened(request.id);
    }
    if (!launch.hidden) this.windows.showMainWindow();
    this.importOpened(launch.files);
  }

  private onEvent(raw: ContractEvent): void {
    const event = this.tunnels.present(raw);
    this.publish(event);
    this.tunnels.heard(event);
    switch (event.name) {
      case 'prompt:open':
        this.windows.promptOpened(event.payload.id);
        return;
      case 'prompt:close':
        this.windows.promptClosed(event.payload.requestId);
        return;
      case 'state:profiles':
      case 'state:tunnel':
      case 'state:nm':
      case 'state:lockdown':
      case 'import:progress':
        return;
    }
  }

  /** Into the mirror, the tray and the windows. */
  private publish(event: ContractEvent): void {
    this.mirror = applyMirrorEvent(this.mirror, event);
    this.tray.render(this.mirror);
    this.windows.send(event);
  }

  private connect(uuid: string): void {
    callServer(this.server, 'tunnel:connect', { uuid }).catch((err: unknown) => {
      this.notify(refusalNotification(profileNameOf(this.mirror, uuid), failureOf(err).sentence));
    });
  }

  private disconnect(uuid: string): void {
    this.tunnels.userStopped(uuid);
    callServer(this.server, 'tunnel:disconnect', { uuid }).catch((err: unknown) => {
      this.opts.onWarning?.(failureOf(err).sentence);
    });
  }

  private cancelPrompt(requestId: string): void {
    this.tunnels.promptCancelled(requestId);
    // Already answered or withdrawn is fine: the window is gone either way.
    callServer(this.server, 'prompt:cancel', { requestId }).catch(() => undefined);
  }

  private importOpened(files: readonly string[]): void {
    if (files.length === 0) return;
    void importOpenedFiles(this.opts.core, files, this.opts.home).then((text) => {
      this.notify(text);
    });
  }

  private notify(text: NotificationText): void {
    this.opts.platform.notify(text);
  }
}
