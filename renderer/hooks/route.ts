import { useMemo, useSyncExternalStore } from 'react';
import { parseRoute, type Route } from '../../preload/routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
}

/** The window's route from its hash (`#prompt/<id>`, `#search`), following changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}
