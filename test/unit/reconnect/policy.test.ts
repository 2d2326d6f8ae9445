import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, MAX_RETRY_MS, retryDelay } from '../../../main/reconnect/delay';
import { ReconnectPolicy, type PolicyEffect } from '../../../main/reconnect/policy';
import { connected, connecting, disconnected, failed, reason } from '../../builders/tunnel-states';

/** The profile the policy watches. */
const U = 'uuid-1';

function policy(enabled = true): ReconnectPolicy {
  // random() = 0.5: no jitter, so the waits are exactly 2, 4, 8 … s.
  return new ReconnectPolicy({ enabled: () => enabled, random: () => 0.5 });
}

function kinds(effects: PolicyEffect[]): string[] {
  return effects.map((e) => e.kind);
}

/** Connected, then dropped at t=1000: the first retry waits. */
function dropped(p: ReconnectPolicy, word = 'service-stopped'): PolicyEffect[] {
  p.tunnel(U, connected(), false, 0);
  return p.tunnel(U, failed(word), false, 1000);
}

describe('retryDelay', () => {
  it('doubles from 2 s up to 60 s, jittered by at most a fifth either way', () => {
    const exact = [1, 2, 3, 4, 5, 6, 7, 20].map((n) => retryDelay(n, () => 0.5));
    expect(exact).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(retryDelay(1, () => 0)).toBe(FIRST_RETRY_MS * 0.8);
    expect(retryDelay(1, () => 0.999_999)).toBeCloseTo(FIRST_RETRY_MS * 1.2, -1);
    expect(retryDelay(10, () => 0.999_999)).toBe(MAX_RETRY_MS);
  });
});

