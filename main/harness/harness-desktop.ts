import { join, basename } from 'node:path';
import type { WebSocket } from 'ws';
import type { ContractEvent } from '../../preload/mirror';
import { routeHash, type Route } from '../../preload/routes';
import type { AppCore } from '../desktop/app-core';
import type { DesktopPlatform, WindowId } from '../desktop/platform';
import type { NotificationText, TrayIconState, TrayModel } from '../desktop/surface-types';
import { trayIconName } from '../desktop/tray-icon';
import type { ContractBridge, WindowSockets } from './bridge';
import { parseJson } from './bridge';
import { trayInputSchema, type TrayPageMessage } from './protocol';

export interface HarnessDesktopOptions {
  /** The URL of a page at a route (with the harness's token). */
  pageUrl: (route: Route) => string;
  /** Where exports are written (a page has no save dialog); export is refused without it. */
  exportDir?: string;
  /** The tray's Quit. */
  onQuit: () => void;
}

/**
 * The browser's DesktopPlatform: each page connected to the contract is a window (ContractBridge),
 * a window the app core opens is a URL to open (listed on the /tray page, recorded for tests),
 * the tray is the /tray page drawing the app core's model, and notifications are recorded and
 * listed there. The decisions stay the app core's, as under Electron.
 */
export class HarnessDesktop implements DesktopPlatform, WindowSockets {
  /** Every notification, oldest first. */
  readonly notifications: NotificationText[] = [];
  /** Every window the app core opened, oldest first. */
  readonly windowRequests: Route[] = [];
  /** Windows the app core brought forward, in order. */
  readonly shown: WindowId[] = [];
  /** The app core asked to quit (the tray's Quit). */
  quitRequested = false;
  /** The tray's model as last drawn. */
  tray: TrayModel | null = null;
  /** Each icon state the tray went through, in order (a change of frame is not a new one). */
  readonly trayIcons: TrayIconState[] = [];
  private app: AppCore | null = null;
  private bridge: ContractBridge | null = null;
  /** Opened windows no page shows yet, by their hash. */
  private readonly pending = new Map<string, Route>();
  private readonly traySockets = new Set<WebSocket>();
  readonly chooseExportPath?: (suggestedName: string) => Promise<string | null>;

  constructor(private readonly opts: HarnessDesktopOptions) {
    const dir = opts.exportDir;
    if (dir !== undefined) {
      this.chooseExportPath = (suggestedName) =>
        Promise.resolve(join(dir, basename(suggestedName)));
    }
  }

  /** Once both exist: the app core hears of windows, the bridge carries them. */
  connect(app: AppCore, bridge: ContractBridge): void {
    this.app = app;
    this.bridge = bridge;
  }

  // ---- WindowSockets: pages coming and going ----

  opened(id: WindowId, route: Route): void {
    if (this.pending.delete(routeHash(route))) this.drawTrayPage();
    this.app?.windowOpened(id, route);
  }

  closed(id: WindowId): void {
    this.app?.windowClosed(id);
  }

  // ---- DesktopPlatform ----

  openWindow(route: Route): null {
    this.windowRequests.push(route);
    this.pending.set(routeHash(route), route);
    this.drawTrayPage();
    return null;
  }

  showWindow(id: WindowId, route: Route | null): void {
    this.shown.push(id);
    this.bridge?.show(id, route);
  }

  closeWindow(id: WindowId): void {
    this.bridge?.close(id);
  }

  send(id: WindowId, event: ContractEvent): void {
    this.bridge?.send(id, event);
  }

  setTray(model: TrayModel): void {
    if (this.trayIcons.at(-1) !== model.icon) this.trayIcons.push(model.icon);
    this.tray = model;
    this.drawTrayPage();
  }

  notify(text: NotificationText): void {
    this.notifications.push(text);
    this.drawTrayPage();
  }

  quit(): void {
    this.quitRequested = true;
    this.opts.onQuit();
  }

  // ---- the /tray page ----

  attachTray(ws: WebSocket): void {
    this.traySockets.add(ws);
    ws.on('close', () => this.traySockets.delete(ws));
    ws.on('message', (data) => {
      const parsed = trayInputSchema.safeParse(parseJson(data));
      if (!parsed.success) {
        ws.close(1008, 'malformed message');
        return;
      }
      const input = parsed.data;
      if (input.type === 'click') {
        this.app?.trayClicked();
        return;
      }
      const entry = this.tray?.menu[input.index];
      if (entry !== undefined) this.app?.trayMenuChosen(entry);
    });
    this.drawTrayPage(ws);
  }

  closeTrays(): void {
    for (const ws of this.traySockets) ws.terminate();
    this.traySockets.clear();
  }

  private drawTrayPage(only?: WebSocket): void {
    if (this.tray === null) return;
    const message: TrayPageMessage = {
      type: 'tray',
      model: this.tray,
      iconFile: `${trayIconName({ state: this.tray.icon, frame: this.tray.frame, darkPanel: false, size: 48 })}.png`,
      notifications: this.notifications,
      windowRequests: [...this.pending.values()].map((route) => this.opts.pageUrl(route)),
    };
    const text = JSON.stringify(message);
    for (const ws of only === undefined ? this.traySockets : [only]) {
      if (ws.readyState === ws.OPEN) ws.send(text);
    }
  }
}
