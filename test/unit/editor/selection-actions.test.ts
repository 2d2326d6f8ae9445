import { DBusError } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { actOnSelection, type SelectionCore } from '../../../main/editor/selection-actions';
import type { CallOptions } from '../../../main/nm/bus';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { profileFromSettings, type Profile } from '../../../main/nm/profile';
import { v } from '../../builders/variant';

function settingsOf(index: number, type: 'openvpn' | 'wireguard' = 'openvpn'): SettingsDict {
  const connection = {
    id: v('s', `p-${String(index)}`),
    uuid: v('s', `u-${String(index)}`),
    type: v('s', type === 'wireguard' ? 'wireguard' : 'vpn'),
  };
  if (type === 'wireguard') return { connection, wireguard: {} };
  return {
    connection,
    vpn: {
      'service-type': v('s', 'org.freedesktop.NetworkManager.openvpn'),
      data: v('a{ss}', index % 2 === 0 ? { username: 'jdoe' } : {}),
    },
  };
}

/**
 * NetworkManager's settings service in memory: GetSettings, Update2 and Delete change its dicts,
 * each call answers after a tick, and the most calls ever in flight at once is recorded.
 */
class FakeSettingsBus {
  readonly dicts = new Map<string, SettingsDict>();
  readonly calls: CallOptions[] = [];
  inFlight = 0;
  maxInFlight = 0;
  refuse: ((opts: CallOptions) => DBusError | null) | null = null;

  add(settings: SettingsDict): Profile {
    const path = `/org/freedesktop/NetworkManager/Settings/${String(this.dicts.size + 1)}`;
    this.dicts.set(path, settings);
    const profile = profileFromSettings(path, settings);
    if (profile === null) throw new Error('not a VPN');
    return profile;
  }

  async call(opts: CallOptions): Promise<unknown[]> {
    this.calls.push(opts);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.inFlight -= 1;
    const refusal = this.refuse?.(opts) ?? null;
    if (refusal !== null) throw refusal;
    switch (opts.member) {
      case 'GetSettings':
        return [this.dicts.get(opts.path)];
      case 'Update2':
        this.dicts.set(opts.path, opts.body?.[0] as SettingsDict);
        return [{}];
      case 'Delete':
        this.dicts.delete(opts.path);
        return [];
      default:
        throw new Error(`unexpected ${opts.member}`);
    }
  }

  members(member: string): CallOptions[] {
    return this.calls.filter((c) => c.member === member);
  }
}

function world(profiles: Profile[], bus: FakeSettingsBus, nmRunning = true): SelectionCore {
  return { bus, model: { nmRunning, profiles: () => profiles } };
}

describe('actOnSelection', () => {
  it('changes thousands of profiles with a bounded number of calls in flight', async () => {
    const bus = new FakeSettingsBus();
    const profiles = Array.from({ length: 2000 }, (_, i) => bus.add(settingsOf(i)));
    const result = await actOnSelection(
      world(profiles, bus),
      profiles.map((p) => p.uuid),
      { kind: 'set-username', username: 'jdoe' },
    );
    // Half already had the name: nothing was sent for them.
    expect(result).toEqual({ changed: 1000, failures: [] });
    expect(bus.members('Update2')).toHaveLength(1000);
    expect(bus.maxInFlight).toBeGreaterThan(1);
    expect(bus.maxInFlight).toBeLessThanOrEqual(32);
    for (const dict of bus.dicts.values()) {
      expect(dict.vpn?.data?.value).toEqual({ username: 'jdoe' });
    }
    const update = bus.members('Update2')[0];
    expect(update?.signature).toBe('a{sa{sv}}ua{sv}');
    expect(update?.body?.[1]).toBe(1);
  });

  it('deletes, and reports an unknown uuid and NetworkManager’s refusal by name', async () => {
    const bus = new FakeSettingsBus();
    const profiles = [0, 1, 2].map((i) => bus.add(settingsOf(i)));
    bus.refuse = (opts) =>
      opts.member === 'Delete' && opts.path === profiles[1]?.path
        ? new DBusError(
            'org.freedesktop.NetworkManager.PermissionDenied',
            'Insufficient privileges',
          )
        : null;
    const result = await actOnSelection(
      world(profiles, bus),
      ['u-0', 'u-1', 'u-missing', 'u-2', 'u-0'],
      { kind: 'delete' },
    );
    expect(result.changed).toBe(2);
    expect(result.failures).toEqual([
      {
        uuid: 'u-1',
        id: 'p-1',
        sentence: 'NetworkManager refused the change: Insufficient privileges',
      },
      {
        uuid: 'u-missing',
        id: 'u-missing',
        sentence: expect.stringMatching(/no longer/) as string,
      },
    ]);
    expect([...bus.dicts.keys()]).toEqual([profiles[1]?.path]);
    // A uuid given twice is acted on once.
    expect(bus.members('Delete')).toHaveLength(3);
  });

  it('gives WireGuard a failure line for a user name and goes on with the others', async () => {
    const bus = new FakeSettingsBus();
    const profiles = [bus.add(settingsOf(1)), bus.add(settingsOf(3, 'wireguard'))];
    const result = await actOnSelection(world(profiles, bus), ['u-1', 'u-3'], {
      kind: 'set-username',
      username: 'anna',
    });
    expect(result.changed).toBe(1);
    expect(result.failures).toEqual([
      { uuid: 'u-3', id: 'p-3', sentence: expect.stringMatching(/WireGuard/) as string },
    ]);
    expect(bus.members('Update2').map((c) => c.path)).toEqual([profiles[0]?.path]);
  });

  it('refuses at once when NetworkManager is not running', async () => {
    const bus = new FakeSettingsBus();
    await expect(
      actOnSelection(world([], bus, false), ['u-1'], { kind: 'autoconnect', on: false }),
    ).rejects.toMatchObject({ word: 'nm-not-running' });
    expect(bus.calls).toEqual([]);
  });
});
