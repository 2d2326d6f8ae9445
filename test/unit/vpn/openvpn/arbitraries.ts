// fast-check generators of OpenVPN configurations that look like real files: known directives
// with mostly good and some bad arguments, the quoting styles, comments, CRLF and inline blocks.
// Used by the property tests and by the comparison with NetworkManager's own importer.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { OVPN_DIR } from '../../../fixtures/corpus';

const pem = (name: string): string => readFileSync(join(OVPN_DIR, name), 'utf8');
const p12 = readFileSync(join(OVPN_DIR, 'keys/client-nopass.p12')).toString('base64');

const files = [
  'ca.crt',
  'client.crt',
  'client.key',
  'client-encrypted.key',
  'client-legacy-encrypted.key',
  'client.p12',
  'keys/client-nopass.p12',
  'ta.key',
  'keys/tc2-client.key',
  'proxy-auth.txt',
  'missing.crt',
  './ca.crt',
  'keys/../client.crt',
  'keys/my ca.crt',
  join(OVPN_DIR, 'client.crt'),
  '/nonexistent/x.key',
  '',
];

const numbers = [
  '0',
  '1',
  '2',
  '5',
  '60',
  '1194',
  '65535',
  '65536',
  '-1',
  '+7',
  ' 8',
  '0x10',
  '012',
  'x',
  '99999999999999999999',
  '2147483647',
  '2147483648',
  '4294967295',
];
const hosts = [
  'vpn.example.com',
  '192.0.2.1',
  '2001:db8::1',
  '::1',
  '[::1]',
  'a:b',
  'fe80::1%eth0',
  'host name',
  'a,b',
  '',
  'h\tt',
];
const protos = 'udp udp4 udp6 tcp tcp4 tcp6 tcp4-client tcp-server sctp UDP'.split(' ');
const ips =
  '10.0.0.0 10.1.2.3 0.0.0.0 255.255.255.0 255.255.0.0 255.0.255.0 255.255.255.255 010.0.0.1 vpn_gateway net_gateway remote_host gw.example.com 10.0.0 1.2.3.4.5'.split(
    ' ',
  );
const words = [
  'yes',
  'no',
  'adaptive',
  'lz4',
  'lz4-v2',
  'lzo',
  'stub',
  'stub-v2',
  'migrate',
  'asym',
  'maybe',
  'tun',
  'tap',
  'null',
  'client',
  'server',
  'subject',
  'name',
  'name-prefix',
  'cn',
  'or-highest',
  'dir',
  '1.2',
  'AES-256-GCM',
  'SHA256',
  'x y',
  "it's",
  'say "hi"',
  'back\\slash',
  'stdin',
  'auto',
  '0',
  '1',
];

const directives =
  'client tls-client remote port rport proto dev dev-type ca cert key extra-certs tls-crypt tls-crypt-v2 pkcs12 tls-auth secret key-direction crl-verify cipher data-ciphers tls-cipher auth tls-remote keysize verify-x509-name remote-cert-tls ns-cert-type tls-version-min tls-version-max comp-lzo compress allow-compression mssfix mtu-disc tun-mtu fragment connect-timeout server-poll-timeout ping ping-exit ping-restart keepalive reneg-sec max-routes float remote-random remote-random-hostname allow-pull-fqdn tun-ipv6 push-peer-info http-proxy socks-proxy http-proxy-retry socks-proxy-retry ifconfig auth-user-pass route nobind verb redirect-gateway dhcp-option up Remote --remote --ca data-ciphers-fallback'.split(
    ' ',
  );

function argFor(directive: string): fc.Arbitrary<string> {
  const d = directive.replace(/^--/, '');
  if (
    [
      'ca',
      'cert',
      'key',
      'extra-certs',
      'tls-crypt',
      'tls-crypt-v2',
      'pkcs12',
      'tls-auth',
      'secret',
      'crl-verify',
    ].includes(d)
  ) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...files) },
      { weight: 1, arbitrary: fc.constantFrom(...words) },
    );
  }
  if (d === 'remote' || d === 'http-proxy' || d === 'socks-proxy') {
    return fc.oneof(
      fc.constantFrom(...hosts),
      fc.constantFrom(...numbers),
      fc.constantFrom(...protos),
      fc.constantFrom(...files),
    );
  }
  if (d === 'route' || d === 'ifconfig')
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...ips) },
      { weight: 1, arbitrary: fc.constantFrom(...numbers) },
    );
  if (d === 'proto') return fc.constantFrom(...protos);
  return fc.oneof(fc.constantFrom(...numbers), fc.constantFrom(...words));
}

