import type { ProfileEdit } from '../../preload/editor';
import { strings } from '../strings';
import { CheckField, TextField } from './fields';
import type { Problems } from './validate';

const s = strings.editor;

export function GeneralPage(props: {
  edit: ProfileEdit;
  problems: Problems;
  onChange: (edit: ProfileEdit) => void;
}) {
  const { edit, problems, onChange } = props;
  return (
    <div className="edit-page">
      <TextField
        label={s.name}
        value={edit.name}
        problem={problems.name}
        onChange={(name) => {
          onChange({ ...edit, name });
        }}
      />
      <CheckField
        label={s.autoconnect}
        checked={edit.autoconnect}
        onChange={(autoconnect) => {
          onChange({ ...edit, autoconnect });
        }}
      />
    </div>
  );
}
