import { BrowserWindow } from 'electron';
import type { PromptView } from '../../preload/contract';
import type { Route } from '../../preload/routes';
import { routeUrl, type AppPaths } from './paths';
import { windowOptions } from './window-options';

/**
 * Tunnelbar's windows: one connection editor, and one small prompt window per open secret
 * request. All load the same renderer page at a route; all are hardened the same way.
 */
export class Windows {
  private editor: BrowserWindow | null = null;
  private readonly prompts = new Map<string, BrowserWindow>();

  constructor(
    private readonly paths: AppPaths,
    /** The person closed a prompt window without answering: cancel that request. */
    private readonly onPromptDismissed: (requestId: string) => void,
  ) {}

  /** The web contents ids of every open window, for the IPC sender check. */
  ids(): Set<number> {
    return new Set(this.all().map((w) => w.webContents.id));
  }

  /** The connection editor's window when it is open (the parent of its dialogs). */
  editorWindow(): BrowserWindow | null {
    return this.editor !== null && !this.editor.isDestroyed() ? this.editor : null;
  }

  all(): BrowserWindow[] {
    const open = [...this.prompts.values()];
    if (this.editor !== null) open.push(this.editor);
    return open.filter((w) => !w.isDestroyed());
  }

  /** Opens the editor at a route, or brings it forward (moving it to the route) when it is open. */
  showEditor(route: Route = { kind: 'editor' }): void {
    const url = routeUrl(this.paths.rendererUrl, route);
    const existing = this.editor;
    if (existing !== null && !existing.isDestroyed()) {
      // Same page, new hash: the renderer sees a hashchange, the editor keeps its state.
      if (route.kind !== 'editor') void existing.loadURL(url);
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return;
    }
    const window = new BrowserWindow(windowOptions('editor', this.paths));
    this.editor = window;
    window.once('ready-to-show', () => {
      window.show();
    });
    window.on('closed', () => {
      if (this.editor === window) this.editor = null;
    });
    void window.loadURL(url);
  }

  openPrompt(request: PromptView): void {
    const open = this.prompts.get(request.id);
    if (open !== undefined && !open.isDestroyed()) {
      open.show();
      open.focus();
      return;
    }
    const window = new BrowserWindow(windowOptions('prompt', this.paths));
    this.prompts.set(request.id, window);
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    window.on('closed', () => {
      // Closed by the person (not by closePrompt, which forgets the window first).
      if (this.prompts.get(request.id) === window) {
        this.prompts.delete(request.id);
        this.onPromptDismissed(request.id);
      }
    });
    void window.loadURL(
      routeUrl(this.paths.rendererUrl, { kind: 'prompt', requestId: request.id }),
    );
  }

  /** The request was answered or withdrawn: its window goes, without counting as a cancel. */
  closePrompt(requestId: string): void {
    const window = this.prompts.get(requestId);
    this.prompts.delete(requestId);
    if (window !== undefined && !window.isDestroyed()) window.close();
  }

  promptWindow(requestId: string): BrowserWindow | undefined {
    const window = this.prompts.get(requestId);
    return window?.isDestroyed() === false ? window : undefined;
  }

  closeAll(): void {
    for (const id of [...this.prompts.keys()]) this.closePrompt(id);
    if (this.editor !== null && !this.editor.isDestroyed()) this.editor.destroy();
    this.editor = null;
  }
}
