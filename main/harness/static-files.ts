import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

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
  /** index.html with the client script in it. */
  page: string;
  /** Files that are not in `root`, by URL path (the client script). */
  scripts: ReadonlyMap<string, string>;
  /** Sent as a header as well, as the Electron shell does for its session. */
  csp: string;
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
    'Content-Security-Policy': site.csp,
  });
  res.end(body);
}

/** GET and HEAD only, files under `root` only (no `..` escapes); everything else 404 or 405. */
export async function serveStatic(
  site: StaticSite,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, site, 405, 'text/plain', 'method not allowed');
    return;
  }
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    send(res, site, 400, 'text/plain', 'bad request');
    return;
  }
  if (path === '/' || path === '/index.html') {
    send(res, site, 200, TYPES['.html'] ?? '', site.page);
    return;
  }
  const script = site.scripts.get(path);
  if (script !== undefined) {
    send(res, site, 200, TYPES['.js'] ?? '', script);
    return;
  }
  const file = normalize(join(site.root, path));
  if (!file.startsWith(site.root + sep)) {
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
