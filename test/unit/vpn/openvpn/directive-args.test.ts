// The argument rules of the OpenVPN directives NetworkManager-openvpn imports, one case each: how
// many arguments a directive takes, which may not be empty, and the warnings for what is dropped.
// Mutation testing (issue #18) found these rules untested; a loosened rule imports a file nmcli
// rejects, or stores a value the plugin never would.

import { describe, expect, it } from 'vitest';
import type { ImportNote } from '../../../../main/vpn/result';
import { ovpn } from '../../../fixtures/corpus';

const BASE = 'client\nremote vpn.example.com\nca ca.crt\n';

function errorOf(text: string): string {
  const r = ovpn(text);
  if (r.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
  expect(r.error.line).toBe(4);
  return r.error.message;
}

function imported(text: string): { data: Record<string, string>; warnings: ImportNote[] } {
  const r = ovpn(text);
  if (!r.ok || !('vpn' in r.profile)) throw new Error(JSON.stringify(r));
  return { data: r.profile.vpn.data, warnings: r.warnings };
}

describe('argument counts and empty arguments', () => {
  it.each<[string, string]>([
    ['ca ca.crt 1', '"ca" takes exactly 1 argument'],
    ['cert a b', '"cert" takes exactly 1 argument'],
    ['pkcs12 a b', '"pkcs12" takes exactly 1 argument'],
    ['secret static.key 1 x', '"secret" takes between 1 and 2 arguments'],
    ['tls-auth ta.key 1 x', '"tls-auth" takes between 1 and 2 arguments'],
    ['tls-crypt', '"tls-crypt" takes exactly 1 argument'],
    ['secret ""', 'the 1st argument of "secret" cannot be empty'],
    [
      'secret static.key 2',
      'the key direction (the 2nd argument of "secret") must be 0 or 1, not "2"',
    ],
    ['remote', '"remote" takes between 1 and 3 arguments'],
    ['remote x 1194 udp extra', '"remote" takes between 1 and 3 arguments'],
    ['remote ""', 'the 1st argument of "remote" cannot be empty'],
    ['remote x port', 'the 2nd argument of "remote" must be a number from 1 to 65535, not "port"'],
    ['remote x 0', 'the 2nd argument of "remote" must be a number from 1 to 65535, not "0"'],
    ['socks-proxy', '"socks-proxy" takes between 1 and 3 arguments'],
    ['socks-proxy s 1080 stdin extra', '"socks-proxy" takes between 1 and 3 arguments'],
    ['socks-proxy ""', 'the 1st argument of "socks-proxy" cannot be empty'],
    ['http-proxy p 3128 stdin basic extra', '"http-proxy" takes between 2 and 4 arguments'],
    [
      'http-proxy p 0',
      'the 2nd argument of "http-proxy" must be a number from 1 to 65535, not "0"',
    ],
    [
      'socks-proxy s 65536',
      'the 2nd argument of "socks-proxy" must be a number from 1 to 65535, not "65536"',
    ],
    ['crl-verify', '"crl-verify" takes between 1 and 2 arguments'],
    ['crl-verify crl.pem dir x', '"crl-verify" takes between 1 and 2 arguments'],
    ['crl-verify ""', 'the 1st argument of "crl-verify" cannot be empty'],
    ['tls-client x', '"tls-client" takes no arguments'],
    ['key-direction', '"key-direction" takes exactly 1 argument'],
    ['key-direction 1 0', '"key-direction" takes exactly 1 argument'],
    ['dev', '"dev" takes exactly 1 argument'],
    ['dev ""', 'the 1st argument of "dev" cannot be empty'],
    ['proto udp tcp', '"proto" takes exactly 1 argument'],
    ['mssfix 1 2', '"mssfix" takes between 0 and 1 arguments'],
    ['mssfix -1', 'the 1st argument of "mssfix" must be a number from 0 to 2147483647, not "-1"'],
    ['comp-lzo yes no', '"comp-lzo" takes between 0 and 1 arguments'],
    ['comp-lzo maybe', '"comp-lzo" accepts "yes", "no" or "adaptive", not "maybe"'],
    ['tls-version-min', '"tls-version-min" takes between 1 and 2 arguments'],
    ['tls-version-min ""', 'the 1st argument of "tls-version-min" cannot be empty'],
    ['keepalive 1 2 3', '"keepalive" takes exactly 2 arguments'],
    [
      'keepalive x 10',
      'the 1st argument of "keepalive" must be a number from 0 to 2147483647, not "x"',
    ],
    [
      'keepalive 10 x',
      'the 2nd argument of "keepalive" must be a number from 0 to 2147483647, not "x"',
    ],
    ['verify-x509-name', '"verify-x509-name" takes between 1 and 2 arguments'],
    ['verify-x509-name ""', 'the 1st argument of "verify-x509-name" cannot be empty'],
    [
      'verify-x509-name x cn',
      '"verify-x509-name" type must be "subject", "name" or "name-prefix", not "cn"',
    ],
    ['ifconfig 10.8.0.2', '"ifconfig" takes exactly 2 arguments'],
    ['ifconfig "" 10.8.0.1', 'the 1st argument of "ifconfig" cannot be empty'],
    ['ifconfig 10.8.0.2 ""', 'the 2nd argument of "ifconfig" cannot be empty'],
    ['auth-user-pass a b', '"auth-user-pass" takes between 0 and 1 arguments'],
    ['tls-version-min 1.2 or-lowest', 'invalid keyword "or-lowest" in "tls-version-min"'],
    ['proto sctp', '"proto" expects a protocol such as "udp" or "tcp", not "sctp"'],
    ['remote x 1194 sctp', '"remote" expects a protocol such as "udp" or "tcp", not "sctp"'],
    ['crl-verify crl.pem file', '"crl-verify" accepts only "dir" after the path'],
  ])('%j is refused: %s', (line, message) => {
    expect(errorOf(BASE + line)).toBe(message);
  });
});

describe('every value of a choice', () => {
  it.each<[string, Record<string, string>]>([
    ['dev-type tun', { 'dev-type': 'tun' }],
    ['dev-type tap', { 'dev-type': 'tap' }],
    ['mtu-disc no', { 'mtu-disc': 'no' }],
    ['mtu-disc yes', { 'mtu-disc': 'yes' }],
    ['ns-cert-type client', { 'ns-cert-type': 'client' }],
    ['remote-cert-tls client', { 'remote-cert-tls': 'client' }],
    ['allow-compression yes', { 'allow-compression': 'yes' }],
    ['allow-compression no', { 'allow-compression': 'no' }],
  ])('%s is stored', (line, expected) => {
    expect(imported(`${BASE}${line}\n`).data).toMatchObject(expected);
  });
});

describe('what the file directives store', () => {
  it('keeps the direction key-direction gave a secret without its own, and its own over it', () => {
    const secret = (lines: string): Record<string, string> =>
      imported(`remote x\nifconfig 10.8.0.2 10.8.0.1\n${lines}`).data;
    expect(secret('key-direction 0\nsecret static.key\n')['static-key-direction']).toBe('0');
    expect(secret('key-direction 0\nsecret static.key 1\n')['static-key-direction']).toBe('1');
    expect(secret('secret static.key\n')['static-key-direction']).toBeUndefined();
  });

  it('keeps the direction key-direction gave a tls-auth without its own', () => {
    expect(imported(`${BASE}key-direction 0\ntls-auth ta.key\n`).data['ta-dir']).toBe('0');
    expect(imported(`${BASE}key-direction 0\ntls-auth ta.key 1\n`).data['ta-dir']).toBe('1');
  });

  it('gives a host with a colon, without a port, an empty port and protocol', () => {
    expect(imported('client\nca ca.crt\nremote a:b\n').data.remote).toBe('a:b::');
    expect(imported('client\nca ca.crt\nremote a:b 1194 tcp\n').data.remote).toBe('a:b:1194:tcp');
  });
});

describe('proxies', () => {
  it('stores a SOCKS proxy without a port, and no credentials', () => {
    const { data, warnings } = imported(`${BASE}socks-proxy 10.0.0.9\n`);
    expect(data).toMatchObject({ 'proxy-type': 'socks', 'proxy-server': '10.0.0.9' });
    expect(data['proxy-port']).toBeUndefined();
    expect(data['http-proxy-username']).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('says that credentials asked on stdin are not imported', () => {
    const { data, warnings } = imported(`${BASE}http-proxy p 3128 stdin\n`);
    expect(data['http-proxy-username']).toBeUndefined();
    expect(warnings).toEqual([
      {
        line: 4,
        directive: 'http-proxy',
        message: 'the proxy credentials "stdin" are not imported',
      },
    ]);
  });

  it('says that an HTTP proxy authentication method is not imported', () => {
    const { data, warnings } = imported(`${BASE}http-proxy p 3128 auto basic\n`);
    expect(data).toMatchObject({ 'proxy-type': 'http', 'proxy-port': '3128' });
    expect(warnings.map((w) => w.message)).toEqual([
      'the proxy credentials "auto" are not imported',
      'the proxy authentication method "basic" is not imported (NetworkManager uses "auto")',
    ]);
  });
});
