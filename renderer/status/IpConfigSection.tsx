import type { IpConfigView } from '../../preload/contract';
import { strings } from '../strings';

function List({ values }: { values: readonly string[] }) {
  if (values.length === 0) return <span className="muted">{strings.status.none}</span>;
  return (
    <ul className="plain">
      {values.map((v) => (
        <li key={v}>{v}</li>
      ))}
    </ul>
  );
}

/** One address family of a connected tunnel: what NetworkManager's IP4Config/IP6Config say. */
export function IpConfigSection({ title, config }: { title: string; config: IpConfigView }) {
  return (
    <section className="card" aria-label={title}>
      <h3>{title}</h3>
      <dl className="facts">
        <dt>{strings.status.addresses}</dt>
        <dd>
          <List values={config.addresses} />
        </dd>
        <dt>{strings.status.gateway}</dt>
        <dd>{config.gateway ?? <span className="muted">{strings.status.none}</span>}</dd>
        <dt>{strings.status.dns}</dt>
        <dd>
          <List values={config.dns} />
        </dd>
        <dt>{strings.status.domains}</dt>
        <dd>
          <List values={config.domains} />
        </dd>
      </dl>
      <h4>{strings.status.routes}</h4>
      {config.routes.length === 0 ? (
        <p className="muted">{strings.status.none}</p>
      ) : (
        <table className="routes">
          <thead>
            <tr>
              <th scope="col">{strings.status.routeDest}</th>
              <th scope="col">{strings.status.routeNextHop}</th>
              <th scope="col">{strings.status.routeMetric}</th>
            </tr>
          </thead>
          <tbody>
            {config.routes.map((r) => (
              <tr key={`${r.dest} ${r.nextHop ?? ''} ${r.metric ?? ''}`}>
                <td>{r.dest}</td>
                <td>{r.nextHop ?? strings.status.direct}</td>
                <td>{r.metric ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
