import { describe, expect, it } from 'vitest';
import { editFromSettings } from '../../../main/editor/apply';
import {
  createProfile,
  deleteProfile,
  getProfileEdit,
  saveProfileEdit,
} from '../../../main/editor/service';
import { generatePrivateKey, publicKeyOf } from '../../../main/vpn/wireguard/key-pair';
import type { CallOptions } from '../../../main/nm/bus';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import type { NmCaller } from '../../../main/nm/settings-calls';
import { profileFromSettings, type Profile } from '../../../main/nm/profile';
import { contract } from '../../../preload/contract';
import { v } from '../../builders/variant';

const PATH = '/org/freedesktop/NetworkManager/Settings/7';

/** Answers GetSettings and GetSecrets from fixed dicts and records every call. */
class FakeEditorBus implements NmCaller {
  readonly calls: CallOptions[] = [];
  constructor(
    private readonly settings: SettingsDict,
    private readonly secrets: SettingsDict = {},
  ) {}

  call(opts: CallOptions): Promise<unknown[]> {
    this.calls.push(opts);
    switch (opts.member) {
      case 'GetSettings':
        return Promise.resolve([this.settings]);
      case 'GetSecrets':
        return Promise.resolve([this.secrets]);
      case 'AddConnection2':
        return Promise.resolve(['/org/freedesktop/NetworkManager/Settings/9', {}]);
      default:
        return Promise.resolve([]);
    }
  }

  members(): string[] {
    return this.calls.map((c) => c.member);
  }
}

function vpnSettings(): SettingsDict {
  return {
    connection: { id: v('s', 'office'), uuid: v('s', 'u-1'), type: v('s', 'vpn') },
    vpn: {
      'service-type': v('s', 'org.freedesktop.NetworkManager.openvpn'),
      data: v('a{ss}', { remote: 'gw', 'connection-type': 'password', 'password-flags': '0' }),
    },
    ipv4: { method: v('s', 'auto') },
    ipv6: { method: v('s', 'auto') },
  };
}

function profileOf(settings: SettingsDict): Profile {
  const p = profileFromSettings(PATH, settings);
  if (p === null) throw new Error('not a VPN');
  return p;
}

describe('the editor’s calls on NetworkManager', () => {
  it('saves with Update2 to disk and reads no secret when none was typed', async () => {
    const bus = new FakeEditorBus(vpnSettings());
    const base = editFromSettings(vpnSettings());
    const edit = { ...base, name: 'office 2' };
    await saveProfileEdit(bus, profileOf(vpnSettings()), base, edit);
    expect(bus.members()).toEqual(['GetSettings', 'Update2']);
    const update = bus.calls[1];
    expect(update?.path).toBe(PATH);
    expect(update?.signature).toBe('a{sa{sv}}ua{sv}');
    const [dict, flags, args] = update?.body ?? [];
    expect(flags).toBe(1);
    expect(args).toEqual({});
    expect((dict as SettingsDict).connection?.id?.value).toBe('office 2');
    expect((dict as SettingsDict).vpn?.secrets).toBeUndefined();
  });

  it('a typed password is sent with the stored secrets (Update2 replaces them all)', async () => {
    const stored = { vpn: { secrets: v('a{ss}', { password: 'old', 'cert-pass': 'cp' }) } };
    const bus = new FakeEditorBus(vpnSettings(), stored);
    const base = editFromSettings(vpnSettings());
    const edit = structuredClone(base);
    if (edit.vpn.kind === 'plugin') edit.vpn.newSecrets = { password: 'new' };
    await saveProfileEdit(bus, profileOf(vpnSettings()), base, edit);
    expect(bus.members()).toEqual(['GetSettings', 'GetSecrets', 'Update2']);
    expect(bus.calls[1]?.body).toEqual(['vpn']);
    const dict = bus.calls[2]?.body?.[0] as SettingsDict;
    expect(dict.vpn?.secrets?.value).toEqual({ password: 'new', 'cert-pass': 'cp' });
  });

  it('shows a WireGuard profile’s public key, never its private key', async () => {
    const key = generatePrivateKey();
    const settings: SettingsDict = {
      connection: { id: v('s', 'wg'), uuid: v('s', 'u-2'), type: v('s', 'wireguard') },
      wireguard: {},
      ipv4: { method: v('s', 'disabled') },
      ipv6: { method: v('s', 'disabled') },
    };
    const bus = new FakeEditorBus(settings, { wireguard: { 'private-key': v('s', key) } });
    const view = await getProfileEdit(bus, profileOf(settings));
    expect(view.publicKey).toBe(publicKeyOf(key));
    expect(JSON.stringify(view)).not.toContain(key);
  });

  it('creates with AddConnection2 to disk under a new uuid, and deletes', async () => {
    const bus = new FakeEditorBus({});
    const edit = editFromSettings(vpnSettings());
    const uuid = await createProfile(bus, edit);
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    const add = bus.calls[0];
    expect(add?.member).toBe('AddConnection2');
    expect((add?.body?.[0] as SettingsDict).connection?.uuid?.value).toBe(uuid);
    expect(add?.body?.[1]).toBe(1);
    await deleteProfile(bus, profileOf(vpnSettings()));
    expect(bus.calls[1]).toMatchObject({ path: PATH, member: 'Delete' });
  });

  it('the contract refuses malformed editor payloads', () => {
    const edit = editFromSettings(vpnSettings());
    const ok = contract.calls['profile:save'].args.safeParse([{ uuid: 'a-1', base: edit, edit }]);
    expect(ok.success).toBe(true);
    const bad: unknown[][] = [
      [{ uuid: 'a-1', edit }],
      [{ uuid: 'a-1', base: edit, edit: { ...edit, name: '' } }],
      [{ uuid: 'a-1', base: edit, edit: { ...edit, vpn: { kind: 'ssh' } } }],
      [{ uuid: 'x y', base: edit, edit }],
    ];
    for (const args of bad)
      expect(contract.calls['profile:save'].args.safeParse(args).success).toBe(false);
    const wg = {
      ...edit,
      vpn: {
        kind: 'wireguard',
        privateKey: { action: 'keep' },
        listenPort: 70_000,
        fwmark: 0,
        mtu: 0,
        peers: [],
      },
    };
    expect(contract.calls['profile:create'].args.safeParse([{ edit: wg }]).success).toBe(false);
    expect(contract.calls['profile:delete'].args.safeParse([{}]).success).toBe(false);
  });
});
