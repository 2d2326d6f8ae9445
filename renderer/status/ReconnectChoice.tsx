import { useId } from 'react';
import type { ProfileView } from '../../preload/contract';
import { useContractCall } from '../hooks/contract-call';
import { useStoreInstance } from '../store/context';
import { strings } from '../strings';

type Choice = 'follow' | 'always' | 'never';

function choiceOf(reconnect: boolean | null): Choice {
  if (reconnect === null) return 'follow';
  return reconnect ? 'always' : 'never';
}

const VALUE: Record<Choice, boolean | null> = { follow: null, always: true, never: false };

/**
 * The profile's own "Reconnect when the connection drops": yes, no, or as the app setting says.
 * Tunnelbar's preference, not NetworkManager's: it applies at once (profile:set-reconnect) and
 * comes back with the profiles.
 */
export function ReconnectChoice({ profile }: { profile: ProfileView }) {
  const store = useStoreInstance();
  const id = useId();
  const { failure, run } = useContractCall();
  const s = strings.reconnect;
  return (
    <p className="reconnect-choice">
      <label htmlFor={id}>{s.profileLabel}</label>{' '}
      <select
        id={id}
        value={choiceOf(profile.reconnect)}
        onChange={(event) => {
          const choice = event.target.value as Choice;
          void run(() =>
            store.api.call('profile:set-reconnect', {
              uuid: profile.uuid,
              reconnect: VALUE[choice],
            }),
          );
        }}
      >
        <option value="follow">{s.follow}</option>
        <option value="always">{s.always}</option>
        <option value="never">{s.never}</option>
      </select>
      {failure !== null && (
        <span role="alert" className="autostart-error">
          {s.failed(failure)}
        </span>
      )}
    </p>
  );
}
