import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export type WindowKind = 'editor' | 'prompt';

/**
 * Every security switch of a window's web contents, stated even where it is Electron's default:
 * a default that changes, or a copied snippet that flips one, must show up in review and tests.
 */
export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** The options of each window Tunnelbar opens. Pure, so the hardening is tested without Electron. */
export function windowOptions(
  kind: WindowKind,
  paths: { preload: string; icon: string },
): BrowserWindowConstructorOptions {
  const common: BrowserWindowConstructorOptions = {
    // Shown once the page has drawn, so a window never flashes empty.
    show: false,
    icon: paths.icon,
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences(paths.preload),
  };
  switch (kind) {
    case 'editor':
      return {
        ...common,
        title: 'Tunnelbar',
        width: 960,
        height: 680,
        minWidth: 560,
        minHeight: 400,
      };
    case 'prompt':
      // Small and in front: NetworkManager is waiting (with a timeout) for this answer.
      return {
        ...common,
        title: 'Tunnelbar: VPN password',
        width: 440,
        height: 420,
        resizable: false,
        minimizable: false,
        maximizable: false,
        fullscreenable: false,
        alwaysOnTop: true,
        center: true,
      };
  }
}
