import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { applyEdit, editFromSettings } from '../../../main/editor/apply';
import { settingsForNewProfile } from '../../../main/editor/create';
import { checkOpenVpnKeys, openVpnValueProblem } from '../../../main/editor/known-keys';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { OPENVPN_DATA_KEYS } from '../../../main/vpn/openvpn/keys';
import type { PluginEdit, ProfileEdit } from '../../../preload/editor';

const OPENVPN = 'org.freedesktop.NetworkManager.openvpn';

function plugin(data: Record<string, string>, newSecrets: Record<string, string> = {}): PluginEdit {
  return { kind: 'plugin', serviceType: OPENVPN, data, newSecrets };
}

/** A stored profile that carries a key from a newer plugin (data-ciphers-fallback). */
function stored(): SettingsDict {
  return {
    connection: {
      id: new Variant('s', 'office'),
      uuid: new Variant('s', 'u1'),
      type: new Variant('s', 'vpn'),
    },
    vpn: {
      'service-type': new Variant('s', OPENVPN),
      data: new Variant('a{ss}', {
        remote: 'gw.example.com',
        'connection-type': 'password',
        'data-ciphers-fallback': 'AES-128-CBC',
      }),
    },
    ipv4: { method: new Variant('s', 'auto') },
    ipv6: { method: new Variant('s', 'auto') },
  };
}

function save(change: (data: Record<string, string>) => void): Record<string, string> {
  const current = stored();
  const base = editFromSettings(current);
  const edit = structuredClone(base);
  if (edit.vpn.kind === 'plugin') change(edit.vpn.data);
  return applyEdit(current, base, edit).vpn?.data?.value as Record<string, string>;
}

describe('known-key checking on save', () => {
  it('keeps an unknown key that was stored and left as it was', () => {
    const data = save((d) => {
      d.cipher = 'AES-256-GCM';
    });
    expect(data).toEqual({
      remote: 'gw.example.com',
      'connection-type': 'password',
      'data-ciphers-fallback': 'AES-128-CBC',
      cipher: 'AES-256-GCM',
    });
  });

  it('refuses to change an unknown stored key, naming it', () => {
    expect(() =>
      save((d) => {
        d['data-ciphers-fallback'] = 'AES-256-CBC';
      }),
    ).toThrow(/does not know the setting “data-ciphers-fallback”/);
  });

  it('lets an unknown stored key be removed', () => {
    const data = save((d) => {
      delete d['data-ciphers-fallback'];
    });
    expect(data).not.toHaveProperty('data-ciphers-fallback');
  });

  it('refuses an added unknown key, -flags keys included, and unknown secrets', () => {
    expect(() => save((d) => (d['challenge-response-flags'] = '2'))).toThrow(
      /“challenge-response-flags”/,
    );
    const base = plugin({});
    expect(() => {
      checkOpenVpnKeys(base, plugin({}, { 'otp-secret': 'x' }));
    }).toThrow(/does not know the secret “otp-secret”/);
    expect(() => {
      checkOpenVpnKeys(base, plugin({}, { 'http-proxy-password': 'x' }));
    }).not.toThrow();
  });

  it('refuses a known key with a value the plugin rejects', () => {
    expect(() => save((d) => (d.port = '70000'))).toThrow(
      /“port” was not saved: it takes a whole number from 1 to 65535/,
    );
    expect(() => save((d) => (d['proto-tcp'] = 'true'))).toThrow(/“proto-tcp”.*yes or no/);
    expect(() => save((d) => (d['ta-dir'] = '2'))).toThrow(/“ta-dir”/);
    expect(() => save((d) => (d['local-ip'] = '10.0.0.1/24'))).toThrow(/“local-ip”/);
    expect(() => save((d) => (d['cert-pass-flags'] = 'x'))).toThrow(/“cert-pass-flags”/);
  });

  it('checks a new profile’s every key', () => {
    const edit: ProfileEdit = {
      ...editFromSettings(stored()),
      name: 'new',
      vpn: plugin({ remote: 'gw', 'connection-type': 'tls', 'x-mine': '1' }),
    };
    expect(() => settingsForNewProfile(edit, 'u2')).toThrow(/“x-mine”/);
  });
});

describe('openVpnValueProblem', () => {
  it('accepts every known key with a value of its type', () => {
    const sample = (key: string): string => {
      if (
        /^(proto-tcp|float|ncp-disable|proxy-retry|push-peer-info|remote-random.*|tap-dev|allow-pull-fqdn|tls-version-min-or-highest)$/.test(
          key,
        )
      )
        return 'yes';
      if (key === 'local-ip' || key === 'remote-ip') return '10.8.0.1';
      return '1';
    };
    for (const key of OPENVPN_DATA_KEYS) expect(openVpnValueProblem(key, sample(key))).toBeNull();
  });

  it('bounds numbers as the plugin does', () => {
    expect(openVpnValueProblem('max-routes', '100000000')).toBeNull();
    expect(openVpnValueProblem('max-routes', '100000001')).not.toBeNull();
    expect(openVpnValueProblem('reneg-seconds', '0')).toBeNull();
    expect(openVpnValueProblem('port', '0')).not.toBeNull();
    expect(openVpnValueProblem('ping', '-1')).not.toBeNull();
  });

  it('takes fragment-size and tunnel-mtu up to G_MAXINT, as the service does (the importer stops at 65535)', () => {
    for (const key of ['fragment-size', 'tunnel-mtu']) {
      expect(openVpnValueProblem(key, '70000')).toBeNull();
      expect(openVpnValueProblem(key, '2147483647')).toBeNull();
      expect(openVpnValueProblem(key, '2147483648')).toMatch(/from 0 to 2147483647/);
    }
  });
});
