// How `tunnelbar import` reports each file: the --json entry and the human lines.

import type { ImportWarning, FileOutcome } from '../import/types';
import type { ImportedProfile } from '../vpn/profile';
import type { ImportNote } from '../vpn/result';
import { importStrings as t } from './import-strings';
import { terminalSafe } from './terminal-text';

/**
 * What `tunnelbar import --json` prints for each file, in the order of the files. Stable: scripts
 * read it. `ok` is true exactly when this run added the profile (or, with --dry-run, would add
 * it); a duplicate is not added, so it is `ok: false` with `duplicateOf`, the UUID of the profile
 * with the same content.
 */
export type ImportEntry =
  | {
      file: string;
      ok: true;
      uuid: string;
      id: string;
      warnings: ImportWarning[];
      repairs: ImportNote[];
    }
  | {
      file: string;
      ok: true;
      dryRun: true;
      /** The UUID this run would have used; a real run picks new ones. */
      uuid: string;
      id: string;
      type: 'openvpn' | 'wireguard';
      /** The settings it would add, without secrets, NetworkManager's names. */
      settings: ImportedProfile;
      inlineFiles: { tag: string; path: string }[];
      warnings: ImportWarning[];
      repairs: ImportNote[];
    }
  | {
      file: string;
      ok: false;
      /** `file:line: message`, or `file: message` for the file as a whole. */
      error: string;
      line: number | null;
      duplicateOf?: string;
    };

function located(file: string, line: number | null, message: string): string {
  return line === null ? `${file}: ${message}` : `${file}:${line}: ${message}`;
}

/** The `--json` entry's error for a duplicate: English always, as all of `--json`. */
function duplicateMessage(o: Extract<FileOutcome, { status: 'duplicate' }>): string {
  const { id, uuid } = o.duplicateOf;
  return `duplicate of "${id}" (${uuid}), not added; --allow-duplicates adds it anyway`;
}

export function importEntry(o: FileOutcome): ImportEntry {
  const { file } = o;
  switch (o.status) {
    case 'added':
      return { file, ok: true, uuid: o.uuid, id: o.id, warnings: o.warnings, repairs: o.repairs };
    case 'planned':
      return {
        file,
        ok: true,
        dryRun: true,
        uuid: o.uuid,
        id: o.id,
        type: o.kind,
        settings: o.profile,
        inlineFiles: o.inlineFiles,
        warnings: o.warnings,
        repairs: o.repairs,
      };
    case 'duplicate':
      return {
        file,
        ok: false,
        error: located(file, null, duplicateMessage(o)),
        line: null,
        duplicateOf: o.duplicateOf.uuid,
      };
    case 'failed':
      return {
        file,
        ok: false,
        error: located(file, o.error.line, o.error.message),
        line: o.error.line,
      };
  }
}

function noteLines(kind: 'repaired' | 'warning', notes: readonly ImportWarning[]): string[] {
  return notes.map((n) => t.note(kind, n.line, n.message));
}

/** A scalar as `nmcli connection show` would print it. */
function scalar(v: unknown): string {
  if (Array.isArray(v)) return v.map(scalar).join(', ');
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** An address or route as one line, `10.8.0.0/24 via 10.8.0.1 metric 5`, as people write them. */
function prefixed(v: Record<string, unknown>): string | null {
  const host = v.address ?? v.dest;
  if (typeof host !== 'string' || typeof v.prefix !== 'number') return null;
  const via = typeof v['next-hop'] === 'string' ? ` via ${v['next-hop']}` : '';
  const metric = typeof v.metric === 'number' ? ` metric ${v.metric}` : '';
  return `${host}/${v.prefix}${via}${metric}`;
}

/** `setting.property: value` lines; lists of objects (routes, peers) numbered. */
export function settingsLines(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [`${prefix}: ${scalar(value)}`];
  const line = Array.isArray(value) ? null : prefixed(value as Record<string, unknown>);
  if (line !== null) return [`${prefix}: ${line}`];
  if (Array.isArray(value)) {
    if (!value.some((v) => v !== null && typeof v === 'object')) {
      return [`${prefix}: ${scalar(value)}`];
    }
    return value.flatMap((v, i) => settingsLines(v, `${prefix}[${i}]`));
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([k, v]) => settingsLines(v, prefix === '' ? k : `${prefix}.${k}`));
}

/**
 * The human report of one file: one line, then its warnings and repairs indented. Every part of it
 * may come from the file or its name (a folder from anywhere), so each line is made one safe line
 * for the terminal: control characters, a newline included, are shown escaped.
 */
export function describeOutcome(o: FileOutcome): string[] {
  return outcomeLines(o).map((line) => terminalSafe(line));
}

function outcomeLines(o: FileOutcome): string[] {
  switch (o.status) {
    case 'added':
      return [
        t.added(o.file, o.id, o.uuid),
        ...noteLines('repaired', o.repairs),
        ...noteLines('warning', o.warnings),
      ];
    case 'planned':
      return [
        t.wouldAdd(o.file, o.id, o.kind),
        ...settingsLines(o.profile).map((l) => `    ${l}`),
        ...noteLines('repaired', o.repairs),
        ...noteLines('warning', o.warnings),
      ];
    case 'duplicate':
      return [`${o.file}: ${t.duplicate(o.duplicateOf.id, o.duplicateOf.uuid)}`];
    case 'failed':
      return [located(o.file, o.error.line, t.error(o.error.message))];
  }
}
