import { DBusError } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { editFromSettings } from '../../../main/editor/apply';
import {
  createProfile,
  getProfileEdit,
  listBaseConnections,
  saveProfileEdit,
} from '../../../main/editor/service';
import type { CallOptions } from '../../../main/nm/bus';
import { stringArrayProp, stringProp, type SettingsDict } from '../../../main/nm/dbus-types';
import type { NmCaller } from '../../../main/nm/settings-calls';
import { profileFromSettings, type Profile } from '../../../main/nm/profile';
import { v } from '../../builders/variant';

// The editor service and the base connections' secondaries, against a NetworkManager stand-in
// that keeps its connections and applies Update2 and AddConnection2 to them.

const VPN_UUID = '11111111-1111-4111-8111-111111111111';
const OTHER_VPN = '22222222-2222-4222-8222-222222222222';
const settingsPath = (n: number): string => `/org/freedesktop/NetworkManager/Settings/${String(n)}`;

function base(id: string, uuid: string, type: string, secondaries: string[] = []): SettingsDict {
  return {
    connection: {
      id: v('s', id),
      uuid: v('s', uuid),
      type: v('s', type),
      secondaries: v('as', secondaries),
    },
    ipv4: { method: v('s', 'auto') },
  };
}

function vpn(): SettingsDict {
  return {
    connection: { id: v('s', 'office'), uuid: v('s', VPN_UUID), type: v('s', 'vpn') },
    vpn: {
      'service-type': v('s', 'org.freedesktop.NetworkManager.openvpn'),
      data: v('a{ss}', { remote: 'gw', 'connection-type': 'password' }),
    },
    ipv4: { method: v('s', 'auto') },
    ipv6: { method: v('s', 'auto') },
  };
}

class FakeNm implements NmCaller {
  readonly calls: CallOptions[] = [];
  readonly byPath = new Map<string, SettingsDict>([
    [settingsPath(1), vpn()],
    [settingsPath(2), base('Wired connection 1', 'uuid-eth', '802-3-ethernet', [VPN_UUID])],
    [settingsPath(3), base('Home Wi-Fi', 'uuid-wifi', '802-11-wireless', [OTHER_VPN])],
  ]);
  /** Paths whose Update2 NetworkManager refuses. */
  readonly refuse = new Set<string>();

  call(opts: CallOptions): Promise<unknown[]> {
    this.calls.push(opts);
    const body = opts.body ?? [];
    switch (opts.member) {
      case 'ListConnections':
        return Promise.resolve([[...this.byPath.keys()]]);
      case 'GetSettings':
        return Promise.resolve([this.byPath.get(opts.path)]);
      case 'GetConnectionByUuid': {
        const found = [...this.byPath].find(
          ([, s]) => stringProp(s.connection, 'uuid') === body[0],
        );
        if (found === undefined)
          return Promise.reject(new DBusError('x.InvalidConnection', 'gone'));
        return Promise.resolve([found[0]]);
      }
      case 'Update2':
        if (this.refuse.has(opts.path)) {
          return Promise.reject(new DBusError('x.PermissionDenied', 'Insufficient privileges'));
        }
        this.byPath.set(opts.path, body[0] as SettingsDict);
        return Promise.resolve([{}]);
      case 'AddConnection2':
        this.byPath.set(settingsPath(9), body[0] as SettingsDict);
        return Promise.resolve([settingsPath(9), {}]);
      default:
        return Promise.resolve([]);
    }
  }

  secondaries(n: number): string[] {
    return stringArrayProp(this.byPath.get(settingsPath(n))?.connection, 'secondaries');
  }

  updated(): string[] {
    return this.calls.filter((c) => c.member === 'Update2').map((c) => c.path);
  }
}

function profile(nm: FakeNm): Profile {
  const p = profileFromSettings(settingsPath(1), nm.byPath.get(settingsPath(1)) ?? {});
  if (p === null) throw new Error('not a VPN');
  return p;
}

