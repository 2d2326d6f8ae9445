// The one way Tunnelbar reads a file that a profile or a person names: certificates, keys, proxy
// auth files, the profile files themselves. A path can name anything: opening a FIFO waits for a
// writer forever (in the app that freezes the main process and the secret agent), /dev/zero never
// ends, and a huge file exhausts memory. So only regular files are read, up to a cap, and the
// failure says which file and why, as a typed error callers can tell apart from a missing file.

import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { fsReason } from './walk';
import type { ReadFile } from '../vpn/result';
import { FileRefused, type FileKind } from '../vpn/file-refused';

// The error lives with the parsers that tell it apart (main/vpn/ imports no file system code).
export { FileRefused, type FileKind, type RefusalReason } from '../vpn/file-refused';
import { importErrorStrings as m } from '../vpn/import-errors-strings';

/** A size cap and, for the error, what kind of file it is meant for. */
export interface ReadLimit {
  bytes: number;
  what: 'profile' | 'cert' | 'catalogue';
}

const MIB = 1024 * 1024;

/** Certificates, keys, static keys, CRLs and proxy auth files: a few KiB, a bundle a few 100 KiB. */
export const CERT_FILE_LIMIT: ReadLimit = { bytes: MIB, what: 'cert' };

/** An .ovpn or wg-quick file, inline certificates included; the window takes the same per file. */
export const PROFILE_FILE_LIMIT: ReadLimit = { bytes: 3 * MIB, what: 'profile' };

function kindOf(st: Stats): FileKind {
  if (st.isDirectory()) return 'folder';
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice()) return 'charDevice';
  if (st.isBlockDevice()) return 'blockDevice';
  if (st.isSocket()) return 'socket';
  if (st.isSymbolicLink()) return 'link';
  return 'special';
}

function notRegular(path: string, st: Stats): FileRefused {
  const reason = st.isSymbolicLink() ? 'link' : 'not-regular';
  const kind = kindOf(st);
  return new FileRefused(path, reason, m.file.notRegular(m.file.kind[kind]), undefined, kind);
}

function tooLarge(path: string, limit: ReadLimit): FileRefused {
  return new FileRefused(
    path,
    'too-large',
    m.file.tooLarge(limit.bytes, limit.bytes % MIB === 0 ? limit.bytes / MIB : null, limit.what),
  );
}

function unreadable(path: string, err: unknown): FileRefused {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return new FileRefused(path, 'unreadable', fsReason(err), code);
}

const CHUNK = 64 * 1024;

/**
 * The whole file, or a FileRefused. With `noFollow` the path itself must not be a symbolic link
 * (for files taken only from one folder, such as a proxy auth file).
 */
export function readBounded(
  path: string,
  limit: ReadLimit,
  options: { noFollow?: boolean } = {},
): Buffer {
  const noFollow = options.noFollow === true;
  let before: Stats;
  try {
    before = noFollow ? lstatSync(path) : statSync(path);
  } catch (err) {
    throw unreadable(path, err);
  }
  // Checked before opening too: opening some devices does something by itself (a watchdog starts,
  // a tape rewinds), so a path that is plainly not a file is never opened.
  if (!before.isFile()) throw notRegular(path, before);
  if (before.size > limit.bytes) throw tooLarge(path, limit);
  const flags =
    constants.O_RDONLY |
    constants.O_NONBLOCK |
    constants.O_NOCTTY |
    (noFollow ? constants.O_NOFOLLOW : 0);
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch (err) {
    throw unreadable(path, err);
  }
  try {
    // The path may have been replaced since the stat: what counts is what was opened. O_NONBLOCK
    // made that open return at once even for a FIFO.
    const st = fstatSync(fd);
    if (!st.isFile()) throw notRegular(path, st);
    const chunks: Buffer[] = [];
    let total = 0;
    // Read until the end rather than trusting st.size: a file growing meanwhile still stops at
    // the cap.
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      let n: number;
      try {
        n = readSync(fd, chunk, 0, CHUNK, null);
      } catch (err) {
        throw unreadable(path, err);
      }
      if (n === 0) break;
      total += n;
      if (total > limit.bytes) throw tooLarge(path, limit);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Certificates, keys and auth files a profile names, as every importer and exporter reads them. */
export const readReferencedFile: ReadFile = (path, options) =>
  readBounded(path, CERT_FILE_LIMIT, options);

/** A profile file itself. */
export const readProfileFile: ReadFile = (path, options) =>
  readBounded(path, PROFILE_FILE_LIMIT, options);
