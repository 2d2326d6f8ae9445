import { useEffect, useState } from 'react';
import type { SettingsView } from '../../preload/contract';
import { toCallFailure } from '../api';
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
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    store.api.call('settings:get').then(
      (settings) => {
        if (live) setEnabled(settings[setting]);
      },
      (err: unknown) => {
        if (live) setFailure(toCallFailure(err).sentence);
      },
    );
    return () => {
      live = false;
    };
  }, [store, setting]);

  const change = async (on: boolean): Promise<void> => {
    setFailure(null);
    try {
      setEnabled((await store.api.call('settings:set', { [setting]: on }))[setting]);
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
