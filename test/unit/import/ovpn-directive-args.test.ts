// The argument rules of the OpenVPN directives NetworkManager-openvpn imports, one case each: how
// many arguments a directive takes, which may not be empty, and the warnings for what is dropped.
// Mutation testing (issue #18) found these rules untested; a loosened rule imports a file nmcli
// rejects, or stores a value the plugin never would.

import { describe, expect, it } from 'vitest';
import type { ImportNote } from '../../../main/import/result';
import { ovpn } from './corpus';

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
    ['secret static.key 2', 'the key direction (2nd argument of "secret") must be 0 or 1, not "2"'],
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
  ])('%j is refused: %s', (line, message) => {
    expect(errorOf(BASE + line)).toBe(message);
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
