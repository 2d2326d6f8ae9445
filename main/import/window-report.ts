// The import pipeline's outcomes as the window's import report (preload/library.ts): each warning
// and repair a sentence, each error `file:line: message`, with the private staging folder taken
// out of every text so the report names files the way the person dropped them.

import type { ImportFileReport, ImportReportView } from '../../preload/library';
import type { ImportSummary, ImportWarning, FileOutcome } from './types';
import { formatImportError } from '../vpn/result';

/** Takes `<dir>/` out of a text (a warning naming a staged certificate's full path). */
function unstaged(text: string, dir: string | null): string {
  return dir === null ? text : text.split(`${dir}/`).join('').split(dir).join('.');
}

/** A fragment ("the line is dropped") as a sentence ("The line is dropped."). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** `Line 12 (script-security): the line is dropped…`, or the message alone for the whole file. */
export function noteSentence(note: ImportWarning, dir: string | null = null): string {
  const message = unstaged(note.message, dir);
  if (note.line === null) return sentence(message);
  const where = note.directive === null ? '' : ` (${note.directive})`;
  return `Line ${String(note.line)}${where}: ${sentence(message)}`;
}

export function fileReport(o: FileOutcome, dir: string | null = null): ImportFileReport {
  const notes = (list: readonly ImportWarning[]): string[] => list.map((n) => noteSentence(n, dir));
  switch (o.status) {
    case 'added':
    case 'planned':
      return {
        file: o.file,
        status: 'added',
        uuid: o.uuid,
        id: o.id,
        warnings: notes(o.warnings),
        repairs: notes(o.repairs),
        error: null,
      };
    case 'duplicate':
      return {
        file: o.file,
        status: 'duplicate',
        uuid: o.duplicateOf.uuid,
        id: o.duplicateOf.id,
        warnings: notes(o.warnings),
        repairs: notes(o.repairs),
        error: null,
      };
    case 'failed':
      return {
        file: o.file,
        status: 'failed',
        uuid: null,
        id: null,
        warnings: [],
        repairs: [],
        error: unstaged(formatImportError(o.error), dir),
      };
  }
}

export function importReportView(
  summary: ImportSummary,
  outcomes: readonly FileOutcome[],
  dir: string | null = null,
): ImportReportView {
  return {
    total: summary.total,
    added: summary.added + summary.planned,
    duplicates: summary.duplicates,
    failed: summary.failed,
    fatal: summary.fatal === null ? null : sentence(unstaged(summary.fatal, dir)),
    files: outcomes.map((o) => fileReport(o, dir)),
  };
}
