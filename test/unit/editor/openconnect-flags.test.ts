import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { applyEdit, editFromSettings } from '../../../main/editor/apply';
import { settingsForNewProfile } from '../../../main/editor/create';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import type { ProfileEdit } from '../../../preload/editor';

// NetworkManager writes a secret an agent returns into the keyfile when its flags are 0: every
// OpenConnect profile Tunnelbar creates or saves has the login's session secrets not saved (2).

const OPENCONNECT = 'org.freedesktop.NetworkManager.openconnect';
const NOT_SAVED = {
  'cookie-flags': '2',
  'gateway-flags': '2',
  'gwcert-flags': '2',
  'resolve-flags': '2',
};

/** An OpenConnect profile as nmcli makes it: no flags for the session secrets. */
function madeByNmcli(data: Record<string, string> = {}): SettingsDict {
  return {
    connection: {
      id: new Variant('s', 'corp'),
      uuid: new Variant('s', 'u1'),
      type: new Variant('s', 'vpn'),
    },
    vpn: {
      'service-type': new Variant('s', OPENCONNECT),
      data: new Variant('a{ss}', { gateway: 'vpn.corp.example', protocol: 'anyconnect', ...data }),
    },
    ipv4: { method: new Variant('s', 'auto') },
    ipv6: { method: new Variant('s', 'auto') },
  };
}

function saved(
  current: SettingsDict,
  change: (edit: ProfileEdit) => void,
  stored: SettingsDict = {},
): SettingsDict {
  const base = editFromSettings(current);
  const edit = structuredClone(base);
  change(edit);
  return applyEdit(current, base, edit, stored);
}

const dataOf = (s: SettingsDict): unknown => s.vpn?.data?.value;

describe('OpenConnect session secrets: not saved on every profile Tunnelbar writes', () => {
  it('a new profile has the four flags at 2, and the keys the person set', () => {
    const edit: ProfileEdit = {
      ...editFromSettings(madeByNmcli()),
      name: 'new',
      vpn: {
        kind: 'plugin',
        serviceType: OPENCONNECT,
        data: { gateway: 'gw.example', protocol: 'gp', stoken_source: 'totp' },
        newSecrets: {},
      },
    };
    const created = settingsForNewProfile(edit, 'u2');
    expect(dataOf(created)).toEqual({
      gateway: 'gw.example',
      protocol: 'gp',
      stoken_source: 'totp',
      ...NOT_SAVED,
    });
  });

  it('an nmcli-made profile gets them on its first save, even with nothing changed', () => {
    const out = saved(madeByNmcli({ useragent: 'AnyConnect' }), (e) => {
      e.name = 'renamed';
    });
    expect(dataOf(out)).toEqual({
      gateway: 'vpn.corp.example',
      protocol: 'anyconnect',
      useragent: 'AnyConnect',
      ...NOT_SAVED,
    });
  });

  it('a flag at 0 or 1 (stored, or set in the edit) becomes 2', () => {
    const out = saved(madeByNmcli({ 'cookie-flags': '0', 'gwcert-flags': '1' }), (e) => {
      if (e.vpn.kind === 'plugin') e.vpn.data['gateway-flags'] = '0';
    });
    expect(dataOf(out)).toMatchObject(NOT_SAVED);
  });

  it('a new token secret does not send back the session secrets NetworkManager still holds', () => {
    const stored = {
      vpn: {
        secrets: new Variant('a{ss}', {
          cookie: 'session-cookie',
          gateway: 'https://gw/',
          gwcert: 'pin-sha256:x',
          resolve: 'gw:10.0.0.1',
          'form:main:username': 'bob',
        }),
      },
    };
    const out = saved(
      madeByNmcli({ stoken_source: 'totp' }),
      (e) => {
        if (e.vpn.kind === 'plugin') e.vpn.newSecrets = { stoken_string: 'JBSWY3DPEHPK3PXP' };
      },
      stored,
    );
    expect(out.vpn?.secrets?.value).toEqual({
      'form:main:username': 'bob',
      stoken_string: 'JBSWY3DPEHPK3PXP',
    });
  });

  it('leaves other plugins’ data alone', () => {
    const other = madeByNmcli();
    other.vpn = { ...other.vpn, 'service-type': new Variant('s', 'org.example.vpn') };
    const out = saved(other, (e) => {
      e.name = 'renamed';
    });
    expect(dataOf(out)).toEqual({ gateway: 'vpn.corp.example', protocol: 'anyconnect' });
  });
});
