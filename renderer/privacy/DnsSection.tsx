import { useEffect, useState } from 'react';
import type { DnsLeakView, DnsView } from '../../preload/privacy-types';
import type { TunnelStateView } from '../../preload/contract';
import { toCallFailure } from '../api';
import { useStore, useStoreInstance } from '../store/context';
import { strings } from '../strings';

const s = strings.dnsStatus;

/**
 * What changes NetworkManager's DNS: a tunnel changing state (its servers come and go with it).
 * A string, so the section asks again only when one does, never on a timer.
 */
export function tunnelStatesKey(tunnels: Readonly<Record<string, TunnelStateView>>): string {
  return Object.entries(tunnels)
    .map(([uuid, tunnel]) => `${uuid}:${tunnel.kind}`)
    .sort()
    .join(' ');
}

function Leak(props: { leak: DnsLeakView; fixing: boolean; onFix: () => void }) {
  const { leak } = props;
  return (
    <div role="alert" className="card failure dns-leak">
      <h4>{s.leakTitle}</h4>
      <p>{s.leak(leak.id, leak.leakingInterfaces.join(', '))}</p>
      <button
        type="button"
        className="primary"
        disabled={props.fixing}
        title={s.fixHint}
        onClick={props.onFix}
      >
        {props.fixing ? s.fixing : s.fix(leak.id)}
      </button>
    </div>
  );
}

function Entries({ view }: { view: DnsView }) {
  if (view.entries.length === 0) return <p className="muted">{s.none}</p>;
  return (
    <table className="dns-entries">
      <thead>
        <tr>
          <th scope="col">{s.servers}</th>
          <th scope="col">{s.domains}</th>
          <th scope="col">{s.link}</th>
          <th scope="col">{s.general}</th>
        </tr>
      </thead>
      <tbody>
        {view.entries.map((entry, i) => (
          <tr key={`${entry.interface} ${String(i)}`}>
            <td>{entry.nameservers.join(', ')}</td>
            <td>{entry.domains.length === 0 ? s.noDomains : entry.domains.join(', ')}</td>
            <td>
              {entry.interface}
              {entry.vpn && <span className="tag"> {s.vpn}</span>}
            </td>
            <td>{entry.general ? s.generalYes : s.generalNo}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The status panel's DNS section: the servers NetworkManager uses now, for which domains,
 * through which link, and a leak past a full-tunnel VPN with its one-click fix (dns:fix).
 */
export function DnsSection() {
  const store = useStoreInstance();
  const key = useStore((state) => tunnelStatesKey(state.tunnels));
  const nmRunning = useStore((state) => state.nmRunning);
  const [view, setView] = useState<DnsView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [fixing, setFixing] = useState<string | null>(null);

  useEffect(() => {
    if (!nmRunning) return;
    let live = true;
    store.api.call('dns:get').then(
      (next) => {
        if (!live) return;
        setView(next);
        setFailure(null);
      },
      (err: unknown) => {
        if (live) setFailure(s.failed(toCallFailure(err).sentence));
      },
    );
    return () => {
      live = false;
    };
  }, [store, key, nmRunning]);

  const fix = async (uuid: string): Promise<void> => {
    setFixing(uuid);
    setFailure(null);
    try {
      setView(await store.api.call('dns:fix', { uuid }));
    } catch (err) {
      setFailure(s.fixFailed(toCallFailure(err).sentence));
    } finally {
      setFixing(null);
    }
  };

  return (
    <section className="card dns-section" aria-labelledby="dns-title">
      <h3 id="dns-title">{s.title}</h3>
      {failure !== null && <p role="alert">{failure}</p>}
      {view === null && failure === null && <p className="muted">{s.loading}</p>}
      {view !== null && (
        <>
          {view.leaks.map((leak) => (
            <Leak
              key={leak.uuid}
              leak={leak}
              fixing={fixing === leak.uuid}
              onFix={() => {
                void fix(leak.uuid);
              }}
            />
          ))}
          <Entries view={view} />
          <p className="muted">{s.mode(view.mode, view.rcManager)}</p>
        </>
      )}
    </section>
  );
}
