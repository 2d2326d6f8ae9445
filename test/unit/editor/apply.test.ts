import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { applyEdit, editFromSettings, secretSettingToRead } from '../../../main/editor/apply';
import { interfaceNameFor, settingsForNewProfile } from '../../../main/editor/create';
import { generatePrivateKey, isWgKey, publicKeyOf } from '../../../main/vpn/wireguard/key-pair';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { TunnelbarError } from '../../../main/errors/tunnelbar-error';
import type { ProfileEdit } from '../../../preload/editor';
import { v } from '../../builders/variant';

/** A profile as GetSettings returns it from NetworkManager 1.42: legacy and new forms side by side. */
function openvpnSettings(): SettingsDict {
  return {
    connection: {
      id: v('s', 'office'),
      uuid: v('s', 'a1b2'),
      type: v('s', 'vpn'),
      timestamp: v('t', 1_700_000_000n),
      permissions: v('as', ['user:alice:']),
    },
    vpn: {
      'service-type': v('s', 'org.freedesktop.NetworkManager.openvpn'),
      data: v('a{ss}', {
        remote: 'gw.example.com:1194:udp',
        'connection-type': 'password',
        username: 'alice',
        'password-flags': '1',
        'x-future-key': 'kept',
      }),
      persistent: v('b', true),
    },
    ipv4: {
      method: v('s', 'auto'),
      addresses: v('aau', [[0x0200000a, 24, 0]]),
      'address-data': v('aa{sv}', [{ address: v('s', '10.0.0.2'), prefix: v('u', 24) }]),
      routes: v('aau', [[0x0000010a, 16, 0, 0]]),
      'route-data': v('aa{sv}', [{ dest: v('s', '10.1.0.0'), prefix: v('u', 16) }]),
      dns: v('au', [0x3500000a]),
      'dns-data': v('as', ['10.0.0.53']),
      'dns-search': v('as', ['corp.example']),
      'route-metric': v('x', 50n),
    },
    ipv6: { method: v('s', 'auto'), 'addr-gen-mode': v('i', 1) },
    proxy: {},
  };
}

function edited(settings: SettingsDict, change: (e: ProfileEdit) => void): SettingsDict {
  const base = editFromSettings(settings);
  const edit = structuredClone(base);
  change(edit);
  return applyEdit(settings, base, edit);
}

describe('the editable view', () => {
  it('reads name, vpn.data, addresses, routes and DNS (the new forms)', () => {
    const e = editFromSettings(openvpnSettings());
    expect(e.name).toBe('office');
    expect(e.autoconnect).toBe(true);
    expect(e.vpn).toMatchObject({ kind: 'plugin', data: { 'x-future-key': 'kept' } });
    expect(e.ipv4).toMatchObject({
      addresses: ['10.0.0.2/24'],
      routes: [{ dest: '10.1.0.0/16', nextHop: null, metric: null }],
      dns: ['10.0.0.53'],
      dnsSearch: ['corp.example'],
    });
  });

  it('decodes the legacy DNS when there is no dns-data', () => {
    const settings = openvpnSettings();
    delete settings.ipv4?.['dns-data'];
    expect(editFromSettings(settings).ipv4.dns).toEqual(['10.0.0.53']);
  });
});

