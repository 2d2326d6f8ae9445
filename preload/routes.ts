/**
 * The routes of the renderer's one page, carried in the URL's hash: main opens windows at these,
 * the renderer reads `location.hash` (at load and on `hashchange`) with parseRoute. One module
 * for both sides, so the two cannot disagree.
 *
 * - ``              the connection editor
 * - `#search`       the connection editor with its search focused (the tray's "More…")
 * - `#prompt/<id>`  the secret prompt for one request of the agent (id URI-encoded)
 */
export type Route = { kind: 'editor' } | { kind: 'search' } | { kind: 'prompt'; requestId: string };

export function routeHash(route: Route): string {
  switch (route.kind) {
    case 'editor':
      return '';
    case 'search':
      return '#search';
    case 'prompt':
      return `#prompt/${encodeURIComponent(route.requestId)}`;
  }
}

/** Anything unknown (or a malformed prompt id) is the editor: a window never shows nothing. */
export function parseRoute(hash: string): Route {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === 'search') return { kind: 'search' };
  if (body.startsWith('prompt/')) {
    try {
      const requestId = decodeURIComponent(body.slice('prompt/'.length));
      if (requestId !== '') return { kind: 'prompt', requestId };
    } catch {
      // A broken %-sequence: fall through to the editor.
    }
  }
  return { kind: 'editor' };
}
