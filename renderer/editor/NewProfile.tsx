import { useId, useState } from 'react';
import { strings, vpnTypeLabel } from '../strings';
import type { NewKind } from './blank';
import { SelectField, TextField } from './fields';

const s = strings.editor;
type Choice = NewKind['kind'];

const SERVICE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)+$/;

/** Add: the VPN type of the new profile, or any other plugin by its D-Bus service name. */
export function NewProfile({ onChoose }: { onChoose: (kind: NewKind | null) => void }) {
  const id = useId();
  const [choice, setChoice] = useState<Choice>('openvpn');
  const [service, setService] = useState('');
  const [attempted, setAttempted] = useState(false);
  const serviceBad = !SERVICE_NAME.test(service.trim());
  const create = (): void => {
    if (choice !== 'other') {
      onChoose({ kind: choice });
      return;
    }
    setAttempted(true);
    if (!serviceBad) onChoose({ kind: 'other', serviceType: service.trim() });
  };
  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{s.newTitle}</h2>
      <div className="edit-page">
        <SelectField
          label={s.newType}
          value={choice}
          options={[
            { value: 'openvpn', label: vpnTypeLabel('openvpn') },
            { value: 'wireguard', label: vpnTypeLabel('wireguard') },
            { value: 'other', label: s.newOther },
          ]}
          onChange={setChoice}
        />
        {choice === 'other' && (
          <TextField
            label={s.serviceType}
            hint={s.serviceTypeHint}
            value={service}
            problem={attempted && serviceBad ? s.errors.serviceType : undefined}
            onChange={setService}
          />
        )}
      </div>
      <div className="buttons">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            onChoose(null);
          }}
        >
          {s.cancel}
        </button>
        <button type="button" className="primary" onClick={create}>
          {s.create}
        </button>
      </div>
    </section>
  );
}
