import { defineStrings, fmt } from '../i18n/define';

/**
 * `tunnelbar import`'s human report, in English: the `cli.import.` ids in locales/. The `--json`
 * report keeps its English `error` texts (import-format.ts): scripts read them.
 */
const english = {
  added: fmt('{file}: added "{name}" ({uuid})', (file: string, name: string, uuid: string) => ({
    file,
    name,
    uuid,
  })),
  wouldAdd: fmt(
    '{file}: would add "{name}" ({kind}); nothing written',
    (file: string, name: string, kind: string) => ({ file, name, kind }),
  ),
  duplicate: fmt(
    'duplicate of "{name}" ({uuid}), not added; --allow-duplicates adds it anyway',
    (name: string, uuid: string) => ({ name, uuid }),
  ),
  error: fmt('error: {message}', (message: string) => ({ message })),
  /** An indented note under a file: repaired or warning, with its line when it has one. */
  note: fmt(
    '  {kind, select, repaired {repaired} other {warning}}{line, select, none {} other {, line {line}}}: {message}',
    (kind: 'repaired' | 'warning', line: number | null, message: string) => ({
      kind,
      line: line === null ? 'none' : String(line),
      message,
    }),
  ),
  summary: fmt(
    '{total, plural, one {# file} other {# files}}: {dryRun, select, yes {{done, number} would be added} other {{done, number} added}}{duplicates, plural, =0 {} one {, # duplicate} other {, # duplicates}}{failed, plural, =0 {} other {, # failed}}',
    (total: number, dryRun: boolean, done: number, duplicates: number, failed: number) => ({
      total,
      dryRun: dryRun ? 'yes' : 'no',
      done,
      duplicates,
      failed,
    }),
  ),
  stopped: fmt('import stopped: {reason}', (reason: string) => ({ reason })),
  noDuplicateCheck:
    'warning: NetworkManager is not reachable, so duplicates were not checked (--dry-run)',
};

export const importStrings = defineStrings('cli.import', english);
