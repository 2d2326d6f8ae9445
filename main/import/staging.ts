// Files picked or dropped on the window arrive as bytes with relative paths. Before the import
// importer (which works on paths) sees them they are written to a private folder under the folder
// NetworkManager-openvpn reads certificates from, keeping their relative layout, so that a
// `ca ca.crt` line in a dropped .ovpn finds the ca.crt dropped beside it, and the certificate can
// stay there for the profile afterwards.

import { mkdir, mkdtemp, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { DroppedFile } from '../../preload/library';
import { makeCertDir } from './inline-files';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { editorStrings as s } from '../editor/editor-strings';

/** What one import may bring in all: far above any provider's folder, far below the memory. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** Names the import pipeline takes from a folder; a loose file is taken only with one of them. */
const PROFILE_NAME = /\.(ovpn|conf)$/i;

export interface StagedFiles {
  /** The private folder, `<home>/.cert/nm-openvpn/import-XXXXXX` (mode 0700). */
  dir: string;
  /** Every file written, absolute. */
  files: string[];
  /** What to import, relative to `dir`: each top-level folder, and each loose profile file. */
  inputs: string[];
}

function refused(word: string, sentence: string): TunnelbarError {
  return new TunnelbarError(word, sentence);
}

/** The bytes a base64 text decodes to, without decoding it. */
export function decodedSize(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

/**
 * Where a dropped file goes inside `dir`, or a refusal for a path that is absolute, has an
 * empty, `.` or `..` part, a NUL, or would otherwise land outside `dir`. The contract already
 * refuses most of these; this is the check the file system relies on.
 */
export function stagedPath(dir: string, relative: string): string {
  const parts = relative.split('/');
  const bad = parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\0'));
  const target = resolve(dir, relative);
  if (bad || relative.startsWith('/') || !target.startsWith(dir + sep)) {
    throw refused(
      'import-path-refused',
      `The file “${relative.replace(/\0/g, '')}” has a path that leads outside the dropped folder; nothing was imported.`,
    );
  }
  return target;
}

/** The inputs for the import pipeline: top-level folders and loose profile files, in byte order. */
export function importInputs(files: readonly DroppedFile[]): string[] {
  const inputs = new Set<string>();
  for (const { path } of files) {
    const [first = '', ...rest] = path.split('/');
    // Hidden entries are skipped as in a folder walk (.git, macOS's "._name.ovpn").
    if (first.startsWith('.')) continue;
    if (rest.length > 0 || PROFILE_NAME.test(first)) inputs.add(first);
  }
  return [...inputs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Writes the files into a new private folder: folders 0700, files 0600, each created exclusively
 * (two files with one path are refused). Refuses the whole batch over MAX_IMPORT_BYTES, or with a
 * path leading out of the folder, before writing anything; on any failure removes what it wrote.
 */
export async function stageFiles(
  home: string,
  files: readonly DroppedFile[],
): Promise<StagedFiles> {
  const total = files.reduce((sum, f) => sum + decodedSize(f.base64), 0);
  if (total > MAX_IMPORT_BYTES) {
    const mib = (n: number): string => String(Math.ceil(n / (1024 * 1024)));
    throw refused('import-too-large', s.import.tooLarge(mib(total), mib(MAX_IMPORT_BYTES)));
  }
  const base = makeCertDir(home);
  const dir = await mkdtemp(join(base, 'import-'));
  const written: string[] = [];
  try {
    const targets = files.map((f) => stagedPath(dir, f.path));
    for (const [i, f] of files.entries()) {
      const target = targets[i];
      if (target === undefined) continue;
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await writeFile(target, Buffer.from(f.base64, 'base64'), { mode: 0o600, flag: 'wx' });
      written.push(target);
    }
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    if (err instanceof TunnelbarError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw refused(
      'import-staging-failed',
      code === 'EEXIST' || code === 'ENOTDIR'
        ? s.import.samePath
        : s.import.stagingFailed(base, code ?? 'error'),
    );
  }
  return { dir, files: written, inputs: importInputs(files) };
}

/**
 * Removes every staged file not in `keep` (the certificates an added profile refers to), then the
 * folders left empty, the staging folder itself included. Returns the files kept.
 */
export async function cleanupStaging(
  staged: StagedFiles,
  keep: ReadonlySet<string>,
): Promise<string[]> {
  const kept: string[] = [];
  const folders = new Set<string>([staged.dir]);
  for (const file of staged.files) {
    for (let d = dirname(file); d.startsWith(staged.dir + sep); d = dirname(d)) folders.add(d);
    if (keep.has(file)) {
      kept.push(file);
      continue;
    }
    await unlink(file).catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    });
  }
  // Deepest first, so a folder's subfolders are gone before it is tried.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    await rmdir(folder).catch(() => undefined);
  }
  return kept;
}