/** Ways of writing a word that the OpenVPN tokenizer reads back as `w`, and one that breaks it. */
const spellings = (w: string): string[] => [
  /^[^\s"'\\#;]+$/.test(w) && w !== '' ? w : `'${w}'`,
  w.includes("'") ? `"${w.replace(/[\\"]/g, '\\$&')}"` : `'${w}'`,
  `"${w.replace(/[\\"]/g, '\\$&')}"`,
  w === '' ? "''" : w.replace(/[\s\\"'#;]/g, '\\$&'),
];
const quotedMostly = (w: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 30, arbitrary: fc.constantFrom(...spellings(w)) },
    { weight: 1, arbitrary: fc.constant(`"${w}`) },
  );

const c = (...values: string[]): fc.Arbitrary<string> => fc.constantFrom(...values);
const goodFile = c(
  'ca.crt',
  'client.crt',
  'client.key',
  'client-encrypted.key',
  'ta.key',
  'keys/tc2-client.key',
  'keys/my ca.crt',
  './ca.crt',
  'missing.crt',
  'client.p12',
  'keys/client-nopass.p12',
);
const num = (...v: string[]): fc.Arbitrary<string> => c(...v, '0', '30', '1194', ' 12', '+5');
const none = fc.constant<string[]>([]);
const fixed = (...v: string[]): fc.Arbitrary<string[]> => fc.constant<string[]>(v);
const one = (a: fc.Arbitrary<string>): fc.Arbitrary<string[]> => a.map((x) => [x]);

/** Arguments each directive accepts (mostly valid; a few edge values nmcli must agree on). */
const GOOD: Record<string, fc.Arbitrary<string[]>> = {
  client: none,
  'tls-client': none,
  remote: fc.oneof(
    one(c(...hosts)),
    fc.tuple(c(...hosts), num('443', '65535')).map((t) => [...t]),
    fc.tuple(c(...hosts), num('443'), c(...protos)).map((t) => [...t]),
  ),
  port: one(num('1195')),
  rport: one(num('1196')),
  proto: one(c(...protos)),
  dev: one(c('tun', 'tun0', 'tap-work', 'tap0', 'my dev')),
  'dev-type': one(c('tun', 'tap')),
  ca: one(goodFile),
  cert: one(goodFile),
  key: one(goodFile),
  'extra-certs': one(goodFile),
  'tls-crypt': one(goodFile),
  'tls-crypt-v2': one(goodFile),
  pkcs12: one(goodFile),
  'tls-auth': fc.oneof(
    one(goodFile),
    fc.tuple(goodFile, c('0', '1')).map((t) => [...t]),
  ),
  secret: fc.oneof(
    one(c('static.key', '[inline]')),
    fc.tuple(c('static.key'), c('0', '1')).map((t) => [...t]),
  ),
  'key-direction': one(c('0', '1')),
  'crl-verify': fc.oneof(one(c('crl.pem', 'missing.pem')), fixed('keys', 'dir')),
  cipher: one(c('AES-256-GCM', 'BF-CBC')),
  'data-ciphers': one(c('AES-256-GCM:AES-128-GCM')),
  'tls-cipher': one(c('DEFAULT:@SECLEVEL=0')),
  auth: one(c('SHA256', 'none')),
  'tls-remote': one(c('server', 'CN=x, O=y')),
  keysize: one(num('128', '256')),
  'verify-x509-name': fc.oneof(
    one(c('vpn.example.com', 'C=DE, CN=x')),
    fc.tuple(c('vpn', 'x:y'), c('name', 'name-prefix', 'subject')).map((t) => [...t]),
  ),
  'remote-cert-tls': one(c('server', 'client')),
  'ns-cert-type': one(c('server', 'client')),
  'tls-version-min': fc.oneof(one(c('1.2', '1.3')), fixed('1.2', 'or-highest')),
  'tls-version-max': one(c('1.3')),
  'comp-lzo': fc.oneof(none, one(c('yes', 'no', 'adaptive'))),
  compress: fc.oneof(none, one(c('lzo', 'lz4', 'lz4-v2', 'stub', 'stub-v2'))),
  'allow-compression': one(c('yes', 'no', 'asym')),
  mssfix: fc.oneof(none, one(num('1400'))),
  'mtu-disc': one(c('no', 'maybe', 'yes')),
  'tun-mtu': one(num('1500')),
  fragment: one(num('1300')),
  'connect-timeout': one(num()),
  'server-poll-timeout': one(num()),
  ping: one(num('10')),
  'ping-exit': one(num('60')),
  'ping-restart': one(num('120')),
  keepalive: fc.tuple(num('10'), num('60')).map((t) => [...t]),
  'reneg-sec': one(num('0', '3600')),
  'max-routes': one(num('100')),
  float: none,
  'remote-random': none,
  'remote-random-hostname': none,
  'allow-pull-fqdn': none,
  'tun-ipv6': none,
  'push-peer-info': none,
  'http-proxy': fc.oneof(
    fc.tuple(c('proxy.example.com', '10.0.0.1'), num('8080')).map((t) => [...t]),
    fc
      .tuple(c('proxy.example.com'), c('3128'), c('proxy-auth.txt', 'stdin', 'auto'))
      .map((t) => [...t]),
    fc
      .tuple(c('proxy.example.com'), c('3128'), c('proxy-auth.txt'), c('basic', 'ntlm'))
      .map((t) => [...t]),
  ),
  'socks-proxy': fc.oneof(
    one(c('socks.example.com')),
    fc.tuple(c('127.0.0.1'), num('1080')).map((t) => [...t]),
    fixed('s', '1080', 'proxy-auth.txt'),
  ),
  'http-proxy-retry': none,
  'socks-proxy-retry': none,
  ifconfig: fc.tuple(c('10.8.0.2'), c('10.8.0.1')).map((t) => [...t]),
  'auth-user-pass': fc.oneof(none, one(c('creds.txt'))),
  route: fc.oneof(
    one(c('10.1.2.3', '0.0.0.0')),
    fc
      .tuple(c('10.0.0.0', '10.1.2.3', '0.0.0.0'), c('255.255.0.0', '0.0.0.0', '255.0.255.0'))
      .map((t) => [...t]),
    fc
      .tuple(
        c('10.0.0.0', '0.0.0.0'),
        c('255.0.0.0', '0.0.0.0'),
        c('10.8.0.1', '0.0.0.0', 'vpn_gateway', 'net_gateway'),
      )
      .map((t) => [...t]),
    fc
      .tuple(c('10.0.0.0'), c('255.0.0.0'), c('10.8.0.1', 'vpn_gateway'), num('5'))
      .map((t) => [...t]),
    fixed('remote_host', '255.255.255.255', 'net_gateway'),
  ),
};

const randomArgs = (d: string): fc.Arbitrary<string[]> => fc.array(argFor(d), { maxLength: 4 });

const directiveLine: fc.Arbitrary<string> = fc
  .constantFrom(...directives)
  .chain((d) => {
    const good = GOOD[d.replace(/^--/, '')];
    const args =
      good === undefined
        ? randomArgs(d)
        : fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: randomArgs(d) });
    const written = args.chain((list) =>
      list.length === 0 ? fixed() : fc.tuple(...list.map(quotedMostly)),
    );
    return fc.tuple(fc.constant(d), written, fc.constantFrom('', '', '', ' # c', ' ;c', '\t'));
  })
  .map(([d, args, tail]) => [d, ...args].join(' ') + tail);

