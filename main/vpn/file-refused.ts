// Why a file a parser asked for was not read: the error the ReadFile it is handed throws (see
// main/import/read-bounded.ts, the reader that enforces it). It lives here, beside the parsers that
// tell it apart from a missing file, so that they import no file system code.
import { importErrorStrings as m } from './import-errors-strings';

/** `link`: a symbolic link where the caller asked for none (noFollow). */
export type RefusalReason = 'not-regular' | 'link' | 'too-large' | 'unreadable';

/** Why a file was not read. The message names the file and the reason, never its contents. */
export class FileRefused extends Error {
  constructor(
    readonly path: string,
    readonly reason: RefusalReason,
    /** The reason alone, for callers that name the file themselves. */
    readonly why: string,
    /** The errno code when the file could not be opened or read (ENOENT, EACCES, ...). */
    readonly code?: string,
    /** What the path is instead of a regular file (`folder`, `fifo`, ...). */
    readonly kind?: FileKind,
  ) {
    super(m.file.cannotRead(path, why));
    this.name = 'FileRefused';
  }
}

/** What a path is instead of a regular file; `import.file.kind.<kind>` says it in words. */
export type FileKind = keyof typeof m.file.kind;
