// `profiles:import-files`: files the person picked or dropped on the window (a whole folder's,
// certificates included) are staged in a private folder under ~/.cert/nm-openvpn/, imported by
// the same import pipeline as `tunnelbar import`, and the staging folder is then reduced to the
// certificates the new profiles use (or removed when none does).

import type { DroppedFile, ImportReportView } from '../../preload/library';
import { importPaths, type ImportReport } from './import-paths';
import type { NmBus } from '../nm/bus';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { nmNotRunning } from '../nm/errors';
import type { NmCaller } from '../nm/settings-calls';
import { coalescedProgress } from './progress';
import { referencedFiles } from './referenced-files';
import { importReportView } from './window-report';
import { cleanupStaging, importInputs, stageFiles } from './staging';
import { editorStrings as s } from '../editor/editor-strings';

function nothingToImport(): TunnelbarError {
  return new TunnelbarError('nothing-to-import', s.import.nothingToImport);
}

export async function importDroppedFiles(
  core: { bus: NmCaller & Pick<NmBus, 'nmOwner'> },
  files: readonly DroppedFile[],
  home: string,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ImportReportView> {
  if (core.bus.nmOwner === null) throw nmNotRunning();
  if (importInputs(files).length === 0) throw nothingToImport();
  const staged = await stageFiles(home, files);
  const progress = coalescedProgress(onProgress);
  let report: ImportReport | null = null;
  try {
    report = await importPaths(core.bus, staged.inputs, home, {
      cwd: staged.dir,
      ...(signal === undefined ? {} : { signal }),
      onEvent: (event) => {
        if (event.type === 'start') progress(0, event.total);
        else progress(event.done, event.total);
      },
    });
  } finally {
    // On a refusal nothing was added, so nothing is kept.
    const keep = report === null ? new Set<string>() : referencedFiles(staged.dir, report.outcomes);
    await cleanupStaging(staged, keep);
  }
  return importReportView(report.summary, report.outcomes, staged.dir);
}
