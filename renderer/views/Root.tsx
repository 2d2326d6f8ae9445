import { useRoute } from '../hooks/route';
import { PromptWindow } from '../prompt/PromptWindow';
import { StoreContext } from '../store/context';
import type { Store } from '../store/store';
import { App } from './App';

/** Picks the view for the window's route: one prompt (the shell's prompt window) or the app. */
export function Root({ store }: { store: Store }) {
  const route = useRoute();
  return (
    <StoreContext.Provider value={store}>
      {route.kind === 'prompt' ? (
        <PromptWindow requestId={route.requestId} />
      ) : (
        <App route={route} />
      )}
    </StoreContext.Provider>
  );
}
