import { describe, expect, it } from 'vitest';
import type { ReasonView } from '../../../preload/tunnel-types';
import { ReconnectDriver, type DriverClock, type SeriesEnd } from '../../../main/reconnect/driver';
import { ReconnectPolicy } from '../../../main/reconnect/policy';
import { connected, failed } from '../../builders/tunnel-states';

/** The profile the policy watches. */
const U = 'uuid-1';

const FAILED = failed('service-stopped');

/** Time that moves only when told; timers kept in a list, so a test sees how many are armed. */
class FakeClock implements DriverClock {
  time = 0;
  timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  now(): number {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  advance(ms: number): void {
    this.time += ms;
    for (const [id, t] of [...this.timers]) {
      if (t.at <= this.time) {
        this.timers.delete(id);
        t.fn();
      }
    }
  }
}

function world(refusal: ReasonView | null = null) {
  const clock = new FakeClock();
  const activated: string[] = [];
  const changed: string[] = [];
  const ended: SeriesEnd[] = [];
  const policy = new ReconnectPolicy({ enabled: () => true, random: () => 0.5 });
  const driver = new ReconnectDriver(
    policy,
    {
      activate: (uuid) => {
        activated.push(uuid);
        return Promise.resolve(refusal);
      },
      changed: (uuid) => changed.push(uuid),
      ended: (end) => ended.push(end),
    },
    clock,
  );
  return { clock, driver, activated, changed, ended };
}

describe('ReconnectDriver', () => {
  it('arms one timer while an attempt waits, none otherwise, and activates when it fires', () => {
    const { clock, driver, activated, changed } = world();
    driver.tunnel(U, connected(), false);
    expect(clock.timers.size).toBe(0);
    // The event the caller presents itself: not reported back as a change.
    driver.tunnel(U, FAILED, false);
    expect(changed).toEqual([]);
    expect(clock.timers.size).toBe(1);
    clock.advance(1999);
    expect(activated).toEqual([]);
    clock.advance(1);
    expect(activated).toEqual([U]);
    expect(changed).toEqual([U]);
    expect(clock.timers.size).toBe(0);
  });

  it('switched off while waiting: the timer goes, and nothing is activated', () => {
    const { clock, driver, activated } = world();
    driver.tunnel(U, connected(), false);
    driver.tunnel(U, FAILED, false);
    driver.userStopped(U);
    expect(clock.timers.size).toBe(0);
    clock.advance(60_000);
    expect(activated).toEqual([]);
  });

  it('an attempt NetworkManager refuses for good ends the series, reported as ended', async () => {
    const { clock, driver, ended } = world({
      word: 'unknown-connection',
      code: null,
      sentence: 'Gone.',
    });
    driver.tunnel(U, connected(), false);
    driver.tunnel(U, FAILED, false);
    clock.advance(2000);
    await Promise.resolve();
    expect(ended).toMatchObject([
      { kind: 'gave-up', uuid: U, reason: { word: 'unknown-connection' } },
    ]);
    expect(clock.timers.size).toBe(0);
  });

  it('stop() clears the timer for good', () => {
    const { clock, driver } = world();
    driver.tunnel(U, connected(), false);
    driver.tunnel(U, FAILED, false);
    driver.stop();
    expect(clock.timers.size).toBe(0);
  });
});
