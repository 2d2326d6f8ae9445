// The files an import takes from its arguments. A named file is imported whatever its extension
// (the content decides between OpenVPN and wg-quick); a folder is searched recursively for
// .ovpn and .conf files, in a stable order (byte order of names, folder by folder), so that a
// provider's folder of hundreds imports the same way every time. Only paths are collected (a few
// hundred kilobytes for 5,000 files); the files are read one at a time later.

import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ImportTarget } from './types';
import { importErrorStrings as m } from '../vpn/import-errors-strings';

/** Names a folder search takes (case-insensitive, like file managers on Linux show them). */
const IMPORTABLE = /\.(ovpn|conf)$/i;

/** A target that cannot be imported as such; it is reported as a failed file, the others go on. */
export interface ProblemTarget extends ImportTarget {
  problem: string;
}

export type WalkEntry = ImportTarget | ProblemTarget;

export function isProblem(t: WalkEntry): t is ProblemTarget {
  return 'problem' in t;
}

/** The errno codes said in words; EPERM reads as EACCES. */
function fsReasonText(code: string): string | undefined {
  const r = m.file.reason;
  const known = code === 'EPERM' ? 'EACCES' : code;
  return Object.hasOwn(r, known) ? r[known as keyof typeof r] : undefined;
}

/** A file-system error as a short phrase, without Node's "ENOENT: ..., open '/x'" noise. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const text = code === undefined ? undefined : fsReasonText(code);
  if (text !== undefined) return text;
  return err instanceof Error ? err.message : String(err);
}

/** Byte order, not locale order: the same on every machine. */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

async function kindOf(entry: Dirent, path: string): Promise<'dir' | 'file' | 'broken' | 'other'> {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return 'other';
  try {
    const st = await stat(path);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
  } catch {
    return 'broken';
  }
}

async function walk(
  dir: string,
  display: string,
  out: WalkEntry[],
  seen: Set<string>,
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    out.push({ path: dir, display, problem: m.file.cannotList(fsReason(err)) });
    return;
  }
  entries.sort(byName);
  for (const entry of entries) {
    // Hidden entries: .git, and the "._name.ovpn" resource forks macOS puts in zip archives.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const shown = join(display, entry.name);
    const kind = await kindOf(entry, path);
    if (kind === 'dir') {
      // A link back up the tree would otherwise never end.
      const real = await realpath(path).catch(() => path);
      if (seen.has(real)) continue;
      seen.add(real);
      await walk(path, shown, out, seen);
    } else if (IMPORTABLE.test(entry.name)) {
      if (kind === 'file') out.push({ path, display: shown });
      else if (kind === 'broken') out.push({ path, display: shown, problem: m.file.brokenLink });
    }
  }
}

/**
 * Every file to import from the command line's (or a drop's) paths, in order. A path that does
 * not exist, or a folder without any importable file, becomes a problem entry.
 */
export async function collectTargets(
  inputs: readonly string[],
  cwd: string = process.cwd(),
): Promise<WalkEntry[]> {
  const out: WalkEntry[] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (err) {
      out.push({ path, display: input, problem: fsReason(err) });
      continue;
    }
    if (!isDir) {
      out.push({ path, display: input });
      continue;
    }
    const before = out.length;
    const real = await realpath(path).catch(() => path);
    await walk(path, input, out, new Set([real]));
    if (out.length === before) {
      out.push({ path, display: input, problem: m.file.noProfiles });
    }
  }
  return out;
}
