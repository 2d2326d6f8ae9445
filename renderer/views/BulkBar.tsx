import { useEffect, useRef, useState } from 'react';
import type { SelectionAction, SelectionResultView } from '../../preload/library';
import { toCallFailure } from '../api';
import type { Selection } from '../selection/selection';
import { useStoreInstance } from '../store/context';
import { strings } from '../strings';

const s = strings.bulk;

type Outcome =
  | { kind: 'done'; deleted: boolean; view: SelectionResultView }
  | { kind: 'refused'; sentence: string };

export interface BulkBarProps {
  selection: Selection;
  onClear: () => void;
}

function OutcomeLines({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'refused') return <p role="alert">{s.refused(outcome.sentence)}</p>;
  const { view, deleted } = outcome;
  if (view.changed === 0 && view.failures.length === 0) {
    return <p role="status">{s.nothingToChange}</p>;
  }
  return (
    <>
      <p role="status">
        {s.changed(view.changed, deleted)}
        {view.failures.length > 0 && ` · ${s.failed(view.failures.length, deleted)}`}
      </p>
      {view.failures.length > 0 && (
        <ul className="bulk-failures">
          {view.failures.map((f) => (
            <li key={f.uuid}>{s.failure(f.id, f.sentence)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * What can be done to every checked profile at once: delete (asked first), set the user name,
 * "use only for resources on its network" on or off, autoconnect off. Main does the work and
 * answers how many changed and, by name, which could not and why.
 */
export function BulkBar({ selection, onClear }: BulkBarProps) {
  const store = useStoreInstance();
  const [running, setRunning] = useState(false);
  const [asking, setAsking] = useState(false);
  const [userName, setUserName] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const dismissRef = useRef<HTMLButtonElement>(null);
  const count = selection.size;

  useEffect(() => {
    if (asking) cancelRef.current?.focus();
  }, [asking]);
  // Deleting takes away the question and the checked rows, and a running action disables the
  // buttons: focus would be left on nothing. It goes to what is left of the bar.
  useEffect(() => {
    const now = document.activeElement;
    if (!running && outcome !== null && (now === null || now === document.body))
      dismissRef.current?.focus();
    // count: the deleted profiles leave the selection only when the list hears of it.
  }, [running, outcome, count]);
  /** The question taken back (Cancel, Escape): focus returns to the Delete that asked it. */
  const keep = (): void => {
    setAsking(false);
    deleteRef.current?.focus();
  };

  if (count === 0 && outcome === null) return null;

  const run = async (action: SelectionAction): Promise<void> => {
    setAsking(false);
    setOutcome(null);
    setRunning(true);
    try {
      const view = await store.api.call('profiles:selection-action', {
        uuids: [...selection],
        action,
      });
      setOutcome({ kind: 'done', deleted: action.kind === 'delete', view });
    } catch (err) {
      setOutcome({ kind: 'refused', sentence: toCallFailure(err).sentence });
    } finally {
      setRunning(false);
    }
  };
  const start = (action: SelectionAction) => () => {
    void run(action);
  };

  return (
    <section className="bulk-bar" aria-label={s.label} aria-busy={running}>
      {count > 0 && (
        <>
          <div className="bulk-line">
            <span className="bulk-count">{s.count(count)}</span>
            <button
              type="button"
              className="secondary"
              disabled={running}
              onClick={() => {
                setOutcome(null);
                onClear();
              }}
            >
              {s.clear}
            </button>
          </div>
          <div className="bulk-line">
            <button
              ref={deleteRef}
              type="button"
              className="secondary"
              disabled={running}
              onClick={() => {
                setAsking(true);
              }}
            >
              {s.delete}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={running}
              onClick={start({ kind: 'autoconnect', on: false })}
            >
              {s.autoconnectOff}
            </button>
          </div>
          <form
            className="bulk-line"
            onSubmit={(event) => {
              event.preventDefault();
              void run({ kind: 'set-username', username: userName });
            }}
          >
            <label className="bulk-field">
              <span>{s.userName}</span>
              <input
                type="text"
                value={userName}
                placeholder={s.userNameHint}
                disabled={running}
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => {
                  setUserName(event.target.value);
                }}
              />
            </label>
            <button type="submit" className="secondary" disabled={running}>
              {s.apply}
            </button>
          </form>
          <div className="bulk-line" role="group" aria-label={s.neverDefault}>
            <span>{s.neverDefault}</span>
            {([true, false] as const).map((on) => (
              <button
                key={String(on)}
                type="button"
                className="secondary"
                aria-label={on ? s.neverDefaultOn : s.neverDefaultOff}
                disabled={running}
                onClick={start({ kind: 'never-default', on })}
              >
                {on ? s.on : s.off}
              </button>
            ))}
          </div>
          {asking && (
            <div
              role="alertdialog"
              aria-label={s.deleteConfirm(count)}
              className="confirm"
              onKeyDown={(event) => {
                if (event.key === 'Escape') keep();
              }}
            >
              <p>
                <strong>{s.deleteConfirm(count)}</strong> {s.deleteWhat}
              </p>
              <button ref={cancelRef} type="button" className="secondary" onClick={keep}>
                {s.cancel}
              </button>
              <button type="button" className="primary" onClick={start({ kind: 'delete' })}>
                {s.delete}
              </button>
            </div>
          )}
        </>
      )}
      {running && <p role="status">{s.working(count)}</p>}
      {outcome !== null && (
        <div className="bulk-result">
          <OutcomeLines outcome={outcome} />
          {count === 0 && (
            <button
              ref={dismissRef}
              type="button"
              className="secondary"
              onClick={() => {
                setOutcome(null);
              }}
            >
              {s.dismiss}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
