// The low-level helpers: GLib-compatible text handling, NetworkManager's integer parser, inet_pton
// and inet_ntop, strict base64 keys, and what the importer reads from certificate files.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBase64Strict, isWireGuardKey } from '../../../main/vpn/wireguard/base64-key';
import { isEncryptedKey, isInlineableText, isPkcs12 } from '../../../main/vpn/openvpn/cert-files';
import { detectKind, parseImportFile } from '../../../main/vpn/detect';
import {
  formatIPv6,
  netmaskToPrefix,
  parseIp,
  parseIpWithPrefix,
  parseIPv4,
  parseIPv6,
  prefixToNetmask,
} from '../../../main/vpn/inet';
import { parseInt64 } from '../../../main/vpn/numbers';
import {
  decodeBytes,
  encodeBytes,
  hasInvalidUtf8,
  utf8safeEscape,
  utf8safeUnescape,
} from '../../../main/vpn/text';
import { OVPN_DIR } from '../../fixtures/corpus';

describe('text', () => {
  it('keeps bytes that are not UTF-8 as escapes, and knows they are there', () => {
    const s = decodeBytes(Buffer.from([0x61, 0xfc, 0x62, 0xc3, 0xbc]));
    expect(s).toBe('a\udcfcbü');
    expect(hasInvalidUtf8(s)).toBe(true);
    expect(hasInvalidUtf8('ü😀')).toBe(false);
    expect(encodeBytes(s)).toEqual(Buffer.from([0x61, 0xfc, 0x62, 0xc3, 0xbc]));
  });

  it.each([
    [[0xed, 0xa0, 0x80]], // an encoded surrogate
    [[0xc0, 0xaf]], // an overlong form
    [[0xf4, 0x90, 0x80, 0x80]], // above U+10FFFF
    [[0xe2, 0x82]], // truncated
  ])('rejects %j as UTF-8, byte by byte', (bytes) => {
    const s = decodeBytes(Uint8Array.from(bytes));
    expect(s).toHaveLength(bytes.length);
    expect(hasInvalidUtf8(s)).toBe(true);
  });

  it('escapes paths like NetworkManager stores them (utf8safe) and back', () => {
    const path = decodeBytes(Buffer.from('/home/a\\b/schl\xfcssel', 'latin1'));
    expect(utf8safeEscape(path)).toBe('/home/a\\\\b/schl\\374ssel');
    expect(utf8safeUnescape('/home/a\\\\b/schl\\374ssel')).toBe(path);
    expect(utf8safeEscape('/plain/ü')).toBe('/plain/ü');
    expect(utf8safeUnescape('a\\tb\\qc')).toBe('a\tbqc');
  });
});

describe('parseInt64', () => {
  it.each<[string, 10 | 0, bigint | null]>([
    ['42', 10, 42n],
    [' 42 ', 10, 42n],
    ['+42', 10, 42n],
    ['-0', 10, 0n],
    ['0042', 10, 42n],
    ['0x10', 10, null],
    ['0x10', 0, 16n],
    ['010', 0, 8n],
    ['08', 0, null],
    ['0x', 0, null],
    ['', 10, null],
    ['4 2', 10, null],
    ['9223372036854775808', 10, null],
    ['9223372036854775807', 10, 9223372036854775807n],
  ])('%j (base %i) → %s', (text, base, expected) => {
    expect(parseInt64(text, base, -(2n ** 63n), 2n ** 63n - 1n)).toBe(expected);
  });

  it('applies the range', () => {
    expect(parseInt64('70000', 10, 1n, 65535n)).toBeNull();
  });
});

