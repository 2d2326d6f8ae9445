import { homedir } from 'node:os';
import type { NmBus } from '../nm/bus';
import { nmNotRunning } from '../nm/errors';
import { loadExistingProfiles } from './bulk-existing';
import { runBulkImport } from './bulk-import';
import type { BulkSummary, FileOutcome } from './bulk-types';
import { collectTargets } from './bulk-walk';

export interface ImportReport {
  summary: BulkSummary;
  outcomes: FileOutcome[];
}

/**
 * Imports files or folders as one batch over the given bus: what the app does with a
 * double-clicked file (and, later, the editor with a dropped folder). The CLI's `import` is the
 * same pipeline with a progress bar.
 */
export async function importPaths(
  bus: NmBus,
  paths: readonly string[],
  home: string = homedir(),
): Promise<ImportReport> {
  if (bus.nmOwner === null) throw nmNotRunning();
  const existing = await loadExistingProfiles(bus);
  const targets = await collectTargets([...paths]);
  const outcomes: FileOutcome[] = [];
  const summary = await runBulkImport(
    targets,
    { bus, existing },
    {
      home,
      onEvent: (event) => {
        if (event.type === 'file') outcomes.push(event.outcome);
      },
    },
  );
  return { summary, outcomes };
}
