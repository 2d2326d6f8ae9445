import { BrowserWindow } from 'electron';
import type { ContractEvent } from '../../preload/mirror';
import type { Route } from '../../preload/routes';
import type { WindowId } from '../desktop/platform';
import { sendEvent } from './ipc';
import { routeUrl, type AppPaths } from './paths';
import { windowOptions } from './window-options';

/**
 * Tunnelbar's BrowserWindows, by webContents id: opened, shown, closed and sent events as the app
 * core decides (main/desktop/windows.ts). All load the same renderer page at a route; all are
 * hardened the same way.
 */
export class ElectronWindows {
  private readonly windows = new Map<WindowId, BrowserWindow>();

  constructor(
    private readonly paths: AppPaths,
    /** A window is gone (closed by the person or by the app core). */
    private readonly onClosed: (id: WindowId) => void,
  ) {}

  open(route: Route): WindowId {
    const window = new BrowserWindow(
      windowOptions(route.kind === 'prompt' ? 'prompt' : 'editor', this.paths),
    );
    const id = window.webContents.id;
    this.windows.set(id, window);
    window.once('ready-to-show', () => {
      window.show();
      if (route.kind === 'prompt') window.focus();
    });
    window.on('closed', () => {
      this.windows.delete(id);
      this.onClosed(id);
    });
    void window.loadURL(routeUrl(this.paths.rendererUrl, route));
    return id;
  }

  show(id: WindowId, route: Route | null): void {
    const window = this.live(id);
    if (window === undefined) return;
    // Same page, new hash: the renderer sees a hashchange and keeps its state.
    if (route !== null) void window.loadURL(routeUrl(this.paths.rendererUrl, route));
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  close(id: WindowId): void {
    this.live(id)?.close();
  }

  send(id: WindowId, event: ContractEvent): void {
    const window = this.live(id);
    if (window !== undefined) sendEvent(window.webContents, event);
  }

  /** The ids of the windows that are open, for the IPC sender check. */
  ids(): Set<WindowId> {
    return new Set([...this.windows.keys()].filter((id) => this.live(id) !== undefined));
  }

  live(id: WindowId): BrowserWindow | undefined {
    const window = this.windows.get(id);
    return window !== undefined && !window.isDestroyed() ? window : undefined;
  }
}
