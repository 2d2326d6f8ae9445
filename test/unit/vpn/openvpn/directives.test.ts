// One test per directive NetworkManager-openvpn imports: the vpn.data it produces.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENVPN_DATA_KEYS } from '../../../../main/vpn/openvpn/keys';
import type { ImportSuccess } from '../../../../main/vpn/result';
import type { OpenVpnProfile } from '../../../../main/vpn/profile';
import { OVPN_DIR, ovpn } from '../../../fixtures/corpus';

const BASE = 'client\nremote vpn.example.com\nca ca.crt\n';
const BASE_DATA = {
  remote: 'vpn.example.com',
  ca: join(OVPN_DIR, 'ca.crt'),
  'connection-type': 'tls',
};

function imported(text: string): ImportSuccess<OpenVpnProfile> {
  const r = ovpn(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r as ImportSuccess<OpenVpnProfile>;
}

/** The vpn.data entries a few lines add to (or change in) a minimal client configuration. */
function added(lines: string): Record<string, string> {
  const data = imported(BASE + lines).profile.vpn.data;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) {
    if (BASE_DATA[k as keyof typeof BASE_DATA] !== v) out[k] = v;
  }
  return out;
}

const f = (name: string): string => join(OVPN_DIR, name);

describe('directives that map to vpn.data', () => {
  it.each<[string, Record<string, string>]>([
    ['port 1195', { port: '1195' }],
    ['rport 1196', { port: '1196' }],
    ['port +0443', { port: '443' }],
    ['proto udp', {}],
    ['proto udp4', {}],
    ['proto udp6', {}],
    ['proto tcp', { 'proto-tcp': 'yes' }],
    ['proto tcp4', { 'proto-tcp': 'yes' }],
    ['proto tcp6', { 'proto-tcp': 'yes' }],
    ['proto tcp-client', { 'proto-tcp': 'yes' }],
    ['proto tcp4-client', { 'proto-tcp': 'yes' }],
    ['proto tcp6-client', { 'proto-tcp': 'yes' }],
    ['proto tcp\nproto udp', { 'proto-tcp': 'yes' }],
    ['dev tun0', { dev: 'tun0' }],
    ['dev "my\\\\dev"', { dev: 'my\\\\dev' }],
    ['dev-type tap', { 'dev-type': 'tap' }],
    ['cipher AES-256-GCM', { cipher: 'AES-256-GCM' }],
    [
      'data-ciphers AES-256-GCM:CHACHA20-POLY1305',
      { 'data-ciphers': 'AES-256-GCM:CHACHA20-POLY1305' },
    ],
    ['tls-cipher DEFAULT', { 'tls-cipher': 'DEFAULT' }],
    ['auth SHA512', { auth: 'SHA512' }],
    ['tls-remote server', { 'tls-remote': 'server' }],
    ['keysize 256', { keysize: '256' }],
    ['verify-x509-name vpn.example.com', { 'verify-x509-name': 'subject:vpn.example.com' }],
    ['verify-x509-name vpn name', { 'verify-x509-name': 'name:vpn' }],
    ['verify-x509-name vpn- name-prefix', { 'verify-x509-name': 'name-prefix:vpn-' }],
    ["verify-x509-name 'C=DE, CN=x' subject", { 'verify-x509-name': 'subject:C=DE, CN=x' }],
    ['remote-cert-tls server', { 'remote-cert-tls': 'server' }],
    ['ns-cert-type server', { 'ns-cert-type': 'server' }],
    ['tls-version-min 1.2', { 'tls-version-min': '1.2' }],
    [
      'tls-version-min 1.2 or-highest',
      { 'tls-version-min': '1.2', 'tls-version-min-or-highest': 'yes' },
    ],
    ['tls-version-max 1.3', { 'tls-version-max': '1.3' }],
    ['comp-lzo', { 'comp-lzo': 'adaptive' }],
    ['comp-lzo yes', { 'comp-lzo': 'yes' }],
    ['comp-lzo no', { 'comp-lzo': 'no-by-default' }],
    ['comp-lzo adaptive', { 'comp-lzo': 'adaptive' }],
    ['compress', { compress: 'yes' }],
    ['compress lz4-v2', { compress: 'lz4-v2' }],
    ['compress lzo', { compress: 'lzo' }],
    ['allow-compression asym', { 'allow-compression': 'asym' }],
    ['mssfix', { mssfix: 'yes' }],
    ['mssfix 1360', { mssfix: '1360' }],
    ['mtu-disc maybe', { 'mtu-disc': 'maybe' }],
    ['tun-mtu 1400', { 'tunnel-mtu': '1400' }],
    ['fragment 1300', { 'fragment-size': '1300' }],
    ['connect-timeout 20', { 'connect-timeout': '20' }],
    ['server-poll-timeout 4', { 'connect-timeout': '4' }],
    ['ping 10', { ping: '10' }],
    ['ping-exit 60', { 'ping-exit': '60' }],
    ['ping-restart 120', { 'ping-restart': '120' }],
    ['keepalive 10 60', { ping: '10', 'ping-restart': '60' }],
    ['reneg-sec 0', { 'reneg-seconds': '0' }],
    ['max-routes 500', { 'max-routes': '500' }],
    ['float', { float: 'yes' }],
    ['remote-random', { 'remote-random': 'yes' }],
    ['remote-random-hostname', { 'remote-random-hostname': 'yes' }],
    ['allow-pull-fqdn', { 'allow-pull-fqdn': 'yes' }],
    ['tun-ipv6', { 'tun-ipv6': 'yes' }],
    ['push-peer-info', { 'push-peer-info': 'yes' }],
    ['ifconfig 10.8.0.2 10.8.0.1', { 'local-ip': '10.8.0.2', 'remote-ip': '10.8.0.1' }],
    ['http-proxy-retry', { 'proxy-retry': 'yes' }],
    ['socks-proxy-retry', { 'proxy-retry': 'yes' }],
    [
      'socks-proxy socks.example.com',
      { 'proxy-type': 'socks', 'proxy-server': 'socks.example.com' },
    ],
    [
      'socks-proxy 127.0.0.1 1080',
      { 'proxy-type': 'socks', 'proxy-server': '127.0.0.1', 'proxy-port': '1080' },
    ],
    ['http-proxy p 3128', { 'proxy-type': 'http', 'proxy-server': 'p', 'proxy-port': '3128' }],
    [
      'http-proxy p 3128 stdin',
      { 'proxy-type': 'http', 'proxy-server': 'p', 'proxy-port': '3128' },
    ],
    ['cert client.crt\nkey client.key', { cert: f('client.crt'), key: f('client.key') }],
    ['extra-certs ca.crt', { 'extra-certs': f('ca.crt') }],
    ['tls-crypt keys/tls-crypt.key', { 'tls-crypt': f('keys/tls-crypt.key') }],
    ['tls-crypt-v2 keys/tc2-client.key', { 'tls-crypt-v2': f('keys/tc2-client.key') }],
    ['tls-auth ta.key', { ta: f('ta.key') }],
    ['tls-auth ta.key 0', { ta: f('ta.key'), 'ta-dir': '0' }],
    ['key-direction 1\ntls-auth ta.key', { ta: f('ta.key'), 'ta-dir': '1' }],
    ['tls-auth ta.key 0\nkey-direction 1', { ta: f('ta.key'), 'ta-dir': '1' }],
    ['key-direction 1', {}],
    ['crl-verify crl.pem', { 'crl-verify-file': f('crl.pem') }],
    ['crl-verify keys dir', { 'crl-verify-dir': f('keys') }],
    ['ca /etc/ssl/x.pem', { ca: '/etc/ssl/x.pem' }],
    ['ca ./ca.crt', { ca: `${OVPN_DIR}/./ca.crt` }],
    [
      'pkcs12 keys/client-nopass.p12',
      { cert: f('keys/client-nopass.p12'), key: f('keys/client-nopass.p12') },
    ],
    ['auth-user-pass', { 'connection-type': 'password', 'password-flags': '1' }],
    [
      'auth-user-pass\ncert client.crt\nkey client.key',
      {
        'connection-type': 'password-tls',
        'password-flags': '1',
        cert: f('client.crt'),
        key: f('client.key'),
      },
    ],
    [
      'key client-encrypted.key\ncert client.crt',
      {
        cert: f('client.crt'),
        key: f('client-encrypted.key'),
        'cert-pass-flags': '1',
      },
    ],
    [
      'key client-legacy-encrypted.key\ncert client.crt',
      {
        cert: f('client.crt'),
        key: f('client-legacy-encrypted.key'),
        'cert-pass-flags': '1',
      },
    ],
  ])('%s', (lines, expected) => {
    expect(added(lines)).toEqual(expected);
  });

  it('joins remotes into host:port:proto entries, bracketing IPv6 addresses', () => {
    const r = imported(
      [
        'client',
        'ca ca.crt',
        'remote a.example.com',
        'remote b.example.com 443',
        'remote c.example.com 1194 tcp',
        'remote 2001:db8::1',
        'remote 2001:db8::2 443',
        'remote 2001:db8::3 443 udp6',
        'remote a:b 1194',
        'remote [::1]',
      ].join('\n'),
    );
    expect(r.profile.vpn.data.remote).toBe(
      'a.example.com, b.example.com:443, c.example.com:1194:tcp, [2001:db8::1]::, ' +
        '[2001:db8::2]:443:, [2001:db8::3]:443:udp6, a:b:1194:, [::1]::',
    );
  });

  it('reads the proxy user name and password from the auth file, the password as a secret', () => {
    const r = imported(`${BASE}http-proxy proxy.example.com 3128 proxy-auth.txt`);
    expect(r.profile.vpn.data['http-proxy-username']).toBe('proxyuser');
    expect(r.profile.vpn.data['http-proxy-password-flags']).toBe('1');
    expect(r.profile.vpn.secrets).toEqual({ 'http-proxy-password': 'proxy secret' });
  });

  it('sets static-key, its direction and the static-key type without client', () => {
    const r = imported('remote x\nsecret static.key 1\nifconfig 10.8.0.2 10.8.0.1\n');
    expect(r.profile.vpn.data).toEqual({
      remote: 'x',
      'static-key': f('static.key'),
      'static-key-direction': '1',
      'connection-type': 'static-key',
      'local-ip': '10.8.0.2',
      'remote-ip': '10.8.0.1',
    });
  });

  it('lets pkcs12 fill ca only when no ca came before', () => {
    const p12 = f('keys/client-nopass.p12');
    expect(imported('client\nremote x\npkcs12 keys/client-nopass.p12\n').profile.vpn.data).toEqual({
      remote: 'x',
      ca: p12,
      cert: p12,
      key: p12,
      'connection-type': 'tls',
    });
    expect(added('pkcs12 keys/client-nopass.p12')).toEqual({ cert: p12, key: p12 });
  });

  it('turns route lines into ipv4.routes', () => {
    const r = imported(
      `${BASE}route 10.1.0.0 255.255.0.0\nroute 10.2.0.0 255.255.255.0 10.8.0.1 7\n` +
        'route 10.3.0.1\nroute 10.4.0.0 255.0.0.0 0.0.0.0\nroute 0.0.0.0 0.0.0.0\n' +
        'route 10.1.0.0 255.255.0.0\n',
    );
    expect(r.profile.ipv4).toEqual({
      method: 'auto',
      routes: [
        { dest: '10.1.0.0', prefix: 16 },
        { dest: '10.2.0.0', prefix: 24, 'next-hop': '10.8.0.1', metric: 7 },
        { dest: '10.3.0.1', prefix: 32 },
        { dest: '10.4.0.0', prefix: 8 },
      ],
    });
  });

  it('takes the prefix from the lowest set bit of a netmask, like NetworkManager', () => {
    const r = imported(`${BASE}route 10.0.0.0 255.0.255.0\n`);
    expect(r.profile.ipv4.routes).toEqual([{ dest: '10.0.0.0', prefix: 24 }]);
  });

  it('builds the whole profile: id from the file name, service type, ipv4/ipv6 auto', () => {
    const r = ovpn(BASE, 'office.vpn.ovpn');
    expect(r.ok && r.profile).toEqual({
      connection: { id: 'office.vpn', type: 'vpn' },
      vpn: {
        'service-type': 'org.freedesktop.NetworkManager.openvpn',
        data: BASE_DATA,
        secrets: {},
      },
      ipv4: { method: 'auto' },
      ipv6: { method: 'auto' },
    });
  });

  it('never emits a vpn.data key NetworkManager-openvpn 1.10.2 does not know', () => {
    const r = imported(
      `${BASE}data-ciphers-fallback AES-256-CBC\nncp-disable\nauth-user-pass creds\n` +
        'static-challenge "OTP" 1\npull-filter ignore route\n',
    );
    for (const key of Object.keys(r.profile.vpn.data)) {
      expect(OPENVPN_DATA_KEYS as readonly string[]).toContain(key);
    }
  });
});
