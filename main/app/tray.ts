import { Menu, nativeImage, nativeTheme, Tray, type MenuItemConstructorOptions } from 'electron';
import type { SnapshotView } from '../../preload/contract';
import { trayClickAction, type TrayClickAction } from './tray-click';
import { TrayAnimation } from './tray-animation';
import { trayIconPath, trayIconState, trayTooltip, type TraySize } from './tray-icon';
import { trayMenu, type TrayMenuEntry } from './tray-menu';

export interface TrayActions {
  connect(uuid: string): void;
  disconnect(uuid: string): void;
  openEditor(): void;
  openSearch(): void;
  quit(): void;
}

/** The size panels commonly draw status icons at; nativeImage adds the @2x file on hi-dpi. */
const TRAY_SIZE: TraySize = 22;

/**
 * The tray icon: one idempotent render() of the mirrored model (icon, tooltip, menu), called on
 * every change. Everything it shows comes from the pure functions beside it; this only hands
 * their results to Electron.
 */
export class TrayController {
  private readonly tray: Tray;
  private state: SnapshotView;
  private readonly animation: TrayAnimation;
  private lastIcon = '';
  private lastMenu = '';

  constructor(
    initial: SnapshotView,
    private readonly assetsDir: string,
    private readonly actions: TrayActions,
  ) {
    this.state = initial;
    this.animation = new TrayAnimation(() => {
      this.drawIcon();
    }, globalThis);
    this.tray = new Tray(this.iconPath());
    this.tray.on('click', () => {
      this.run(trayClickAction(this.state));
    });
    nativeTheme.on('updated', () => {
      this.drawIcon();
    });
    this.render(initial);
  }

  render(state: SnapshotView): void {
    this.state = state;
    this.animation.update(trayIconState(state));
    this.drawIcon();
    this.tray.setToolTip(trayTooltip(state));
    const entries = trayMenu(state);
    // Rebuilding an open menu closes it on some panels: only when something in it changed.
    const key = JSON.stringify(entries);
    if (key !== this.lastMenu) {
      this.lastMenu = key;
      this.tray.setContextMenu(Menu.buildFromTemplate(entries.map((e) => this.menuItem(e))));
    }
  }

  destroy(): void {
    this.animation.stop();
    this.tray.destroy();
  }

  private iconPath(): string {
    return trayIconPath(this.assetsDir, {
      state: trayIconState(this.state),
      frame: this.animation.frame,
      // The panel's colour is not exposed; the desktop's dark preference is the best hint.
      darkPanel: nativeTheme.shouldUseDarkColors,
      size: TRAY_SIZE,
    });
  }

  private drawIcon(): void {
    const path = this.iconPath();
    if (path === this.lastIcon) return;
    this.lastIcon = path;
    this.tray.setImage(nativeImage.createFromPath(path));
  }

  private run(action: TrayClickAction): void {
    switch (action.kind) {
      case 'connect':
        this.actions.connect(action.uuid);
        return;
      case 'disconnect':
        for (const uuid of action.uuids) this.actions.disconnect(uuid);
        return;
      case 'open-editor':
        this.actions.openEditor();
        return;
    }
  }

  private menuItem(entry: TrayMenuEntry): MenuItemConstructorOptions {
    switch (entry.kind) {
      case 'vpn':
        return {
          type: 'checkbox',
          label: entry.label,
          checked: entry.checked,
          enabled: entry.enabled,
          click: () => {
            if (entry.action === 'connect') this.actions.connect(entry.uuid);
            else this.actions.disconnect(entry.uuid);
            // Electron flips a check item's mark on click; the mark shows NetworkManager's state
            // only, so the menu is rebuilt from the model at once.
            this.lastMenu = '';
            this.render(this.state);
          },
        };
      case 'info':
        return { label: entry.label, enabled: false };
      case 'more':
        return {
          label: entry.label,
          click: () => {
            this.actions.openSearch();
          },
        };
      case 'editor':
        return {
          label: entry.label,
          click: () => {
            this.actions.openEditor();
          },
        };
      case 'quit':
        return {
          label: entry.label,
          click: () => {
            this.actions.quit();
          },
        };
      case 'separator':
        return { type: 'separator' };
    }
  }
}
