import { useEffect, useState } from 'react';
import { DEFAULT_LAN, type LanChoice, type LockdownView } from '../../preload/privacy-types';
import { useContractCall } from '../hooks/contract-call';
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

/** What the call under way does, for the line that says so. */
type Pending = 'on' | 'off' | 'lan';

const pendingText: Record<Pending, string> = {
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
  const setting = useContractCall();
  // Read only while the call runs; every run sets it first.
  const [pending, setPending] = useState<Pending>('on');
  const [turnedOn, setTurnedOn] = useState<LockdownView | null>(null);
  // What was said when it went on is stale once it is off (turned off here or elsewhere).
  useEffect(() => {
    if (lockdown !== 'on') setTurnedOn(null);
  }, [lockdown]);

  const change = (on: boolean): void => {
    setPending(on ? 'on' : 'off');
    setTurnedOn(null);
    void setting.run(async () => {
      const view = await store.api.call('lockdown:set', on ? { on, lan } : { on });
      if (on) setTurnedOn(view);
    }, s.failed);
  };

  /** Lockdown is on: its profile takes the new choice, and the routes follow at once. */
  const changeLan = (choice: LanChoice): void => {
    setPending('lan');
    void setting.run(() => store.api.call('lockdown:set', { on: true, lan: choice }), s.failed);
  };

  return (
    <span className="lockdown">
      <label title={lockdown === 'unknown' ? s.unknown : s.hint}>
        <input
          type="checkbox"
          role="switch"
          checked={lockdown === 'on'}
          disabled={lockdown === 'unknown' || setting.busy}
          onChange={(event) => {
            change(event.target.checked);
          }}
        />{' '}
        {s.label}
      </label>
      <label title={s.allowLanHint}>
        <input
          type="checkbox"
          checked={lan === 'allow'}
          disabled={lockdown === 'unknown' || setting.busy}
          onChange={(event) => {
            const choice: LanChoice = event.target.checked ? 'allow' : 'block';
            setNextLan(choice);
            if (lockdown === 'on') changeLan(choice);
          }}
        />{' '}
        {s.allowLan}
      </label>
      {setting.busy && (
        <span className="muted" role="status">
          {pendingText[pending]}
        </span>
      )}
      {setting.failure !== null && (
        <span role="alert" className="lockdown-error">
          {setting.failure}
        </span>
      )}
      {turnedOn !== null && lockdown === 'on' && (
        <div role="status" className="card lockdown-notice" aria-label={s.label}>
          <p>{turnedOn.lan === 'block' ? s.blockedLan : s.blocked}</p>
          {/* The one part of lockdown that lapses open without the dispatcher hook. */}
          {turnedOn.lan === 'block' && !turnedOn.hook && <p>{s.noHook}</p>}
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
