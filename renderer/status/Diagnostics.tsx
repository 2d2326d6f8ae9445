import { useEffect, useRef, useState } from 'react';
import { toCallFailure } from '../api';
import { useStoreInstance } from '../store/context';
import { strings } from '../strings';

type Load =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'shown'; lines: string[] }
  | { kind: 'failed'; sentence: string };

type Copy = 'idle' | 'copied' | 'failed';

/** The plugin's recent log lines for a failed tunnel, read on request, with a copy button. */
export function Diagnostics({ uuid }: { uuid: string }) {
  const store = useStoreInstance();
  const [load, setLoad] = useState<Load>({ kind: 'closed' });
  const [copy, setCopy] = useState<Copy>('idle');
  const preRef = useRef<HTMLPreElement>(null);
  const open = load.kind !== 'closed';

  // The newest lines matter most: show the end of the log.
  useEffect(() => {
    const pre = preRef.current;
    if (load.kind === 'shown' && pre !== null) pre.scrollTop = pre.scrollHeight;
  }, [load]);

  const toggle = async (): Promise<void> => {
    if (open) {
      setLoad({ kind: 'closed' });
      return;
    }
    setLoad({ kind: 'loading' });
    setCopy('idle');
    try {
      const { lines } = await store.api.call('tunnel:diagnostics', { uuid });
      setLoad({ kind: 'shown', lines });
    } catch (err) {
      setLoad({ kind: 'failed', sentence: toCallFailure(err).sentence });
    }
  };

  const copyLines = async (lines: string[]): Promise<void> => {
    try {
      await navigator.clipboard.writeText(lines.join('\n'));
      setCopy('copied');
    } catch {
      // No clipboard permission: select the text so Ctrl+C does it.
      const pre = preRef.current;
      if (pre !== null) window.getSelection()?.selectAllChildren(pre);
      setCopy('failed');
    }
  };

  return (
    <section className="card diagnostics" aria-label={strings.diagnostics.title}>
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        onClick={() => {
          void toggle();
        }}
      >
        {open ? strings.diagnostics.hide : strings.diagnostics.show}
      </button>
      {load.kind === 'loading' && <p className="muted">{strings.diagnostics.loading}</p>}
      {load.kind === 'failed' && <p role="alert">{strings.diagnostics.failed(load.sentence)}</p>}
      {load.kind === 'shown' && (
        <>
          <h3>{strings.diagnostics.title}</h3>
          {load.lines.length === 0 ? (
            <p className="muted">{strings.diagnostics.empty}</p>
          ) : (
            <>
              <pre ref={preRef} className="log" tabIndex={0} aria-label={strings.diagnostics.title}>
                {load.lines.join('\n')}
              </pre>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  void copyLines(load.lines);
                }}
              >
                {strings.diagnostics.copy}
              </button>
              <span role="status" className="muted copy-status">
                {copy === 'copied' && strings.diagnostics.copied}
                {copy === 'failed' && strings.diagnostics.copyFailed}
              </span>
            </>
          )}
        </>
      )}
    </section>
  );
}