describe('applying an edit', () => {
  it('changes the edited value and keeps every other setting, unknown keys included', () => {
    const before = openvpnSettings();
    const after = edited(before, (e) => {
      if (e.vpn.kind === 'plugin') e.vpn.data.username = 'bob';
    });
    expect(after.vpn?.data?.value).toEqual({
      remote: 'gw.example.com:1194:udp',
      'connection-type': 'password',
      username: 'bob',
      'password-flags': '1',
      'x-future-key': 'kept',
    });
    // Nothing else was touched: the very same Variants go back.
    for (const [name, setting] of Object.entries(before)) {
      for (const [key, value] of Object.entries(setting)) {
        if (name === 'vpn' && key === 'data') continue;
        if (name === 'connection') continue;
        expect(after[name]?.[key]).toBe(value);
      }
    }
    expect(after.connection).toEqual(before.connection);
    expect(after.vpn?.secrets).toBeUndefined();
  });

  it('drops the legacy twin of an edited list, and only of that list', () => {
    const after = edited(openvpnSettings(), (e) => {
      e.ipv4.addresses = ['10.0.0.3/24'];
      e.ipv4.dns = ['10.0.0.54'];
    });
    const ipv4 = after.ipv4 ?? {};
    expect(ipv4.addresses).toBeUndefined();
    expect(ipv4.dns).toBeUndefined();
    expect(ipv4['dns-data']?.value).toEqual(['10.0.0.54']);
    expect(ipv4['address-data']?.value).toEqual([
      { address: v('s', '10.0.0.3'), prefix: v('u', 24) },
    ]);
    // Routes were not edited: both forms stay as NetworkManager gave them.
    expect(ipv4.routes).toBeDefined();
    expect(ipv4['route-data']).toBeDefined();
  });

  it('writes routes with next hop and metric, and the never-default flag', () => {
    const after = edited(openvpnSettings(), (e) => {
      e.ipv4.routes = [{ dest: '192.168.5.0/24', nextHop: '10.0.0.1', metric: 20 }];
      e.ipv4.neverDefault = true;
    });
    expect(after.ipv4?.routes).toBeUndefined();
    expect(after.ipv4?.['route-data']?.value).toEqual([
      {
        dest: v('s', '192.168.5.0'),
        prefix: v('u', 24),
        'next-hop': v('s', '10.0.0.1'),
        metric: v('u', 20),
      },
    ]);
    expect(after.ipv4?.['never-default']?.value).toBe(true);
  });

  it('refuses to add a vpn.data key the installed OpenVPN plugin does not know', () => {
    const attempt = (): SettingsDict =>
      edited(openvpnSettings(), (e) => {
        if (e.vpn.kind === 'plugin') e.vpn.data['x-new-key'] = '1';
      });
    expect(attempt).toThrow(TunnelbarError);
    expect(attempt).toThrow(/does not know the setting “x-new-key”/);
  });

  it('lets an unknown key that was already there be changed or removed', () => {
    const after = edited(openvpnSettings(), (e) => {
      if (e.vpn.kind === 'plugin') delete e.vpn.data['x-future-key'];
    });
    expect(after.vpn?.data?.value).not.toHaveProperty('x-future-key');
  });

  it('takes any key for another plugin', () => {
    const settings = openvpnSettings();
    settings.vpn = {
      'service-type': v('s', 'org.freedesktop.NetworkManager.openconnect'),
      data: v('a{ss}', { gateway: 'vpn.example.com' }),
    };
    const after = edited(settings, (e) => {
      if (e.vpn.kind === 'plugin') e.vpn.data.protocol = 'anyconnect';
    });
    expect(after.vpn?.data?.value).toMatchObject({
      gateway: 'vpn.example.com',
      protocol: 'anyconnect',
    });
  });

  it('sends no secret unless one was typed; then sends the stored ones with it', () => {
    const base = editFromSettings(openvpnSettings());
    expect(secretSettingToRead(base)).toBeNull();
    const edit = structuredClone(base);
    if (edit.vpn.kind === 'plugin') edit.vpn.newSecrets = { password: 'new' };
    expect(secretSettingToRead(edit)).toBe('vpn');
    const stored = { vpn: { secrets: v('a{ss}', { password: 'old', 'cert-pass': 'pp' }) } };
    const after = applyEdit(openvpnSettings(), base, edit, stored);
    expect(after.vpn?.secrets?.value).toEqual({ password: 'new', 'cert-pass': 'pp' });
  });

  it('refuses a bad address with a sentence naming it', () => {
    expect(() =>
      edited(openvpnSettings(), (e) => {
        e.ipv4.addresses = ['10.0.0.300/24'];
      }),
    ).toThrow(/“10.0.0.300\/24” is not an IPv4 address/);
  });
});

