// Issue 11, item 5: an error or warning of the .ovpn and wg-quick parsers names the line and the
// key, never a key's value: these texts reach the CLI, the import report and notifications.

import { describe, expect, it } from 'vitest';
import { parseOvpn } from '../../../main/vpn/openvpn/parse';
import type { ImportResult } from '../../../main/vpn/result';
import { parseWgQuick } from '../../../main/vpn/wireguard/parse';

const PRIV = 'QGKrJqwqWHbp+8ebfAvi5KrIRhOpNdWEceY+f+pX1Fg=';
const PUB = 'SkspmjoM5dXYCZq4PnJbW311u2PNgKk8G3tPG6cBbk4=';
const PSK = 'FpCyhws9cxwWoV4xELtfJvjJN+zQVRPISllRWgeopVE=';

/** Whether any 8 characters of `secret` in a row appear in `text`, in any case. */
function leaks(text: string, secret: string): boolean {
  const t = text.toLowerCase();
  const s = secret.toLowerCase().replace(/=+$/, '');
  for (let i = 0; i + 8 <= s.length; i++) if (t.includes(s.slice(i, i + 8))) return true;
  return false;
}

/** Every text a result carries for people, the JSON of its notes included. */
function texts(r: ImportResult): string {
  return r.ok ? JSON.stringify([r.warnings, r.repairs]) : JSON.stringify(r.error);
}

function wgError(text: string): { line: number | null; message: string } {
  const r = parseWgQuick(text, { fileName: 'wg0.conf' });
  if (r.ok) throw new Error('expected a parse error');
  return r.error;
}

describe('wg-quick parse errors carry no key', () => {
  it('a private key in [Peer]: the line and the key name, not its value', () => {
    const e = wgError(
      `[Interface]\nPrivateKey = ${PUB}\n[Peer]\nPublicKey = ${PUB}\nPrivateKey = ${PRIV}\n`,
    );
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/"PrivateKey" is not a key of \[Peer\]/);
    expect(leaks(e.message, PRIV)).toBe(false);
  });

  it('a preshared key before the first section', () => {
    const e = wgError(`PresharedKey = ${PSK}\n[Interface]\nPrivateKey = ${PRIV}\n`);
    expect(e.line).toBe(1);
    expect(leaks(e.message, PSK)).toBe(false);
    expect(e.message).toContain('PresharedKey');
  });

  it('a key pasted alone on a line (its "=" padding makes it look like a key name)', () => {
    const e = wgError(`[Interface]\n${PRIV}\n`);
    expect(e.line).toBe(2);
    expect(leaks(e.message, PRIV)).toBe(false);
  });

  it('a line without "=" that holds a key', () => {
    const e = wgError(`[Interface]\nPrivateKey: ${PRIV}\n`);
    expect(leaks(e.message, PRIV)).toBe(false);
  });

  it('a typo in a key name is still named', () => {
    expect(wgError(`[Interface]\nPrivatKey = ${PRIV}\n`).message).toMatch(/"privatkey"/i);
  });
});

const PEM_BODY = [
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
  'MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu',
  'nkfq1r3e5gh0ilzyvzbk6khe9hfqpwqbd9pc3yt9vtu0mcumqx0tlbt4wi9stb5a',
];
const STATIC_KEY_LINE = 'e5f1a2b3c4d5e6f708192a3b4c5d6e7f';

/** A valid start: a client, a server and an inline CA (seven lines). */
const BASE = [
  'client',
  'remote vpn.example 1194',
  '<ca>',
  '-----BEGIN CERTIFICATE-----',
  'MIIB',
  '-----END CERTIFICATE-----',
  '</ca>',
  '',
].join('\n');

function ovpn(text: string): ImportResult {
  return parseOvpn(text, {
    fileName: '/p/work.ovpn',
    readFile: () => {
      throw new Error('no file is read');
    },
  });
}

describe('.ovpn warnings and errors carry no key material', () => {
  it('a private key outside <key>…</key>: one warning, no line of it quoted', () => {
    const r = ovpn(
      `${BASE}-----BEGIN PRIVATE KEY-----\n${PEM_BODY.join('\n')}\n` +
        '-----END PRIVATE KEY-----\nverb 3\n',
    );
    for (const line of PEM_BODY) expect(leaks(texts(r), line)).toBe(false);
    expect(r.ok && r.warnings.map((w) => w.line)).toEqual([8, 13]);
  });

  it('a static key outside <tls-auth>', () => {
    const r = ovpn(
      BASE +
        '-----BEGIN OpenVPN Static key V1-----\n' +
        `${STATIC_KEY_LINE}\n${STATIC_KEY_LINE.replace('e5', 'a7')}\n` +
        '-----END OpenVPN Static key V1-----\n',
    );
    expect(leaks(texts(r), STATIC_KEY_LINE)).toBe(false);
  });

  it('a stray line of key material without its armor', () => {
    const r = ovpn(`${BASE}${PEM_BODY[2] ?? ''}\n${PEM_BODY[0] ?? ''}\n`);
    expect(leaks(texts(r), PEM_BODY[2] ?? '')).toBe(false);
    expect(leaks(texts(r), PEM_BODY[0] ?? '')).toBe(false);
    expect(r.ok && r.warnings.map((w) => w.line)).toEqual([8]);
  });

  it('an unknown directive is still named', () => {
    const r = ovpn(`${BASE}mystery-option 1\n`);
    expect(r.ok && r.warnings[0]?.directive).toBe('mystery-option');
  });
});
