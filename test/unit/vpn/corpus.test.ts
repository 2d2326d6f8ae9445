// Every corpus file gives what its manifest entry says (the sandbox tests compare the same files
// with nmcli, using the same manifest).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../main/vpn/detect';
import { OPENVPN_DATA_KEYS } from '../../../main/vpn/openvpn/keys';
import { FIXTURES, fixturePath, fsRead, manifest, parseEntry } from '../../fixtures/corpus';

describe('the corpus manifest', () => {
  it('lists every configuration file once, and has at least 40 of them', () => {
    const onDisk = ['ovpn', 'wg'].flatMap((dir) =>
      readdirSync(join(FIXTURES, dir))
        .filter((n) => /\.(ovpn|conf)$/.test(n))
        .map((n) => `${dir}/${n}`),
    );
    const listed = manifest.map((e) => e.file);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(onDisk.sort());
    expect(listed.length).toBeGreaterThanOrEqual(40);
  });

  it('covers ok, repaired and broken files of both kinds', () => {
    const kinds = new Set(manifest.map((e) => `${e.type}:${e.expect}`));
    expect([...kinds].sort()).toEqual([
      'openvpn:error',
      'openvpn:ok',
      'openvpn:repaired',
      'wireguard:error',
      'wireguard:ok',
    ]);
  });
});

describe.each(manifest)('$file', (entry) => {
  it(`is ${entry.expect}${entry.expect === 'error' ? ` at line ${String(entry.line)}` : ''}`, () => {
    const r = parseEntry(entry);
    if (entry.expect === 'error') {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.line).toBe(entry.line);
      return;
    }
    expect(r.ok, r.ok ? '' : JSON.stringify(r.error)).toBe(true);
    if (!r.ok) return;
    expect(r.repairs.length > 0).toBe(entry.expect === 'repaired');
    if ('vpn' in r.profile) {
      for (const key of Object.keys(r.profile.vpn.data)) {
        expect(OPENVPN_DATA_KEYS as readonly string[]).toContain(key);
      }
    }
  });

  it('is recognised as the right kind when read from disk', () => {
    const r = parseImportFile(fixturePath(entry), fsRead);
    expect(r.kind).toBe(entry.type);
    expect(r.ok).toBe(entry.expect !== 'error');
  });
});
