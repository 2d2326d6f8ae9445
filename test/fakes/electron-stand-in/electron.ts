import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type {
  BrowserWindowConstructorOptions,
  MenuItemConstructorOptions,
  NotificationConstructorOptions,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { StandInAsk, StandInReport } from './protocol';

/**
 * A recording stand-in for the part of Electron's main-process API Tunnelbar's shell uses, typed
 * against Electron's own option types, so the real entry point (out/main/app/main.js) can start
 * under plain Node. It reports what the app did (windows and their options, pages loaded, events
 * sent, the tray, notifications) to the test over the IPC channel, and carries out the test's
 * asks (a page's call, a menu click, a page navigating away). Tests only.
 */

function report(message: StandInReport): void {
  process.send?.(message);
}

/** The checkout: where the packaged app's files are, relative to app.getAppPath(). */
const APP_ROOT = join(__dirname, '..', '..', '..');

type Listener = (...args: unknown[]) => unknown;

/** An event a listener may cancel (before-quit, will-navigate). */
class CancellableEvent {
  prevented = false;
  preventDefault(): void {
    this.prevented = true;
  }
}

class StandInApp extends EventEmitter {
  readonly isPackaged = false;

  requestSingleInstanceLock(): boolean {
    return true;
  }
  setName(_name: string): void {}
  /** Electron's reading of LANG and friends; the stand-in follows the test's environment. */
  getLocale(): string {
    return (
      (process.env.LC_ALL ?? process.env.LANG ?? 'en_US').split('.')[0]?.replace('_', '-') ??
      'en-US'
    );
  }

  getAppPath(): string {
    return APP_ROOT;
  }
  getPath(name: string): string {
    return join(process.env.HOME ?? '/nonexistent', name);
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  quit(): void {
    const event = new CancellableEvent();
    this.emit('before-quit', event);
    if (event.prevented) return;
    report({ kind: 'quit' });
    // Electron would end the process here. The stand-in lets go of the test instead: the process
    // then ends by itself only when the app closed all it opened (the bus, the agent, timers).
    process.removeAllListeners('message');
    process.disconnect();
  }
  exit(code: number): void {
    process.exit(code);
  }
}

export const app = new StandInApp();

let nextContentsId = 1;

class StandInWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  send(channel: string, payload: unknown): void {
    report({ kind: 'send', id: this.id, channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

const windows = new Map<number, BrowserWindow>();

export class BrowserWindow extends EventEmitter {
  readonly webContents = new StandInWebContents();
  private destroyed = false;

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    const { webPreferences, ...rest } = options;
    windows.set(this.webContents.id, this);
    app.emit('web-contents-created', {}, this.webContents);
    report({
      kind: 'window',
      id: this.webContents.id,
      options: { ...rest },
      webPreferences: { ...webPreferences },
    });
  }
  loadURL(url: string): Promise<void> {
    report({ kind: 'load', id: this.webContents.id, url });
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    windows.delete(this.webContents.id);
    report({ kind: 'closed', id: this.webContents.id });
    this.emit('closed');
  }
}

export class Menu {
  constructor(readonly items: MenuItemConstructorOptions[]) {}
  static buildFromTemplate(template: MenuItemConstructorOptions[]): Menu {
    return new Menu(template);
  }
}

interface StandInImage {
  path: string;
}

export const nativeImage = {
  createFromPath: (path: string): StandInImage => ({ path }),
};

export const systemPreferences = {
  getAnimationSettings: () => ({
    shouldRenderRichAnimation: true,
    scrollAnimationsEnabledBySystem: true,
    prefersReducedMotion: false,
  }),
};

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });

/** The tray the app made (one at a time). */
const trays = new Set<Tray>();

export class Tray extends EventEmitter {
  private icon: string;
  private tooltip: string | null = null;
  menu: Menu | null = null;

  constructor(image: string | StandInImage) {
    super();
    this.icon = typeof image === 'string' ? image : image.path;
    trays.add(this);
    this.report();
  }
  setImage(image: StandInImage): void {
    this.icon = image.path;
    this.report();
  }
  setToolTip(text: string): void {
    this.tooltip = text;
    this.report();
  }
  setContextMenu(menu: Menu): void {
    this.menu = menu;
    this.report();
  }
  destroy(): void {
    trays.delete(this);
  }
  private report(): void {
    const menu = (this.menu?.items ?? []).map((item) => item.label ?? `(${item.type ?? 'item'})`);
    report({ kind: 'tray', icon: this.icon, tooltip: this.tooltip, menu });
  }
}

export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }
  constructor(private readonly options: NotificationConstructorOptions) {
    super();
  }
  show(): void {
    report({
      kind: 'notification',
      title: this.options.title ?? '',
      body: this.options.body ?? '',
    });
  }
}

const handlers = new Map<string, Listener>();

export const ipcMain = {
  handle(channel: string, handler: Listener): void {
    if (handlers.has(channel)) throw new Error(`a second handler for ${channel}`);
    handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    handlers.delete(channel);
  },
};

export const dialog = {
  showErrorBox(title: string, content: string): void {
    process.stderr.write(`error box: ${title}: ${content}\n`);
  },
  showSaveDialog(..._args: [SaveDialogOptions] | [unknown, SaveDialogOptions]) {
    return Promise.resolve<SaveDialogReturnValue>({ canceled: true, filePath: '' });
  },
};

export const session = {
  defaultSession: {
    webRequest: { onHeadersReceived(_listener: Listener): void {} },
    setPermissionRequestHandler(_handler: Listener): void {},
    setPermissionCheckHandler(_handler: Listener): void {},
    setDevicePermissionHandler(_handler: Listener): void {},
  },
};

function answer(ask: StandInAsk): unknown {
  switch (ask.kind) {
    case 'handlers':
      return [...handlers.keys()].sort();
    case 'invoke': {
      const handler = handlers.get(ask.channel);
      if (handler === undefined) return { missing: ask.channel };
      const sender = windows.get(ask.windowId)?.webContents ?? { id: ask.windowId };
      return handler({ sender, senderFrame: { url: ask.url, parent: null } }, ...ask.args);
    }
    case 'menu': {
      const items = [...trays].flatMap((t) => t.menu?.items ?? []);
      const item = items.find((i) => i.label === ask.label);
      if (item === undefined) return { missing: ask.label };
      (item.click as (() => void) | undefined)?.();
      return { clicked: ask.label };
    }
    case 'navigate': {
      const contents = windows.get(ask.windowId)?.webContents;
      if (contents === undefined) return { missing: ask.windowId };
      const event = new CancellableEvent();
      contents.emit('will-navigate', event, ask.url);
      return {
        prevented: event.prevented,
        windowOpen: contents.windowOpenHandler?.({ url: ask.url }).action,
      };
    }
  }
}

process.on('message', (ask: StandInAsk) => {
  void Promise.resolve(answer(ask)).then((value) => {
    report({ kind: 'reply', ask: ask.ask, value });
  });
});
