// What a parser returns. One shape for both importers, so the import pipeline can stream files through
// either and report them alike.

import type { InlineTag, OpenVpnFileKey } from './openvpn/keys';
import type { ImportedProfile } from './profile';

/** A file nmcli would reject: where and why. `line` is null for a problem of the whole file. */
export interface ImportError {
  file: string;
  line: number | null;
  message: string;
}

/**
 * A line that did not make it into the profile unchanged. As a warning: nmcli drops it silently
 * and so do we, but say so. As a repair: nmcli rejects the file, and we apply a safe translation.
 */
export interface ImportNote {
  line: number;
  directive: string;
  message: string;
  /** True when NetworkManager does the same thing by itself, so nothing is lost (e.g. `nobind`). */
  harmless?: boolean;
}

/**
 * An inline block (<ca>, <key>, ...) still to be written to a file. The profile does not yet hold
 * the keys in `dataKeys`: the writer fills them with the file's final path (see inline-files.ts).
 * `dataKeys` has several entries only for <pkcs12>, which stands for ca, cert and key.
 */
export interface InlineFile {
  tag: InlineTag;
  dataKeys: OpenVpnFileKey[];
  content: Buffer;
  /** The line of the opening tag. */
  line: number;
}

export interface ImportSuccess<P extends ImportedProfile = ImportedProfile> {
  ok: true;
  profile: P;
  warnings: ImportNote[];
  repairs: ImportNote[];
  inlineFiles: InlineFile[];
}

export interface ImportFailure {
  ok: false;
  error: ImportError;
}

export type ImportResult<P extends ImportedProfile = ImportedProfile> =
  ImportSuccess<P> | ImportFailure;

/** A parser's refusal of `file`, at a line or (null) as a whole. */
export function refuseFile(file: string): (line: number | null, message: string) => ImportFailure {
  return (line, message) => ({ ok: false, error: { file, line, message } });
}

/** `file:line: message`, the way compilers print it. */
export function formatImportError(e: ImportError): string {
  return e.line === null ? `${e.file}: ${e.message}` : `${e.file}:${e.line}: ${e.message}`;
}

/** How a file is read: `noFollow` refuses a symbolic link (files confined to one folder). */
export interface ReadOptions {
  noFollow?: boolean;
}

/**
 * Reads a referenced file: returns its bytes or throws (ENOENT, EACCES, a FileRefused from
 * read-bounded.ts, ...). Injected for purity.
 */
export type ReadFile = (path: string, options?: ReadOptions) => Buffer;
