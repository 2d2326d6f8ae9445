import {
  parseCallArgs,
  type CallName,
  type CallResults,
  type SnapshotView,
} from '../../preload/contract';
import {
  applyMirrorEvent,
  contractEvent,
  tunnelOf,
  type ContractEvent,
} from '../../preload/mirror';
import type { Route } from '../../preload/routes';
import type { ContractServer } from '../contract/server';
import { PushedDomainLearner } from '../dns/learn-pushed';
import { contractServerFor, type AppCoreOptions } from './app-options';
import { writeAutostart } from './autostart';
import { callServer, failureOf } from './call-dispatch';
import type { LaunchArgs } from './launch-args';
import { LockdownControl } from './lockdown-control';
import { notificationFor, reconnectNotification, refusalNotification } from './notifications';
import { importOpenedFiles } from './opened-files';
import type { WindowId } from './platform';
import { TrayPresenter } from './tray';
import type { NotificationText, TrayMenuEntry } from './surface-types';
import { StayConnected } from './stay-connected';
import { UserStops } from './user-stops';
import { WindowRegistry } from './windows';
import { setLocale } from '../i18n/catalogue';
import { negotiateLocale } from '../i18n/locale';

/**
 * The desktop app's decisions, without Electron: the mirror of the model every window and the
 * tray are drawn from, which window hears which event, the prompt windows' lifecycle, the tray's
 * model and clicks, notifications, the person's own stops, files opened with the app, relaunches
 * and autostart. The Electron shell and the browser harness both run this, each through its
 * DesktopPlatform; windows' calls come in through handle() once their sender was checked.
 */
export class AppCore {
  readonly server: ContractServer;
  private mirror: SnapshotView;
  private readonly stops = new UserStops();
  private readonly stay: StayConnected;
  private readonly windows: WindowRegistry;
  private readonly tray: TrayPresenter;
  private readonly lockdown: LockdownControl;
  private readonly learner: PushedDomainLearner;
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
    await app.stay.watchSystem();
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
    this.stay = new StayConnected({
      core: opts.core,
      preferences: opts.preferences,
      republish: (uuid, state) => {
        this.publish(contractEvent('state:tunnel', { uuid, state }));
      },
      ended: (uuid, end) => {
        this.notify(
          reconnectNotification(this.profileName(uuid), end, tunnelOf(this.mirror, uuid)),
        );
      },
      ...(opts.onWarning === undefined ? {} : { onWarning: opts.onWarning }),
      ...(opts.reconnectClock === undefined ? {} : { clock: opts.reconnectClock }),
    });
    // An attempt the agent ends to start it again with the typed user name is not news.
    opts.core.agent?.onRestart((uuid) => {
      this.stops.markStopped(uuid);
    });
    // Tunnels already up when the app starts are watched from now on.
    for (const [uuid, state] of Object.entries(snapshot.tunnels)) {
      this.stay.present(uuid, state, false);
    }
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
    this.learner = new PushedDomainLearner({
      bus: opts.core.bus,
      model: opts.core.model,
      onRefused: (id, reason) => {
        opts.onWarning?.(`${id}: the domains its server pushed were not written: ${reason}`);
      },
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

  /**
   * One call from a window whose sender the platform has checked. The snapshot is the app core's
   * own mirror, so a window shows what the tray shows; a stop the person asks for is noted
   * before it is carried out, so its events are not news.
   */
  async handle(name: string, args: unknown): Promise<CallResults[CallName]> {
    if (name === 'state:snapshot' && parseCallArgs(name, args) !== undefined) {
      return this.mirror;
    }
    if (name === 'tunnel:disconnect') {
      const parsed = parseCallArgs(name, args);
      if (parsed !== undefined) this.stopping(parsed[0].uuid);
    } else if (name === 'settings:set' || name === 'profile:set-reconnect') {
      const result = await this.server.handle(name, args);
      this.stay.settingsChanged();
      return result;
    } else if (name === 'lockdown:set') {
      // Lockdown as NetworkManager holds it afterwards, whatever the call answered (a refusal
      // included), reaches the windows before the answer does.
      try {
        return await this.server.handle(name, args);
      } finally {
        await this.lockdown.changed();
      }
    } else if (name === 'prompt:cancel') {
      const parsed = parseCallArgs(name, args);
      if (parsed !== undefined) this.stops.promptCancelled(parsed[0].requestId);
    }
    return this.server.handle(name, args);
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
      this.stay.close();
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
      this.stops.promptOpened(request.id, request.connectionUuid);
      this.windows.promptOpened(request.id);
    }
    if (!launch.hidden) this.windows.showMainWindow();
    this.importOpened(launch.files);
  }

  private onEvent(raw: ContractEvent): void {
    const event = this.present(raw);
    this.publish(event);
    switch (event.name) {
      case 'prompt:open':
        this.stay.prompted(event.payload.connectionUuid);
        this.stops.promptOpened(event.payload.id, event.payload.connectionUuid);
        this.windows.promptOpened(event.payload.id);
        return;
      case 'prompt:close':
        this.stops.promptClosed(event.payload.requestId);
        this.windows.promptClosed(event.payload.requestId);
        return;
      case 'state:profiles':
        this.stay.profiles(event.payload.profiles);
        return;
      case 'state:tunnel':
        // An 'own-domains' VPN that connects learns the domains its server pushes.
        void this.learner.tunnelChanged(event.payload.uuid);
        return;
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

  /** A tunnel's change as the person sees it, notified when it is news. */
  private present(event: ContractEvent): ContractEvent {
    if (event.name !== 'state:tunnel') return event;
    const { uuid, state: after } = event.payload;
    const before = tunnelOf(this.mirror, uuid);
    const stopped = this.stops.present(uuid, before, after);
    // What NetworkManager said, unless the reconnect policy is bringing it back.
    const { state: shown, end } = this.stay.present(uuid, stopped.shown, stopped.userAsked);
    const name = this.profileName(uuid);
    const text =
      end === null
        ? notificationFor({ name, before, after: shown, userAsked: stopped.userAsked })
        : reconnectNotification(name, end, shown);
    if (text !== null) this.notify(text);
    return shown === after ? event : contractEvent('state:tunnel', { uuid, state: shown });
  }

  private connect(uuid: string): void {
    callServer(this.server, 'tunnel:connect', { uuid }).catch((err: unknown) => {
      this.notify(refusalNotification(this.profileName(uuid), failureOf(err).sentence));
    });
  }

  private disconnect(uuid: string): void {
    this.stopping(uuid);
    callServer(this.server, 'tunnel:disconnect', { uuid }).catch((err: unknown) => {
      this.opts.onWarning?.(failureOf(err).sentence);
    });
  }

  /** The person switches a tunnel off: its going down is not news, and not a drop. */
  private stopping(uuid: string): void {
    this.stops.markStopped(uuid);
    this.stay.userStopped(uuid);
  }

  private cancelPrompt(requestId: string): void {
    this.stops.promptCancelled(requestId);
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

  private profileName(uuid: string): string {
    return this.mirror.profiles.find((p) => p.uuid === uuid)?.id ?? uuid;
  }
}
