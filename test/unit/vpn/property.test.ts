// Properties: any input gives a profile or an ImportError (never an exception), and export then
// import is stable.

import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withInlinePaths } from '../../../main/import/inline-files';
import { exportOvpn } from '../../../main/vpn/openvpn/export';
import { parseOvpn } from '../../../main/vpn/openvpn/parse';
import { quoteArg } from '../../../main/vpn/openvpn/quote';
import { tokenizeLine } from '../../../main/vpn/openvpn/tokenizer';
import type { OpenVpnProfile } from '../../../main/vpn/profile';
import type { ImportResult, ReadFile } from '../../../main/vpn/result';
import { fromSettingsDict } from '../../../main/vpn/settings-dict-read';
import { toSettingsDict } from '../../../main/vpn/settings-dict';
import { decodeBytes, encodeBytes } from '../../../main/vpn/text';
import { exportWgQuick } from '../../../main/vpn/wireguard/export';
import { parseWgQuick } from '../../../main/vpn/wireguard/parse';
import { ovpnText } from './openvpn/arbitraries';
import { wgText } from './wireguard/arbitraries';
import { fsRead, OVPN_DIR } from '../../fixtures/corpus';

const RUNS = { numRuns: Number(process.env.TUNNELBAR_RUNS ?? 300) };
/**
 * The fewest generated cases a round-trip property must have checked: generated files that do not
 * parse are skipped, and a property that skipped them all would pass while checking nothing.
 */
const CHECKED_AT_LEAST = Math.ceil(RUNS.numRuns / 5);

function wellFormed(r: ImportResult, text: string): void {
  if (r.ok) return;
  expect(r.error.message.length).toBeGreaterThan(0);
  if (r.error.line !== null) {
    expect(Number.isInteger(r.error.line)).toBe(true);
    expect(r.error.line).toBeGreaterThanOrEqual(1);
    expect(r.error.line).toBeLessThanOrEqual(text.split(/\n|\0/).length);
  }
}

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((b) => decodeBytes(b)),
  fc
    .array(
      fc.constantFrom(
        'client',
        'remote x',
        'ca ca.crt',
        '<ca>',
        '</ca>',
        '"',
        "'",
        '\\',
        '#',
        '\r',
        '\0',
        ' ',
        '\n',
        '[Interface]',
        '[Peer]',
        '=',
        'PrivateKey',
        ',',
      ),
      { maxLength: 60 },
    )
    .map((a) => a.join('')),
);

describe('any input gives a profile or an ImportError', () => {
  it('parseOvpn never throws', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, ovpnText), (text) => {
        wellFormed(parseOvpn(text, { fileName: join(OVPN_DIR, 'p.ovpn'), readFile: fsRead }), text);
      }),
      RUNS,
    );
  });

  it('parseOvpn never throws on raw bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = parseOvpn(bytes, { fileName: '/x/p.ovpn', readFile: fsRead });
        expect(typeof r.ok).toBe('boolean');
      }),
      RUNS,
    );
  });

  it('parseWgQuick never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyText, wgText),
        fc.constantFrom('wg0.conf', 'x.conf', 'bad name.conf'),
        (text, name) => {
          wellFormed(parseWgQuick(text, { fileName: name }), text);
        },
      ),
      RUNS,
    );
  });

  it('a failing readFile is a warning or an ImportError, never an exception', () => {
    const failing: ReadFile = () => {
      throw new Error('EACCES');
    };
    fc.assert(
      fc.property(ovpnText, (text) => {
        wellFormed(parseOvpn(text, { fileName: '/x/p.ovpn', readFile: failing }), text);
      }),
      RUNS,
    );
  });
});

/** Inline blocks "written" to memory, so export can read them back. */
function materialize(r: ImportResult, files: Map<string, Buffer>): OpenVpnProfile {
  if (!r.ok || !('vpn' in r.profile)) throw new Error('not an OpenVPN profile');
  const paths = r.inlineFiles.map((f) => `/virtual/${files.size}-${f.tag}.pem`);
  r.inlineFiles.forEach((f, i) => files.set(paths[i] ?? '', f.content));
  return withInlinePaths(r.profile, r.inlineFiles, paths);
}

