import { useEffect, useState } from 'react';
import { toCallFailure } from '../api';
import { useStoreInstance } from '../store/context';
import { strings } from '../strings';

/** "Start Tunnelbar when I log in": main writes or removes the XDG autostart entry. */
export function AutostartToggle() {
  const store = useStoreInstance();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    store.api.call('settings:get').then(
      (settings) => {
        if (live) setEnabled(settings.autostart);
      },
      (err: unknown) => {
        if (live) setFailure(toCallFailure(err).sentence);
      },
    );
    return () => {
      live = false;
    };
  }, [store]);

  const change = async (autostart: boolean): Promise<void> => {
    setFailure(null);
    try {
      setEnabled((await store.api.call('settings:set', { autostart })).autostart);
    } catch (err) {
      setFailure(toCallFailure(err).sentence);
    }
  };

  return (
    <span className="autostart">
      <label>
        <input
          type="checkbox"
          checked={enabled === true}
          disabled={enabled === null}
          onChange={(event) => {
            void change(event.target.checked);
          }}
        />{' '}
        {strings.autostart.label}
      </label>
      {failure !== null && (
        <span role="alert" className="autostart-error">
          {strings.autostart.failed(failure)}
        </span>
      )}
    </span>
  );
}
