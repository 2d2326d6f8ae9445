// What the OpenVPN importer rejects (with file and line), what it drops with a warning, and what it
// repairs.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatImportError, type ImportNote } from '../../../../main/vpn/result';
import { OVPN_DIR, ovpn } from '../../../fixtures/corpus';

const BASE = 'client\nremote vpn.example.com\nca ca.crt\n';

function errorOf(text: string): { line: number | null; message: string } {
  const r = ovpn(text);
  if (r.ok) throw new Error('expected an error');
  return { line: r.error.line, message: r.error.message };
}

function warnings(text: string): ImportNote[] {
  const r = ovpn(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.warnings;
}

describe('errors: the files nmcli rejects', () => {
  it.each<[string, number, RegExp]>([
    ['proto sctp', 4, /"proto" expects a protocol/],
    ['dev-type null', 4, /"dev-type" accepts "tun", "tap", not "null"/],
    ['compress migrate', 4, /"compress" accepts/],
    ['comp-lzo maybe', 4, /"comp-lzo" accepts/],
    ['allow-compression sometimes', 4, /"allow-compression" accepts/],
    ['mtu-disc always', 4, /"mtu-disc" accepts/],
    ['mtu-disc yes no', 4, /^"mtu-disc" takes exactly 1 argument$/],
    ['port 1194 1195', 4, /^"port" takes exactly 1 argument$/],
    ['remote-cert-tls peer', 4, /"remote-cert-tls" accepts/],
    ['ns-cert-type peer', 4, /"ns-cert-type" accepts/],
    ['verify-x509-name x cn', 4, /type must be/],
    ['tls-version-min 1.2 or-lowest', 4, /invalid keyword "or-lowest"/],
    ['crl-verify crl.pem file', 4, /accepts only "dir"/],
    ['key-direction 2', 4, /must be 0 or 1/],
    ['tls-auth ta.key both', 4, /must be 0 or 1/],
    ['port 0', 4, /from 1 to 65535, not "0"/],
    ['port 65536', 4, /from 1 to 65535/],
    ['port 0x10', 4, /must be a number/],
    ['keysize 0', 4, /from 1 to 65535/],
    ['tun-mtu 70000', 4, /from 0 to 65535/],
    ['fragment 70000', 4, /from 0 to 65535/],
    ['reneg-sec -1', 4, /from 0 to 2147483647/],
    ['max-routes 100000001', 4, /from 0 to 100000000/],
    ['keepalive 10', 4, /takes exactly 2 arguments/],
    ['client now', 4, /"client" takes no arguments/],
    ['float 1', 4, /"float" takes no arguments/],
    ['cipher', 4, /takes exactly 1 argument/],
    ['cipher ""', 4, /cannot be empty/],
    ['ca ""', 4, /cannot be empty/],
    ['remote a,b', 4, /cannot contain a comma/],
    ['remote "a b"', 4, /cannot contain a space/],
    ['remote x 1194 sctp', 4, /expects a protocol/],
    ['remote x 99999', 4, /from 1 to 65535/],
    ['http-proxy p', 4, /between 2 and 4 arguments/],
    ['http-proxy p 8080 no-such-file', 4, /cannot read the proxy authentication file/],
    ['route 10.0.0.0 255.0.0.0 gw.example.com', 4, /looks like a host name/],
    ['route vpn.example.com', 4, /looks like a host name/],
    ['route 10.0.0.0 mask', 4, /must be an IPv4 address, not "mask"/],
    ['route 10.0.0.0 255.0.0.0 10.0.0.1 -1', 4, /from 0 to 4294967295/],
    ['route net_gateway', 4, /"net_gateway", which NetworkManager cannot express/],
    ['route 10.0.0.0 255.0.0.0 remote_host', 4, /"remote_host"/],
    ['<connection>\nremote x\n</connection>', 4, /<connection> is not supported/],
    ['<dh>\nx\n</dh>', 4, /<dh> is not supported/],
    ['</ca>', 4, /<\/ca> is not supported/],
    ['<ca>\nAAA\n', 4, /<ca> has no <\/ca>/],
    ['ca "x', 4, /unterminated double quote at position 3/],
    ['ca x\\', 4, /trailing escaping backslash/],
  ])('%j → line %i', (line, lineNo, message) => {
    const e = errorOf(BASE + line);
    expect(e.line).toBe(lineNo);
    expect(e.message).toMatch(message);
  });

  it.each<[string, number | null, RegExp]>([
    ['remote x\nca ca.crt\n', null, /neither "client" nor "secret"/],
    ['pull\ntls-client\nca ca.crt\n', null, /no "remote"/],
    ['client\nremote x\n', null, /no "ca"/],
    [
      'client\nremote x\nca ca.crt\ncert client.crt\n',
      4,
      /"cert" and "key" must be given together/,
    ],
    ['client\nremote x\nca ca.crt\nkey client.key\n', 4, /"cert" and "key" must be given together/],
    ['client\nremote x\npkcs12 client.p12\nkey client.key\n', 4, /cannot be combined/],
    ['client\nremote x\nca client.p12\npkcs12 client.p12\n', 3, /"ca" file cannot be PKCS#12/],
    ['client\nremote x\nca ca.crt\ncert client.p12\nkey client.key\n', 4, /"cert" file cannot/],
    ['client\nremote x\nca ca.crt\ncert client.crt\nkey client.p12\n', 5, /"key" file cannot/],
    ['dev tun\nremote x\n<secret>\nK\n</secret>\n', null, /neither "client" nor "secret"/],
  ])('rejects %j as a whole', (text, line, message) => {
    const e = errorOf(text);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(message);
  });

  it('rejects a proxy auth file without a password line', () => {
    const readFile = (path: string): Buffer => {
      if (path.endsWith('/one-line.txt')) return Buffer.from('\n  user-only  \r\n\n');
      throw new Error('ENOENT');
    };
    const r = ovpn(`${BASE}http-proxy p 8080 one-line.txt\n`, 'test.ovpn', readFile);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.line).toBe(4);
    expect(r.error.message).toMatch(/password line/);
  });

  it('names the file and the line', () => {
    const r = ovpn(`${BASE}proto sctp\n`, 'work.ovpn');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.file).toBe(join(OVPN_DIR, 'work.ovpn'));
    expect(formatImportError(r.error)).toBe(
      `${join(OVPN_DIR, 'work.ovpn')}:4: "proto" expects a protocol such as "udp" or "tcp", not "sctp"`,
    );
  });

  it('stops at the first error, like nmcli', () => {
    expect(errorOf(`${BASE}proto sctp\nport 0\n`).line).toBe(4);
  });

  it('counts lines across CRLF, comments, blank lines and inline blocks', () => {
    const text = '# c\r\nclient\r\n\r\n<ca>\r\nX\r\n</ca>\r\nremote x\r\nproto sctp\r\n';
    expect(errorOf(text).line).toBe(8);
  });

  it('rejects a file name without a name', () => {
    const r = ovpn(BASE, '.ovpn');
    expect(!r.ok && r.error.message).toMatch(/empty connection name/);
  });
});