describe('export then import is stable', () => {
  it('for generated OpenVPN configurations, with files by path', () => {
    let exact = 0;
    let reported = 0;
    fc.assert(
      fc.property(ovpnText, (text) => {
        const files = new Map<string, Buffer>();
        const readFile: ReadFile = (p) => files.get(p) ?? fsRead(p);
        const first = parseOvpn(text, { fileName: join(OVPN_DIR, 'p.ovpn'), readFile });
        if (!first.ok) return;
        const before = materialize(first, files);
        const out = exportOvpn(before, { inline: false, readFile, proxyAuthFile: 'p.auth' });
        for (const f of out.extraFiles) files.set(join(OVPN_DIR, f.name), Buffer.from(f.content));
        const again = parseOvpn(out.text, { fileName: join(OVPN_DIR, 'p.ovpn'), readFile });
        // What cannot come back is reported (odd combinations nmcli itself creates); the rest must.
        if (out.warnings.length > 0) {
          reported++;
          return;
        }
        exact++;
        expect(again.ok, again.ok ? '' : `${again.error.message}\n${out.text}`).toBe(true);
        if (!again.ok) return;
        expect(again.repairs).toEqual([]);
        expect(again.profile).toEqual(before);
      }),
      RUNS,
    );
    expect(reported).toBeLessThan(exact / 4);
    expect(exact).toBeGreaterThanOrEqual(CHECKED_AT_LEAST);
  });

  it('for generated OpenVPN configurations, with inline certificates (a second export is identical)', () => {
    let checked = 0;
    fc.assert(
      fc.property(ovpnText, (text) => {
        const files = new Map<string, Buffer>();
        const readFile: ReadFile = (p) => files.get(p) ?? fsRead(p);
        const first = parseOvpn(text, { fileName: join(OVPN_DIR, 'p.ovpn'), readFile });
        if (!first.ok) return;
        const exported = exportOvpn(materialize(first, files), { inline: true, readFile });
        if (exported.warnings.length > 0) return; // reported: it cannot come back exactly
        const second = parseOvpn(exported.text, { fileName: join(OVPN_DIR, 'p.ovpn'), readFile });
        expect(second.ok, second.ok ? '' : second.error.message).toBe(true);
        if (!second.ok) return;
        const again = exportOvpn(materialize(second, files), { inline: true, readFile });
        expect(again.text).toBe(exported.text);
        checked++;
      }),
      RUNS,
    );
    expect(checked).toBeGreaterThanOrEqual(CHECKED_AT_LEAST);
  });

  it('for generated wg-quick files', () => {
    let exact = 0;
    let reported = 0;
    fc.assert(
      fc.property(wgText, (text) => {
        const first = parseWgQuick(text, { fileName: 'wg0.conf' });
        if (!first.ok) return;
        const out = exportWgQuick(first.profile);
        if (out.warnings.length > 0) {
          reported++;
          return;
        }
        exact++;
        const again = parseWgQuick(out.text, { fileName: 'wg0.conf' });
        expect(again.ok && again.profile).toEqual(first.profile);
      }),
      RUNS,
    );
    expect(reported).toBeLessThan(exact / 4);
    expect(exact).toBeGreaterThanOrEqual(CHECKED_AT_LEAST);
  });

  it('through the D-Bus settings dictionary', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.oneof(ovpnText, wgText), (text) => {
        const r = text.includes('[Interface]')
          ? parseWgQuick(text, { fileName: 'wg0.conf' })
          : parseOvpn(text, { fileName: join(OVPN_DIR, 'p.ovpn'), readFile: fsRead });
        if (!r.ok) return;
        expect(fromSettingsDict(toSettingsDict(r.profile, 'uuid'))).toEqual(r.profile);
        checked++;
      }),
      RUNS,
    );
    expect(checked).toBeGreaterThanOrEqual(CHECKED_AT_LEAST);
  });
});

describe('text helpers', () => {
  it('quoteArg output reads back as the same word', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => !/[\n\0]/.test(s)),
        (word) => {
          expect(tokenizeLine(`x ${quoteArg(word)}`)).toEqual({ params: ['x', word] });
        },
      ),
      RUNS,
    );
  });

  it('decodeBytes keeps every byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(encodeBytes(decodeBytes(bytes))).toEqual(Buffer.from(bytes));
      }),
      RUNS,
    );
  });
});