const blocks = [
  `<ca>\n${pem('ca.crt')}</ca>`,
  `<cert>\n${pem('client.crt')}</cert>`,
  `<key>\n${pem('client-encrypted.key')}</key>`,
  `<key>\n  ${pem('client.key')}</key>`,
  `<tls-auth>\n${pem('ta.key')}</tls-auth>`,
  `<secret>\n${pem('static.key')}</secret>`,
  `<tls-crypt-v2>\n${pem('keys/tc2-client.key')}</tls-crypt-v2>`,
  `<pkcs12>\n${p12}\n</pkcs12>`,
  '<crl-verify>\nx\n</crl-verify>',
  '<extra-certs>\n</extra-certs>',
  '<dh>\nx\n</dh>',
  '<ca>\nunterminated',
  '</ca>',
];

const anyLine = fc.oneof(
  { weight: 30, arbitrary: directiveLine },
  { weight: 4, arbitrary: fc.constantFrom('', '   ', '# comment', '; comment', '  # indented') },
  { weight: 4, arbitrary: fc.constantFrom(...blocks.slice(0, -4)) },
  { weight: 1, arbitrary: fc.constantFrom(...blocks.slice(-4)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

/** A configuration: a usual head (often valid) and random lines, with LF or CRLF. */
export const ovpnText: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { weight: 6, arbitrary: fixed('client', 'remote vpn.example.com 1194', 'ca ca.crt') },
      { weight: 1, arbitrary: fc.subarray(['client', 'remote vpn.example.com 1194', 'ca ca.crt']) },
    ),
    fc.array(anyLine, { maxLength: 12 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([head, body, crlf, bom]) => {
    const text = [...head, ...body].join('\n') + '\n';
    return (bom ? '\uFEFF' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
  });
