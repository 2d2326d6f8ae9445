import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import de from '../../locales/de.json';
import { bootStrings } from '../../renderer/boot-strings';

// The entry point as a browser runs it, when the view's chunk (React, the views, the catalogues)
// does not load or cannot draw: the window says so, from the first chunk alone, instead of
// staying blank. Each test runs main.tsx afresh, with the view module replaced.
const VIEW = '../../renderer/view';

beforeEach(() => {
  vi.resetModules();
  document.body.innerHTML = '<div id="root"></div>';
});

afterEach(() => {
  vi.doUnmock(VIEW);
  vi.restoreAllMocks();
  delete document.documentElement.dataset.locale;
  document.documentElement.lang = 'en';
});

/** An error's message and its causes' messages. */
function messagesOf(value: unknown): string[] {
  if (!(value instanceof Error)) return [];
  return [value.message, ...messagesOf(value.cause)];
}

/** Runs the entry point; what it logged with console.error is recorded, not printed. */
async function runMain(): Promise<unknown[][]> {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await import('../../renderer/main');
  await screen.findByRole('alert', {}, { timeout: 15_000 });
  return logged.mock.calls;
}

describe('a window whose view cannot be loaded', () => {
  it('says what happened and what to do, and logs why', async () => {
    vi.doMock(VIEW, () => {
      throw new Error('view-C3x9.js could not be fetched');
    });
    const logged = await runMain();
    expect(screen.getByRole('alert').textContent).toBe(bootStrings.drawFailed);
    expect(screen.getByRole('alert').textContent).toContain('reinstall Tunnelbar');
    // Vitest wraps the failed import's error: the loader's own is its cause, as a browser's is
    // the import's rejection.
    expect(logged.flat().flatMap(messagesOf)).toContain('view-C3x9.js could not be fetched');
  });

  it('says the same when the view loaded but could not draw the window', async () => {
    vi.doMock(VIEW, () => ({
      showWindow: () => Promise.reject(new Error('index.html has no #root element')),
    }));
    const logged = await runMain();
    expect(screen.getByRole('alert').textContent).toBe(bootStrings.drawFailed);
    expect(logged.flat().flatMap(messagesOf)).toContain('index.html has no #root element');
  });

  it('speaks the window’s language, without the catalogues', async () => {
    document.documentElement.dataset.locale = 'de';
    vi.doMock(VIEW, () => {
      throw new Error('view-C3x9.js could not be fetched');
    });
    await runMain();
    expect(screen.getByRole('alert').textContent).toBe(de['boot.drawFailed']);
    expect(document.documentElement.lang).toBe('de');
  });
});
