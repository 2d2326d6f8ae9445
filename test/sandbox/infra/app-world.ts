// The desktop app's core (AppCore, as the Electron shell and the harness run it) against the
// sandbox's NetworkManager, with a platform that records what it would show: the tunnel states
// the windows are sent, the tray and the notifications.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GuiPrompter } from '../../../main/contract/gui-prompter';
import { PreferencesStore } from '../../../main/contract/preferences';
import { openCore } from '../../../main/core';
import { AppCore } from '../../../main/desktop/app-core';
import type { DesktopPlatform, WindowId } from '../../../main/desktop/platform';
import type { NotificationText, TrayModel } from '../../../main/desktop/surface-types';
import type { TunnelStateView } from '../../../preload/contract';
import type { ContractEvent } from '../../../preload/mirror';
import type { Sandbox } from './sandbox.js';

class RecordingPlatform implements DesktopPlatform {
  private nextId = 1;
  readonly states: { uuid: string; state: TunnelStateView; at: number }[] = [];
  readonly notifications: NotificationText[] = [];
  tray: TrayModel | null = null;

  openWindow(): WindowId {
    return this.nextId++;
  }
  showWindow(): void {}
  closeWindow(): void {}
  send(_id: WindowId, event: ContractEvent): void {
    if (event.name === 'state:tunnel') this.states.push({ ...event.payload, at: Date.now() });
  }
  setTray(model: TrayModel): void {
    this.tray = model;
  }
  notify(text: NotificationText): void {
    this.notifications.push(text);
  }
  quit(): void {}
}

export interface AppWorld {
  app: AppCore;
  prompter: GuiPrompter;
  platform: RecordingPlatform;
  preferences: PreferencesStore;
  /** The state the app shows for a profile now (its mirror, as every window and the tray). */
  shown(uuid: string): TunnelStateView;
  close(): Promise<void>;
}

export async function startAppWorld(sb: Sandbox): Promise<AppWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'tunnelbar-stay-'));
  const prompter = new GuiPrompter();
  const core = await openCore({
    busAddress: sb.busAddress,
    agent: { identifier: 'tunnelbar.test.stay', prompter, sessionBusAddress: null },
  });
  const platform = new RecordingPlatform();
  const preferences = new PreferencesStore(join(dir, 'preferences.json'));
  // Not hidden: the editor window is opened, so the platform hears every tunnel event.
  const app = await AppCore.start(
    {
      core,
      prompter,
      preferences,
      platform,
      diagnostics: () => Promise.resolve([]),
      autostart: null,
      home: dir,
    },
    { hidden: false, files: [] },
  );
  return {
    app,
    prompter,
    platform,
    preferences,
    shown: (uuid) => app.snapshot().tunnels[uuid] ?? { kind: 'disconnected' },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
