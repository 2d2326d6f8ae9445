import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAME_MS, TrayAnimation, type Clock } from '../../../main/desktop/tray-animation';
import {
  CONNECTING_FRAMES,
  TRAY_SIZES,
  trayIconName,
  trayIconPath,
  trayIconState,
  trayTooltip,
} from '../../../main/desktop/tray-icon';
import type { TrayIconState } from '../../../main/desktop/surface-types';
import { profile, snapshot, uuidOf } from '../../builders/views';
import {
  connected,
  connecting,
  disconnecting,
  failed,
  needsSecrets,
} from '../../builders/tunnel-states';

const assets = join(__dirname, '..', '..', '..', 'assets');
const two = [profile('a'), profile('b')];

describe('trayIconState', () => {
  it.each([
    ['nothing up', snapshot(two), 'disconnected'],
    [
      'NetworkManager down, whatever the tunnels',
      snapshot(two, { [uuidOf('a')]: connected() }, false),
      'nm-down',
    ],
    ['one connecting', snapshot(two, { [uuidOf('a')]: connecting }), 'connecting'],
    ['one waiting for its password', snapshot(two, { [uuidOf('a')]: needsSecrets }), 'connecting'],
    ['one going down', snapshot(two, { [uuidOf('a')]: disconnecting }), 'connecting'],
    ['one connected', snapshot(two, { [uuidOf('a')]: connected() }), 'connected'],
    [
      'connecting wins over connected',
      snapshot(two, { [uuidOf('a')]: connected(), [uuidOf('b')]: connecting }),
      'connecting',
    ],
    [
      'connected wins over failed',
      snapshot(two, { [uuidOf('a')]: connected(), [uuidOf('b')]: failed() }),
      'connected',
    ],
    ['one failed', snapshot(two, { [uuidOf('b')]: failed() }), 'failed'],
  ] as const)('%s', (_name, state, icon) => {
    expect(trayIconState(state)).toBe(icon);
  });

  it('names the tooltip after the tunnels concerned', () => {
    expect(trayTooltip(snapshot(two, { [uuidOf('b')]: connected() }))).toBe(
      'Tunnelbar: b connected',
    );
    expect(trayTooltip(snapshot(two, { [uuidOf('a')]: failed() }))).toBe('Tunnelbar: a failed');
    expect(trayTooltip(snapshot(two))).toBe('Tunnelbar: no VPN connected');
    expect(trayTooltip(snapshot(two, {}, false))).toBe('Tunnelbar: NetworkManager is not running');
  });
});

describe('tray icon files', () => {
  it('picks a file per state, animation frame and panel colour', () => {
    expect(trayIconName({ state: 'connected', frame: 2, darkPanel: false, size: 22 })).toBe(
      'connected-light-panel-22',
    );
    expect(trayIconName({ state: 'connecting', frame: 4, darkPanel: true, size: 16 })).toBe(
      'connecting-1-dark-panel-16',
    );
  });

  it('has every PNG the tray can ask for, at 1x and @2x (npm run icons renders them)', () => {
    const states: TrayIconState[] = [
      'nm-down',
      'disconnected',
      'connecting',
      'connected',
      'failed',
    ];
    const missing: string[] = [];
    for (const state of states) {
      for (let frame = 0; frame < CONNECTING_FRAMES; frame++) {
        for (const darkPanel of [false, true]) {
          for (const size of TRAY_SIZES) {
            const path = trayIconPath(assets, { state, frame, darkPanel, size });
            for (const file of [path, path.replace(/\.png$/, '@2x.png')]) {
              if (!existsSync(file)) missing.push(file);
            }
          }
        }
      }
    }
    expect(missing).toEqual([]);
    for (const size of [16, 32, 48, 256, 512]) {
      expect(existsSync(join(assets, 'icons', `${size}x${size}.png`))).toBe(true);
    }
  });
});

class FakeClock implements Clock {
  callbacks = new Map<number, () => void>();
  private next = 1;
  setInterval(callback: () => void, ms: number): unknown {
    expect(ms).toBe(FRAME_MS);
    const id = this.next++;
    this.callbacks.set(id, callback);
    return id;
  }
  clearInterval(handle: unknown): void {
    this.callbacks.delete(handle as number);
  }
  tick(): void {
    for (const callback of this.callbacks.values()) callback();
  }
}

describe('TrayAnimation', () => {
  it('runs a timer only while connecting, cycling the frames, and stops at once after', () => {
    const clock = new FakeClock();
    const frames: number[] = [];
    const animation = new TrayAnimation((frame) => frames.push(frame), clock);
    animation.update('disconnected');
    expect(clock.callbacks.size).toBe(0);
    animation.update('connecting');
    animation.update('connecting');
    expect(clock.callbacks.size).toBe(1);
    clock.tick();
    clock.tick();
    clock.tick();
    clock.tick();
    expect(frames).toEqual([1, 2, 0, 1]);
    animation.update('connected');
    expect(clock.callbacks.size).toBe(0);
    expect(animation.frame).toBe(0);
    expect(animation.running).toBe(false);
  });

  it('shows the still connecting icon and runs no timer while the desktop asks for reduced motion', () => {
    const clock = new FakeClock();
    let reduced = true;
    const animation = new TrayAnimation(
      () => undefined,
      clock,
      () => reduced,
    );
    animation.update('connecting');
    expect(clock.callbacks.size).toBe(0);
    expect(animation.frame).toBe(0);
    // Asked again on the next state change: the setting can change while Tunnelbar runs.
    reduced = false;
    animation.update('connecting');
    expect(clock.callbacks.size).toBe(1);
  });
});
