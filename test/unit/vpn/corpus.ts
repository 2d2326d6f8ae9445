// The import corpus (test/fixtures/import) and helpers shared by the import tests.

import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseOvpn } from '../../../main/vpn/openvpn/parse';
import { parseWgQuick } from '../../../main/vpn/wireguard/parse';
import type { ImportResult, ReadFile } from '../../../main/vpn/result';

export const FIXTURES = resolve(__dirname, '../../fixtures/import');

export interface ManifestEntry {
  file: string;
  type: 'openvpn' | 'wireguard';
  expect: 'ok' | 'error' | 'repaired';
  /** For errors: the line Tunnelbar reports (null for a problem of the whole file). */
  line?: number | null;
  /** For errors and repairs: the line nmcli reports, null when its message has none. */
  nmcliLine?: number | null;
}

export const manifest = JSON.parse(
  readFileSync(join(FIXTURES, 'manifest.json'), 'utf8'),
) as ManifestEntry[];

export const fsRead: ReadFile = (path) => readFileSync(path);

export function fixturePath(entry: ManifestEntry): string {
  return join(FIXTURES, entry.file);
}

export function parseEntry(entry: ManifestEntry, readFile: ReadFile = fsRead): ImportResult {
  const path = fixturePath(entry);
  const bytes = readFileSync(path);
  return entry.type === 'wireguard'
    ? parseWgQuick(bytes, { fileName: path })
    : parseOvpn(bytes, { fileName: path, dir: dirname(path), readFile });
}

/** A fixture by its path under test/fixtures/import, parsed as the manifest says. */
export function parseFixture(file: string, readFile: ReadFile = fsRead): ImportResult {
  const entry = manifest.find((e) => e.file === file);
  if (entry === undefined) throw new Error(`not in the manifest: ${file}`);
  return parseEntry(entry, readFile);
}

export const OVPN_DIR = join(FIXTURES, 'ovpn');

/** Parses inline .ovpn text as if it were a file in the corpus folder. */
export function ovpn(text: string, name = 'test.ovpn', readFile: ReadFile = fsRead): ImportResult {
  return parseOvpn(text, { fileName: join(OVPN_DIR, name), dir: OVPN_DIR, readFile });
}

export function idOf(entry: ManifestEntry): string {
  const base = basename(entry.file);
  return base.slice(0, base.lastIndexOf('.'));
}
