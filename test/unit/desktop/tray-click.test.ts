import { describe, expect, it } from 'vitest';
import { trayClickAction } from '../../../main/desktop/tray-click';
import { profile, snapshot, uuidOf } from '../../builders/views';
import {
  connected,
  connecting,
  disconnecting,
  failed,
  needsSecrets,
} from '../../builders/tunnel-states';

describe('trayClickAction', () => {
  const used = [
    profile('older', { lastUsed: 100 }),
    profile('latest', { lastUsed: 900 }),
    profile('never'),
  ];

  it('connects the VPN used last when nothing is up', () => {
    expect(trayClickAction(snapshot(used))).toEqual({ kind: 'connect', uuid: uuidOf('latest') });
    expect(trayClickAction(snapshot(used, { [uuidOf('latest')]: failed() }))).toEqual({
      kind: 'connect',
      uuid: uuidOf('latest'),
    });
  });

  it('disconnects whatever is up or on its way up', () => {
    expect(
      trayClickAction(
        snapshot(used, {
          [uuidOf('older')]: connected(),
          [uuidOf('never')]: needsSecrets,
          [uuidOf('latest')]: disconnecting,
        }),
      ),
    ).toEqual({ kind: 'disconnect', uuids: [uuidOf('older'), uuidOf('never')] });
    expect(trayClickAction(snapshot(used, { [uuidOf('never')]: connecting }))).toEqual({
      kind: 'disconnect',
      uuids: [uuidOf('never')],
    });
  });

  it('connects the only profile there is, even if never used', () => {
    expect(trayClickAction(snapshot([profile('solo')]))).toEqual({
      kind: 'connect',
      uuid: uuidOf('solo'),
    });
  });

  it('opens the editor when there is nothing to choose from, or no NetworkManager', () => {
    expect(trayClickAction(snapshot([profile('a'), profile('b')]))).toEqual({
      kind: 'open-editor',
    });
    expect(trayClickAction(snapshot([]))).toEqual({ kind: 'open-editor' });
    expect(trayClickAction(snapshot(used, {}, false))).toEqual({ kind: 'open-editor' });
  });
});
