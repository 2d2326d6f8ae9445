import type { ContractEvent } from '../../preload/mirror';
import type { Route } from '../../preload/routes';
import type { DesktopPlatform, WindowId } from './platform';

/**
 * Which window hears which event. The connection editor (any of its routes) mirrors everything,
 * prompts included: a request it shows must also disappear from it when answered elsewhere or
 * withdrawn. A prompt window shows one request and only needs the prompt events.
 */
export function hears(route: Route, event: ContractEvent): boolean {
  switch (route.kind) {
    case 'editor':
    case 'search':
      return true;
    case 'prompt':
      return event.name === 'prompt:open' || event.name === 'prompt:close';
  }
}

/**
 * The open windows and what they show, and the decisions about them: one editor brought forward
 * rather than opened twice, one prompt window per secret request (closed when the request is
 * answered or withdrawn; closed by the person, it cancels the request).
 */
export class WindowRegistry {
  private readonly routes = new Map<WindowId, Route>();
  /** Requests whose window was asked of the platform and has not appeared yet. */
  private readonly promptsAsked = new Set<string>();
  /** Windows the core itself closed: their closing is not the person's cancel. */
  private readonly closing = new Set<WindowId>();

  constructor(
    private readonly platform: DesktopPlatform,
    /** The person closed a prompt's window without answering. */
    private readonly onPromptDismissed: (requestId: string) => void,
  ) {}

  opened(id: WindowId, route: Route): void {
    this.routes.set(id, route);
    if (route.kind === 'prompt') this.promptsAsked.delete(route.requestId);
  }

  closed(id: WindowId): void {
    const route = this.routes.get(id);
    this.routes.delete(id);
    if (this.closing.delete(id)) return;
    if (route?.kind === 'prompt') this.onPromptDismissed(route.requestId);
  }

  routeOf(id: WindowId): Route | undefined {
    return this.routes.get(id);
  }

  ids(): WindowId[] {
    return [...this.routes.keys()];
  }

  send(event: ContractEvent): void {
    for (const [id, route] of this.routes) {
      if (hears(route, event)) this.platform.send(id, event);
    }
  }

  /** The main window (profiles, editor, status), when one is open: the parent of its dialogs. */
  mainWindow(): WindowId | null {
    for (const [id, route] of this.routes) if (route.kind !== 'prompt') return id;
    return null;
  }

  /**
   * Opens the main window at a route, or brings the open one forward (moving it to the route).
   * Its first view is the profiles with the editor, whose route is named `editor`.
   */
  showMainWindow(route: Route = { kind: 'editor' }): void {
    const id = this.mainWindow();
    if (id === null) {
      this.open(route);
      return;
    }
    // The plain editor route keeps whatever the window shows (a search under way stays).
    if (route.kind !== 'editor') this.routes.set(id, route);
    this.platform.showWindow(id, route.kind === 'editor' ? null : route);
  }

  /** A new request: its window, once (a request opened twice is brought forward). */
  promptOpened(requestId: string): void {
    const open = this.promptWindows(requestId);
    for (const id of open) this.platform.showWindow(id, null);
    if (open.length > 0 || this.promptsAsked.has(requestId)) return;
    this.promptsAsked.add(requestId);
    this.open({ kind: 'prompt', requestId });
  }

  /** The request was answered or withdrawn: its windows go, without counting as a cancel. */
  promptClosed(requestId: string): void {
    this.promptsAsked.delete(requestId);
    for (const id of this.promptWindows(requestId)) this.close(id);
  }

  closeAll(): void {
    for (const id of this.ids()) this.close(id);
  }

  private open(route: Route): void {
    const id = this.platform.openWindow(route);
    if (id !== null) this.opened(id, route);
  }

  private close(id: WindowId): void {
    this.closing.add(id);
    this.platform.closeWindow(id);
  }

  private promptWindows(requestId: string): WindowId[] {
    return [...this.routes]
      .filter(([, r]) => r.kind === 'prompt' && r.requestId === requestId)
      .map(([id]) => id);
  }
}
