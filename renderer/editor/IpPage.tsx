import type { IpEdit } from '../../preload/editor';
import { strings } from '../strings';
import {
  CheckField,
  labelledOptions,
  ListField,
  NumberField,
  SelectField,
  TextField,
} from './fields';
import { keySetter } from './form';
import { RowList } from './RowList';
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
  const set = keySetter(ip, onChange);
  const at = `ipv${String(family)}`;
  // A method the editor does not offer (shared, dhcp, ...) stays selectable, so it is kept.
  const methods = METHODS[family].includes(ip.method)
    ? METHODS[family]
    : [...METHODS[family], ip.method];
  return (
    <div className="edit-page">
      <SelectField
        label={s.method}
        value={ip.method}
        options={labelledOptions(methods, s.methods)}
        onChange={set('method')}
      />
      <ListField
        label={s.addresses}
        hint={s.addressesHint}
        value={ip.addresses}
        problem={problems[`${at}.addresses`]}
        onChange={set('addresses')}
      />
      <ListField
        label={s.dns}
        hint={s.listHint}
        value={ip.dns}
        problem={problems[`${at}.dns`]}
        onChange={set('dns')}
      />
      <ListField
        label={s.dnsSearch}
        hint={s.listHint}
        value={ip.dnsSearch}
        onChange={set('dnsSearch')}
      />
      <RowList
        label={s.routes}
        rows={ip.routes}
        blank={{ dest: '', nextHop: null, metric: null }}
        addLabel={s.addRoute}
        onRows={(routes) => {
          onChange({ ...ip, routes });
        }}
      >
        {(route, i, row) => {
          const n = i + 1;
          const key = `${at}.route.${String(i)}`;
          return (
            <div className="route-row">
              <TextField
                label={s.routeDest(n)}
                value={route.dest}
                problem={problems[`${key}.dest`]}
                onChange={(dest) => {
                  row.set({ ...route, dest: dest.trim() });
                }}
              />
              <TextField
                label={s.routeNextHop(n)}
                value={route.nextHop ?? ''}
                problem={problems[`${key}.nextHop`]}
                onChange={(hop) => {
                  row.set({ ...route, nextHop: hop.trim() === '' ? null : hop.trim() });
                }}
              />
              <NumberField
                label={s.routeMetric(n)}
                value={route.metric}
                empty={null}
                problem={problems[`${key}.metric`]}
                onChange={(metric) => {
                  row.set({ ...route, metric });
                }}
              />
              <button type="button" className="secondary" onClick={row.remove}>
                {s.removeRoute(n)}
              </button>
            </div>
          );
        }}
      </RowList>
      <CheckField label={s.neverDefault} checked={ip.neverDefault} onChange={set('neverDefault')} />
      <CheckField
        label={s.ignoreAutoRoutes}
        checked={ip.ignoreAutoRoutes}
        onChange={set('ignoreAutoRoutes')}
      />
      <CheckField
        label={s.ignoreAutoDns}
        checked={ip.ignoreAutoDns}
        onChange={set('ignoreAutoDns')}
      />
    </div>
  );
}
