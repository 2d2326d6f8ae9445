import { strings } from '../strings';
import { TextField } from './fields';
import type { DataRow } from './form';
import { RowList } from './RowList';
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
  return (
    <div className="edit-page">
      <label className="edit-field">
        <span className="edit-label">{s.serviceType}</span>
        <input type="text" readOnly value={props.serviceType} className="mono" />
      </label>
      <RowList
        label={s.pluginData}
        hint={s.pluginHint}
        rows={rows}
        blank={{ key: '', value: '' }}
        addLabel={s.addEntry}
        onRows={onRows}
      >
        {(row, i, edits) => (
          <div className="kv-row">
            <TextField
              label={s.dataKey(i + 1)}
              value={row.key}
              problem={problems[`plugin.key.${String(i)}`]}
              onChange={(key) => {
                edits.set({ ...row, key });
              }}
            />
            <TextField
              label={s.dataValue(i + 1)}
              value={row.value}
              onChange={(value) => {
                edits.set({ ...row, value });
              }}
            />
            <button type="button" className="secondary" onClick={edits.remove}>
              {s.removeEntry(i + 1)}
            </button>
          </div>
        )}
      </RowList>
    </div>
  );
}