describe("NetworkManager's own knobs: vpn.persistent and connection.autoconnect-retries", () => {
  it('reads them, with NetworkManager’s defaults when absent', () => {
    expect(editFromSettings(openvpnSettings())).toMatchObject({
      persistent: true,
      autoconnectRetries: -1,
    });
    const plain = openvpnSettings();
    delete plain.vpn?.persistent;
    expect(editFromSettings(plain).persistent).toBe(false);
  });

  it('writes each only when changed, and nothing else of its setting', () => {
    const untouched = edited(openvpnSettings(), (e) => {
      e.name = 'renamed';
    });
    expect(untouched.connection?.['autoconnect-retries']).toBeUndefined();
    expect(untouched.vpn?.persistent).toEqual(v('b', true));

    const changed = edited(openvpnSettings(), (e) => {
      e.persistent = false;
      e.autoconnectRetries = 0;
    });
    expect(changed.vpn?.persistent).toEqual(v('b', false));
    expect(changed.connection?.['autoconnect-retries']).toEqual(v('i', 0));
    expect(changed.vpn?.['service-type']).toEqual(openvpnSettings().vpn?.['service-type']);
    expect(changed.connection?.permissions).toEqual(v('as', ['user:alice:']));
  });

  it('a new profile carries them when set', () => {
    const edit = editFromSettings(openvpnSettings());
    if (edit.vpn.kind === 'plugin') delete edit.vpn.data['x-future-key'];
    const created = settingsForNewProfile(
      { ...edit, persistent: true, autoconnectRetries: 3 },
      'n1',
    );
    expect(created.vpn?.persistent).toEqual(v('b', true));
    expect(created.connection?.['autoconnect-retries']).toEqual(v('i', 3));
  });
});

describe('WireGuard', () => {
  const peerA = generatedPublic();
  const peerB = generatedPublic();

  function generatedPublic(): string {
    return publicKeyOf(generatePrivateKey()) ?? '';
  }

  function wgSettings(): SettingsDict {
    return {
      connection: { id: v('s', 'wg'), uuid: v('s', 'w1'), type: v('s', 'wireguard') },
      wireguard: {
        'listen-port': v('u', 51820),
        peers: v('aa{sv}', [
          {
            'public-key': v('s', peerA),
            'allowed-ips': v('as', ['10.9.0.0/24']),
            'preshared-key-flags': v('u', 1),
          },
        ]),
      },
      ipv4: { method: v('s', 'manual') },
      ipv6: { method: v('s', 'disabled') },
    };
  }

  it('has no vpn.persistent: turning it on is refused', () => {
    expect(() =>
      edited(wgSettings(), (e) => {
        e.persistent = true;
      }),
    ).toThrow(/WireGuard has no/);
  });

  it('makes keys whose public key matches', () => {
    const key = generatePrivateKey();
    expect(isWgKey(key)).toBe(true);
    expect(isWgKey(publicKeyOf(key) ?? '')).toBe(true);
    // RFC 7748 §6.1 test vector.
    const alice = Buffer.from(
      '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a',
      'hex',
    ).toString('base64');
    expect(Buffer.from(publicKeyOf(alice) ?? '', 'base64').toString('hex')).toBe(
      '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
    );
  });

  it('adds a peer and keeps the properties of the one that was there', () => {
    const after = edited(wgSettings(), (e) => {
      if (e.vpn.kind !== 'wireguard') return;
      e.vpn.peers.push({
        publicKey: peerB,
        newPresharedKey: null,
        allowedIps: ['10.10.0.0/16'],
        endpoint: 'vpn.example.com:51820',
        keepalive: 25,
      });
    });
    const peers = after.wireguard?.peers?.value as Record<string, Variant>[];
    expect(peers).toHaveLength(2);
    expect(peers[0]?.['preshared-key-flags']?.value).toBe(1);
    expect(peers[1]?.endpoint?.value).toBe('vpn.example.com:51820');
    expect(peers[1]?.['persistent-keepalive']?.value).toBe(25);
    expect(after.wireguard?.['private-key']).toBeUndefined();
  });

  it('a new private key sends the stored preshared keys along', () => {
    const base = editFromSettings(wgSettings());
    const edit = structuredClone(base);
    if (edit.vpn.kind === 'wireguard') edit.vpn.privateKey = { action: 'generate' };
    expect(secretSettingToRead(edit)).toBe('wireguard');
    const psk = generatePrivateKey();
    const stored = {
      wireguard: {
        'private-key': v('s', generatePrivateKey()),
        peers: v('aa{sv}', [{ 'public-key': v('s', peerA), 'preshared-key': v('s', psk) }]),
      },
    };
    const after = applyEdit(wgSettings(), base, edit, stored);
    const key: unknown = after.wireguard?.['private-key']?.value;
    expect(typeof key === 'string' && isWgKey(key)).toBe(true);
    expect(key).not.toBe(stored.wireguard['private-key'].value);
    const peers = after.wireguard?.peers?.value as Record<string, Variant>[];
    expect(peers[0]?.['preshared-key']?.value).toBe(psk);
  });

  it('refuses a peer whose public key is not a key', () => {
    expect(() =>
      edited(wgSettings(), (e) => {
        const peer = e.vpn.kind === 'wireguard' ? e.vpn.peers[0] : undefined;
        if (peer !== undefined) peer.publicKey = 'nope';
      }),
    ).toThrow(/not a WireGuard public key/);
  });
});

