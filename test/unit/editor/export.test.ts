// Export of one profile to a file: the names suggested, the save dialog's options, the file
// written (mode 0600, what it holds, a re-import giving the same settings), the WireGuard key read
// over the bus, and the refusals.
import { Variant } from 'dbus-next';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chosenPath, exportDialogOptions } from '../../../main/app/export-dialog';
import { exportProfile, wgSecretsOf, type ExportCore } from '../../../main/export/export-profile';
import { ovpnFileName, wgFileName, wgInterfaceName } from '../../../main/vpn/export-name';
import { parseOvpn } from '../../../main/vpn/openvpn/parse';
import { toSettingsDict } from '../../../main/vpn/settings-dict';
import { parseWgQuick } from '../../../main/vpn/wireguard/parse';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { TunnelbarError } from '../../../main/errors/tunnelbar-error';
import { profileFromSettings, type Profile } from '../../../main/nm/profile';
import { FIXTURES } from '../../fixtures/corpus';
import { FakeImportBus } from '../../fakes/fake-import-bus';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-export-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const OVPN_DIR = join(FIXTURES, 'ovpn');
const readFile = (p: string): Buffer => readFileSync(p);
const PRIVATE_KEY = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';
const PEER = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';
const PSK = 'FpCyhws9cxwWoV4xELtfJvjJN+zQVRPISllRWgeopVE=';

function ovpnProfile(): Profile {
  const text = readFileSync(join(OVPN_DIR, 'basic-tls.ovpn'));
  const parsed = parseOvpn(text, { fileName: join(OVPN_DIR, 'basic-tls.ovpn'), readFile });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const found = profileFromSettings('/s/1', toSettingsDict(parsed.profile, 'uuid-ovpn'));
  if (found === null) throw new Error('not a VPN');
  return found;
}

function wgProfile(name: string): Profile {
  const text = `[Interface]\nAddress = 10.9.0.2/24\n\n[Peer]\nPublicKey = ${PEER}\nAllowedIPs = 0.0.0.0/0\nEndpoint = wg.example.net:51820\n`;
  const parsed = parseWgQuick(text, { fileName: 'wg-home.conf' });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const dict = toSettingsDict(
    { ...parsed.profile, connection: { ...parsed.profile.connection, id: name } },
    'uuid-wg',
  );
  const found = profileFromSettings('/s/2', dict);
  if (found === null) throw new Error('not a VPN');
  return found;
}

function coreWith(profile: Profile, bus = new FakeImportBus()): ExportCore {
  return { bus, model: { nmRunning: true, profiles: () => [profile] } };
}

const into = (name: string) => (): Promise<string> => Promise.resolve(join(dir, name));

describe('names and the dialog', () => {
  it('suggests <name>.ovpn and a wg-quick interface name of at most 15 characters', () => {
    expect(ovpnFileName('Office / Berlin')).toBe('Office - Berlin.ovpn');
    expect(ovpnFileName('..hidden')).toBe('hidden.ovpn');
    expect(ovpnFileName('')).toBe('vpn.ovpn');
    expect(wgFileName('Home network (fast)', undefined)).toBe('Home-network-fa.conf');
    expect(wgFileName('anything', 'wg-home')).toBe('wg-home.conf');
    expect(wgInterfaceName('ÄÖÜ', undefined)).toBe('wg0');
    for (const n of ['a very long name for a tunnel', 'x', '...']) {
      expect(wgInterfaceName(n, undefined)).toMatch(/^[A-Za-z0-9_=+.-]{1,15}$/);
    }
  });

  it('offers the suggested name in the documents folder, filtered by type; cancel is null', () => {
    const o = exportDialogOptions('wg-home.conf', '/home/u/Documents');
    expect(o.defaultPath).toBe('/home/u/Documents/wg-home.conf');
    expect(o.filters.map((f) => f.extensions)).toEqual([['conf']]);
    expect(o.filters[0]?.name).toMatch(/WireGuard/);
    expect(exportDialogOptions('a.ovpn', '/d').filters[0]?.extensions).toEqual(['ovpn']);
    expect(chosenPath({ canceled: true, filePath: '/x' })).toBeNull();
    expect(chosenPath({ canceled: false, filePath: '' })).toBeNull();
    expect(chosenPath({ canceled: false, filePath: '/x.ovpn' })).toBe('/x.ovpn');
  });
});

