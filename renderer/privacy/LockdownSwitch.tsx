import { useEffect, useState } from 'react';
import type { LockdownView } from '../../preload/privacy-types';
import { toCallFailure } from '../api';
import { useStore, useStoreInstance } from '../store/context';
import { strings } from '../strings';

const s = strings.lockdown;

/** The profiles that cannot connect under lockdown: one line per server that did not resolve. */
function Unresolved({ view }: { view: LockdownView }) {
  const failed = view.servers.filter((server) => server.error !== null);
  if (failed.length === 0) return null;
  return (
    <>
      <p>{s.unresolvedTitle}</p>
      <ul className="lockdown-unresolved">
        {failed.map((server) => (
          <li key={`${server.uuid} ${server.host}`}>
            {s.unresolved(server.id, server.host, server.error ?? '')}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Lockdown (kill switch). The switch shows what NetworkManager holds (the app core's state
 * event), never the click: a refused permission leaves it where it was, with the reason. Turning
 * it on asks nothing; afterwards it says what it means and which profiles cannot connect.
 */
export function LockdownSwitch() {
  const store = useStoreInstance();
  const lockdown = useStore((state) => state.lockdown);
  const [pending, setPending] = useState<boolean | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [turnedOn, setTurnedOn] = useState<LockdownView | null>(null);
  // What was said when it went on is stale once it is off (turned off here or elsewhere).
  useEffect(() => {
    if (lockdown !== 'on') setTurnedOn(null);
  }, [lockdown]);

  const change = async (on: boolean): Promise<void> => {
    setPending(on);
    setFailure(null);
    setTurnedOn(null);
    try {
      const view = await store.api.call('lockdown:set', { on });
      if (on) setTurnedOn(view);
    } catch (err) {
      setFailure(toCallFailure(err).sentence);
    } finally {
      setPending(null);
    }
  };

  return (
    <span className="lockdown">
      <label title={lockdown === 'unknown' ? s.unknown : s.hint}>
        <input
          type="checkbox"
          role="switch"
          checked={lockdown === 'on'}
          disabled={lockdown === 'unknown' || pending !== null}
          onChange={(event) => {
            void change(event.target.checked);
          }}
        />{' '}
        {s.label}
      </label>
      {pending !== null && (
        <span className="muted" role="status">
          {pending ? s.turningOn : s.turningOff}
        </span>
      )}
      {failure !== null && (
        <span role="alert" className="lockdown-error">
          {s.failed(failure)}
        </span>
      )}
      {turnedOn !== null && lockdown === 'on' && (
        <div role="status" className="card lockdown-notice" aria-label={s.label}>
          <p>{s.blocked}</p>
          <Unresolved view={turnedOn} />
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setTurnedOn(null);
            }}
          >
            {s.dismiss}
          </button>
        </div>
      )}
    </span>
  );
}
