import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callChannel, eventChannel } from '../../preload/channels';
import { CALL_NAMES } from '../../preload/contract';
import { EntryPointRun } from '../fakes/electron-stand-in/run-entry-point';
import type { StandInReport } from '../fakes/electron-stand-in/protocol';
import { startSandbox, type Sandbox } from './infra/sandbox';

// The Electron shell's real entry point (out/main/app/main.js, as package.json "main" names it),
// started under plain Node with `electron` resolved to a typed recording stand-in, against a real
// NetworkManager: what type checks miss (module format, paths, a throw at start) shows here.

const root = join(__dirname, '..', '..');
let sb: Sandbox;
let home = '';
let run: EntryPointRun;
let password = { uuid: '', id: '' };

beforeAll(async () => {
  sb = await startSandbox();
  password = await sb.addOpenvpnProfile('password');
  home = mkdtempSync(join(tmpdir(), 'tunnelbar-entry-home-'));
  run = new EntryPointRun(root, {
    ...sb.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    // No keyring: never the session bus of whoever runs the tests.
    DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'no-session-bus')}`,
  });
});

afterAll(async () => {
  (run as EntryPointRun | undefined)?.kill();
  await (sb as Sandbox | undefined)?.stop();
  rmSync(home, { recursive: true, force: true });
});

type WindowReport = Extract<StandInReport, { kind: 'window' }>;

const firstWindow = (): Promise<WindowReport> =>
  run.next((r) => (r.kind === 'window' ? r : undefined));
const loadOf = (id: number): Promise<string> =>
  run.next((r) => (r.kind === 'load' && r.id === id ? r.url : undefined));
const pageUrl = (url: string): string => url.split('#')[0] ?? url;

describe('the Electron entry point under a stand-in', () => {
  it('reaches the tray, with an icon file that exists, and a menu listing the profile', async () => {
    const tray = await run.next((r) =>
      r.kind === 'tray' && r.menu.some((label) => label.startsWith(password.id)) ? r : undefined,
    );
    expect(existsSync(tray.icon)).toBe(true);
    expect(tray.icon).toMatch(/assets\/tray\/disconnected-light-panel-22\.png$/);
    expect(tray.tooltip).toBe('Tunnelbar: no VPN connected');
    expect(tray.menu).toEqual(expect.arrayContaining(['Connection editor…', 'Quit']));
  });

  it('opens the editor hardened, with its preload, icon and page at the packaged paths', async () => {
    const editor = await firstWindow();
    const url = await loadOf(editor.id);
    expect(existsSync(fileURLToPath(pageUrl(url)))).toBe(true);
    expect(pageUrl(url)).toMatch(/\/out\/renderer\/index\.html$/);
    expect(existsSync(String(editor.webPreferences.preload))).toBe(true);
    expect(String(editor.webPreferences.preload)).toMatch(/\/out\/preload\/index\.js$/);
    expect(existsSync(String(editor.options.icon))).toBe(true);
    expect(editor.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    // Navigation and new windows are refused for every web contents.
    expect(
      await run.ask({ kind: 'navigate', windowId: editor.id, url: 'https://example.com/' }),
    ).toEqual({ prevented: true, windowOpen: 'deny' });
  });

  it('has an ipcMain handler for every contract call, each checking its sender', async () => {
    // The handlers are registered once the app core has started (after the tray and window).
    await expect
      .poll(() => run.ask({ kind: 'handlers' }), { timeout: 30_000 })
      .toEqual(CALL_NAMES.map(callChannel).sort());
    const editor = await firstWindow();
    const url = await loadOf(editor.id);
    const snapshot = await run.ask({
      kind: 'invoke',
      channel: callChannel('state:snapshot'),
      args: [],
      windowId: editor.id,
      url,
    });
    expect(snapshot).toMatchObject({
      ok: true,
      value: { nmRunning: true, profiles: [{ uuid: password.uuid, id: password.id }] },
    });
    const foreign = await run.ask({
      kind: 'invoke',
      channel: callChannel('state:snapshot'),
      args: [],
      windowId: editor.id,
      url: 'https://example.com/',
    });
    expect(foreign).toMatchObject({ ok: false, failure: { word: 'forbidden-sender' } });
  });

  it('opens a prompt window when NetworkManager asks, and the editor hears of it', async () => {
    const editor = await firstWindow();
    const url = await loadOf(editor.id);
    const connect = await run.ask({
      kind: 'invoke',
      channel: callChannel('tunnel:connect'),
      args: [{ uuid: password.uuid }],
      windowId: editor.id,
      url,
    });
    expect(connect).toEqual({ ok: true, value: null });
    const prompt = await run.next((r) =>
      r.kind === 'load' && r.url.includes('#prompt/') ? r : undefined,
    );
    const promptWindow = await run.next((r) =>
      r.kind === 'window' && r.id === prompt.id ? r : undefined,
    );
    expect(promptWindow.options).toMatchObject({ alwaysOnTop: true, resizable: false });
    expect(promptWindow.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    await run.next((r) =>
      r.kind === 'send' && r.id === editor.id && r.channel === eventChannel('prompt:open')
        ? r
        : undefined,
    );
  });

  it('Quit cancels the request, closes the windows, the agent and the bus: the process ends by itself', async () => {
    expect(await run.ask({ kind: 'menu', label: 'Quit' })).toEqual({ clicked: 'Quit' });
    await run.next((r) => (r.kind === 'quit' ? r : undefined));
    // Nothing left open (a bus connection, a timer) would keep Node running.
    expect(await run.exited).toBe(0);
    const closed = run.reports.flatMap((r) => (r.kind === 'closed' ? [r.id] : []));
    const opened = run.reports.flatMap((r) => (r.kind === 'window' ? [r.id] : []));
    expect(closed.sort()).toEqual(opened.sort());
    expect(run.stderr).not.toMatch(/Error|unhandled/i);
  });
});
