import { useState } from 'react';
import type { ProfileView } from '../../preload/contract';
import { useContractCall } from '../hooks/contract-call';
import { useStore, useStoreInstance } from '../store/context';
import { strings } from '../strings';
import { ExportButton } from '../import/ExportButton';
import { ImportButtons } from '../import/ImportButtons';
import { LockdownSwitch } from '../privacy/LockdownSwitch';
import { AutostartToggle, ReconnectToggle } from '../views/AutostartToggle';

const s = strings.editor;

/** A button that acts on the selected profile: disabled while none is selected. */
function SelectedProfileButton(props: {
  profile: ProfileView | undefined;
  label: string;
  onClick: (profile: ProfileView) => void;
}) {
  const { profile, onClick } = props;
  return (
    <button
      type="button"
      className="secondary"
      disabled={profile === undefined}
      onClick={() => {
        if (profile !== undefined) onClick(profile);
      }}
    >
      {props.label}
    </button>
  );
}

/** Add, Edit, Delete, Import and Export above the panes; Delete asks first, in place. */
export function ProfileActions(props: {
  selected: string | null;
  onAdd: () => void;
  onEdit: (uuid: string) => void;
  onDeleted: () => void;
}) {
  const store = useStoreInstance();
  const { selected } = props;
  const profile = useStore((st) =>
    selected === null ? undefined : st.profiles.find((p) => p.uuid === selected),
  );
  const [asking, setAsking] = useState(false);
  const deleting = useContractCall();
  const remove = (uuid: string): void => {
    void deleting.run(async () => {
      await store.api.call('profile:delete', { uuid });
      setAsking(false);
      props.onDeleted();
    }, s.deleteFailed);
  };
  return (
    <div className="profile-actions">
      <button type="button" className="secondary" onClick={props.onAdd}>
        {s.add}
      </button>
      <SelectedProfileButton
        profile={profile}
        label={s.edit}
        onClick={(chosen) => {
          props.onEdit(chosen.uuid);
        }}
      />
      <SelectedProfileButton
        profile={profile}
        label={s.delete}
        onClick={() => {
          deleting.clearFailure();
          setAsking(true);
        }}
      />
      <ImportButtons />
      <ExportButton profile={profile} />
      {asking && profile !== undefined && (
        <div role="alertdialog" aria-label={s.delete} className="confirm">
          <p>{s.deleteConfirm(profile.id)}</p>
          {deleting.failure !== null && <p role="alert">{deleting.failure}</p>}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setAsking(false);
            }}
          >
            {s.deleteNo}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => {
              remove(profile.uuid);
            }}
          >
            {s.deleteYes}
          </button>
        </div>
      )}
      <LockdownSwitch />
      <ReconnectToggle />
      <AutostartToggle />
    </div>
  );
}
