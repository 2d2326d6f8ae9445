import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../desktop/csp';
import { GuiPrompter } from '../contract/gui-prompter';
import { PreferencesStore } from '../contract/preferences';
import { ContractServer } from '../contract/server';
import { openCore, type Core } from '../core';
import { browserScript } from './browser-script';
import { ContractBridge } from './bridge';
import { fileDiagnostics } from './diagnostics';
import { harnessPage } from './page';
import { CLIENT_SCRIPT_PATH } from './protocol';
import { repoRoot } from './repo-root';
import { serveStatic } from './static-files';

export const DEFAULT_HARNESS_PORT = 5199;
const HOST = '127.0.0.1';

export interface HarnessOptions {
  /** The system bus to use; defaults to DBUS_SYSTEM_BUS_ADDRESS, then the system bus. */
  busAddress?: string;
  /** 0 picks a free port. */
  port?: number;
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
  onWarning?: (text: string) => void;
}

export interface Harness {
  /** http://127.0.0.1:<port>/ */
  readonly url: string;
  readonly port: number;
  readonly core: Core;
  readonly contract: ContractServer;
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

/** Requests must name the harness itself: a page on another name (DNS rebinding) gets nothing. */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

/** The harness's stand-in for a save dialog: the suggested name in the export folder. */
function exportInto(dir: string): (suggestedName: string) => Promise<string | null> {
  return (suggestedName) => Promise.resolve(join(dir, basename(suggestedName)));
}

/**
 * The browser harness: the real core (its secret agent prompting in the page) on the given bus,
 * the contract's server as the Electron shell builds it, the built renderer over HTTP and the
 * contract over a WebSocket on the same port, bound to 127.0.0.1 only.
 */
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const root = repoRoot();
  const rendererDir = resolve(opts.rendererDir ?? join(root, 'out', 'renderer'));
  const page = harnessPage(await readBuiltPage(rendererDir), CONTENT_SECURITY_POLICY);
  const client = browserScript(join(root, 'main', 'harness', 'client', 'tunnelbar-client.ts'));

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
  const contract = new ContractServer({
    core,
    prompter,
    preferences: new PreferencesStore(join(prefsDir, 'preferences.json')),
    diagnostics: fileDiagnostics(opts.logFile),
    ...(opts.home === undefined ? {} : { home: opts.home }),
    ...(opts.exportDir === undefined ? {} : { chooseExportPath: exportInto(opts.exportDir) }),
  });

  const site = {
    root: rendererDir,
    page,
    scripts: new Map([[CLIENT_SCRIPT_PATH, client]]),
    csp: CONTENT_SECURITY_POLICY,
  };
  let port = opts.port ?? DEFAULT_HARNESS_PORT;
  let bridge: ContractBridge | null = null;
  const server = createServer((req, res) => {
    if (!hostAllowed(req, port)) {
      res.writeHead(403).end();
      return;
    }
    void serveStatic(site, req, res);
  });
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    if (bridge === null || !hostAllowed(req, port)) socket.destroy();
    else bridge.upgrade(req, socket, head);
  });
  try {
    port = await listen(server, port);
  } catch (err) {
    contract.close();
    await core.close();
    throw err;
  }
  bridge = new ContractBridge(contract, `http://${HOST}:${port}`);
  const activeBridge = bridge;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${port}/`,
    port,
    core,
    contract,
    close() {
      closed ??= (async () => {
        activeBridge.close();
        server.closeAllConnections();
        await new Promise<void>((done) =>
          server.close(() => {
            done();
          }),
        );
        contract.close();
        await core.close();
        if (ownPrefsDir) rmSync(prefsDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}
