// One import at a time, for the whole window: reading the picked or dropped files, the
// `profiles:import-files` call with its `import:progress` events, and the report (with the lines
// of files that were not sent) until the person closes it.

import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { TunnelbarApi } from '../../preload/contract';
import type { ImportFileReport, ImportReportView } from '../../preload/library';
import { toCallFailure } from '../api';
import { strings } from '../strings';
import { readPicked, type PickedFile } from './read-files';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading' }
  /** `stopping`: the person asked to stop; files under way finish first. */
  | { kind: 'importing'; done: number; total: number | null; stopping: boolean }
  | { kind: 'done'; report: ImportReportView }
  | { kind: 'failed'; sentence: string; skipped: ImportFileReport[] };

/** The report with the lines of files the window did not send put first. */
export function withSkipped(
  report: ImportReportView,
  skipped: readonly ImportFileReport[],
): ImportReportView {
  return {
    ...report,
    total: report.total + skipped.length,
    failed: report.failed + skipped.length,
    files: [...skipped, ...report.files],
  };
}

const emptyReport: ImportReportView = {
  total: 0,
  added: 0,
  duplicates: 0,
  failed: 0,
  fatal: null,
  files: [],
};

export interface Importer {
  state: ImportState;
  /** Reading or importing: another import waits until this one is done. */
  busy: boolean;
  start: (picked: readonly PickedFile[]) => void;
  /** Asks main to stop the import under way; its report then says which files were not tried. */
  stop: () => void;
  close: () => void;
}

export function useImporter(api: TunnelbarApi): Importer {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const busy = state.kind === 'reading' || state.kind === 'importing';
  const busyRef = useRef(false);
  busyRef.current = busy;

  useEffect(
    () =>
      api.on('import:progress', ({ done, total }) => {
        setState((s) => (s.kind === 'importing' ? { ...s, done, total } : s));
      }),
    [api],
  );

  const run = useCallback(
    async (picked: readonly PickedFile[]): Promise<void> => {
      setState({ kind: 'reading' });
      const batch = await readPicked(picked);
      if (batch === null) {
        setState({ kind: 'failed', sentence: strings.importView.tooLarge, skipped: [] });
        return;
      }
      if (batch.files.length === 0) {
        setState({ kind: 'done', report: withSkipped(emptyReport, batch.skipped) });
        return;
      }
      setState({ kind: 'importing', done: 0, total: null, stopping: false });
      try {
        const report = await api.call('profiles:import-files', { files: batch.files });
        setState({ kind: 'done', report: withSkipped(report, batch.skipped) });
      } catch (err) {
        const sentence = toCallFailure(err).sentence;
        setState({ kind: 'failed', sentence, skipped: batch.skipped });
      }
    },
    [api],
  );

  const start = useCallback(
    (picked: readonly PickedFile[]) => {
      if (picked.length === 0 || busyRef.current) return;
      busyRef.current = true;
      void run(picked);
    },
    [run],
  );
  const stop = useCallback(() => {
    setState((s) => (s.kind === 'importing' ? { ...s, stopping: true } : s));
    // A refusal changes nothing: the import runs to its end and reports as usual.
    api.call('profiles:import-stop').catch(() => undefined);
  }, [api]);
  const close = useCallback(() => {
    setState({ kind: 'idle' });
  }, []);
  return { state, busy, start, stop, close };
}

/** How the toolbar's buttons reach the window's importer; null outside the main window. */
export const ImportContext = createContext<Importer | null>(null);

export function useImportContext(): Importer | null {
  return useContext(ImportContext);
}
