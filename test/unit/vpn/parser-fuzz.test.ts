// The .ovpn and wg-quick parsers against arbitrary bytes (issue 11, "beyond the list"): whatever a
// file holds, parseImportFile answers a profile or an ImportError and never throws, also when the
// files it names are refused; and a 1 MiB file of any shape parses in roughly linear time (a
// generous bound: thousands of `remote` lines once took 17 s, each re-checking the whole list).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../main/vpn/detect';
import { parseOvpn } from '../../../main/vpn/openvpn/parse';
import { FileRefused } from '../../../main/import/read-bounded';
import type { ImportResult, ReadFile } from '../../../main/vpn/result';
import { parseWgQuick } from '../../../main/vpn/wireguard/parse';

const RUNS = { numRuns: Number(process.env.TUNNELBAR_RUNS ?? 200) };
const MIB = 1024 * 1024;
/**
 * Far above what a linear parse of 1 MiB takes here (well under a second), far below quadratic.
 * Mutation testing (vitest.stryker.config.mts) raises it: Stryker's instrumented copy on a loaded
 * machine took more than 5 s for mutants that change nothing, which counted them as killed; a
 * quadratic mutant still takes minutes, far beyond the raised bound and Stryker's own timeout.
 */
const BOUND_MS = Number(process.env.TUNNELBAR_PARSE_BOUND_MS ?? 5000);

/** Words the parsers care about, so random files reach past the first line often. */
const WORDS = [
  'client',
  'remote h 1194 udp',
  'ca ca.crt',
  'cert c.crt',
  'key c.key',
  '<ca>',
  '</ca>',
  '<key>',
  '</key>',
  '<pkcs12>',
  'http-proxy p 8080 a.txt',
  'route 10.0.0.0 255.0.0.0',
  'secret s.key 1',
  'tls-auth ta.key 0',
  'dev tun',
  'auth-user-pass',
  '"',
  "'",
  '\\',
  '#',
  ';',
  '\r',
  '\0',
  ' ',
  '\n',
  '\t',
  '[Interface]',
  '[Peer]',
  '=',
  ',',
  'PrivateKey',
  'PublicKey',
  'AllowedIPs',
  'Address',
  'DNS',
  'Endpoint',
  '10.0.0.1/24',
  '::1',
  '\uFEFF',
  '\xff',
  '\u00e9',
];

const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  fc
    .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 8 })), { maxLength: 200 })
    .map((parts) => Buffer.from(parts.join(''), 'latin1')),
  fc
    .array(fc.constantFrom(...WORDS), { maxLength: 200 })
    .map((parts) => Buffer.from(parts.join(' '), 'utf8')),
);

/** A reader that answers like the real one would for odd paths: missing, refused, or bytes. */
const anyReader = fc
  .tuple(fc.uint8Array({ maxLength: 256 }), fc.integer({ min: 0, max: 3 }))
  .map(([bytes, mode]): ReadFile => (path) => {
    if (mode === 0) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    if (mode === 1) throw new FileRefused(path, 'not-regular', 'it is a named pipe (FIFO)');
    if (mode === 2) throw new FileRefused(path, 'too-large', 'it is larger than 1 MiB');
    return Buffer.from(bytes);
  });

function wellFormed(r: ImportResult): void {
  if (r.ok) return;
  expect(typeof r.error.message).toBe('string');
  expect(r.error.message.length).toBeGreaterThan(0);
  expect(r.error.line === null || Number.isInteger(r.error.line)).toBe(true);
}

describe('arbitrary bytes', () => {
  it.each(['/cfg/work.ovpn', '/cfg/wg0.conf', '/cfg/provider.conf'])(
    'parseImportFile(%s) answers a profile or an ImportError, never throws',
    (name) => {
      fc.assert(
        fc.property(anyBytes, anyReader, (bytes, readFile) => {
          const r = parseImportFile(name, readFile, () => Buffer.from(bytes));
          wellFormed(r);
        }),
        RUNS,
      );
    },
  );
});

const fill = (unit: string, bytes: number): string =>
  unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
const KEY = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';
const noFiles: ReadFile = () => {
  throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
};

const OVPN_SHAPES: Record<string, string> = {
  'remote lines': `client\nca ca.crt\n${fill('remote host.example 1194 udp\n', MIB)}`,
  'remote lines split by NUL': fill('remote x\0', MIB),
  'route lines': `client\nremote x\nca ca.crt\n${fill('route 10.0.0.0 255.0.0.0\n', MIB)}`,
  'one long line of words': `client ${fill('a ', MIB)}`,
  'an unterminated quote': `"${fill('a', MIB)}`,
  'an unterminated block': `client\n<ca>\n${fill('AAAA\n', MIB)}`,
  'many blocks': `client\nremote x\n${fill('<ca>\nA\n</ca>\n', MIB)}`,
  'ignored directives (a warning each)': `client\nremote x\nca c\n${fill('verb 3\n', MIB)}`,
  'file directives': `client\nremote x\n${fill('ca ca.crt\ncert c.crt\nkey c.key\n', MIB)}`,
  backslashes: fill('\\\\ ', MIB),
  'random bytes': Buffer.from(
    fc.sample(fc.uint8Array({ minLength: MIB, maxLength: MIB }), {
      numRuns: 1,
      seed: 11,
    })[0] ?? [],
  ).toString('latin1'),
};

const WG_SHAPES: Record<string, string> = {
  peers: `[Interface]\nPrivateKey = ${KEY}\n${fill(`[Peer]\nPublicKey = ${KEY}\nAllowedIPs = 10.0.0.0/8\n`, MIB)}`,
  'one long AllowedIPs': `[Interface]\nPrivateKey = ${KEY}\n[Peer]\nPublicKey = ${KEY}\nAllowedIPs = ${fill('10.0.0.1/32, ', MIB)}`,
  'address lines': `[Interface]\n${fill('Address = 10.0.0.1/24\n', MIB)}`,
  'one long DNS': `[Interface]\nDNS = ${fill('1.1.1.1, a.example, ', MIB)}`,
  'one long line': `[Interface]\n${fill('x', MIB)}`,
  'section lines': fill('[Interface]\n', MIB),
  'equals signs': `[Interface]\n${fill('=', MIB)}`,
};

function timed(parse: () => ImportResult): number {
  const started = performance.now();
  wellFormed(parse());
  return performance.now() - started;
}

describe('a 1 MiB file parses in roughly linear time', () => {
  it.each(Object.keys(OVPN_SHAPES))('.ovpn: %s', (shape) => {
    const text = OVPN_SHAPES[shape] ?? '';
    expect(
      timed(() => parseOvpn(text, { fileName: '/cfg/big.ovpn', readFile: noFiles })),
    ).toBeLessThan(BOUND_MS);
  });

  it.each(Object.keys(WG_SHAPES))('wg-quick: %s', (shape) => {
    const text = WG_SHAPES[shape] ?? '';
    expect(timed(() => parseWgQuick(text, { fileName: '/cfg/wg0.conf' }))).toBeLessThan(BOUND_MS);
  });
});
