/**
 * What the Electron stand-in reports to the test that started the real entry point, and what the
 * test asks of it, over the child process's IPC channel. Plain JSON both ways.
 */

export type StandInReport =
  | { kind: 'tray'; icon: string; tooltip: string | null; menu: string[] }
  | {
      kind: 'window';
      id: number;
      options: Record<string, unknown>;
      webPreferences: Record<string, unknown>;
    }
  | { kind: 'load'; id: number; url: string }
  | { kind: 'send'; id: number; channel: string; payload: unknown }
  | { kind: 'closed'; id: number }
  | { kind: 'reply'; ask: number; value: unknown }
  | { kind: 'notification'; title: string; body: string }
  | { kind: 'quit' };

export type StandInAsk =
  /** The channels ipcMain has handlers for. */
  | { kind: 'handlers'; ask: number }
  /** Calls an ipcMain handler as a page would: from a window, at a URL. */
  | { kind: 'invoke'; ask: number; channel: string; args: unknown[]; windowId: number; url: string }
  /** Clicks the tray's menu entry with this label. */
  | { kind: 'menu'; ask: number; label: string }
  /** Asks each window's web contents what a page trying to navigate away is told. */
  | { kind: 'navigate'; ask: number; windowId: number; url: string };
