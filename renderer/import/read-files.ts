// Files picked in a file dialog or dropped on the window, with the path the person sees (a
// dropped or picked folder's files keep their place in it, so `ca ca.crt` lines resolve), read
// into the form they travel in over the contract. Files too large to send are left out and
// reported, and a batch too large for one import is refused before anything is read.

import type { DroppedFile, ImportFileReport } from '../../preload/library';
import { fileBase64 } from '../editor/file-base64';
import { strings } from '../strings';

export interface PickedFile {
  /** Relative, `/`-separated: `provider/de.ovpn`, or the bare name of a loose file. */
  path: string;
  file: File;
}

/** What one file may weigh: the contract carries at most 4 MiB of base64 per file. */
export const MAX_FILE_BYTES = 3 * 1024 * 1024;
/** What one import may weigh in all, as main's cap (main/import/staging.ts). */
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

/** A path with no empty, `.` or `..` part and no leading `/` (what the contract accepts). */
export function cleanPath(path: string): string {
  return path
    .split('/')
    .filter((p) => p !== '' && p !== '.' && p !== '..')
    .join('/');
}

/** A file input's files: a folder input's keep webkitRelativePath (`provider/de.ovpn`). */
export function pickedFromList(list: Iterable<File>): PickedFile[] {
  return [...list].map((file) => {
    // Empty for a file picked on its own; absent altogether in some engines (jsdom).
    const relative = (file.webkitRelativePath as string | undefined) ?? '';
    return { path: cleanPath(relative === '' ? file.name : relative), file };
  });
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => {
    entry.file(resolve, reject);
  });
}

/** Every entry of a folder: readEntries answers in batches until it answers none. */
async function children(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => {
      reader.readEntries(resolve, reject);
    });
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (isFile(entry)) {
    out.push({ path: cleanPath(entry.fullPath), file: await fileOf(entry) });
  } else if (isDirectory(entry)) {
    for (const child of await children(entry)) await walk(child, out);
  }
}

/** A drop's files, dropped folders walked; without the entries API, the plain file list. */
export async function pickedFromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const items = [...data.items].filter((item) => item.kind === 'file');
  // Taken before any await: the browser empties the DataTransfer when the drop handler returns.
  const entries = items.map((item) =>
    typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null,
  );
  if (entries.length === 0 || entries.some((e) => e === null)) return pickedFromList(data.files);
  const out: PickedFile[] = [];
  for (const entry of entries) if (entry !== null) await walk(entry, out);
  return out;
}

/** A line of the report for a file that was not sent. */
export function skippedLine(file: string, error: string): ImportFileReport {
  return { file, status: 'failed', uuid: null, id: null, warnings: [], repairs: [], error };
}

export interface ReadBatch {
  files: DroppedFile[];
  skipped: ImportFileReport[];
}

/** Reads the files to send; null when the batch is over MAX_TOTAL_BYTES (nothing read). */
export async function readPicked(picked: readonly PickedFile[]): Promise<ReadBatch | null> {
  const total = picked.reduce((sum, p) => sum + p.file.size, 0);
  if (total > MAX_TOTAL_BYTES) return null;
  const files: DroppedFile[] = [];
  const skipped: ImportFileReport[] = [];
  for (const { path, file } of picked) {
    if (path === '') continue;
    if (file.size > MAX_FILE_BYTES) {
      skipped.push(skippedLine(path, strings.importView.fileTooLarge(path)));
      continue;
    }
    try {
      files.push({ path, base64: await fileBase64(file) });
    } catch {
      skipped.push(skippedLine(path, strings.importView.fileUnreadable(path)));
    }
  }
  return { files, skipped };
}
