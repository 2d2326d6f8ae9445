import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Store } from './store';
import type { StoreState } from './state';

export const StoreContext = createContext<Store | null>(null);

export function useStoreInstance(): Store {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useStoreInstance outside a StoreContext provider');
  return store;
}

/**
 * A slice of the state; the component re-renders only when the slice changes (by identity), so a
 * tunnel event re-renders that tunnel's row, not 5,000 of them.
 */
export function useStore<T>(select: (state: StoreState) => T): T {
  const store = useStoreInstance();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
