import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { TOKEN_PARAM } from './protocol';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface StaticSite {
  /** out/renderer, absolute. */
  root: string;
  /** Pages by URL path (index.html with the client script, the tray page): token required. */
  pages: ReadonlyMap<string, string>;
  /** Scripts that are not in `root`, by URL path (the harness's clients). */
  scripts: ReadonlyMap<string, string>;
  /** Other folders served, by URL prefix ending in `/` (the tray's icons). */
  files: ReadonlyMap<string, string>;
  /** Sent as a header as well, as the Electron shell does for its session. */
  csp: string;
  /** Whether a page's token is the harness's. */
  tokenAllows: (given: string | null) => boolean;
}

function send(
  res: ServerResponse,
  site: StaticSite,
  status: number,
  type: string,
  body: string | Buffer,
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // No other page may frame the harness's (clickjacking its switches); a <meta> policy cannot
    // say so, the header can.
    'Content-Security-Policy': `${site.csp}; frame-ancestors 'none'`,
    'X-Frame-Options': 'DENY',
  });
  res.end(body);
}

/** `path` inside `dir`, or null when it would leave it (`..`). */
function inside(dir: string, path: string): string | null {
  const file = normalize(join(dir, path));
  return file.startsWith(dir + sep) ? file : null;
}

/**
 * GET and HEAD only. Pages need the token (they drive NetworkManager); the built scripts, styles
 * and icons are public. Files under their folder only (no `..` escapes); anything else 404.
 */
export async function serveStatic(
  site: StaticSite,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, site, 405, 'text/plain', 'method not allowed');
    return;
  }
  let url: URL;
  let path: string;
  try {
    url = new URL(req.url ?? '/', 'http://127.0.0.1');
    path = decodeURIComponent(url.pathname);
  } catch {
    send(res, site, 400, 'text/plain', 'bad request');
    return;
  }
  const page = site.pages.get(path);
  if (page !== undefined) {
    if (site.tokenAllows(url.searchParams.get(TOKEN_PARAM))) {
      send(res, site, 200, TYPES['.html'] ?? '', page);
    } else {
      send(res, site, 403, 'text/plain', 'open the URL the harness printed (it has the token)');
    }
    return;
  }
  const script = site.scripts.get(path);
  if (script !== undefined) {
    send(res, site, 200, TYPES['.js'] ?? '', script);
    return;
  }
  let file = inside(site.root, path);
  for (const [prefix, dir] of site.files) {
    if (path.startsWith(prefix)) file = inside(dir, path.slice(prefix.length));
  }
  if (file === null) {
    send(res, site, 404, 'text/plain', 'not found');
    return;
  }
  try {
    const body = await readFile(file);
    send(res, site, 200, TYPES[extname(file)] ?? 'application/octet-stream', body);
  } catch {
    send(res, site, 404, 'text/plain', 'not found');
  }
}
