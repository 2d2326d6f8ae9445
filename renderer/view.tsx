import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyLocale, loadTranslations } from './locale';
import type { Store } from './store/store';
import { strings } from './strings';
import { Root } from './views/Root';

/**
 * Draws the window once its language is loaded: the app for `store`, or, without the contract's
 * API (null), the sentence that says the page only works inside Tunnelbar.
 */
export async function showWindow(store: Store | null): Promise<void> {
  await loadTranslations(applyLocale(document, navigator.languages));
  const container = document.getElementById('root');
  if (container === null) throw new Error('index.html has no #root element');
  const root = createRoot(container);
  if (store === null) {
    root.render(
      <p className="centre" role="alert">
        {strings.noApi}
      </p>,
    );
    return;
  }
  root.render(
    <StrictMode>
      <Root store={store} />
    </StrictMode>,
  );
  // The list's count is an ICU message with a number and a plural: compiling it is the first use
  // of Intl's number formats (tens of ms to set up). Done now, it overlaps the wait for the
  // snapshot instead of delaying the list's first render; the compiled message is kept.
  strings.list.count(0, 0);
}
