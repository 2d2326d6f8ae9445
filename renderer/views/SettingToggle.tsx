import { useEffect, useState } from 'react';
import type { SettingsView } from '../../preload/contract';
import { useContractCall } from '../hooks/contract-call';
import { useStoreInstance } from '../store/context';

/**
 * One app setting as a checkbox: read with settings:get, changed with settings:set (main keeps
 * it in its preferences and does what it means: the autostart entry, the reconnect policy).
 */
export function SettingToggle(props: {
  setting: keyof SettingsView;
  label: string;
  failed: (sentence: string) => string;
}) {
  const { setting } = props;
  const store = useStoreInstance();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  // Reading the setting and changing it share the one line that says what went wrong.
  const { failure, run } = useContractCall();

  useEffect(() => {
    let live = true;
    void run(async () => {
      const settings = await store.api.call('settings:get');
      if (live) setEnabled(settings[setting]);
    });
    return () => {
      live = false;
    };
  }, [store, setting, run]);

  const change = (on: boolean): void => {
    void run(async () => {
      setEnabled((await store.api.call('settings:set', { [setting]: on }))[setting]);
    });
  };

  return (
    <span className="autostart">
      <label>
        <input
          type="checkbox"
          checked={enabled === true}
          disabled={enabled === null}
          onChange={(event) => {
            change(event.target.checked);
          }}
        />{' '}
        {props.label}
      </label>
      {failure !== null && (
        <span role="alert" className="autostart-error">
          {props.failed(failure)}
        </span>
      )}
    </span>
  );
}
