import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  followReconnecting,
  readReconnecting,
  ReconnectPublisher,
  withShared,
  type Reconnecting,
} from '../../../main/reconnect/shared-state';
import { connected, failed } from '../../builders/tunnel-states';

const CONNECTED = connected();

const waiting: Reconnecting = {
  kind: 'reconnecting',
  attempt: 2,
  nextAttemptAt: 1_000,
  waitingFor: 'timer',
  reason: { word: 'service-stopped', code: 4, sentence: 'Stopped.' },
};

let dir = '';
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'tunnelbar-shared-')), 'state');
});
afterEach(() => {
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

describe('the reconnect state shared with the CLI', () => {
  it('a process publishes its reconnecting tunnels, readable by another, private to the user', () => {
    const publisher = new ReconnectPublisher(dir);
    publisher.set('u1', waiting);
    publisher.set('u2', CONNECTED);
    expect([...readReconnecting(dir)]).toEqual([['u1', waiting]]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    publisher.set('u1', failed('service-stopped'));
    expect(readReconnecting(dir).size).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
    publisher.set('u1', waiting);
    publisher.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('ignores the file of a process that is gone, and anything not shaped as a state', () => {
    new ReconnectPublisher(dir).set('u1', waiting);
    // A pid far above pid_max: no such process.
    writeFileSync(join(dir, 'reconnect-999999999.json'), JSON.stringify({ u2: waiting }));
    writeFileSync(
      join(dir, `reconnect-${process.ppid}.json`),
      JSON.stringify({ u3: { ...waiting, waitingFor: '\u001b[2J' }, u4: { kind: 'connected' } }),
    );
    expect([...readReconnecting(dir).keys()]).toEqual(['u1']);
  });

  it('shows a shared reconnecting state over NetworkManager’s, except over a connected tunnel', () => {
    expect(withShared(failed('service-stopped'), waiting)).toBe(waiting);
    expect(withShared(CONNECTED, waiting)).toBe(CONNECTED);
    expect(withShared(failed('service-stopped'), undefined)).toEqual(failed('service-stopped'));
  });

  it('follows changes as they are written, without polling', async () => {
    const publisher = new ReconnectPublisher(dir);
    const seen: [string, Reconnecting | null][] = [];
    const stop = followReconnecting((uuid, state) => seen.push([uuid, state]), dir);
    const heard = (n: number): Promise<void> =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + 5_000;
        const check = (): void => {
          if (seen.length >= n) resolve();
          else if (Date.now() > deadline) reject(new Error(`heard ${seen.length} of ${n}`));
          else setTimeout(check, 20);
        };
        check();
      });
    publisher.set('u1', waiting);
    await heard(1);
    publisher.set('u1', CONNECTED);
    await heard(2);
    stop();
    expect(seen).toEqual([
      ['u1', waiting],
      ['u1', null],
    ]);
  });
});
