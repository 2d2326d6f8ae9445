import { Menu, nativeImage, nativeTheme, Tray, type MenuItemConstructorOptions } from 'electron';
import { trayIconPath, type TraySize } from '../desktop/tray-icon';
import type { TrayMenuEntry, TrayModel } from '../desktop/surface-types';

/** The size panels commonly draw status icons at; nativeImage adds the @2x file on hi-dpi. */
const TRAY_SIZE: TraySize = 22;

export interface TrayInput {
  click(): void;
  choose(entry: TrayMenuEntry): void;
}

/**
 * Draws the app core's tray model with Electron's Tray and Menu, and reports clicks back. The
 * only decision here is Electron's own: which PNG suits the panel (the desktop's dark preference
 * is the best hint of the panel's colour), and rebuilding the menu only when it changed.
 */
export class ElectronTray {
  private tray: Tray | null = null;
  private model: TrayModel | null = null;
  private lastIcon = '';
  private lastMenu = '';

  constructor(
    private readonly assetsDir: string,
    private readonly input: TrayInput,
  ) {
    nativeTheme.on('updated', this.redrawIcon);
  }

  draw(model: TrayModel): void {
    this.model = model;
    const tray = this.tray ?? this.create();
    this.redrawIcon();
    tray.setToolTip(model.tooltip);
    // Rebuilding an open menu closes it on some panels: only when something in it changed.
    const key = JSON.stringify(model.menu);
    if (key === this.lastMenu) return;
    this.lastMenu = key;
    tray.setContextMenu(Menu.buildFromTemplate(model.menu.map((e) => this.menuItem(e))));
  }

  destroy(): void {
    nativeTheme.off('updated', this.redrawIcon);
    this.tray?.destroy();
    this.tray = null;
  }

  private create(): Tray {
    const tray = new Tray(this.iconPath());
    tray.on('click', () => {
      this.input.click();
    });
    this.tray = tray;
    return tray;
  }

  private iconPath(): string {
    return trayIconPath(this.assetsDir, {
      state: this.model?.icon ?? 'disconnected',
      frame: this.model?.frame ?? 0,
      darkPanel: nativeTheme.shouldUseDarkColors,
      size: TRAY_SIZE,
    });
  }

  private readonly redrawIcon = (): void => {
    const path = this.iconPath();
    if (this.tray === null || path === this.lastIcon) return;
    this.lastIcon = path;
    this.tray.setImage(nativeImage.createFromPath(path));
  };

  private menuItem(entry: TrayMenuEntry): MenuItemConstructorOptions {
    const choose = (): void => {
      this.input.choose(entry);
    };
    // Electron flips a check item's mark on click; the mark shows NetworkManager's state only (the
    // VPN's, or the lockdown profile's), so the menu is rebuilt from the model at once.
    const chooseChecked = (): void => {
      choose();
      this.lastMenu = '';
      if (this.model !== null) this.draw(this.model);
    };
    switch (entry.kind) {
      case 'vpn':
        return {
          type: 'checkbox',
          label: entry.label,
          checked: entry.checked,
          enabled: entry.enabled,
          click: chooseChecked,
        };
      case 'lockdown':
      case 'lockdown-lan':
        return {
          type: 'checkbox',
          label: entry.label,
          checked: entry.checked,
          click: chooseChecked,
        };
      case 'info':
        return { label: entry.label, enabled: false };
      case 'more':
      case 'editor':
      case 'quit':
        return { label: entry.label, click: choose };
      case 'separator':
        return { type: 'separator' };
    }
  }
}