describe('inet', () => {
  it.each(['1.2.3.4', '0.0.0.0', '255.255.255.255'])('accepts the IPv4 address %s', (a) => {
    expect(parseIPv4(a)).not.toBeNull();
  });
  it.each(['1.2.3', '1.2.3.4.5', '01.2.3.4', '256.1.1.1', '1.2.3.4 ', '', '1..2.3'])(
    'rejects %j as IPv4 (inet_pton)',
    (a) => {
      expect(parseIPv4(a)).toBeNull();
    },
  );

  it.each([
    ['::', '::'],
    ['::1', '::1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['fe80:0:0:0:0:0:0:0', 'fe80::'],
    ['::ffff:1.2.3.4', '::ffff:1.2.3.4'],
    ['::1.2.3.4', '::1.2.3.4'],
    ['1:0:2:0:3:0:4:5', '1:0:2:0:3:0:4:5'],
    ['a:b::', 'a:b::'],
  ])('reads %s and prints it as %s (inet_ntop)', (text, printed) => {
    const bytes = parseIPv6(text);
    expect(bytes).not.toBeNull();
    if (bytes !== null) expect(formatIPv6(bytes)).toBe(printed);
  });

  it.each([
    ':',
    ':1',
    '1:',
    '1::2::3',
    '12345::',
    '1:2:3:4:5:6:7:8:9',
    'fe80::1%eth0',
    '[::1]',
    '::1.2.3',
    'g::',
  ])('rejects %j as IPv6', (a) => {
    expect(parseIPv6(a)).toBeNull();
  });

  it('chooses the family by the colon, and reads a prefix', () => {
    expect(parseIp('10.0.0.1')).toMatchObject({ family: 4, text: '10.0.0.1' });
    expect(parseIpWithPrefix('fd00::1/64')).toMatchObject({
      family: 6,
      text: 'fd00::1',
      prefix: 64,
    });
    expect(parseIpWithPrefix('10.0.0.1/33')).toBeNull();
    expect(parseIpWithPrefix('10.0.0.1/')).toBeNull();
    expect(parseIpWithPrefix('10.0.0.1')).toMatchObject({ prefix: null });
  });

  it('converts netmasks the way NetworkManager does', () => {
    expect(netmaskToPrefix(Uint8Array.from([255, 255, 255, 0]))).toBe(24);
    expect(netmaskToPrefix(Uint8Array.from([0, 0, 0, 0]))).toBe(0);
    expect(netmaskToPrefix(Uint8Array.from([255, 0, 255, 0]))).toBe(24);
    expect(prefixToNetmask(0)).toBe('0.0.0.0');
    expect(prefixToNetmask(20)).toBe('255.255.240.0');
    expect(prefixToNetmask(32)).toBe('255.255.255.255');
  });
});

describe('WireGuard keys', () => {
  it('accepts exactly the canonical base64 of 32 bytes', () => {
    expect(isWireGuardKey('QGKrJqwqWHbp+8ebfAvi5KrIRhOpNdWEceY+f+pX1Fg=')).toBe(true);
    expect(isWireGuardKey('QGKrJqwqWHbp+8ebfAvi5KrIRhOpNdWEceY+f+pX1Fg')).toBe(false);
    expect(isWireGuardKey('QGKrJqwqWHbp+8ebfAvi5KrIRhOpNdWEceY+f+pX1Fh=')).toBe(false);
    expect(isWireGuardKey('QGKrJqwqWHbp-8ebfAvi5KrIRhOpNdWEceY+f+pX1Fg=')).toBe(false);
    expect(isWireGuardKey('AAAA')).toBe(false);
  });

  it('decodes strictly', () => {
    expect(decodeBase64Strict('YQ==')).toEqual(Buffer.from('a'));
    expect(decodeBase64Strict('YR==')).toBeNull();
    expect(decodeBase64Strict('YQ==YQ==')).toBeNull();
    expect(decodeBase64Strict('Y Q = =')).toEqual(Buffer.from('a'));
  });
});

describe('certificate files', () => {
  const file = (name: string): Buffer => readFileSync(join(OVPN_DIR, name));

  it('recognises PKCS#12 files, and nothing else as PKCS#12', () => {
    expect(isPkcs12(file('client.p12'))).toBe(true);
    expect(isPkcs12(file('keys/client-nopass.p12'))).toBe(true);
    for (const n of ['ca.crt', 'client.key', 'ta.key', 'crl.pem'])
      expect(isPkcs12(file(n))).toBe(false);
    expect(isPkcs12(file('client.p12').subarray(0, 100))).toBe(false);
  });

  it('recognises encrypted private keys', () => {
    expect(isEncryptedKey(file('client-encrypted.key'))).toBe(true);
    expect(isEncryptedKey(file('client-legacy-encrypted.key'))).toBe(true);
    expect(isEncryptedKey(file('client.p12'))).toBe(true);
    expect(isEncryptedKey(file('client.key'))).toBe(false);
    expect(isEncryptedKey(Buffer.from('  -----BEGIN ENCRYPTED PRIVATE KEY-----\n'))).toBe(false);
  });

  it('only inlines text', () => {
    expect(isInlineableText(file('ca.crt'))).toBe(true);
    expect(isInlineableText(file('client.p12'))).toBe(false);
  });
});

describe('detect', () => {
  it('tells wg-quick from OpenVPN by the [Interface] section', () => {
    expect(detectKind('/x/wg0.conf', '[Interface]\nPrivateKey = x\n')).toBe('wireguard');
    expect(detectKind('/x/wg0.conf', '  [ interface ]  # c\n')).toBe('wireguard');
    expect(detectKind('/x/work.conf', 'client\nremote x\n')).toBe('openvpn');
    expect(detectKind('/x/odd.ovpn', '[Interface]\n')).toBe('openvpn');
  });

  it('turns an unreadable file into an ImportError', () => {
    const r = parseImportFile('/nonexistent/a.ovpn', () => {
      throw new Error('ENOENT: no such file');
    });
    expect(r).toMatchObject({ ok: false, error: { file: '/nonexistent/a.ovpn', line: null } });
  });
});
