import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import type { ImportedProfile } from '../../../main/vpn/profile';
import { fromSettingsDict } from '../../../main/vpn/settings-dict-read';
import { ip4ToNetworkUint32, toSettingsDict } from '../../../main/vpn/settings-dict';
import { manifest, parseEntry } from '../../fixtures/corpus';

const UUID = '5d2c1f0e-1111-4222-8333-944455556666';

/** Every variant's signature, by setting and property (nested dicts flattened). */
function signatures(dict: SettingsDict): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [setting, props] of Object.entries(dict)) {
    for (const [k, v] of Object.entries(props)) out[`${setting}.${k}`] = v.signature;
  }
  return out;
}

const openvpn: ImportedProfile = {
  connection: { id: 'work', type: 'vpn' },
  vpn: {
    'service-type': 'org.freedesktop.NetworkManager.openvpn',
    data: { remote: 'vpn.example.com', 'connection-type': 'password', 'password-flags': '1' },
    secrets: { 'http-proxy-password': 's3cret' },
  },
  ipv4: {
    method: 'auto',
    routes: [
      { dest: '10.1.0.0', prefix: 16 },
      { dest: '10.2.0.0', prefix: 24, 'next-hop': '10.8.0.1', metric: 5 },
    ],
    'never-default': true,
  },
  ipv6: { method: 'auto' },
};

const wireguard: ImportedProfile = {
  connection: { id: 'wg0', type: 'wireguard', 'interface-name': 'wg0' },
  wireguard: {
    'private-key': 'QGKrJqwqWHbp+8ebfAvi5KrIRhOpNdWEceY+f+pX1Fg=',
    'listen-port': 51820,
    fwmark: 4660,
    mtu: 1420,
    'peer-routes': false,
    peers: [
      {
        'public-key': 'SkspmjoM5dXYCZq4PnJbW311u2PNgKk8G3tPG6cBbk4=',
        endpoint: '[2001:db8::1]:51820',
        'allowed-ips': ['0.0.0.0/0', '::/0'],
        'persistent-keepalive': 25,
        'preshared-key': '8Sn37JyaaLIg3/gN21VEc7DD2HbWBjyuIFLF1XOqcH8=',
        'preshared-key-flags': 0,
      },
    ],
  },
  ipv4: {
    method: 'manual',
    addresses: [{ address: '10.0.0.2', prefix: 24 }],
    dns: ['10.0.0.1', '192.0.2.53'],
    'dns-search': ['~'],
    'route-table': 1234,
  },
  ipv6: {
    method: 'manual',
    addresses: [{ address: 'fd00::2', prefix: 64 }],
    dns: ['fd00::1'],
  },
};

