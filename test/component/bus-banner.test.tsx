import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeApi, snapshot } from '../fakes/fake-api';
import { emit, renderApp } from './support/render-app';

// Issue 11, item 9: the window says when the system bus itself went away and when it is back.

afterEach(() => {
  vi.useRealTimers();
});

describe('the system bus going away', () => {
  it('says the bus went away and Tunnelbar is reconnecting, then that it reconnected', async () => {
    const api = new FakeApi(snapshot([]));
    await renderApp(api);
    emit(api, 'state:nm', { running: false, bus: 'lost' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The system bus went away');
    expect(alert.textContent).toContain('reconnecting');
    vi.useFakeTimers();
    emit(api, 'state:nm', { running: true, bus: 'reconnected' });
    expect(screen.queryByRole('alert')).toBeNull();
    const note = screen.getByText('Reconnected to the system bus.');
    expect(note.closest('[role="status"]')).not.toBeNull();
    // A passing note, not a standing one.
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(screen.queryByText(/Reconnected to the system bus/)).toBeNull();
  });

  it('back on the bus without NetworkManager: the usual notice', async () => {
    const api = new FakeApi(snapshot([]));
    await renderApp(api);
    emit(api, 'state:nm', { running: false, bus: 'lost' });
    emit(api, 'state:nm', { running: false, bus: 'reconnected' });
    expect(screen.getByRole('alert').textContent).toContain('NetworkManager is not running');
  });
});