describe('warnings: the lines nmcli drops silently', () => {
  it('gives one warning per dropped line, with its line number and directive', () => {
    const w = warnings(
      `${BASE}verb 3\nredirect-gateway def1\ndhcp-option DNS 10.0.0.1\nup /etc/x.sh\nfoo bar\n`,
    );
    expect(w.map((x) => [x.line, x.directive, x.harmless ?? false])).toEqual([
      [4, 'verb', true],
      [5, 'redirect-gateway', false],
      [6, 'dhcp-option', false],
      [7, 'up', false],
      [8, 'foo', false],
    ]);
    expect(w[3]?.message).toMatch(/never runs scripts/);
    expect(w[4]?.message).toMatch(/not supported by NetworkManager-openvpn 1.10.2/);
  });

  it('marks what the plugin does by itself as harmless', () => {
    const w = warnings(
      `${BASE}nobind\npersist-key\npersist-tun\nauth-nocache\nscript-security 2\n`,
    );
    expect(w.every((x) => x.harmless === true)).toBe(true);
    expect(w).toHaveLength(5);
  });

  it('warns about a referenced file that does not exist, keeping the path like nmcli', () => {
    const r = ovpn(`${BASE}cert missing.crt\nkey /nonexistent/k.key\n`);
    expect(r.ok).toBe(true);
    if (!r.ok || !('vpn' in r.profile)) return;
    expect(r.profile.vpn.data.cert).toBe(join(OVPN_DIR, 'missing.crt'));
    expect(r.warnings.map((x) => [x.line, x.directive])).toEqual([
      [4, 'cert'],
      [5, 'key'],
    ]);
    expect(r.warnings[0]?.message).toMatch(/cannot be read/);
  });

  it('warns that an auth-user-pass file is not imported', () => {
    const w = warnings(`${BASE}auth-user-pass creds.txt\n`);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ line: 4, directive: 'auth-user-pass' });
  });

  it('warns about an encrypted inline key, which nmcli leaves without cert-pass-flags', () => {
    const r = ovpn(
      'client\nremote x\nca ca.crt\ncert client.crt\n<key>\n-----BEGIN ENCRYPTED PRIVATE KEY-----\nx\n</key>\n',
    );
    expect(r.ok).toBe(true);
    if (!r.ok || !('vpn' in r.profile)) return;
    expect(r.profile.vpn.data['cert-pass-flags']).toBeUndefined();
    expect(r.warnings).toEqual([expect.objectContaining({ line: 5, directive: '<key>' })]);
  });

  it('treats a directive name case-sensitively, as OpenVPN does', () => {
    expect(warnings(`${BASE}Remote y\n`)).toEqual([
      expect.objectContaining({ directive: 'Remote' }),
    ]);
  });
});

