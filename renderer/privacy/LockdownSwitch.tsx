import { useEffect, useState } from 'react';
import { DEFAULT_LAN, type LanChoice, type LockdownView } from '../../preload/privacy-types';
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

type Pending = 'on' | 'off' | 'lan' | null;

const pendingText: Record<Exclude<Pending, null>, string> = {
  on: s.turningOn,
  off: s.turningOff,
  lan: s.changingLan,
};

/**
 * Lockdown (kill switch). The switch shows what NetworkManager holds (the app core's state
 * event), never the click: a refused permission leaves it where it was, with the reason. Turning
 * it on asks nothing; afterwards it says what it means and which profiles cannot connect.
 * "Allow the local network" beside it: while lockdown is on, what its profile holds (a change is
 * carried out at once); while it is off, the choice the next "on" takes (blocked at first).
 */
export function LockdownSwitch() {
  const store = useStoreInstance();
  const lockdown = useStore((state) => state.lockdown);
  const heldLan = useStore((state) => state.lockdownLan);
  const [nextLan, setNextLan] = useState<LanChoice>(DEFAULT_LAN);
  const lan = lockdown === 'on' && heldLan !== null ? heldLan : nextLan;
  const [pending, setPending] = useState<Pending>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [turnedOn, setTurnedOn] = useState<LockdownView | null>(null);
  // What was said when it went on is stale once it is off (turned off here or elsewhere).
  useEffect(() => {
    if (lockdown !== 'on') setTurnedOn(null);
  }, [lockdown]);

  const change = async (on: boolean): Promise<void> => {
    setPending(on ? 'on' : 'off');
    setFailure(null);
    setTurnedOn(null);
    try {
      const view = await store.api.call('lockdown:set', on ? { on, lan } : { on });
      if (on) setTurnedOn(view);
    } catch (err) {
      setFailure(toCallFailure(err).sentence);
    } finally {
      setPending(null);
    }
  };

  /** Lockdown is on: its profile takes the new choice, and the routes follow at once. */
  const changeLan = async (choice: LanChoice): Promise<void> => {
    setPending('lan');
    setFailure(null);
    try {
      await store.api.call('lockdown:set', { on: true, lan: choice });
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
      <label title={s.allowLanHint}>
        <input
          type="checkbox"
          checked={lan === 'allow'}
          disabled={lockdown === 'unknown' || pending !== null}
          onChange={(event) => {
            const choice: LanChoice = event.target.checked ? 'allow' : 'block';
            setNextLan(choice);
            if (lockdown === 'on') void changeLan(choice);
          }}
        />{' '}
        {s.allowLan}
      </label>
      {pending !== null && (
        <span className="muted" role="status">
          {pendingText[pending]}
        </span>
      )}
      {failure !== null && (
        <span role="alert" className="lockdown-error">
          {s.failed(failure)}
        </span>
      )}
      {turnedOn !== null && lockdown === 'on' && (
        <div role="status" className="card lockdown-notice" aria-label={s.label}>
          <p>{turnedOn.lan === 'block' ? s.blockedLan : s.blocked}</p>
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
