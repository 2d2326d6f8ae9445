/** What main knows about the frame a call came from (Electron's event.senderFrame and sender). */
export interface SenderInfo {
  /** The frame's URL; null when the frame is gone (navigated away or destroyed). */
  frameUrl: string | null;
  /** Whether the frame is its page's top frame (Tunnelbar never embeds frames). */
  isTopFrame: boolean;
  webContentsId: number;
}

export interface TrustedOrigin {
  /** file:// URL of the renderer's index.html. */
  rendererUrl: string;
  /** The web contents of the windows Tunnelbar opened and has not closed. */
  windowIds: ReadonlySet<number>;
}

/**
 * Whether a call may reach the contract: it must come from the top frame of one of our own
 * windows, showing our renderer's page (any route: the hash is ignored). Anything else, such as
 * a page that got navigated elsewhere or an injected frame, is refused before validation.
 */
export function isTrustedSender(sender: SenderInfo, trusted: TrustedOrigin): boolean {
  if (sender.frameUrl === null || !sender.isTopFrame) return false;
  if (!trusted.windowIds.has(sender.webContentsId)) return false;
  let frame: URL;
  let ours: URL;
  try {
    frame = new URL(sender.frameUrl);
    ours = new URL(trusted.rendererUrl);
  } catch {
    return false;
  }
  // A file: URL cannot carry a user name or password (the URL parser refuses one), so scheme,
  // host, path and an empty query say it all.
  return (
    frame.protocol === 'file:' &&
    frame.host === ours.host &&
    frame.pathname === ours.pathname &&
    frame.search === ''
  );
}
