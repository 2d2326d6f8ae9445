import { screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { strings } from '../../renderer/strings';

// The entry point as a browser runs it, on a page that has no window.tunnelbar (opened outside
// Tunnelbar and its harness): it explains instead of failing blank.
it('explains when the page has no API', async () => {
  document.body.innerHTML = '<div id="root"></div>';
  await import('../../renderer/main');
  // main.tsx loads the view with import(): in a cold test process that transforms the whole
  // view first, which can take longer than findBy's default second on a loaded machine.
  const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
  expect(alert.textContent).toBe(strings.noApi);
});