describe('a new profile', () => {
  const blankIp = {
    method: 'auto',
    addresses: [],
    dns: [],
    dnsSearch: [],
    routes: [],
    neverDefault: false,
    ignoreAutoRoutes: false,
    ignoreAutoDns: false,
  };

  it('is a minimal OpenVPN profile with the fields given', () => {
    const dict = settingsForNewProfile(
      {
        name: 'New VPN',
        autoconnect: false,
        autoconnectRetries: -1,
        persistent: false,
        allUsers: true,
        connectWith: [],
        dnsRouting: 'profile',
        vpn: {
          kind: 'plugin',
          serviceType: 'org.freedesktop.NetworkManager.openvpn',
          data: { remote: 'gw:1194', 'connection-type': 'password', 'password-flags': '2' },
          newSecrets: {},
        },
        ipv4: { ...blankIp, neverDefault: true },
        ipv6: blankIp,
      },
      'u-1',
    );
    expect(dict.connection?.id?.value).toBe('New VPN');
    expect(dict.connection?.uuid?.value).toBe('u-1');
    expect(dict.connection?.type?.value).toBe('vpn');
    expect(dict.connection?.autoconnect?.value).toBe(false);
    expect(dict.vpn?.data?.value).toEqual({
      remote: 'gw:1194',
      'connection-type': 'password',
      'password-flags': '2',
    });
    expect(dict.ipv4?.['never-default']?.value).toBe(true);
  });

  it('is a WireGuard profile with an interface name and a generated key', () => {
    const dict = settingsForNewProfile(
      {
        name: 'Home WG!',
        autoconnect: true,
        autoconnectRetries: -1,
        persistent: false,
        allUsers: true,
        connectWith: [],
        dnsRouting: 'profile',
        vpn: {
          kind: 'wireguard',
          privateKey: { action: 'generate' },
          listenPort: 0,
          fwmark: 0,
          mtu: 0,
          peers: [],
        },
        ipv4: { ...blankIp, method: 'manual', addresses: ['10.7.0.2/24'] },
        ipv6: { ...blankIp, method: 'disabled' },
      },
      'u-2',
    );
    expect(dict.connection?.['interface-name']?.value).toBe('home-wg');
    expect(isWgKey(String(dict.wireguard?.['private-key']?.value))).toBe(true);
    expect(interfaceNameFor('!!!')).toBe('wg0');
  });
});
