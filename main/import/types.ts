// The import pipeline's vocabulary: what it is given, what it reports per file (in input order) and
// the events a progress bar or the app's import view follows. Plain data, so it can cross IPC.

import type { ImportKind } from '../vpn/detect';
import type { InlineTag } from '../vpn/openvpn/keys';
import type { ImportedProfile } from '../vpn/profile';
import type { ImportError, ImportNote } from '../vpn/result';

/** One file to import: `path` is absolute (relative paths inside it resolve against its folder). */
export interface ImportTarget {
  path: string;
  /** How reports name it: the path as the user gave it, or the folder they gave joined with it. */
  display: string;
}

/**
 * A note on a file: a parser's note about one line, or (line and directive null) one about the
 * whole file, such as another profile having the same name.
 */
export interface ImportWarning {
  line: number | null;
  directive: string | null;
  message: string;
  harmless?: boolean;
}

interface OutcomeBase {
  /** Position in the list of targets. */
  index: number;
  file: string;
}

/** Parsed, so its lines were read: the notes the parser made. */
interface Parsed {
  kind: ImportKind;
  warnings: ImportWarning[];
  repairs: ImportNote[];
}

/** Added to NetworkManager (saved to disk) with a new UUID. */
export interface AddedOutcome extends OutcomeBase, Parsed {
  status: 'added';
  uuid: string;
  id: string;
  /** The certificate and key files written for its inline blocks. */
  inlineFiles: string[];
}

/** --dry-run: what would be added. `profile` carries no secret; inline paths are not written. */
export interface PlannedOutcome extends OutcomeBase, Parsed {
  status: 'planned';
  /** The UUID this run would have used (a real run picks new ones). */
  uuid: string;
  id: string;
  profile: ImportedProfile;
  inlineFiles: { tag: InlineTag; path: string }[];
}

/** Not added: a profile with the same content exists (or was added earlier in this run). */
export interface DuplicateOutcome extends OutcomeBase, Parsed {
  status: 'duplicate';
  duplicateOf: { uuid: string; id: string };
}

/**
 * Not added, and nothing of it left behind. `stage` says where it stopped: `read`/`parse` (the
 * file), `write` (its inline files), `add` (NetworkManager refused it), `skipped` (never tried,
 * after a fatal error or an interruption).
 */
export interface FailedOutcome extends OutcomeBase {
  status: 'failed';
  stage: 'parse' | 'write' | 'add' | 'skipped';
  error: ImportError;
}

export type FileOutcome = AddedOutcome | PlannedOutcome | DuplicateOutcome | FailedOutcome;

export type ImportEvent =
  /** Before the first file. */
  | { type: 'start'; total: number }
  /** One per file, in input order; `done` counts the files reported so far, this one included. */
  | { type: 'file'; outcome: FileOutcome; done: number; total: number };

export interface ImportSummary {
  total: number;
  added: number;
  planned: number;
  duplicates: number;
  failed: number;
  /**
   * Why the import stopped early (NetworkManager gone, permission denied, interrupted): an error
   * of the setup rather than of a file. null when every file was tried.
   */
  fatal: string | null;
}