describe('the General page’s settings through the editor service', () => {
  it('answers the base connections by name and those that start the VPN', async () => {
    const nm = new FakeNm();
    const view = await getProfileEdit(nm, profile(nm), new Set([settingsPath(1)]));
    expect(view.baseConnections).toEqual([
      { uuid: 'uuid-wifi', name: 'Home Wi-Fi', type: '802-11-wireless' },
      { uuid: 'uuid-eth', name: 'Wired connection 1', type: '802-3-ethernet' },
    ]);
    expect(view.edit.connectWith).toEqual(['uuid-eth']);
    expect(view.edit.allUsers).toBe(true);
    // The VPNs the model holds are not read again.
    const read = nm.calls.filter((c) => c.member === 'GetSettings').map((c) => c.path);
    expect(read).toEqual([settingsPath(2), settingsPath(3)]);
    expect(await listBaseConnections(nm)).toEqual(view.baseConnections);
  });

  it('saving changes the secondaries of just the bases whose membership changed', async () => {
    const nm = new FakeNm();
    const { edit } = await getProfileEdit(nm, profile(nm));
    await saveProfileEdit(nm, profile(nm), edit, { ...edit, connectWith: ['uuid-wifi'] });
    expect(nm.secondaries(2)).toEqual([]);
    expect(nm.secondaries(3)).toEqual([OTHER_VPN, VPN_UUID]);
    expect(nm.updated().sort()).toEqual([settingsPath(1), settingsPath(2), settingsPath(3)]);
    // Every other setting of the base went back as it was read.
    expect(nm.byPath.get(settingsPath(3))?.ipv4?.method?.value).toBe('auto');
  });

  it('touches no base when the choice is unchanged', async () => {
    const nm = new FakeNm();
    const { edit } = await getProfileEdit(nm, profile(nm));
    await saveProfileEdit(nm, profile(nm), edit, { ...edit, name: 'office 2' });
    expect(nm.updated()).toEqual([settingsPath(1)]);
  });

  it('a refused base is named, and nothing stays changed', async () => {
    const nm = new FakeNm();
    // Added first, Home Wi-Fi is changed; Wired connection 1 (removed second) refuses.
    nm.refuse.add(settingsPath(2));
    const { edit } = await getProfileEdit(nm, profile(nm));
    const changed = { ...edit, name: 'renamed', connectWith: ['uuid-wifi'] };
    const saving = saveProfileEdit(nm, profile(nm), edit, changed);
    await expect(saving).rejects.toThrow(/“Wired connection 1”.*Insufficient privileges/);
    expect(nm.secondaries(2)).toEqual([VPN_UUID]);
    expect(nm.secondaries(3)).toEqual([OTHER_VPN]);
    expect(stringProp(nm.byPath.get(settingsPath(1))?.connection, 'id')).toBe('office');
  });

  it('a refused profile puts the bases back', async () => {
    const nm = new FakeNm();
    nm.refuse.add(settingsPath(1));
    const { edit } = await getProfileEdit(nm, profile(nm));
    const saving = saveProfileEdit(nm, profile(nm), edit, { ...edit, connectWith: ['uuid-wifi'] });
    await expect(saving).rejects.toThrow(/Insufficient privileges/);
    expect(nm.secondaries(2)).toEqual([VPN_UUID]);
    expect(nm.secondaries(3)).toEqual([OTHER_VPN]);
  });

  it('a new profile is started with the bases chosen, private when asked', async () => {
    const nm = new FakeNm();
    const edit = { ...editFromSettings(vpn()), allUsers: false, connectWith: ['uuid-wifi'] };
    const uuid = await createProfile(nm, edit);
    expect(nm.secondaries(3)).toEqual([OTHER_VPN, uuid]);
    const added = nm.byPath.get(settingsPath(9));
    expect(stringArrayProp(added?.connection, 'permissions')).toHaveLength(1);
  });
});
