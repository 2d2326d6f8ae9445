import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import { routeHash, type Route } from '../../preload/routes';
import { GuiPrompter } from '../contract/gui-prompter';
import { PreferencesStore } from '../contract/preferences';
import type { ContractServer } from '../contract/server';
import { openCore, type Core } from '../core';
import { AppCore } from '../desktop/app-core';
import { CONTENT_SECURITY_POLICY } from '../desktop/csp';
import { browserScript } from './browser-script';
import { ContractBridge } from './bridge';
import { fileDiagnostics } from './diagnostics';
import { HarnessDesktop } from './harness-desktop';
import { localeFromEnv, type Locale } from '../i18n/locale';
import { harnessPage } from './page';
import {
  CLIENT_SCRIPT_PATH,
  CONTRACT_PATH,
  TOKEN_PARAM,
  TRAY_ICONS_PATH,
  TRAY_PAGE_PATH,
  TRAY_PATH,
  TRAY_SCRIPT_PATH,
} from './protocol';
import { repoRoot } from './repo-root';
import { serveStatic } from './static-files';
import { trayPage } from './tray-page';

export const DEFAULT_HARNESS_PORT = 5199;
const HOST = '127.0.0.1';

export interface HarnessOptions {
  /** The system bus to use; defaults to DBUS_SYSTEM_BUS_ADDRESS, then the system bus. */
  busAddress?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The secret the pages and WebSockets must carry; a new random one when absent. */
  token?: string;
  /** Where preferences.json goes; a new temporary folder (removed on close) when absent. */
  preferencesDir?: string;
  /** The log the diagnostics view reads (the sandbox's logFile); none when absent. */
  logFile?: string;
  /** The built renderer; defaults to out/renderer of this checkout. */
  rendererDir?: string;
  /**
   * The session bus whose keyring keeps saved passwords; defaults to this session's. null: no
   * keyring ("Save password" is not offered).
   */
  sessionBusAddress?: string | null;
  /**
   * The home folder certificate and inline files are written under (.cert/nm-openvpn/); the
   * user's home when absent. Tests give a temporary folder.
   */
  home?: string;
  /**
   * Where exported profiles are written: a browser page has no save dialog, so the harness
   * answers main's "where to save?" with `<exportDir>/<suggested name>`. Export is refused
   * without it.
   */
  exportDir?: string;
  /** Started as autostart does: the tray only, no editor window asked for. */
  hidden?: boolean;
  /** The language of the pages, tray and notifications; from LANG and friends when absent. */
  locale?: Locale;
  /** The tray's Quit; the harness only records it when absent. */
  onQuit?: () => void;
  onWarning?: (text: string) => void;
}

export interface Harness {
  /** http://127.0.0.1:<port>/?token=<token>: the connection editor's page. */
  readonly url: string;
  /** The /tray page, with the token. */
  readonly trayUrl: string;
  readonly port: number;
  readonly token: string;
  readonly core: Core;
  /** The contract's server, as the app core runs it. */
  readonly contract: ContractServer;
  /** The app core: the same decisions the Electron shell runs. */
  readonly app: AppCore;
  /** The browser's platform: notifications, windows asked for, the tray's model. */
  readonly desktop: HarnessDesktop;
  /** The page of a route (the editor, its search, a request's prompt). */
  pageUrl(route: Route): string;
  close(): Promise<void>;
}

