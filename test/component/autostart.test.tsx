import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, profile, refusal, snapshot } from '../fakes/fake-api';
import { renderApp } from './support/render-app';

describe('the login setting', () => {
  it('shows the stored setting and changes it through settings:set', async () => {
    const api = new FakeApi(snapshot([profile('office')]));
    let stored = true;
    api.respond = (name, args) => {
      if (name === 'settings:get') return { autostart: stored };
      if (name === 'settings:set') {
        stored = (args[0] as { autostart: boolean }).autostart;
        return { autostart: stored };
      }
      return undefined;
    };
    await renderApp(api);
    const box = screen.getByRole('checkbox', { name: 'Start Tunnelbar when I log in' });
    await waitFor(() => {
      expect((box as HTMLInputElement).checked).toBe(true);
    });
    await userEvent.setup().click(box);
    expect(api.callsOf('settings:set')).toEqual([[{ autostart: false }]]);
    await waitFor(() => {
      expect((box as HTMLInputElement).checked).toBe(false);
    });
  });

  it('says so when main refuses, and keeps the box as it was', async () => {
    const api = new FakeApi(snapshot([profile('office')]));
    api.respond = (name) =>
      name === 'settings:set' ? refusal('internal-error', 'The disk is full.') : undefined;
    await renderApp(api);
    const box = screen.getByRole('checkbox', { name: 'Start Tunnelbar when I log in' });
    await waitFor(() => {
      expect((box as HTMLInputElement).disabled).toBe(false);
    });
    await userEvent.setup().click(box);
    expect(
      (await screen.findByText(/could not be changed: The disk is full\./)).textContent,
    ).toBeTruthy();
    expect((box as HTMLInputElement).checked).toBe(false);
  });
});
