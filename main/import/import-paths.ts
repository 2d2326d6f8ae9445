import { homedir } from 'node:os';
import type { NmBus } from '../nm/bus';
import { nmNotRunning } from '../nm/errors';
import type { NmCaller } from '../nm/settings-calls';
import { loadExistingProfiles } from './existing';
import { runImport } from './pipeline';
import type { ImportEvent, ImportSummary, FileOutcome } from './types';
import { collectTargets } from './walk';

export interface ImportReport {
  summary: ImportSummary;
  outcomes: FileOutcome[];
}

export interface ImportPathsOptions {
  /** What relative paths are relative to (and reports name files by); the process's by default. */
  cwd?: string;
  /** Every event of the import pipeline, for a progress bar. */
  onEvent?: (event: ImportEvent) => void;
  /** Stops starting new files (see runImport). */
  signal?: AbortSignal;
}

/**
 * Imports files or folders as one batch over the given bus: what the app does with a
 * double-clicked file, and with files picked or dropped on its window (staged in a folder first).
 * The CLI's `import` is the same pipeline with a progress bar.
 */
export async function importPaths(
  bus: NmCaller & Pick<NmBus, 'nmOwner'>,
  paths: readonly string[],
  home: string = homedir(),
  opts: ImportPathsOptions = {},
): Promise<ImportReport> {
  if (bus.nmOwner === null) throw nmNotRunning();
  const existing = await loadExistingProfiles(bus);
  const targets = await collectTargets([...paths], opts.cwd);
  const outcomes: FileOutcome[] = [];
  const summary = await runImport(
    targets,
    { bus, existing },
    {
      home,
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
      onEvent: (event) => {
        if (event.type === 'file') outcomes.push(event.outcome);
        opts.onEvent?.(event);
      },
    },
  );
  return { summary, outcomes };
}