async function readBuiltPage(rendererDir: string): Promise<string> {
  try {
    return await readFile(join(rendererDir, 'index.html'), 'utf8');
  } catch {
    throw new Error(`${rendererDir}/index.html is missing: run \`npm run build\` first`);
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      const address = server.address();
      resolveListen(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/** The names the harness answers to; a page on another name (DNS rebinding) gets nothing. */
function allowedHosts(port: number): string[] {
  return [`${HOST}:${port}`, `localhost:${port}`];
}

function sameSecret(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The browser harness: the real core (its secret agent prompting in the page) on the given bus,
 * the same app core as the Electron shell, with pages as its windows and the /tray page as its
 * tray. Bound to 127.0.0.1; the pages and WebSockets need the token printed with the URL.
 */
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const root = repoRoot();
  const rendererDir = resolve(opts.rendererDir ?? join(root, 'out', 'renderer'));
  const locale = opts.locale ?? localeFromEnv(process.env);
  const page = harnessPage(await readBuiltPage(rendererDir), CONTENT_SECURITY_POLICY, locale);
  const scripts = new Map([
    [CLIENT_SCRIPT_PATH, browserScript(join(root, 'main/harness/client/tunnelbar-client.ts'))],
    [TRAY_SCRIPT_PATH, browserScript(join(root, 'main/harness/client/tray-client.ts'))],
  ]);
  const token = opts.token ?? randomBytes(24).toString('base64url');

  const ownPrefsDir = opts.preferencesDir === undefined;
  const prefsDir = opts.preferencesDir ?? mkdtempSync(join(tmpdir(), 'tunnelbar-harness-'));
  const prompter = new GuiPrompter();
  const core = await openCore({
    ...(opts.busAddress === undefined ? {} : { busAddress: opts.busAddress }),
    agent: {
      identifier: `tunnelbar.harness.${process.pid}`,
      prompter,
      ...(opts.sessionBusAddress === undefined
        ? {}
        : { sessionBusAddress: opts.sessionBusAddress }),
    },
    ...(opts.onWarning === undefined ? {} : { onWarning: opts.onWarning }),
  });

  let port = opts.port ?? DEFAULT_HARNESS_PORT;
  const base = (): string => `http://${HOST}:${port}`;
  const pageUrl = (route: Route): string =>
    `${base()}/?${TOKEN_PARAM}=${encodeURIComponent(token)}${routeHash(route)}`;
  const desktop = new HarnessDesktop({
    pageUrl,
    ...(opts.exportDir === undefined ? {} : { exportDir: opts.exportDir }),
    onQuit: opts.onQuit ?? (() => undefined),
  });
  let app: AppCore;
  try {
    app = await AppCore.start(
      {
        core,
        prompter,
        preferences: new PreferencesStore(join(prefsDir, 'preferences.json')),
        platform: desktop,
        diagnostics: fileDiagnostics(opts.logFile),
        autostart: null,
        locale,
        ...(opts.home === undefined ? {} : { home: opts.home }),
        ...(opts.onWarning === undefined ? {} : { onWarning: opts.onWarning }),
      },
      { hidden: opts.hidden ?? false, files: [] },
    );
  } catch (err) {
    await core.close();
    throw err;
  }
  const bridge = new ContractBridge(app, desktop);
  desktop.connect(app, bridge);
  const trays = new WebSocketServer({ noServer: true, maxPayload: 4096 });

  const site = {
    root: rendererDir,
    pages: new Map([
      ['/', page],
      ['/index.html', page],
      // After AppCore.start: it set the catalogue to `locale`.
      [TRAY_PAGE_PATH, trayPage(CONTENT_SECURITY_POLICY, locale)],
    ]),
    scripts,
    files: new Map([[TRAY_ICONS_PATH, join(root, 'assets', 'tray')]]),
    csp: CONTENT_SECURITY_POLICY,
    tokenAllows: (given: string | null) => sameSecret(given, token),
  };
  const admitted = (req: IncomingMessage): URL | null => {
    if (!allowedHosts(port).includes(req.headers.host ?? '')) return null;
    return new URL(req.url ?? '/', base());
  };
  const server = createServer((req, res) => {
    if (admitted(req) === null) {
      res.writeHead(403).end();
      return;
    }
    void serveStatic(site, req, res);
  });
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = admitted(req);
    // A browser names the page's origin and cannot forge it; any local process can, so the
    // token is what keeps other local users and programs out.
    const origins = allowedHosts(port).map((host) => `http://${host}`);
    if (
      url === null ||
      !origins.includes(req.headers.origin ?? '') ||
      !sameSecret(url.searchParams.get(TOKEN_PARAM), token)
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    if (url.pathname === CONTRACT_PATH) bridge.upgrade(req, socket, head);
    else if (url.pathname === TRAY_PATH) {
      trays.handleUpgrade(req, socket, head, (ws) => {
        desktop.attachTray(ws);
      });
    } else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });
  try {
    port = await listen(server, port);
  } catch (err) {
    await app.close();
    throw err;
  }

  let closed: Promise<void> | undefined;
  return {
    url: pageUrl({ kind: 'editor' }),
    trayUrl: `${base()}${TRAY_PAGE_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`,
    port,
    token,
    core,
    contract: app.server,
    app,
    desktop,
    pageUrl,
    close() {
      closed ??= (async () => {
        // The app core first: the windows it closes are not the person's cancels.
        await app.close();
        bridge.closeAll();
        desktop.closeTrays();
        trays.close();
        server.closeAllConnections();
        await new Promise<void>((done) =>
          server.close(() => {
            done();
          }),
        );
        if (ownPrefsDir) rmSync(prefsDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}
