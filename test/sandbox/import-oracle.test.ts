// Every corpus file against NetworkManager's own importers, run through libnm without a daemon
// (test/fixtures/import/tools/nm-import-oracle.py). It needs Debian's gir1.2-nm-1.0, python3-gi and
// network-manager-openvpn (in .ci/apt-packages.txt), which is why it runs with the sandbox suites;
// without them it fails, saying so, rather than skipping.

import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withInlinePaths, writeInlineFiles } from '../../main/import/inline-files';
import { exportOvpn } from '../../main/vpn/openvpn/export';
import { exportWgQuick } from '../../main/vpn/wireguard/export';
import { parseOvpn } from '../../main/vpn/openvpn/parse';
import { parseWgQuick } from '../../main/vpn/wireguard/parse';
import { ovpnText } from '../unit/vpn/openvpn/arbitraries';
import { wgText } from '../unit/vpn/wireguard/arbitraries';
import { fixturePath, fsRead, idOf, manifest, OVPN_DIR, parseEntry } from '../fixtures/corpus';
import {
  expectSameAsOracle,
  oracleAvailable,
  oracleLine,
  repairable,
  runOracle,
  type OracleResult,
} from '../unit/import/oracle';

beforeAll(() => {
  if (!oracleAvailable()) {
    throw new Error(
      "libnm's importers are not available: apt-get install gir1.2-nm-1.0 python3-gi network-manager-openvpn",
    );
  }
});

describe("the corpus against NetworkManager's own importers", () => {
  let home = '';
  const results = new Map<string, OracleResult>();

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'tunnelbar-oracle-'));
    const args = manifest.map((e) => `${e.type}:${fixturePath(e)}`);
    for (const [k, v] of runOracle(args, home)) results.set(k, v);
  }, 60_000);

  afterAll(() => {
    if (home !== '') rmSync(home, { recursive: true, force: true });
  });

  it.each(manifest)('$file ($expect)', (entry) => {
    const oracle = results.get(fixturePath(entry));
    expect(oracle).toBeDefined();
    if (oracle === undefined) return;
    const mine = parseEntry(entry);
    if (entry.expect !== 'ok') {
      expect(oracle.ok, oracle.error).toBe(false);
      expect(oracleLine(oracle)).toBe(entry.nmcliLine);
      expect(mine.ok).toBe(entry.expect === 'repaired');
      return;
    }
    expect(oracle.ok, oracle.error).toBe(true);
    expectSameAsOracle(mine, oracle, home, idOf(entry));
  });
});

const FUZZ_RUNS = 1000;
const KEEP = process.env.TUNNELBAR_KEEP_FUZZ === '1';

describe('generated configurations against the same importers', () => {
  let work = '';
  let home = '';
  let results = new Map<string, OracleResult>();
  const seed = Number(process.env.TUNNELBAR_FUZZ_SEED ?? 20261127);
  const ovpnCases = fc.sample(ovpnText, { seed, numRuns: FUZZ_RUNS });
  const wgCases = fc.sample(wgText, { seed: seed + 1, numRuns: FUZZ_RUNS / 2 });
  const ovpnPath = (i: number): string => join(work, `fuzz-${i}.ovpn`);
  const wgPath = (i: number): string => join(work, `wgf${i}.conf`);

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'tunnelbar-fuzz-'));
    home = join(work, 'home');
    mkdirSync(home);
    // The certificates and keys the generated files refer to, next to them.
    cpSync(OVPN_DIR, work, { recursive: true, filter: (src) => !/\.(ovpn|conf)$/.test(src) });
    ovpnCases.forEach((t, i) => {
      writeFileSync(ovpnPath(i), t);
    });
    wgCases.forEach((t, i) => {
      writeFileSync(wgPath(i), t);
    });
    results = runOracle(
      [
        ...ovpnCases.map((_, i) => `openvpn:${ovpnPath(i)}`),
        ...wgCases.map((_, i) => `wireguard:${wgPath(i)}`),
      ],
      home,
    );
  }, 120_000);

  afterAll(() => {
    if (work !== '' && !KEEP) rmSync(work, { recursive: true, force: true });
  });

  it(`gives nmcli's result for ${FUZZ_RUNS} OpenVPN files (repairs aside)`, () => {
    ovpnCases.forEach((text, i) => {
      const oracle = results.get(ovpnPath(i));
      if (oracle === undefined) throw new Error(`no oracle result for case ${i}`);
      const mine = parseOvpn(text, { fileName: ovpnPath(i), dir: work, readFile: fsRead });
      // A repaired line is one nmcli stops at; after it the two parsers look at different lines.
      if (mine.ok && mine.repairs.length > 0) return;
      const line = oracleLine(oracle);
      if (!mine.ok && repairable(oracle) && mine.error.line !== line) return;
      expectSameAsOracle(mine, oracle, home, `fuzz-${i}`);
    });
  });

  it(`gives nmcli's result for ${FUZZ_RUNS / 2} wg-quick files`, () => {
    wgCases.forEach((text, i) => {
      const oracle = results.get(wgPath(i));
      if (oracle === undefined) throw new Error(`no oracle result for case ${i}`);
      expectSameAsOracle(parseWgQuick(text, { fileName: wgPath(i) }), oracle, home, `wgf${i}`);
    });
  });
});

describe('exports of the corpus against the same importers', () => {
  let work = '';
  let results = new Map<string, OracleResult>();
  interface Case {
    path: string;
    type: 'openvpn' | 'wireguard';
    text: string;
    bytes: Buffer;
  }
  const cases: Case[] = [];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'tunnelbar-export-'));
    const home = join(work, 'home');
    for (const entry of manifest.filter((e) => e.expect !== 'error')) {
      const r = parseEntry(entry);
      if (!r.ok) throw new Error(entry.file);
      const id = idOf(entry);
      if ('wireguard' in r.profile) {
        const path = join(work, `${id}.conf`);
        const text = exportWgQuick(r.profile).text;
        cases.push({ path, type: 'wireguard', text, bytes: Buffer.from(text) });
        continue;
      }
      const paths = writeInlineFiles(r.inlineFiles, home, `exported-${id}`);
      const profile = withInlinePaths(r.profile, r.inlineFiles, paths);
      for (const inline of [false, true]) {
        const name = `${id}-${inline ? 'inline' : 'files'}`;
        const out = exportOvpn(profile, {
          inline,
          readFile: fsRead,
          proxyAuthFile: `${name}.auth`,
        });
        for (const f of out.extraFiles) writeFileSync(join(work, f.name), f.content);
        const path = join(work, `${name}.ovpn`);
        cases.push({ path, type: 'openvpn', text: out.text, bytes: out.bytes });
      }
    }
    for (const c of cases) writeFileSync(c.path, c.bytes);
    mkdirSync(join(work, 'oracle-home'));
    results = runOracle(
      cases.map((c) => `${c.type}:${c.path}`),
      join(work, 'oracle-home'),
    );
  }, 60_000);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  it('imports every exported file with nmcli exactly as Tunnelbar imports it', () => {
    expect(cases.length).toBeGreaterThan(50);
    for (const c of cases) {
      const oracle = results.get(c.path);
      if (oracle === undefined) throw new Error(`no oracle result for ${c.path}`);
      const mine =
        c.type === 'wireguard'
          ? parseWgQuick(c.text, { fileName: c.path })
          : parseOvpn(c.text, { fileName: c.path, dir: work, readFile: fsRead });
      const id = basename(c.path).replace(/\.(ovpn|conf)$/, '');
      expectSameAsOracle(mine, oracle, join(work, 'oracle-home'), id);
    }
  });
});