describe('repairs: lines nmcli rejects that have a safe translation', () => {
  function repaired(extra: string) {
    const r = ovpn(BASE + extra);
    if (!r.ok || !('vpn' in r.profile)) throw new Error(JSON.stringify(r));
    return { data: r.profile.vpn.data, routes: r.profile.ipv4.routes, repairs: r.repairs };
  }

  it('imports compress stub as the bare compress OpenVPN treats the same way', () => {
    const r = repaired('compress stub\n');
    expect(r.data.compress).toBe('yes');
    expect(r.repairs).toEqual([expect.objectContaining({ line: 4, directive: 'compress' })]);
  });

  it('drops compress stub-v2 on a TUN device', () => {
    const r = repaired('dev tun\ncompress stub-v2\n');
    expect(r.data.compress).toBeUndefined();
    expect(r.repairs).toEqual([expect.objectContaining({ line: 5, directive: 'compress' })]);
  });

  it.each(['dev tap\n', 'dev tap0\n', 'dev-type tap\n', 'dev x\ndev-type tap\n'])(
    'keeps compress stub-v2 an error on a TAP device (%j)',
    (dev) => {
      const e = errorOf(`${BASE}compress stub-v2\n${dev}`);
      expect(e.line).toBe(4);
      expect(e.message).toMatch(/TAP/);
    },
  );

  it('imports a vpn_gateway route as a route through the tunnel', () => {
    const r = repaired('route 10.9.0.0 255.255.0.0 vpn_gateway 20\n');
    expect(r.routes).toEqual([{ dest: '10.9.0.0', prefix: 16, metric: 20 }]);
    expect(r.repairs).toHaveLength(1);
  });

  it('drops the route to the VPN server outside the tunnel (NetworkManager adds it)', () => {
    const r = repaired('route remote_host 255.255.255.255 net_gateway\n');
    expect(r.routes).toBeUndefined();
    expect(r.repairs[0]?.message).toMatch(/NetworkManager adds that route itself/);
  });

  it('drops a net_gateway route and says the traffic goes through the VPN', () => {
    const r = repaired('route 192.168.0.0 255.255.0.0 net_gateway\n');
    expect(r.routes).toBeUndefined();
    expect(r.repairs[0]?.message).toMatch(/goes through the VPN/);
  });

  it('still rejects a later line that has no repair', () => {
    expect(errorOf(`${BASE}compress stub\nproto sctp\n`).line).toBe(5);
  });
});
