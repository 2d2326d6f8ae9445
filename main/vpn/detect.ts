// One entry point per file for the import pipeline: decides whether a file is an OpenVPN or a wg-quick
// configuration and parses it. Both kinds use the .conf extension, so the content decides: a
// wg-quick file has an [Interface] section, which no OpenVPN directive looks like.

import { basename, dirname } from 'node:path';
import { parseOvpn } from './openvpn/parse';
import { parseWgQuick } from './wireguard/parse';
import type { ImportResult, ReadFile } from './result';
import { decodeBytes } from './text';

export type ImportKind = 'openvpn' | 'wireguard';

export function detectKind(fileName: string, text: string): ImportKind {
  if (basename(fileName).toLowerCase().endsWith('.ovpn')) return 'openvpn';
  const interfaceLine = /^[\t\n\v\f\r ]*\[[\t\v\f\r ]*interface[\t\v\f\r ]*\][\t\v\f\r ]*(#.*)?$/im;
  return interfaceLine.test(text) ? 'wireguard' : 'openvpn';
}

/**
 * Reads and parses one file (an absolute path). A file that cannot be read is an ImportError like
 * any other, so a folder of files streams through one at a time with one result per file.
 * `readProfile` reads the file itself (a profile may be larger than what it refers to),
 * `readFile` the certificates, keys and auth files it names.
 */
export function parseImportFile(
  path: string,
  readFile: ReadFile,
  readProfile: ReadFile = readFile,
): ImportResult & { kind: ImportKind } {
  let bytes: Buffer;
  try {
    bytes = readProfile(path);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, kind: 'openvpn', error: { file: path, line: null, message: reason } };
  }
  const text = decodeBytes(bytes);
  const kind = detectKind(path, text);
  const result =
    kind === 'wireguard'
      ? parseWgQuick(text, { fileName: path })
      : parseOvpn(text, {
          fileName: path,
          dir: path.startsWith('/') ? dirname(path) : undefined,
          readFile,
        });
  return { ...result, kind };
}
