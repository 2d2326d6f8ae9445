// The finer rules of the wg-quick import, one case each, with the exact profile or refusal: found
// untested by mutation testing (issue #18). wg-parse.test.ts has the typical files.
import { describe, expect, it } from 'vitest';
import type { WireGuardProfile } from '../../../../main/vpn/profile';
import { parseWgQuick } from '../../../../main/vpn/wireguard/parse';

const PRIV = 'QGKrJqwqWHbp+8ebfAvi5KrIRhOpNdWEceY+f+pX1Fg=';
const PUB = 'SkspmjoM5dXYCZq4PnJbW311u2PNgKk8G3tPG6cBbk4=';
const PUB2 = 'eoJLplRwa0lpS93FKoRq9s3AUS3uOXR9lSNj14YxqlQ=';

function profile(text: string): WireGuardProfile {
  const r = parseWgQuick(text, { fileName: 'wg0.conf' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.profile;
}

function error(text: string): { line: number | null; message: string } {
  const r = parseWgQuick(text, { fileName: 'wg0.conf' });
  if (r.ok) throw new Error('expected an error');
  return { line: r.error.line, message: r.error.message };
}

const iface = (lines: string): string => `[Interface]\nPrivateKey = ${PRIV}\n${lines}\n`;
const peer = (lines: string): string => `${iface('')}[Peer]\nPublicKey = ${PUB}\n${lines}\n`;

describe('interface values', () => {
  it('keeps each address once, with the default prefix of its family', () => {
    const p = profile(iface('Address = 10.0.0.2, 10.0.0.2/32, 10.0.0.3, fd00::2, 10.0.0.2/24,'));
    expect(p.ipv4.addresses).toEqual([
      { address: '10.0.0.2', prefix: 32 },
      { address: '10.0.0.3', prefix: 32 },
      { address: '10.0.0.2', prefix: 24 },
    ]);
    expect(p.ipv6.addresses).toEqual([{ address: 'fd00::2', prefix: 128 }]);
  });

  it('keeps each DNS server once, in its family, and the rest as search words', () => {
    const p = profile(
      iface('Address = 10.0.0.2, fd00::2\nDNS = 10.0.0.1, fd00::1, 10.0.0.1, corp.example'),
    );
    expect(p.ipv4).toMatchObject({ dns: ['10.0.0.1'], 'dns-search': ['corp.example'] });
    expect(p.ipv6).toMatchObject({ dns: ['fd00::1'], 'dns-search': ['corp.example'] });
  });

  it('leaves out what is zero, off or automatic', () => {
    const p = profile(iface('Address = 10.0.0.2\nMTU = 0\nFwMark = off\nTable = auto'));
    expect(p.wireguard).toStrictEqual({ 'private-key': PRIV, peers: [] });
    // Without a private key (NetworkManager asks for it), no key at all, not an empty one.
    expect(profile('[Interface]\nAddress = 10.0.0.2\n').wireguard).toStrictEqual({ peers: [] });
    expect(p.ipv4['route-table']).toBeUndefined();
    expect(profile(iface('FwMark = 0x0')).wireguard.fwmark).toBeUndefined();
  });

  it('stores a listen port, an fwmark and an MTU', () => {
    const p = profile(iface('ListenPort = 51821\nFwMark = 0x20\nMTU = 1380'));
    expect(p.wireguard).toMatchObject({ 'listen-port': 51821, fwmark: 32, mtu: 1380 });
  });

  it('accepts SaveConfig = false too, without a warning', () => {
    const r = parseWgQuick(iface('SaveConfig = false'), { fileName: 'wg0.conf' });
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('names each ignored script hook and says why', () => {
    const r = parseWgQuick(iface('PreUp = a\nPostUp = b\nPreDown = c\nPostDown = d'), {
      fileName: 'wg0.conf',
    });
    expect(r.ok && r.warnings).toEqual(
      ['PreUp', 'PostUp', 'PreDown', 'PostDown'].map((script, i) => ({
        line: i + 3,
        directive: script,
        message: `"${script}" is not imported: NetworkManager never runs scripts`,
      })),
    );
  });

  it('takes an empty Address or DNS as no entries', () => {
    const p = profile(iface('Address = 10.0.0.2\nAddress =\nDNS ='));
    expect(p.ipv4).toStrictEqual({
      method: 'manual',
      addresses: [{ address: '10.0.0.2', prefix: 32 }],
    });
  });

  it('reads the file up to a NUL, as NetworkManager does (a C string)', () => {
    expect(profile(`\0${iface('')}`).wireguard).toStrictEqual({ peers: [] });
    expect(profile(`${iface('Address = 10.0.0.2')}\0Address = 10.0.0.3\n`).ipv4.addresses).toEqual([
      { address: '10.0.0.2', prefix: 32 },
    ]);
  });

  it('reads the last line of a file without a final newline whole', () => {
    const p = profile(`${iface('')}[Peer]\nPublicKey = ${PUB}\nPersistentKeepalive = 25`);
    expect(p.wireguard.peers[0]?.['persistent-keepalive']).toBe(25);
  });

  it('cuts a line at #', () => {
    const p = profile(`[Interface]\nPrivateKey = ${PRIV} # the key\nAddress = 10.0.0.2#,10.0.0.3`);
    expect(p.ipv4.addresses).toEqual([{ address: '10.0.0.2', prefix: 32 }]);
  });
});

describe('peer values', () => {
  it('keeps an allowed IP without a prefix as written, and one with its prefix', () => {
    const p = profile(peer('AllowedIPs = 10.0.0.1, 10.1.0.0/16,'));
    expect(p.wireguard.peers[0]?.['allowed-ips']).toEqual(['10.0.0.1', '10.1.0.0/16']);
  });

  it('turns keepalive off with "off" or 0, after a value', () => {
    const keepalive = (lines: string): number | undefined =>
      profile(peer(lines)).wireguard.peers[0]?.['persistent-keepalive'];
    expect(keepalive('PersistentKeepalive = 25\nPersistentKeepalive = off')).toBeUndefined();
    expect(keepalive('PersistentKeepalive = 25\nPersistentKeepalive = 0')).toBeUndefined();
    expect(keepalive('PersistentKeepalive = 010')).toBe(10);
  });

  it('ends a peer at the next [Interface], whose keys go to the interface again', () => {
    const p = profile(`${peer('')}[Interface]\nListenPort = 4000\n[Peer]\nPublicKey = ${PUB2}\n`);
    expect(p.wireguard['listen-port']).toBe(4000);
    expect(p.wireguard.peers.map((x) => x['public-key'])).toEqual([PUB, PUB2]);
  });
});

describe('refusals, with their exact words', () => {
  it.each<[string, number | null, string]>([
    [`ListenPort = 1\n[Interface]`, 1, 'unrecognized line: "ListenPort" before the first section'],
    [`${peer('')}ListenPort = 1`, 7, 'unrecognized line: "ListenPort" is not a key of [Peer]'],
    [`${peer('')}DNS = 10.0.0.1`, 7, 'unrecognized line: "DNS" is not a key of [Peer]'],
    [iface('Colour = blue'), 3, 'unrecognized line: "colour" is not a key of [Interface]'],
    [
      iface('abc123='),
      3,
      'unrecognized line: neither a [section] nor "Key = value" (not shown: it may hold a key)',
    ],
    [
      iface('=value'),
      3,
      'unrecognized line: neither a [section] nor "Key = value" (not shown: it may hold a key)',
    ],
    [
      iface('just words'),
      3,
      'unrecognized line: neither a [section] nor "Key = value" (not shown: it may hold a key)',
    ],
    [
      '[Interface]\nPrivateKey = abc\n',
      2,
      'invalid key for PrivateKey: 32 bytes in base64 expected',
    ],
    [iface('ListenPort = 65536'), 3, 'invalid value for ListenPort'],
    [iface('Table = 2147483648'), 3, 'invalid value for Table'],
    [iface('DNS = 10.0.0.1\nMTU = 4294967296'), 4, 'invalid value for MTU'],
    [peer('AllowedIPs = 10.0.0.0/33'), 6, 'invalid value for AllowedIPs'],
    [
      `${iface('')}[Peer]\nEndpoint = h:1\n[Peer]\nPublicKey = ${PUB}\n`,
      4,
      'the peer starting at line 4 has no PublicKey',
    ],
    [`${iface('')}[Peer]\n`, 4, 'the peer starting at line 4 has no PublicKey'],
  ])('%j: line %s, %s', (text, line, message) => {
    expect(error(text)).toEqual({ line, message });
  });

  it('says which file name it wants', () => {
    const r = parseWgQuick(iface(''), { fileName: 'wg0.txt' });
    expect(!r.ok && r.error).toEqual({
      file: 'wg0.txt',
      line: null,
      message: 'the file name must be a valid interface name (1 to 15 bytes) followed by ".conf"',
    });
  });
});