describe('ReconnectPolicy', () => {
  it('a drop nobody asked for waits 2 s, then activates, and shows the wait meanwhile', () => {
    const p = policy();
    expect(kinds(dropped(p))).toEqual(['changed']);
    expect(p.nextDue()).toBe(3000);
    expect(p.view(U, failed('service-stopped'))).toEqual({
      kind: 'reconnecting',
      attempt: 1,
      nextAttemptAt: 3000,
      waitingFor: 'timer',
      reason: reason('service-stopped'),
    });
    expect(p.tick(2999)).toEqual([]);
    expect(p.tick(3000)).toEqual([
      { kind: 'changed', uuid: U },
      { kind: 'activate', uuid: U, attempt: 1 },
    ]);
    // No timer while the attempt is under way.
    expect(p.nextDue()).toBeNull();
    expect(p.view(U, failed('service-stopped')).kind).toBe('reconnecting');
    expect(p.view(U, connecting)).toEqual(connecting);
  });

  it('backs off 2, 4, 8 s over failed attempts and says when it is back', () => {
    const p = policy();
    dropped(p);
    let now = 1000;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const due = p.nextDue() ?? 0;
      waits.push(due - now);
      now = due;
      expect(p.tick(now)).toContainEqual({ kind: 'activate', uuid: U, attempt });
      p.tunnel(U, connecting, false, now);
      p.tunnel(U, failed('connect-timeout'), false, now);
    }
    expect(waits).toEqual([2000, 4000, 8000]);
    expect(
      p.view(U, failed('service-stopped')).kind === 'reconnecting' &&
        p.view(U, failed('service-stopped')),
    ).toMatchObject({
      attempt: 4,
      reason: { word: 'connect-timeout' },
    });
    p.tick(p.nextDue() ?? 0);
    p.tunnel(U, connecting, false, now);
    expect(p.tunnel(U, connected(), false, now)).toEqual([
      { kind: 'restored', uuid: U, attempts: 4 },
    ]);
    expect(p.active()).toEqual([]);
    expect(p.view(U, connected())).toEqual(connected());
  });

  it('a stop someone asked for (disconnected, or the person) ends everything', () => {
    const p = policy();
    p.tunnel(U, connected(), false, 0);
    // nmcli connection down: NetworkManager says disconnected (user-disconnected).
    expect(p.tunnel(U, disconnected, false, 10)).toEqual([]);
    expect(p.tunnel(U, failed('service-stopped'), false, 20)).toEqual([]);
    expect(p.nextDue()).toBeNull();

    const q = policy();
    q.tunnel(U, connected(), false, 0);
    expect(q.tunnel(U, failed('no-secrets'), true, 10)).toEqual([]);
    expect(q.nextDue()).toBeNull();

    const r = policy();
    dropped(r);
    expect(r.userStopped(U)).toEqual([{ kind: 'changed', uuid: U }]);
    expect(r.nextDue()).toBeNull();
    expect(r.view(U, failed('service-stopped'))).toEqual(failed('service-stopped'));
  });

  it('a first connect that fails is not a drop', () => {
    const p = policy();
    p.tunnel(U, connecting, false, 0);
    expect(p.tunnel(U, failed('service-stopped'), false, 10)).toEqual([]);
    expect(p.nextDue()).toBeNull();
  });

  it('does nothing when reconnecting is off for the profile, and ends a series switched off', () => {
    const p = policy(false);
    expect(dropped(p)).toEqual([]);
    expect(p.nextDue()).toBeNull();

    let enabled = true;
    const q = new ReconnectPolicy({ enabled: () => enabled, random: () => 0.5 });
    dropped(q);
    enabled = false;
    expect(q.settingsChanged()).toEqual([{ kind: 'changed', uuid: U }]);
    expect(q.nextDue()).toBeNull();
  });

  it('gives up at once on a reason retrying cannot fix', () => {
    const p = policy();
    expect(dropped(p, 'login-failed')).toEqual([
      { kind: 'changed', uuid: U },
      { kind: 'gave-up', uuid: U, reason: reason('login-failed') },
    ]);
    expect(p.nextDue()).toBeNull();
    expect(p.view(U, failed('login-failed')).kind).toBe('failed');
  });

  it('prompts at most once: an attempt that prompted and failed ends the series', () => {
    const p = policy();
    dropped(p);
    p.tick(3000);
    p.prompted(U);
    expect(kinds(p.tunnel(U, failed('connect-timeout'), false, 3500))).toEqual([
      'changed',
      'gave-up',
    ]);
    expect(p.nextDue()).toBeNull();
  });

  it('an attempt that prompted and connected is simply back', () => {
    const p = policy();
    dropped(p);
    p.tick(3000);
    p.prompted(U);
    expect(kinds(p.tunnel(U, connected(), false, 3500))).toEqual(['restored']);
  });

  it('an attempt refused by NetworkManager counts as a failed attempt', () => {
    const p = policy();
    dropped(p);
    p.tick(3000);
    expect(kinds(p.activationRefused(U, reason('connection-not-available'), 3000))).toEqual([
      'changed',
    ]);
    expect(p.nextDue()).toBe(7000);
    expect(kinds(p.activationRefused(U, reason('unknown-connection'), 7000))).toEqual([]);
    p.tick(7000);
    expect(kinds(p.activationRefused(U, reason('unknown-connection'), 7000))).toEqual([
      'changed',
      'gave-up',
    ]);
  });

  it('an attempt started by someone else replaces the one it waited for', () => {
    const p = policy();
    dropped(p);
    expect(p.tunnel(U, connecting, false, 1500)).toEqual([{ kind: 'changed', uuid: U }]);
    expect(p.nextDue()).toBeNull();
    expect(kinds(p.tunnel(U, connected(), false, 1600))).toEqual(['restored']);
  });

  it('waits for the network: no attempt while it is down, one at once when it is back', () => {
    const p = policy();
    p.network(false, false);
    dropped(p, 'device-disconnected');
    expect(p.nextDue()).toBeNull();
    expect(p.view(U, failed('service-stopped'))).toMatchObject({
      kind: 'reconnecting',
      attempt: 1,
      waitingFor: 'network',
      nextAttemptAt: null,
    });
    expect(p.network(true, true)).toContainEqual({ kind: 'activate', uuid: U, attempt: 1 });
  });

  it('a network lost while waiting holds the attempt; another primary connection hurries it', () => {
    const p = policy();
    dropped(p);
    p.network(false, false);
    expect(p.nextDue()).toBeNull();
    expect(p.tick(10_000)).toEqual([]);
    expect(p.network(true, false)).toContainEqual({ kind: 'activate', uuid: U, attempt: 1 });

    const q = policy();
    dropped(q);
    expect(q.network(true, false)).toEqual([]);
    expect(q.network(true, true)).toContainEqual({ kind: 'activate', uuid: U, attempt: 1 });
  });

  it('suspend: a tunnel that was up is brought back after resume, not during sleep', () => {
    const p = policy();
    p.tunnel(U, connected(), false, 0);
    expect(p.sleep(true, 100)).toEqual([{ kind: 'changed', uuid: U }]);
    // NetworkManager takes it down while asleep, however it words it.
    expect(p.tunnel(U, disconnected, false, 200)).toEqual([]);
    p.tunnel(U, failed('device-disconnected'), false, 200);
    expect(p.nextDue()).toBeNull();
    expect(p.view(U, disconnected)).toMatchObject({ kind: 'reconnecting', waitingFor: 'resume' });
    p.sleep(false, 10_000);
    expect(p.nextDue()).toBe(12_000);
    expect(p.tick(12_000)).toContainEqual({ kind: 'activate', uuid: U, attempt: 1 });
  });

  it('suspend: a tunnel still up after resume is just watched again', () => {
    const p = policy();
    p.tunnel(U, connected(), false, 0);
    p.sleep(true, 100);
    expect(p.view(U, connected())).toEqual(connected());
    p.sleep(false, 200);
    expect(p.nextDue()).toBeNull();
    expect(kinds(p.tunnel(U, failed('service-stopped'), false, 300))).toEqual(['changed']);
    expect(p.nextDue()).toBe(2300);
  });

  it('resumed without a network: waits for it', () => {
    const p = policy();
    p.tunnel(U, connected(), false, 0);
    p.sleep(true, 100);
    p.network(false, false);
    p.tunnel(U, failed('device-disconnected'), false, 200);
    p.sleep(false, 300);
    expect(p.view(U, disconnected)).toMatchObject({ waitingFor: 'network' });
    expect(p.network(true, true)).toContainEqual({ kind: 'activate', uuid: U, attempt: 1 });
  });

  it('a deleted profile ends its series', () => {
    const p = policy();
    dropped(p);
    expect(p.removed(U)).toEqual([{ kind: 'changed', uuid: U }]);
    expect(p.nextDue()).toBeNull();
  });

  it('the earliest of several waits is the one timer', () => {
    const p = policy();
    p.tunnel('a', connected(), false, 0);
    p.tunnel('b', connected(), false, 0);
    p.tunnel('a', failed('service-stopped'), false, 5000);
    p.tunnel('b', failed('service-stopped'), false, 1000);
    expect(p.nextDue()).toBe(3000);
    expect(p.tick(3000)).toContainEqual({ kind: 'activate', uuid: 'b', attempt: 1 });
    expect(p.nextDue()).toBe(7000);
  });
});
