import { strings } from '../strings';
import { TextField } from './fields';
import type { DataRow } from './form';
import type { Problems } from './validate';

const s = strings.editor;

/** Any plugin without a page of its own: vpn.data as key/value rows, nothing hidden. */
export function PluginPage(props: {
  serviceType: string;
  rows: DataRow[];
  problems: Problems;
  onRows: (rows: DataRow[]) => void;
}) {
  const { rows, problems, onRows } = props;
  const setRow = (i: number, row: DataRow): void => {
    onRows(rows.map((r, j) => (j === i ? row : r)));
  };
  return (
    <div className="edit-page">
      <label className="edit-field">
        <span className="edit-label">{s.serviceType}</span>
        <input type="text" readOnly value={props.serviceType} className="mono" />
      </label>
      <section className="edit-group" aria-label={s.pluginData}>
        <h3>{s.pluginData}</h3>
        <p className="muted">{s.pluginHint}</p>
        {rows.map((row, i) => (
          // Rows have no identity while their key is typed; the position is theirs.
          <div className="kv-row" key={i}>
            <TextField
              label={s.dataKey(i + 1)}
              value={row.key}
              problem={problems[`plugin.key.${String(i)}`]}
              onChange={(key) => {
                setRow(i, { ...row, key });
              }}
            />
            <TextField
              label={s.dataValue(i + 1)}
              value={row.value}
              onChange={(value) => {
                setRow(i, { ...row, value });
              }}
            />
            <button
              type="button"
              className="secondary"
              onClick={() => {
                onRows(rows.filter((_, j) => j !== i));
              }}
            >
              {s.removeEntry(i + 1)}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            onRows([...rows, { key: '', value: '' }]);
          }}
        >
          {s.addEntry}
        </button>
      </section>
    </div>
  );
}
