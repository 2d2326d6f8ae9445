import { useId } from 'react';
import type { BaseConnectionView, ProfileEdit } from '../../preload/editor';
import { baseConnectionLabel, strings } from '../strings';
import { BootSafety } from './BootSafety';
import { CheckField, NumberField, TextField } from './fields';
import { keySetter } from './form';
import type { Problems } from './validate';

const s = strings.editor;

/** The connections a VPN can be started with, as main answered them (or why not). */
export type BaseConnections =
  | { kind: 'loading' }
  | { kind: 'failed'; sentence: string }
  | { kind: 'ready'; list: BaseConnectionView[] };

/**
 * "Connect this VPN automatically with": one checkbox per base connection. NetworkManager keeps
 * the choice on those connections (their secondaries); main writes it there on save.
 */
function ConnectWith(props: {
  bases: BaseConnections;
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}) {
  const { bases, chosen, onChange } = props;
  const hintId = useId();
  const body = (() => {
    switch (bases.kind) {
      case 'loading':
        return (
          <p className="muted" role="status">
            {s.connectWithLoading}
          </p>
        );
      case 'failed':
        return <p role="alert">{s.connectWithFailed(bases.sentence)}</p>;
      case 'ready':
        if (bases.list.length === 0) return <p className="muted">{s.connectWithNone}</p>;
        return bases.list.map((base) => (
          <CheckField
            key={base.uuid}
            label={baseConnectionLabel(base.name, base.type)}
            checked={chosen.includes(base.uuid)}
            onChange={(on) => {
              const others = chosen.filter((uuid) => uuid !== base.uuid);
              onChange(on ? [...others, base.uuid] : others);
            }}
          />
        ));
    }
  })();
  return (
    <fieldset className="edit-group" aria-describedby={hintId}>
      <legend>{s.connectWith}</legend>
      <span id={hintId} className="field-hint">
        {s.connectWithHint}
      </span>
      {body}
    </fieldset>
  );
}

export function GeneralPage(props: {
  edit: ProfileEdit;
  bases: BaseConnections;
  problems: Problems;
  onChange: (edit: ProfileEdit) => void;
}) {
  const { edit, problems, onChange } = props;
  const set = keySetter(edit, onChange);
  return (
    <div className="edit-page">
      <TextField label={s.name} value={edit.name} problem={problems.name} onChange={set('name')} />
      <CheckField label={s.autoconnect} checked={edit.autoconnect} onChange={set('autoconnect')} />
      <CheckField label={s.allUsers} checked={edit.allUsers} onChange={set('allUsers')} />
      <span className="field-hint">{s.allUsersHint}</span>
      <ConnectWith bases={props.bases} chosen={edit.connectWith} onChange={set('connectWith')} />
      <BootSafety edit={edit} onChange={onChange} />
      <NumberField
        label={s.autoconnectRetries}
        hint={s.autoconnectRetriesHint}
        value={edit.autoconnectRetries}
        empty={-1}
        problem={problems.autoconnectRetries}
        onChange={(n) => {
          onChange({ ...edit, autoconnectRetries: n ?? -1 });
        }}
      />
      {edit.vpn.kind === 'plugin' && (
        <>
          <CheckField label={s.persistent} checked={edit.persistent} onChange={set('persistent')} />
          <span className="field-hint">{s.persistentHint}</span>
        </>
      )}
    </div>
  );
}
