import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { tunnelbarApi } from './api';
import { applyLocale } from './locale';
import { Store } from './store/store';
import { strings } from './strings';
import { Root } from './views/Root';
import './styles.css';

applyLocale(document, navigator.languages);
const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
const root = createRoot(container);
const api = tunnelbarApi();
if (api === null) {
  root.render(
    <p className="centre" role="alert">
      {strings.noApi}
    </p>,
  );
} else {
  const store = new Store(api);
  // Before the first render: events that arrive while React starts up must not be missed.
  store.start();
  root.render(
    <StrictMode>
      <Root store={store} />
    </StrictMode>,
  );
}
