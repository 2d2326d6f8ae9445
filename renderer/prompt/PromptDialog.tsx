import { useState, type SubmitEvent } from 'react';
import type { CallFailure, PromptView } from '../../preload/contract';
import { CheckField } from '../editor/fields';
import { useContractCall } from '../hooks/contract-call';
import { useOpenDialog } from '../hooks/open-dialog';
import { useStoreInstance } from '../store/context';
import { strings } from '../strings';
import { loginStrings } from './login-strings';

export interface PromptDialogProps {
  prompt: PromptView;
  /** `modal` over the main window; `window` fills the small prompt window the shell opens. */
  variant: 'modal' | 'window';
}

function Reason({ prompt }: { prompt: PromptView }) {
  switch (prompt.reason) {
    case 'initial':
      return <p id={`prompt-${prompt.id}-message`}>{prompt.message}</p>;
    case 'rejected':
      return (
        <p id={`prompt-${prompt.id}-message`} role="alert" className="prompt-rejected">
          {strings.prompt.rejected}
        </p>
      );
    case 'challenge':
      return (
        <div id={`prompt-${prompt.id}-message`}>
          <p>{strings.prompt.challenge}</p>
          <p className="prompt-question">{prompt.message}</p>
        </div>
      );
    case 'certificate':
      return (
        <div id={`prompt-${prompt.id}-message`} role="alert">
          <p>{loginStrings.untrusted(prompt.certificate?.host ?? '')}</p>
          <p>{loginStrings.why(prompt.certificate?.reason ?? '')}</p>
          <p className="prompt-fingerprint">{prompt.certificate?.fingerprint}</p>
        </div>
      );
    case 'browser':
      return (
        <p id={`prompt-${prompt.id}-message`} aria-live="polite">
          {prompt.message}
        </p>
      );
  }
}

/**
 * NetworkManager's request for a secret: the fields it asks for, "Save password" when saving is
 * allowed, Connect and Cancel. Values live only in this component's state and go to main in the
 * answer; key the component by request id so a new request starts empty.
 */
export function PromptDialog({ prompt, variant }: PromptDialogProps) {
  const store = useStoreInstance();
  const dialogRef = useOpenDialog(variant === 'modal', (dialog) =>
    dialog.querySelector<HTMLElement>('[data-first-field]'),
  );
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(prompt.fields.map((f) => [f.key, f.initial ?? f.options?.[0] ?? ''])),
  );
  const [save, setSave] = useState(prompt.saveChecked === true);
  // Answered, the prompt leaves the store and this dialog goes away while the call still ends.
  const sending = useContractCall();

  /** The store answers with the refusal instead of rejecting (it handles prompt-gone itself). */
  const finish = (send: () => Promise<CallFailure | null>): void => {
    void sending.run(async () => {
      const refusal = await send();
      if (refusal !== null) throw new Error(refusal.sentence);
    }, strings.prompt.failed);
  };
  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    finish(() => store.answerPrompt(prompt.id, values, prompt.canSave && save));
  };
  const cancel = (): void => {
    finish(() => store.cancelPrompt(prompt.id));
  };
  // The field to type into first: the first without a value (a user name may be filled in).
  const firstField = (prompt.fields.find((f) => (f.initial ?? '') === '') ?? prompt.fields[0])?.key;
  const titleId = `prompt-${prompt.id}-title`;

  return (
    <dialog
      ref={dialogRef}
      className={`prompt prompt-${variant}`}
      aria-labelledby={titleId}
      aria-describedby={`prompt-${prompt.id}-message`}
      onCancel={(event) => {
        // Escape: answer NetworkManager with a cancel rather than just hiding the dialog.
        event.preventDefault();
        cancel();
      }}
    >
      <form onSubmit={onSubmit}>
        <h2 id={titleId}>{strings.prompt.title(prompt.connectionId)}</h2>
        <Reason prompt={prompt} />
        {prompt.fields.map((field) => (
          <label key={field.key} className="field">
            <span>{field.label}</span>
            {field.options === undefined ? (
              <input
                type={field.secret ? 'password' : 'text'}
                name={field.key}
                value={values[field.key] ?? ''}
                autoComplete="off"
                spellCheck={false}
                data-first-field={field.key === firstField ? '' : undefined}
                onChange={(event) => {
                  const value = event.target.value;
                  setValues((current) => ({ ...current, [field.key]: value }));
                }}
              />
            ) : (
              <select
                name={field.key}
                value={values[field.key] ?? ''}
                data-first-field={field.key === firstField ? '' : undefined}
                onChange={(event) => {
                  const value = event.target.value;
                  setValues((current) => ({ ...current, [field.key]: value }));
                }}
              >
                {field.options.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            )}
          </label>
        ))}
        {prompt.canSave && (
          <CheckField label={strings.prompt.save} checked={save} onChange={setSave} />
        )}
        {sending.failure !== null && (
          <p role="alert" className="prompt-failure">
            {sending.failure}
          </p>
        )}
        <div className="buttons">
          <button type="button" className="secondary" onClick={cancel} disabled={sending.busy}>
            {strings.prompt.cancel}
          </button>
          {/* A browser login only waits: there is nothing to send. */}
          {prompt.reason !== 'browser' && (
            <button type="submit" className="primary" disabled={sending.busy}>
              {sending.busy
                ? strings.prompt.sending
                : prompt.reason === 'certificate'
                  ? loginStrings.accept
                  : strings.prompt.connect}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
