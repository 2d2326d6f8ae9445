import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { applyEdit, editFromSettings } from '../../../main/editor/apply';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { openConnectValueProblem } from '../../../preload/openconnect-keys';

const OPENCONNECT = 'org.freedesktop.NetworkManager.openconnect';

/** A stored OpenConnect profile with a key the page does not show (useragent). */
function stored(): SettingsDict {
  return {
    connection: {
      id: new Variant('s', 'corp'),
      uuid: new Variant('s', 'u1'),
      type: new Variant('s', 'vpn'),
    },
    vpn: {
      'service-type': new Variant('s', OPENCONNECT),
      data: new Variant('a{ss}', {
        gateway: 'vpn.corp.example',
        protocol: 'anyconnect',
        useragent: 'AnyConnect',
        'cookie-flags': '2',
      }),
    },
    ipv4: { method: new Variant('s', 'auto') },
    ipv6: { method: new Variant('s', 'auto') },
  };
}

function save(
  change: (data: Record<string, string>) => void,
  secrets: Record<string, string> = {},
): SettingsDict {
  const current = stored();
  const base = editFromSettings(current);
  const edit = structuredClone(base);
  if (edit.vpn.kind !== 'plugin') throw new Error('not a plugin profile');
  change(edit.vpn.data);
  edit.vpn.newSecrets = secrets;
  return applyEdit(current, base, edit);
}

const dataOf = (s: SettingsDict): unknown => s.vpn?.data?.value;

describe('the OpenConnect page in main', () => {
  it('writes only the changed keys and keeps the others, unknown ones included', () => {
    const out = save(
      (d) => {
        d.protocol = 'gp';
        d.reported_os = 'win';
        d.pem_passphrase_fsid = 'yes';
        d.stoken_source = 'totp';
      },
      { stoken_string: 'JBSWY3DPEHPK3PXP' },
    );
    expect(dataOf(out)).toEqual({
      gateway: 'vpn.corp.example',
      protocol: 'gp',
      useragent: 'AnyConnect',
      'cookie-flags': '2',
      reported_os: 'win',
      pem_passphrase_fsid: 'yes',
      stoken_source: 'totp',
      // The session secrets not saved, as on every OpenConnect profile Tunnelbar writes.
      'gateway-flags': '2',
      'gwcert-flags': '2',
      'resolve-flags': '2',
    });
    expect(out.vpn?.secrets?.value).toEqual({ stoken_string: 'JBSWY3DPEHPK3PXP' });
  });

  it.each([
    ['protocol', 'ipsec'],
    ['reported_os', 'windows'],
    ['pem_passphrase_fsid', 'true'],
    ['enable_csd_trojan', '1'],
    ['stoken_source', 'sms'],
    ['usercert', 'cert.pem'],
    ['csd_wrapper', 'pkcs11:token'],
    ['proxy', 'proxy:8080'],
    ['gateway', 'vpn corp'],
    ['mtu', '100'],
  ])('refuses %s = %s, naming the key', (key, value) => {
    expect(() =>
      save((d) => {
        d[key] = value;
      }),
    ).toThrow(new RegExp(`“${key}” was not saved`));
  });

  it('accepts what the plugin takes', () => {
    const ok: [string, string][] = [
      ['protocol', 'fortinet'],
      ['usercert', 'pkcs11:object=vpn'],
      ['userkey', '/home/ann/.cert/key.pem'],
      ['proxy', 'socks5://proxy.corp:1080'],
      ['mtu', '1400'],
      ['reported_os', 'linux-64'],
    ];
    for (const [key, value] of ok) expect(openConnectValueProblem(key, value)).toBeNull();
  });

  it('leaves a stored invalid value alone, and refuses secrets other than the token', () => {
    const current = stored();
    const data = current.vpn?.data?.value as Record<string, string>;
    data.protocol = 'future-protocol';
    const base = editFromSettings(current);
    const edit = structuredClone(base);
    if (edit.vpn.kind !== 'plugin') throw new Error('not a plugin profile');
    edit.vpn.data.gateway = 'vpn2.corp.example';
    expect(dataOf(applyEdit(current, base, edit))).toMatchObject({ protocol: 'future-protocol' });
    expect(() => save(() => undefined, { cookie: 'x' })).toThrow(/no secret “cookie”/);
  });
});
