import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportOvpn } from '../../../main/vpn/openvpn/export';
import { quoteArg } from '../../../main/vpn/openvpn/quote';
import { parseRemoteEntry, parseRemotes } from '../../../main/vpn/openvpn/remote';
import { tokenizeLine } from '../../../main/vpn/openvpn/tokenizer';
import type { OpenVpnProfile, WireGuardProfile } from '../../../main/vpn/profile';
import { exportWgQuick } from '../../../main/vpn/wireguard/export';
import { parseWgQuick } from '../../../main/vpn/wireguard/parse';
import { fsRead, OVPN_DIR } from '../../fixtures/corpus';

const f = (name: string): string => join(OVPN_DIR, name);

function openvpn(
  data: Record<string, string>,
  extra: Partial<OpenVpnProfile> = {},
): OpenVpnProfile {
  return {
    connection: { id: 'work', type: 'vpn' },
    vpn: { 'service-type': 'org.freedesktop.NetworkManager.openvpn', data, secrets: {} },
    ipv4: { method: 'auto' },
    ipv6: { method: 'auto' },
    ...extra,
  };
}

const lines = (text: string): string[] =>
  text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));

describe('exportOvpn', () => {
  it('writes one directive per setting, with certificates by path', () => {
    const out = exportOvpn(
      openvpn({
        'connection-type': 'password-tls',
        remote: 'a.example.com:1194:udp, b.example.com:443, [2001:db8::1]::',
        ca: f('ca.crt'),
        cert: f('client.crt'),
        key: f('client.key'),
        ta: f('ta.key'),
        'ta-dir': '1',
        'comp-lzo': 'no-by-default',
        'verify-x509-name': 'name:vpn.example.com',
        'password-flags': '1',
      }),
      { inline: false, readFile: fsRead },
    );
    expect(lines(out.text)).toEqual([
      'client',
      'remote a.example.com 1194 udp',
      'remote b.example.com 443',
      'remote 2001:db8::1',
      `ca ${f('ca.crt')}`,
      `cert ${f('client.crt')}`,
      `key ${f('client.key')}`,
      `tls-auth ${f('ta.key')} 1`,
      'auth-user-pass',
      'comp-lzo no',
      'verify-x509-name vpn.example.com name',
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('inlines certificates, with key-direction for tls-auth and base64 for PKCS#12', () => {
    const p12 = f('keys/client-nopass.p12');
    const out = exportOvpn(
      openvpn({
        remote: 'x',
        ca: f('ca.crt'),
        cert: p12,
        key: p12,
        ta: f('ta.key'),
        'ta-dir': '0',
      }),
      { inline: true, readFile: fsRead },
    );
    expect(out.text).toMatch(/^key-direction 0$/m);
    expect(out.text).toMatch(/^<pkcs12>\n[A-Za-z0-9+/=\n]+<\/pkcs12>$/m);
    expect(out.text).toMatch(/^<ca>\n-----BEGIN CERTIFICATE-----\n[^]*\n<\/ca>$/m);
    expect(out.text.indexOf('<pkcs12>')).toBeLessThan(out.text.indexOf('<ca>'));
    expect(out.text).not.toMatch(/^cert |^key /m);
  });

  it('falls back to a path, with a warning, for a file it cannot read', () => {
    const out = exportOvpn(
      openvpn({ remote: 'x', ca: '/nonexistent/ca.crt', 'connection-type': 'tls' }),
      {
        inline: true,
        readFile: fsRead,
      },
    );
    expect(lines(out.text)).toContain('ca /nonexistent/ca.crt');
    expect(out.warnings).toEqual([expect.stringMatching(/could not be read/)]);
  });

  it('quotes what the line parser would otherwise split or drop', () => {
    const out = exportOvpn(openvpn({ remote: 'x', ca: '/tmp/my ca.crt', cipher: "it's" }), {
      inline: false,
    });
    expect(lines(out.text)).toEqual([
      'client',
      'remote x',
      "ca '/tmp/my ca.crt'",
      'cipher "it\'s"',
    ]);
  });

  it('writes the proxy credentials only to the auth file it was asked for', () => {
    const profile = openvpn({
      remote: 'x',
      ca: f('ca.crt'),
      'connection-type': 'tls',
      'proxy-type': 'http',
      'proxy-server': 'proxy.example.com',
      'proxy-port': '3128',
      'http-proxy-username': 'me',
      'http-proxy-password-flags': '1',
      'proxy-retry': 'yes',
    });
    profile.vpn.secrets = { 'http-proxy-password': 'pw' };
    const without = exportOvpn(profile, { inline: false });
    expect(lines(without.text)).toContain('http-proxy proxy.example.com 3128');
    expect(without.text).not.toContain('pw');
    expect(without.warnings).toEqual([
      'the proxy user name and password are not exported (no auth file requested)',
      'vpn.data "http-proxy-username" cannot be written in an .ovpn file',
      'vpn.data "http-proxy-password-flags" cannot be written in an .ovpn file',
    ]);
    const withFile = exportOvpn(profile, { inline: false, proxyAuthFile: 'work.auth' });
    expect(lines(withFile.text)).toContain('http-proxy proxy.example.com 3128 work.auth');
    expect(lines(withFile.text)).toContain('http-proxy-retry');
    expect(withFile.extraFiles).toEqual([{ name: 'work.auth', content: 'me\npw\n' }]);
  });

  it('lists what an .ovpn file cannot carry', () => {
    const out = exportOvpn(
      openvpn(
        {
          remote: 'x',
          ca: f('ca.crt'),
          'connection-type': 'tls',
          username: 'jdoe',
          'ncp-disable': 'yes',
        },
        { ipv4: { method: 'auto', 'never-default': true, dns: ['10.0.0.1'] } },
      ),
      { inline: false },
    );
    expect(out.warnings).toEqual([
      'ipv4.never-default (split tunnel) is not exported',
      'ipv4 DNS settings are not exported',
      'vpn.data "username" cannot be written in an .ovpn file',
      'vpn.data "ncp-disable" cannot be written in an .ovpn file',
    ]);
  });

  it('reports a profile the importer would type differently', () => {
    const out = exportOvpn(
      openvpn({
        remote: 'x',
        ca: f('ca.crt'),
        'connection-type': 'password',
        'password-flags': '1',
      }),
      {
        inline: false,
      },
    );
    expect(out.warnings).toEqual([]);
    const odd = exportOvpn(openvpn({ remote: 'x', 'connection-type': 'tls' }), { inline: false });
    expect(odd.warnings).toEqual([expect.stringMatching(/would not import: .*no "ca"/)]);
  });

  it('writes routes with netmask, gateway and metric', () => {
    const out = exportOvpn(
      openvpn(
        { remote: 'x', ca: f('ca.crt') },
        {
          ipv4: {
            method: 'auto',
            routes: [
              { dest: '10.1.0.0', prefix: 16 },
              { dest: '10.2.0.0', prefix: 24, metric: 5 },
              { dest: '10.3.0.0', prefix: 8, 'next-hop': '10.8.0.1' },
            ],
          },
        },
      ),
      { inline: false },
    );
    expect(lines(out.text).filter((l) => l.startsWith('route'))).toEqual([
      'route 10.1.0.0 255.255.0.0',
      'route 10.2.0.0 255.255.255.0 0.0.0.0 5',
      'route 10.3.0.0 255.0.0.0 10.8.0.1',
    ]);
  });

  it('keeps a profile name with a newline from turning into a directive', () => {
    const p = openvpn({ remote: 'x', ca: f('ca.crt') });
    p.connection.id = 'evil\nup /bin/sh';
    expect(lines(exportOvpn(p, { inline: false }).text)).not.toContain('up /bin/sh');
  });
});

describe('quoteArg', () => {
  it.each([
    'plain',
    'with space',
    "it's",
    'say "hi"',
    'back\\slash',
    '#hash',
    ';semi',
    'tab\there',
    '',
  ])('reads back %j unchanged', (value) => {
    expect(tokenizeLine(`x ${quoteArg(value)}`)).toEqual({ params: ['x', value] });
  });
});

describe('parseRemoteEntry', () => {
  it.each<[string, ReturnType<typeof parseRemoteEntry>]>([
    ['host', { host: 'host', port: null, proto: null }],
    ['host:443', { host: 'host', port: '443', proto: null }],
    ['host:443:tcp', { host: 'host', port: '443', proto: 'tcp' }],
    ['host::udp', { host: 'host', port: null, proto: 'udp' }],
    ['[::1]::', { host: '::1', port: null, proto: null }],
    ['[::1]:443:', { host: '::1', port: '443', proto: null }],
    ['2001:db8::1', { host: '2001:db8::1', port: null, proto: null }],
    // "a:b::" is itself an IPv6 address, so the plugin takes it whole (its own quirk).
    ['a:b::', { host: 'a:b::', port: null, proto: null }],
    ['a:b:1194:', { host: 'a:b', port: '1194', proto: null }],
    ['host:0', null],
    ['host:1:sctp', null],
    [':443', null],
  ])('%j', (entry, expected) => {
    expect(parseRemoteEntry(entry)).toEqual(expected);
  });

  it('splits a list at spaces, tabs and commas', () => {
    expect(parseRemotes('a, b\tc,d').map((r) => r.host)).toEqual(['a', 'b', 'c', 'd']);
  });
});

const PRIV = 'QGKrJqwqWHbp+8ebfAvi5KrIRhOpNdWEceY+f+pX1Fg=';
const PUB = 'SkspmjoM5dXYCZq4PnJbW311u2PNgKk8G3tPG6cBbk4=';
const PSK = '8Sn37JyaaLIg3/gN21VEc7DD2HbWBjyuIFLF1XOqcH8=';

function wg(extra: Partial<WireGuardProfile> = {}): WireGuardProfile {
  return {
    connection: { id: 'wg0', type: 'wireguard', 'interface-name': 'wg0' },
    wireguard: {
      peers: [{ 'public-key': PUB, 'allowed-ips': ['0.0.0.0/0'], endpoint: 'h:51820' }],
    },
    ipv4: {
      method: 'manual',
      addresses: [{ address: '10.0.0.2', prefix: 24 }],
      dns: ['10.0.0.1'],
      'dns-search': ['~'],
    },
    ipv6: { method: 'disabled' },
    ...extra,
  };
}

describe('exportWgQuick', () => {
  it('writes the interface and peers, keys taken from the secrets', () => {
    const out = exportWgQuick(wg(), { 'private-key': PRIV, peers: { [PUB]: PSK } });
    expect(lines(out.text)).toEqual([
      '[Interface]',
      `PrivateKey = ${PRIV}`,
      'Address = 10.0.0.2/24',
      'DNS = 10.0.0.1',
      '[Peer]',
      `PublicKey = ${PUB}`,
      `PresharedKey = ${PSK}`,
      'AllowedIPs = 0.0.0.0/0',
      'Endpoint = h:51820',
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('warns when it has no private key', () => {
    expect(exportWgQuick(wg()).warnings).toEqual([expect.stringMatching(/no private key/)]);
  });

  it('keeps explicit search domains and the Table setting', () => {
    const p = wg();
    p.ipv4['dns-search'] = ['corp.example', '~'];
    p.ipv4['route-table'] = 77;
    const text = exportWgQuick(p, { 'private-key': PRIV }).text;
    expect(lines(text)).toContain('DNS = 10.0.0.1, corp.example, ~');
    expect(lines(text)).toContain('Table = 77');
    const again = parseWgQuick(text, { fileName: 'wg0.conf' });
    expect(again.ok && again.profile.ipv4['dns-search']).toEqual(['corp.example', '~']);
  });

  it('writes Table = off when peer routes are off', () => {
    const p = wg();
    p.wireguard['peer-routes'] = false;
    expect(lines(exportWgQuick(p, { 'private-key': PRIV }).text)).toContain('Table = off');
  });
});
