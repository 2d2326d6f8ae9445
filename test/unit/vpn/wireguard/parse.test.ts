import { describe, expect, it } from 'vitest';
import type { WireGuardProfile } from '../../../../main/vpn/profile';
import { parseWgQuick } from '../../../../main/vpn/wireguard/parse';
import {
  validEndpoint,
  validInterfaceName,
  wgFileInterfaceName,
} from '../../../../main/vpn/wireguard/names';

const PRIV = 'QGKrJqwqWHbp+8ebfAvi5KrIRhOpNdWEceY+f+pX1Fg=';
const PUB = 'SkspmjoM5dXYCZq4PnJbW311u2PNgKk8G3tPG6cBbk4=';
const PUB2 = 'eoJLplRwa0lpS93FKoRq9s3AUS3uOXR9lSNj14YxqlQ=';
const PSK = '8Sn37JyaaLIg3/gN21VEc7DD2HbWBjyuIFLF1XOqcH8=';

function profile(text: string, fileName = 'wg0.conf'): WireGuardProfile {
  const r = parseWgQuick(text, { fileName });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.profile;
}

function error(text: string, fileName = 'wg0.conf'): { line: number | null; message: string } {
  const r = parseWgQuick(text, { fileName });
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

const iface = (lines: string): string => `[Interface]\nPrivateKey = ${PRIV}\n${lines}\n`;

describe('parseWgQuick', () => {
  it('builds the whole profile from a typical file', () => {
    const p = profile(
      iface('Address = 10.0.0.2/24, fd00::2/64\nDNS = 10.0.0.1\nMTU = 1420\nListenPort = 51820') +
        `[Peer]\nPublicKey = ${PUB}\nPresharedKey = ${PSK}\nAllowedIPs = 0.0.0.0/0, ::/0\n` +
        'Endpoint = vpn.example.com:51820\nPersistentKeepalive = 25\n',
      '/etc/wireguard/office.conf',
    );
    expect(p).toEqual({
      connection: { id: 'office', type: 'wireguard', 'interface-name': 'office' },
      wireguard: {
        'private-key': PRIV,
        'listen-port': 51820,
        mtu: 1420,
        peers: [
          {
            'public-key': PUB,
            'preshared-key': PSK,
            'preshared-key-flags': 0,
            'allowed-ips': ['0.0.0.0/0', '::/0'],
            endpoint: 'vpn.example.com:51820',
            'persistent-keepalive': 25,
          },
        ],
      },
      ipv4: {
        method: 'manual',
        addresses: [{ address: '10.0.0.2', prefix: 24 }],
        dns: ['10.0.0.1'],
        'dns-search': ['~'],
      },
      ipv6: { method: 'manual', addresses: [{ address: 'fd00::2', prefix: 64 }] },
    });
  });

  it('disables a family without an address and drops its DNS', () => {
    const p = profile(iface('Address = 10.0.0.2\nDNS = 2001:db8::53'));
    expect(p.ipv4).toEqual({ method: 'manual', addresses: [{ address: '10.0.0.2', prefix: 32 }] });
    expect(p.ipv6).toEqual({ method: 'disabled' });
    expect(profile(iface('DNS = 1.1.1.1'))).toMatchObject({
      ipv4: { method: 'disabled' },
      ipv6: { method: 'disabled' },
    });
  });

  it('gives search words to every family with an address, and "~" only without them', () => {
    const p = profile(
      iface('Address = 10.0.0.2/32, fd00::2/128\nDNS = 1.1.1.1, corp.example, corp.example'),
    );
    expect(p.ipv4['dns-search']).toEqual(['corp.example']);
    expect(p.ipv6['dns-search']).toEqual(['corp.example']);
    expect(p.ipv6.dns).toBeUndefined();
  });

  it('normalizes addresses as inet_ntop prints them', () => {
    const p = profile(iface('Address = FD00:0:0::0002/64\nDNS = 2001:DB8:0:0:0:0:0:1'));
    expect(p.ipv6.addresses).toEqual([{ address: 'fd00::2', prefix: 64 }]);
    expect(p.ipv6.dns).toEqual(['2001:db8::1']);
  });

  it('reads numbers as NetworkManager does (hex and octal where it accepts them)', () => {
    const p = profile(iface('MTU = 0x500\nFwMark = 010\nListenPort = 0'));
    expect(p.wireguard.mtu).toBe(1280);
    expect(p.wireguard.fwmark).toBe(8);
    expect(p.wireguard['listen-port']).toBeUndefined();
  });

  it.each<[string, Partial<WireGuardProfile>]>([
    ['Table = off', { wireguard: { 'private-key': PRIV, 'peer-routes': false, peers: [] } }],
    ['Table = 1234', { ipv4: { method: 'disabled', 'route-table': 1234 } }],
    ['Table = 0x10', { ipv6: { method: 'disabled', 'route-table': 16 } }],
  ])('maps %s', (line, expected) => {
    expect(profile(iface(line))).toMatchObject(expected);
  });

  it('is case-insensitive for sections and keys and ignores all whitespace', () => {
    const p = profile(`[ interface ]\nprivate key=${PRIV}\n[PEER]\n  public  key = ${PUB}\r\n`);
    expect(p.wireguard.peers).toEqual([{ 'public-key': PUB }]);
  });

  it('ignores the script hooks with a warning each, and SaveConfig', () => {
    const r = parseWgQuick(iface('PostUp = iptables -A x\nPreDown = y\nSaveConfig = true'), {
      fileName: 'wg0.conf',
    });
    expect(r.ok && r.warnings.map((w) => [w.line, w.directive])).toEqual([
      [3, 'PostUp'],
      [4, 'PreDown'],
    ]);
  });

  it('keeps a later peer with the same public key instead of the earlier one', () => {
    const p = profile(
      `${iface('')}[Peer]\nPublicKey = ${PUB}\nAllowedIPs = 10.0.0.1\n[Peer]\nPublicKey = ${PUB2}\n` +
        `[Peer]\nPublicKey = ${PUB}\nAllowedIPs = 10.0.0.3\n`,
    );
    expect(p.wireguard.peers.map((x) => x['allowed-ips'] ?? [])).toEqual([[], ['10.0.0.3']]);
  });

  it.each<[string, number | null, RegExp]>([
    [`PrivateKey = ${PRIV}\n[Interface]`, 1, /unrecognized line/],
    [iface('Foo = bar'), 3, /unrecognized line: "foo" is not a key of \[Interface\]/],
    [iface('[Other]'), 3, /unrecognized line/],
    [iface('MTU = -1'), 3, /invalid value for MTU/],
    [iface('MTU ='), 3, /invalid value for MTU/],
    [iface('ListenPort = 0x10'), 3, /invalid value for ListenPort/],
    [iface('FwMark = on'), 3, /invalid value for FwMark/],
    [iface('Table = main'), 3, /invalid value for Table/],
    [iface('SaveConfig = yes'), 3, /invalid value for SaveConfig/],
    [iface('Address = 10.0.0.1/33'), 3, /invalid value for Address/],
    [iface('Address = 10.0.0.1,,10.0.0.2'), 3, /invalid value for Address/],
    ['[Interface]\nPrivateKey = abc\n', 2, /invalid key for PrivateKey/],
    [`${iface('')}[Peer]\nPublicKey = abc\n`, 5, /invalid value for PublicKey/],
    [
      `${iface('')}[Peer]\nPublicKey = ${PUB}\nPresharedKey = x\n`,
      6,
      /invalid key for PresharedKey/,
    ],
    [
      `${iface('')}[Peer]\nPublicKey = ${PUB}\nEndpoint = 192.0.2.1\n`,
      6,
      /invalid value for Endpoint/,
    ],
    [
      `${iface('')}[Peer]\nPublicKey = ${PUB}\nPersistentKeepalive = 65536\n`,
      6,
      /PersistentKeepalive/,
    ],
    [`${iface('')}[Peer]\nPublicKey = ${PUB}\nAllowedIPs = fd00::/129\n`, 6, /AllowedIPs/],
    [`${iface('')}[Peer]\nPublicKey = ${PUB}\nPrivateKey = ${PRIV}\n`, 6, /unrecognized line/],
    [
      `${iface('')}[Peer]\nAllowedIPs = 10.0.0.0/8\n[Peer]\nPublicKey = ${PUB}\n`,
      4,
      /no PublicKey/,
    ],
    [`${iface('')}[Peer]\nEndpoint = h:1\n`, 4, /no PublicKey/],
  ])('rejects %j at line %s', (text, line, message) => {
    const e = error(text);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(message);
  });

  it.each(['wg0', 'office.example', 'wg-split'])('accepts the file name %s.conf', (name) => {
    expect(wgFileInterfaceName(`/x/${name}.conf`)).toBe(name);
  });

  it.each([
    'wg0.txt',
    '.conf',
    'this-name-is-too-long.conf',
    'all.conf',
    'default.conf',
    'a:b.conf',
    'a%d.conf',
    '..conf',
    'a b.conf',
  ])('rejects the file name %s', (name) => {
    const e = error(iface(''), name);
    expect(e.line).toBeNull();
    expect(e.message).toMatch(/interface name/);
  });

  it('checks interface names in bytes', () => {
    expect(validInterfaceName('ééééééé')).toBe(true); // 14 bytes
    expect(validInterfaceName('éééééééé')).toBe(false); // 16 bytes
  });

  it.each([
    ['vpn.example.com:51820', true],
    ['[2001:db8::1]:51820', true],
    ['1.2.3.4:065535', true],
    ['host:0', false],
    ['host:65536', false],
    ['host:', false],
    [':1', false],
    ['[]:1', false],
    ['[::1]51820', false],
    ['host:+1', false],
    ['host', false],
  ])('endpoint %s valid: %s', (endpoint, valid) => {
    expect(validEndpoint(endpoint)).toBe(valid);
  });

  it('reads the file only up to a NUL, as NetworkManager reads it as a C string', () => {
    const p = profile(`${iface('Address = 10.0.0.2')}\0Garbage = here\n`);
    expect(p.ipv4.addresses).toEqual([{ address: '10.0.0.2', prefix: 32 }]);
  });
});