describe('toSettingsDict', () => {
  it('gives an OpenVPN profile the D-Bus types NetworkManager 1.42 expects', () => {
    expect(signatures(toSettingsDict(openvpn, UUID))).toEqual({
      'connection.id': 's',
      'connection.uuid': 's',
      'connection.type': 's',
      'vpn.service-type': 's',
      'vpn.data': 'a{ss}',
      'vpn.secrets': 'a{ss}',
      'ipv4.method': 's',
      'ipv4.route-data': 'aa{sv}',
      'ipv4.never-default': 'b',
      'ipv6.method': 's',
    });
  });

  it('gives a WireGuard profile the D-Bus types NetworkManager 1.42 expects', () => {
    const dict = toSettingsDict(wireguard, UUID);
    expect(signatures(dict)).toEqual({
      'connection.id': 's',
      'connection.uuid': 's',
      'connection.type': 's',
      'connection.interface-name': 's',
      'wireguard.private-key': 's',
      'wireguard.listen-port': 'u',
      'wireguard.fwmark': 'u',
      'wireguard.mtu': 'u',
      'wireguard.peer-routes': 'b',
      'wireguard.peers': 'aa{sv}',
      'ipv4.method': 's',
      'ipv4.address-data': 'aa{sv}',
      'ipv4.dns': 'au',
      'ipv4.dns-search': 'as',
      'ipv4.route-table': 'u',
      'ipv6.method': 's',
      'ipv6.address-data': 'aa{sv}',
      'ipv6.dns': 'aay',
    });
    const peer = (dict.wireguard?.peers?.value as Record<string, Variant>[])[0] ?? {};
    expect(Object.fromEntries(Object.entries(peer).map(([k, v]) => [k, v.signature]))).toEqual({
      'public-key': 's',
      endpoint: 's',
      'allowed-ips': 'as',
      'persistent-keepalive': 'u',
      'preshared-key': 's',
      'preshared-key-flags': 'u',
    });
  });

  it('sends IPv4 DNS servers in network byte order and IPv6 ones as 16 bytes', () => {
    const dict = toSettingsDict(wireguard, UUID);
    expect(dict.ipv4?.dns?.value).toEqual([0x0100000a, 0x350200c0]);
    expect(ip4ToNetworkUint32('1.2.3.4')).toBe(0x04030201);
    expect(dict.ipv6?.dns?.value).toEqual([Buffer.from('fd000000000000000000000000000001', 'hex')]);
  });

  it('sends addresses and routes as dictionaries', () => {
    const dict = toSettingsDict(openvpn, UUID);
    const routes = dict.ipv4?.['route-data']?.value as Record<string, Variant>[];
    expect(
      routes.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.value]))),
    ).toEqual([
      { dest: '10.1.0.0', prefix: 16 },
      { dest: '10.2.0.0', prefix: 24, 'next-hop': '10.8.0.1', metric: 5 },
    ]);
  });

  it('leaves out empty secrets', () => {
    const p = structuredClone(openvpn);
    if ('vpn' in p) p.vpn.secrets = {};
    expect(toSettingsDict(p, UUID).vpn?.secrets).toBeUndefined();
  });
});

describe('fromSettingsDict', () => {
  it.each([
    ['an OpenVPN profile', openvpn],
    ['a WireGuard profile', wireguard],
  ])('reads back %s', (_, profile) => {
    expect(fromSettingsDict(toSettingsDict(profile, UUID))).toEqual(profile);
  });

  it('reads back every corpus profile', () => {
    for (const entry of manifest.filter((e) => e.expect !== 'error')) {
      const r = parseEntry(entry);
      if (!r.ok) throw new Error(entry.file);
      expect(fromSettingsDict(toSettingsDict(r.profile, UUID))).toEqual(r.profile);
    }
  });

  it('falls back to the legacy properties GetSettings also returns', () => {
    const dict: SettingsDict = {
      connection: { id: new Variant('s', 'x'), type: new Variant('s', 'wireguard') },
      ipv4: {
        method: new Variant('s', 'manual'),
        addresses: new Variant('aau', [[0x0200000a, 24, 0]]),
        routes: new Variant('aau', [[0x0000010a, 24, 0x0100080a, 7]]),
        dns: new Variant('au', [0x0100000a]),
      },
      ipv6: {
        method: new Variant('s', 'manual'),
        'dns-data': new Variant('as', ['fd00::53']),
        dns: new Variant('aay', [Buffer.alloc(16)]),
      },
    };
    expect(fromSettingsDict(dict)).toMatchObject({
      ipv4: {
        addresses: [{ address: '10.0.0.2', prefix: 24 }],
        routes: [{ dest: '10.1.0.0', prefix: 24, 'next-hop': '10.8.0.1', metric: 7 }],
        dns: ['10.0.0.1'],
      },
      ipv6: { dns: ['fd00::53'] },
    });
  });

  it('returns null for a connection that is not a VPN', () => {
    expect(
      fromSettingsDict({ connection: { type: new Variant('s', '802-3-ethernet') } }),
    ).toBeNull();
  });
});
