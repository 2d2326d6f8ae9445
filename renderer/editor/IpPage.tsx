import type { IpEdit, RouteEdit } from '../../preload/editor';
import { strings } from '../strings';
import {
  CheckField,
  labelledOptions,
  ListField,
  NumberField,
  SelectField,
  TextField,
} from './fields';
import type { Problems } from './validate';

const s = strings.editor;

const METHODS: Record<4 | 6, readonly string[]> = {
  4: ['auto', 'manual', 'disabled'],
  6: ['auto', 'manual', 'ignore', 'disabled'],
};

/** The IPv4 or IPv6 page: method, addresses, DNS, search domains, routes and the three flags. */
export function IpPage(props: {
  family: 4 | 6;
  ip: IpEdit;
  problems: Problems;
  onChange: (ip: IpEdit) => void;
}) {
  const { family, ip, problems, onChange } = props;
  const at = `ipv${String(family)}`;
  // A method the editor does not offer (shared, dhcp, ...) stays selectable, so it is kept.
  const methods = METHODS[family].includes(ip.method)
    ? METHODS[family]
    : [...METHODS[family], ip.method];
  const setRoute = (i: number, route: RouteEdit): void => {
    onChange({ ...ip, routes: ip.routes.map((r, j) => (j === i ? route : r)) });
  };
  return (
    <div className="edit-page">
      <SelectField
        label={s.method}
        value={ip.method}
        options={labelledOptions(methods, s.methods)}
        onChange={(method) => {
          onChange({ ...ip, method });
        }}
      />
      <ListField
        label={s.addresses}
        hint={s.addressesHint}
        value={ip.addresses}
        problem={problems[`${at}.addresses`]}
        onChange={(addresses) => {
          onChange({ ...ip, addresses });
        }}
      />
      <ListField
        label={s.dns}
        hint={s.listHint}
        value={ip.dns}
        problem={problems[`${at}.dns`]}
        onChange={(dns) => {
          onChange({ ...ip, dns });
        }}
      />
      <ListField
        label={s.dnsSearch}
        hint={s.listHint}
        value={ip.dnsSearch}
        onChange={(dnsSearch) => {
          onChange({ ...ip, dnsSearch });
        }}
      />
      <section className="edit-group" aria-label={s.routes}>
        <h3>{s.routes}</h3>
        {ip.routes.map((route, i) => {
          const n = i + 1;
          const key = `${at}.route.${String(i)}`;
          return (
            // Routes have no identity while typed; the position is theirs.
            <div className="route-row" key={i}>
              <TextField
                label={s.routeDest(n)}
                value={route.dest}
                problem={problems[`${key}.dest`]}
                onChange={(dest) => {
                  setRoute(i, { ...route, dest: dest.trim() });
                }}
              />
              <TextField
                label={s.routeNextHop(n)}
                value={route.nextHop ?? ''}
                problem={problems[`${key}.nextHop`]}
                onChange={(hop) => {
                  setRoute(i, { ...route, nextHop: hop.trim() === '' ? null : hop.trim() });
                }}
              />
              <NumberField
                label={s.routeMetric(n)}
                value={route.metric}
                empty={null}
                problem={problems[`${key}.metric`]}
                onChange={(metric) => {
                  setRoute(i, { ...route, metric });
                }}
              />
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  onChange({ ...ip, routes: ip.routes.filter((_, j) => j !== i) });
                }}
              >
                {s.removeRoute(n)}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            onChange({ ...ip, routes: [...ip.routes, { dest: '', nextHop: null, metric: null }] });
          }}
        >
          {s.addRoute}
        </button>
      </section>
      <CheckField
        label={s.neverDefault}
        checked={ip.neverDefault}
        onChange={(neverDefault) => {
          onChange({ ...ip, neverDefault });
        }}
      />
      <CheckField
        label={s.ignoreAutoRoutes}
        checked={ip.ignoreAutoRoutes}
        onChange={(ignoreAutoRoutes) => {
          onChange({ ...ip, ignoreAutoRoutes });
        }}
      />
      <CheckField
        label={s.ignoreAutoDns}
        checked={ip.ignoreAutoDns}
        onChange={(ignoreAutoDns) => {
          onChange({ ...ip, ignoreAutoDns });
        }}
      />
    </div>
  );
}
