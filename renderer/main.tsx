import { tunnelbarApi } from './api';
import { showBootFailure } from './boot-failure';
import { Store } from './store/store';
import './styles.css';

/**
 * The page's first, small chunk: it asks main for the snapshot at once, so the answer (thousands
 * of profiles) travels while the view's code (React, the list, the strings) is still loading and
 * compiling in its own chunk (view.tsx), rather than after it. When that chunk cannot be loaded
 * or cannot draw the window, the window says so rather than staying blank.
 */
const api = tunnelbarApi();
const store = api === null ? null : new Store(api);
// Before the first render: events that arrive while the view loads must not be missed.
store?.start();
import('./view')
  .then((view) => view.showWindow(store))
  .catch((err: unknown) => {
    showBootFailure(document, navigator.languages, err);
  });
