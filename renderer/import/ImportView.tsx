import { useId, useState, type ReactNode } from 'react';
import type { ImportFileReport, ImportReportView } from '../../preload/library';
import { useOpenDialog } from '../hooks/open-dialog';
import { strings } from '../strings';
import type { ImportState } from './use-import';

const s = strings.importView;

/** A file worth a look: not added, or added with something dropped on the way. */
export function isProblem(f: ImportFileReport): boolean {
  return f.status !== 'added' || f.warnings.length > 0;
}

function Progress({ done, total }: { done: number; total: number | null }) {
  const percent = total === null || total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="import-progress">
      <div
        role="progressbar"
        aria-label={s.progressLabel}
        aria-valuemin={0}
        aria-valuemax={total ?? 0}
        aria-valuenow={done}
        aria-valuetext={total === null ? s.starting : s.progress(done, total)}
        className="import-bar"
      >
        <div className="import-bar-fill" style={{ width: `${String(percent)}%` }} />
      </div>
      <p className="muted">{total === null ? s.starting : s.progress(done, total)}</p>
    </div>
  );
}

function FileLine({ f }: { f: ImportFileReport }) {
  return (
    <li className={`import-file import-${f.status}`}>
      <div className="import-file-head">
        <span className="import-file-name">{f.file}</span>
        <span className="import-status">{s.status(f.status, f.id)}</span>
      </div>
      {f.error !== null && <p className="import-error">{f.error}</p>}
      {f.repairs.length > 0 && (
        <ul aria-label={s.repairs(f.file)} className="import-notes">
          {f.repairs.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      {f.warnings.length > 0 && (
        <ul aria-label={s.warnings(f.file)} className="import-notes">
          {f.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Report({ report }: { report: ImportReportView }) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const shown = onlyProblems ? report.files.filter(isProblem) : report.files;
  return (
    <>
      <p role="status" className="import-counts">
        {s.counts(report.added, report.duplicates, report.failed)}
      </p>
      {report.fatal !== null && <p role="alert">{s.stopped(report.fatal)}</p>}
      <label className="check">
        <input
          type="checkbox"
          checked={onlyProblems}
          onChange={(event) => {
            setOnlyProblems(event.target.checked);
          }}
        />
        {s.onlyProblems}
      </label>
      <ul aria-label={s.filesLabel} className="import-files">
        {shown.map((f, i) => (
          <FileLine key={`${f.file}-${String(i)}`} f={f} />
        ))}
      </ul>
      {shown.length === 0 && <p className="muted">{s.noProblems}</p>}
    </>
  );
}

/**
 * A modal dialog: focus moves into it and stays there, the window behind is inert, Escape
 * closes it once the import is over (never while it runs: the report would be lost).
 */
function ModalDialog(props: { busy: boolean; onClose: () => void; children: ReactNode }) {
  const { busy, onClose, children } = props;
  const ref = useOpenDialog(true, (dialog) => dialog);
  const titleId = useId();
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-busy={busy}
      tabIndex={-1}
      className="import-view"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={titleId}>{s.title}</h2>
      {children}
    </dialog>
  );
}

/** The import's progress, then its per-file report, over the window until closed. */
export function ImportView(props: { state: ImportState; onStop: () => void; onClose: () => void }) {
  const { state, onStop, onClose } = props;
  if (state.kind === 'idle') return null;
  const busy = state.kind === 'reading' || state.kind === 'importing';
  return (
    <ModalDialog busy={busy} onClose={onClose}>
      {state.kind === 'reading' && (
        <p role="status" className="muted">
          {s.reading}
        </p>
      )}
      {state.kind === 'importing' && <Progress done={state.done} total={state.total} />}
      {state.kind === 'done' && <Report report={state.report} />}
      {state.kind === 'failed' && (
        <>
          <p role="alert">{s.failed(state.sentence)}</p>
          {state.skipped.length > 0 && (
            <ul aria-label={s.filesLabel} className="import-files">
              {state.skipped.map((f, i) => (
                <FileLine key={i} f={f} />
              ))}
            </ul>
          )}
        </>
      )}
      <div className="buttons">
        {state.kind === 'importing' && (
          <button type="button" className="secondary" disabled={state.stopping} onClick={onStop}>
            {state.stopping ? s.stopping : s.stop}
          </button>
        )}
        <button type="button" className="primary" disabled={busy} onClick={onClose}>
          {s.close}
        </button>
      </div>
    </ModalDialog>
  );
}
