import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PromptAnswer, PromptRequest } from '../../../main/agent/prompter';
import { GuiPrompter } from '../../../main/contract/gui-prompter';
import { PreferencesStore } from '../../../main/contract/preferences';
import { AppCore } from '../../../main/desktop/app-core';
import type { DesktopPlatform, WindowId } from '../../../main/desktop/platform';
import type { NotificationText, TrayModel } from '../../../main/desktop/surface-types';
import type { Clock } from '../../../main/desktop/tray-animation';
import type { CallOptions } from '../../../main/nm/bus';
import type { ContractEvent } from '../../../preload/mirror';
import type { Route } from '../../../preload/routes';
import { fakeCore } from '../../fakes/fake-core';
import { FakeNmBus } from '../../fakes/fake-nm-bus';
import { promptRequest } from '../../builders/prompt-request';

const OFFICE = '0f9d3f52-7d5e-4c57-9a3b-2b7c0d1e4f11';
const LAB = '6a1c0a9e-2f1b-4c7e-8d3a-5b9e0c2d7f40';

/** NetworkManager that accepts activations (the model hears of them only through signals). */
class ActivatingBus extends FakeNmBus {
  activated: string[] = [];
  override call(opts: CallOptions): Promise<unknown[]> {
    if (opts.member === 'ActivateConnection') {
      this.activated.push(String((opts.body ?? [])[0]));
      return Promise.resolve(['/org/freedesktop/NetworkManager/ActiveConnection/9']);
    }
    return super.call(opts);
  }
}

/** Electron's side as the app core sees it: windows exist at once, closing reports back. */
class RecordingPlatform implements DesktopPlatform {
  app: AppCore | null = null;
  nextId = 1;
  readonly windows = new Map<WindowId, Route>();
  readonly heard = new Map<WindowId, ContractEvent[]>();
  readonly shown: WindowId[] = [];
  readonly closed: WindowId[] = [];
  readonly notifications: NotificationText[] = [];
  tray: TrayModel | null = null;

  openWindow(route: Route): WindowId {
    const id = this.nextId++;
    this.windows.set(id, route);
    this.heard.set(id, []);
    return id;
  }
  showWindow(id: WindowId): void {
    this.shown.push(id);
  }
  closeWindow(id: WindowId): void {
    this.closed.push(id);
    this.windows.delete(id);
    this.app?.windowClosed(id);
  }
  send(id: WindowId, event: ContractEvent): void {
    this.heard.get(id)?.push(event);
  }
  setTray(model: TrayModel): void {
    this.tray = model;
  }
  notify(text: NotificationText): void {
    this.notifications.push(text);
  }
  quit(): void {}

  idOf(kind: Route['kind']): WindowId {
    const found = [...this.windows].find(([, r]) => r.kind === kind);
    if (found === undefined) throw new Error(`no ${kind} window`);
    return found[0];
  }
  namesHeard(id: WindowId): string[] {
    return (this.heard.get(id) ?? []).map((e) => e.name);
  }
}

const noTimers: Clock = { setInterval: () => 0, clearInterval: () => undefined };

function request(id: string): PromptRequest {
  return promptRequest({ id, connectionUuid: OFFICE });
}

let dir = '';
let bus: ActivatingBus;
let prompter: GuiPrompter;
let platform: RecordingPlatform;
let app: AppCore;

async function start(hidden: boolean): Promise<void> {
  bus = new ActivatingBus();
  bus.addVpnProfile(1, OFFICE, 'Office');
  bus.addVpnProfile(2, LAB, 'Lab');
  const core = await fakeCore(bus);
  prompter = new GuiPrompter();
  platform = new RecordingPlatform();
  app = await AppCore.start(
    {
      core,
      prompter,
      preferences: new PreferencesStore(join(dir, 'preferences.json')),
      platform,
      diagnostics: () => Promise.resolve([]),
      autostart: null,
      clock: noTimers,
    },
    { hidden, files: [] },
  );
  platform.app = app;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-app-core-'));
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the app core’s windows', () => {
  it('a main window opened while a request waits drops it once it is answered', async () => {
    await start(true);
    const asked = prompter.prompt(request('r1'), new AbortController().signal);
    const promptWindow = platform.idOf('prompt');
    // Opened late, from the tray: it starts from the snapshot, which holds the request.
    app.trayMenuChosen({ kind: 'editor', label: 'Connection editor…' });
    const editor = platform.idOf('editor');
    const snapshot = await app.handle('state:snapshot', []);
    expect(snapshot).toMatchObject({ prompts: [{ id: 'r1' }] });

    await app.handle('prompt:answer', [
      { requestId: 'r1', values: { password: 'pw' }, save: false },
    ]);
    expect(await asked).toEqual<PromptAnswer>({ values: { password: 'pw' }, save: false });
    expect(platform.heard.get(editor)).toContainEqual({
      name: 'prompt:close',
      payload: { requestId: 'r1' },
    });
    expect(platform.closed).toEqual([promptWindow]);
  });

  it('a request NetworkManager withdraws leaves every window', async () => {
    await start(false);
    const editor = platform.idOf('editor');
    const withdraw = new AbortController();
    const asked = prompter.prompt(request('r2'), withdraw.signal);
    const promptWindow = platform.idOf('prompt');
    expect(platform.namesHeard(editor)).toContain('prompt:open');
    withdraw.abort();
    expect(await asked).toBeNull();
    expect(platform.namesHeard(editor)).toContain('prompt:close');
    // Opened after the request was announced: it read it from the snapshot, then hears its end.
    expect(platform.namesHeard(promptWindow)).toEqual(['prompt:close']);
    expect(platform.closed).toEqual([promptWindow]);
  });

  it('a prompt window the person closes cancels its request', async () => {
    await start(true);
    const asked = prompter.prompt(request('r3'), new AbortController().signal);
    const promptWindow = platform.idOf('prompt');
    app.windowClosed(promptWindow);
    expect(await asked).toBeNull();
  });

  it('opens one editor and brings it forward after that', async () => {
    await start(false);
    const editor = platform.idOf('editor');
    app.trayMenuChosen({ kind: 'more', label: 'More…' });
    app.notificationClicked();
    expect([...platform.windows.keys()]).toEqual([editor]);
    expect(platform.shown).toEqual([editor, editor]);
  });
});

describe('last use', () => {
  it('a connect from a window is last used at once: every window hears it, the tray follows', async () => {
    await start(false);
    const editor = platform.idOf('editor');
    expect(platform.tray?.menu[0]).toMatchObject({ uuid: LAB });
    await app.handle('tunnel:connect', [{ uuid: OFFICE }]);
    const profiles = (platform.heard.get(editor) ?? []).flatMap((e) =>
      e.name === 'state:profiles' ? [e.payload.profiles] : [],
    );
    expect(profiles.at(-1)?.find((p) => p.uuid === OFFICE)?.lastUsed).toEqual(expect.any(Number));
    // Recent before the rest in the menu, and what a click on the icon connects.
    expect(platform.tray?.menu[0]).toMatchObject({ uuid: OFFICE });
    app.trayClicked();
    expect(bus.activated).toEqual([
      '/org/freedesktop/NetworkManager/Settings/1',
      '/org/freedesktop/NetworkManager/Settings/1',
    ]);
  });
});