describe('exportProfile', () => {
  it('writes an OpenVPN profile as a self-contained .ovpn, mode 0600, that imports to the same settings', async () => {
    const profile = ovpnProfile();
    const asked: string[] = [];
    const result = await exportProfile(coreWith(profile), profile.uuid, (name) => {
      asked.push(name);
      return into('out.ovpn')();
    });
    expect(asked).toEqual(['basic-tls.ovpn']);
    expect(result?.path).toBe(join(dir, 'out.ovpn'));
    expect(statSync(join(dir, 'out.ovpn')).mode & 0o777).toBe(0o600);
    const text = readFileSync(join(dir, 'out.ovpn'), 'utf8');
    expect(text).toContain(readFileSync(join(OVPN_DIR, 'client.key'), 'utf8').trim());
    const again = parseOvpn(text, { fileName: join(dir, 'basic-tls.ovpn'), readFile });
    if (!again.ok) throw new Error(again.error.message);
    const original = parseOvpn(readFileSync(join(OVPN_DIR, 'basic-tls.ovpn')), {
      fileName: join(OVPN_DIR, 'basic-tls.ovpn'),
      readFile,
    });
    if (!original.ok) throw new Error('fixture');
    const withoutFiles = (data: Record<string, string>): Record<string, string> =>
      Object.fromEntries(
        Object.entries(data).filter(([k]) => !['ca', 'cert', 'key', 'ta'].includes(k)),
      );
    expect(withoutFiles(again.profile.vpn.data)).toEqual(withoutFiles(original.profile.vpn.data));
    expect(again.inlineFiles.map((f) => f.tag).sort()).toEqual(['ca', 'cert', 'key', 'tls-auth']);
  });

  it('replaces an existing file and makes it private first', async () => {
    const path = join(dir, 'old.ovpn');
    writeFileSync(path, 'old', { mode: 0o644 });
    const profile = ovpnProfile();
    await exportProfile(coreWith(profile), profile.uuid, into('old.ovpn'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^client$/m);
  });

  it('writes WireGuard with the private and preshared keys read over the bus', async () => {
    const profile = wgProfile('Home network');
    const bus = new FakeImportBus();
    const secrets: SettingsDict = {
      wireguard: {
        'private-key': new Variant('s', PRIVATE_KEY),
        peers: new Variant('aa{sv}', [
          { 'public-key': new Variant('s', PEER), 'preshared-key': new Variant('s', PSK) },
        ]),
      },
    };
    bus.secrets.set(profile.path, secrets);
    expect(wgSecretsOf(secrets)).toEqual({ 'private-key': PRIVATE_KEY, peers: { [PEER]: PSK } });
    const asked: string[] = [];
    const result = await exportProfile(coreWith(profile, bus), profile.uuid, (name) => {
      asked.push(name);
      return into(name)();
    });
    expect(asked).toEqual(['wg-home.conf']);
    const text = readFileSync(join(dir, 'wg-home.conf'), 'utf8');
    expect(text).toContain(`PrivateKey = ${PRIVATE_KEY}`);
    expect(text).toContain(`PresharedKey = ${PSK}`);
    expect(statSync(join(dir, 'wg-home.conf')).mode & 0o777).toBe(0o600);
    expect(result?.warnings).toEqual([]);
  });

  it('without readable secrets still writes the file, and says the key is missing', async () => {
    const profile = wgProfile('Home');
    const result = await exportProfile(coreWith(profile), profile.uuid, into('w.conf'));
    expect(result?.warnings.join(' ')).toMatch(/^No private key/);
    expect(readFileSync(join(dir, 'w.conf'), 'utf8')).not.toContain('PrivateKey');
  });

  it('returns null when cancelled, refuses without a dialog and for other plugins', async () => {
    const profile = ovpnProfile();
    expect(
      await exportProfile(coreWith(profile), profile.uuid, () => Promise.resolve(null)),
    ).toBeNull();
    await expect(exportProfile(coreWith(profile), profile.uuid, undefined)).rejects.toMatchObject({
      word: 'export-unavailable',
    });
    const other = profileFromSettings('/s/3', {
      connection: {
        id: new Variant('s', 'corp'),
        uuid: new Variant('s', 'uuid-oc'),
        type: new Variant('s', 'vpn'),
      },
      vpn: {
        'service-type': new Variant('s', 'org.freedesktop.NetworkManager.openconnect'),
        data: new Variant('a{ss}', { gateway: 'vpn.example.net' }),
      },
    });
    if (other === null) throw new Error('not a VPN');
    const err: unknown = await exportProfile(coreWith(other), other.uuid, into('x')).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TunnelbarError);
    expect(err).toMatchObject({ word: 'export-unsupported' });
    expect((err as TunnelbarError).message).toMatch(/OpenVPN .* WireGuard/);
  });
});
