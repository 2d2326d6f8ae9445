import { act, render, type RenderResult } from '@testing-library/react';
import type { EventName, EventPayloads } from '../../../preload/contract';
import { Store } from '../../../renderer/store/store';
import { Root } from '../../../renderer/views/Root';
import type { FakeApi } from '../../fakes/fake-api';

export interface Rendered extends RenderResult {
  store: Store;
}

/** Renders the renderer's root on a fake API, as main.tsx does, and lets the snapshot land. */
export async function renderApp(api: FakeApi, hash = ''): Promise<Rendered> {
  window.location.hash = hash;
  const store = new Store(api);
  store.start();
  const result = render(<Root store={store} />);
  await act(async () => {
    await Promise.resolve();
  });
  return { ...result, store };
}

/** Delivers a contract event the way the preload would, inside React's act(). */
export function emit<E extends EventName>(api: FakeApi, name: E, payload: EventPayloads[E]): void {
  act(() => {
    api.emit(name, payload);
  });
}
