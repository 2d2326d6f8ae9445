import { useEffect, useState } from 'react';
import { toCallFailure } from '../api';
import { useStoreInstance } from '../store/context';
import type { BaseConnections } from './GeneralPage';

/**
 * The connections "Connect this VPN automatically with" offers. An existing profile's come with
 * profile:get (the editor passes them to `set`); a new profile asks main for them once.
 */
export function useBaseConnections(
  creating: boolean,
): [BaseConnections, (bases: BaseConnections) => void] {
  const store = useStoreInstance();
  const [bases, setBases] = useState<BaseConnections>({ kind: 'loading' });
  useEffect(() => {
    if (!creating) return;
    let live = true;
    store.api.call('profile:base-connections').then(
      (list) => {
        if (live) setBases({ kind: 'ready', list });
      },
      (err: unknown) => {
        if (live) setBases({ kind: 'failed', sentence: toCallFailure(err).sentence });
      },
    );
    return () => {
      live = false;
    };
  }, [store, creating]);
  return [bases, setBases];
}
