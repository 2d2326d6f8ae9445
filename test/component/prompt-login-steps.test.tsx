import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, profile, prompt, snapshot } from '../fakes/fake-api';
import { emit, renderApp } from './support/render-app';

// OpenConnect's login steps in the prompt: a choice, an untrusted certificate, a browser login.

const office = profile('office');

async function withPrompt(extra: Parameters<typeof prompt>[0]) {
  const api = new FakeApi(snapshot([office]));
  await renderApp(api);
  emit(api, 'prompt:open', prompt(extra));
  return { api, dialog: screen.getByRole('dialog', { name: 'Connect to office' }) };
}

describe('the prompt for login steps', () => {
  it('offers a group as a choice and answers with the chosen label', async () => {
    const { api, dialog } = await withPrompt({
      fields: [{ key: 'form:GROUP', label: 'GROUP', secret: false, options: ['staff', 'guests'] }],
    });
    const u = userEvent.setup();
    await u.selectOptions(within(dialog).getByLabelText('GROUP'), 'guests');
    await u.click(within(dialog).getByRole('button', { name: 'Connect' }));
    expect(api.callsOf('prompt:answer')).toEqual([
      [{ requestId: 'req-1', values: { 'form:GROUP': 'guests' }, save: false }],
    ]);
  });

  it('shows an untrusted certificate: Accept answers, Cancel refuses', async () => {
    const certificate = {
      host: 'vpn.example',
      reason: 'signer not found',
      fingerprint: 'pin-sha256:AAA=',
    };
    const { api, dialog } = await withPrompt({ reason: 'certificate', fields: [], certificate });
    expect(within(dialog).getByText('pin-sha256:AAA=')).toBeTruthy();
    expect(within(dialog).getByRole('alert').textContent).toContain('vpn.example');
    await userEvent
      .setup()
      .click(within(dialog).getByRole('button', { name: 'Accept certificate' }));
    expect(api.callsOf('prompt:answer')).toEqual([
      [{ requestId: 'req-1', values: {}, save: false }],
    ]);
  });

  it('only waits during a browser login, with Cancel and no Connect', async () => {
    const { api, dialog } = await withPrompt({
      reason: 'browser',
      fields: [],
      message: 'Log in in the browser window that opened.',
    });
    expect(within(dialog).getByText('Log in in the browser window that opened.')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Connect' })).toBeNull();
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.callsOf('prompt:cancel')).toEqual([[{ requestId: 'req-1' }]]);
  });
});
