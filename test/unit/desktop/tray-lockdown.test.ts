import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrayMenuEntry } from '../../../main/desktop/surface-types';
import { TrayPresenter, type TrayActions } from '../../../main/desktop/tray';
import {
  TRAY_SIZES,
  trayIconPath,
  trayIconState,
  trayTooltip,
} from '../../../main/desktop/tray-icon';
import { trayMenu } from '../../../main/desktop/tray-menu';
import { profile, snapshot, uuidOf } from '../../builders/views';
import { connected, connecting, failed } from '../../builders/tunnel-states';

const assets = join(__dirname, '..', '..', '..', 'assets');
const two = [profile('a'), profile('b')];

describe('the tray icon under lockdown', () => {
  it.each([
    ['lockdown on, nothing up: blocked', snapshot(two, {}, true, 'on'), 'blocked'],
    ['lockdown off, nothing up: idle', snapshot(two, {}, true, 'off'), 'disconnected'],
    ['lockdown unknown, nothing up: idle', snapshot(two, {}, true, 'unknown'), 'disconnected'],
    [
      'lockdown on, a VPN up: connected (traffic flows through it)',
      snapshot(two, { [uuidOf('a')]: connected() }, true, 'on'),
      'connected',
    ],
    [
      'lockdown on, one connecting: the animation',
      snapshot(two, { [uuidOf('a')]: connecting }, true, 'on'),
      'connecting',
    ],
    [
      'lockdown on, one failed: the failure, which says why',
      snapshot(two, { [uuidOf('a')]: failed() }, true, 'on'),
      'failed',
    ],
    ['lockdown on, NetworkManager down', snapshot(two, {}, false, 'on'), 'nm-down'],
  ] as const)('%s', (_name, state, icon) => {
    expect(trayIconState(state)).toBe(icon);
  });

  it('says in the tooltip that traffic is blocked', () => {
    expect(trayTooltip(snapshot(two, {}, true, 'on'))).toBe(
      'Tunnelbar: lockdown is on and no VPN is connected: traffic is blocked',
    );
    expect(trayTooltip(snapshot(two, {}, true, 'off'))).toBe('Tunnelbar: no VPN connected');
  });

  it('has the blocked PNGs at every size, both panel colours, 1x and @2x', () => {
    const missing: string[] = [];
    for (const darkPanel of [false, true]) {
      for (const size of TRAY_SIZES) {
        const path = trayIconPath(assets, { state: 'blocked', frame: 0, darkPanel, size });
        for (const file of [path, path.replace(/\.png$/, '@2x.png')]) {
          if (!existsSync(file)) missing.push(file);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the tray menu’s lockdown item', () => {
  const entry = (menu: TrayMenuEntry[]): TrayMenuEntry | undefined =>
    menu.find((e) => e.kind === 'lockdown');

  it('is a check item before the editor, ticked while lockdown is on', () => {
    const menu = trayMenu(snapshot(two, {}, true, 'on'));
    expect(menu.map((e) => e.kind)).toEqual([
      'vpn',
      'vpn',
      'separator',
      'lockdown',
      'lockdown-lan',
      'separator',
      'editor',
      'quit',
    ]);
    expect(entry(menu)).toEqual({
      kind: 'lockdown',
      label: 'Lockdown (block traffic without VPN)',
      checked: true,
    });
    expect(entry(trayMenu(snapshot(two, {}, true, 'off')))).toMatchObject({ checked: false });
  });

  it('is there with no profile at all (lockdown must be possible to turn off)', () => {
    expect(entry(trayMenu(snapshot([], {}, true, 'on')))).toMatchObject({ checked: true });
  });

  it('is absent while lockdown is unknown (NetworkManager not running or not read yet)', () => {
    expect(entry(trayMenu(snapshot(two, {}, true, 'unknown')))).toBeUndefined();
    expect(entry(trayMenu(snapshot(two, {}, false, 'unknown')))).toBeUndefined();
  });

  it('turns lockdown on when unticked and off when ticked', () => {
    const asked: boolean[] = [];
    const actions: TrayActions = {
      connect: () => undefined,
      disconnect: () => undefined,
      openEditor: () => undefined,
      openSearch: () => undefined,
      quit: () => undefined,
      setLockdown: (on) => asked.push(on),
      setLockdownLan: () => undefined,
    };
    const clock = { setInterval: () => 0, clearInterval: () => undefined };
    const models: unknown[] = [];
    const tray = new TrayPresenter(
      snapshot(two, {}, true, 'off'),
      (m) => models.push(m),
      actions,
      clock,
    );
    const item = (): TrayMenuEntry => {
      const found = entry(tray.model().menu);
      if (found === undefined) throw new Error('no lockdown item');
      return found;
    };
    tray.choose(item());
    tray.render(snapshot(two, {}, true, 'on'));
    expect(tray.model().icon).toBe('blocked');
    tray.choose(item());
    expect(asked).toEqual([true, false]);
  });

  it('has "Allow the local network" only while lockdown is on, ticked as its profile holds', () => {
    const lan = (menu: TrayMenuEntry[]): TrayMenuEntry | undefined =>
      menu.find((e) => e.kind === 'lockdown-lan');
    expect(lan(trayMenu(snapshot(two, {}, true, 'off')))).toBeUndefined();
    expect(lan(trayMenu(snapshot(two, {}, true, 'unknown')))).toBeUndefined();
    expect(lan(trayMenu(snapshot(two, {}, true, 'on')))).toEqual({
      kind: 'lockdown-lan',
      label: 'Allow the local network',
      checked: true,
    });
    const blocked = { ...snapshot(two, {}, true, 'on'), lockdownLan: 'block' as const };
    expect(lan(trayMenu(blocked))).toMatchObject({ checked: false });
  });

  it('asks for the other local network choice, and shows only what the profile then holds', () => {
    const asked: string[] = [];
    const actions: TrayActions = {
      connect: () => undefined,
      disconnect: () => undefined,
      openEditor: () => undefined,
      openSearch: () => undefined,
      quit: () => undefined,
      setLockdown: () => undefined,
      setLockdownLan: (choice) => asked.push(choice),
    };
    const clock = { setInterval: () => 0, clearInterval: () => undefined };
    const tray = new TrayPresenter(snapshot(two, {}, true, 'on'), () => undefined, actions, clock);
    const item = (): TrayMenuEntry => {
      const found = tray.model().menu.find((e) => e.kind === 'lockdown-lan');
      if (found === undefined) throw new Error('no local network item');
      return found;
    };
    tray.choose(item());
    // Not ticked off by the click: the profile still allows until NetworkManager says otherwise.
    expect(item()).toMatchObject({ checked: true });
    tray.render({ ...snapshot(two, {}, true, 'on'), lockdownLan: 'block' });
    expect(item()).toMatchObject({ checked: false });
    tray.choose(item());
    expect(asked).toEqual(['block', 'allow']);
  });
});
