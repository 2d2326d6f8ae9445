import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, profile, prompt, refusal, snapshot } from '../fakes/fake-api';
import { emit, renderApp } from './support/render-app';

const office = profile('office');

async function withPrompt(extra: Parameters<typeof prompt>[0] = {}) {
  const api = new FakeApi(snapshot([office]));
  await renderApp(api);
  emit(api, 'prompt:open', prompt(extra));
  return { api, dialog: screen.getByRole('dialog', { name: 'Connect to office' }) };
}

describe('the password prompt', () => {
  it('asks for the fields of the request and answers with them', async () => {
    const { api, dialog } = await withPrompt({
      fields: [
        { key: 'username', label: 'User name', secret: false, initial: 'alice' },
        { key: 'password', label: 'Password', secret: true },
      ],
    });
    expect(within(dialog).getByText('A password is needed to connect to office.')).toBeTruthy();
    const user = within(dialog).getByLabelText('User name');
    expect((user as HTMLInputElement).value).toBe('alice');
    const password = within(dialog).getByLabelText('Password');
    expect(password.getAttribute('type')).toBe('password');
    expect(document.activeElement).toBe(password);
    const u = userEvent.setup();
    await u.type(password, 's3cret');
    await u.click(within(dialog).getByRole('checkbox', { name: 'Save password' }));
    await u.click(within(dialog).getByRole('button', { name: 'Connect' }));
    expect(api.callsOf('prompt:answer')).toEqual([
      [{ requestId: 'req-1', values: { username: 'alice', password: 's3cret' }, save: true }],
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('answers on Enter', async () => {
    const { api, dialog } = await withPrompt();
    await userEvent.setup().type(within(dialog).getByLabelText('Password'), 'pw{Enter}');
    expect(api.callsOf('prompt:answer')).toEqual([
      [{ requestId: 'req-1', values: { password: 'pw' }, save: false }],
    ]);
  });

  it('offers "Save password" only when saving is allowed', async () => {
    const { dialog } = await withPrompt({ canSave: false });
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
  });

  it('says the previous password was rejected when asked again', async () => {
    const { dialog } = await withPrompt({ reason: 'rejected' });
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'The previous password was rejected. Check it and try again.',
    );
  });

  it('starts with "Save password" ticked when the saved password was the one rejected', async () => {
    const { api, dialog } = await withPrompt({ reason: 'rejected', saveChecked: true });
    const save = within(dialog).getByRole('checkbox', { name: 'Save password' });
    expect((save as HTMLInputElement).checked).toBe(true);
    await userEvent.setup().type(within(dialog).getByLabelText('Password'), 'new{Enter}');
    expect(api.callsOf('prompt:answer')).toEqual([
      [{ requestId: 'req-1', values: { password: 'new' }, save: true }],
    ]);
  });

  it('shows the server’s question for a challenge', async () => {
    const { dialog } = await withPrompt({
      reason: 'challenge',
      message: 'Enter the code from your authenticator app',
      fields: [{ key: 'password', label: 'Code', secret: true }],
      canSave: false,
    });
    expect(within(dialog).getByText('The server asks:')).toBeTruthy();
    expect(within(dialog).getByText('Enter the code from your authenticator app')).toBeTruthy();
    expect(within(dialog).getByLabelText('Code')).toBeTruthy();
  });

  it('cancels', async () => {
    const { api, dialog } = await withPrompt();
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.callsOf('prompt:cancel')).toEqual([[{ requestId: 'req-1' }]]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes when NetworkManager withdraws the request, and shows the next one', async () => {
    const { api } = await withPrompt();
    emit(api, 'prompt:open', prompt({ id: 'req-2', connectionId: 'lab' }));
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    emit(api, 'prompt:close', { requestId: 'req-1' });
    expect(screen.getByRole('dialog', { name: 'Connect to lab' })).toBeTruthy();
    emit(api, 'prompt:close', { requestId: 'req-2' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says when the answer could not be sent', async () => {
    const { api, dialog } = await withPrompt();
    api.respond = (name) => {
      if (name === 'prompt:answer') return refusal('internal-error', 'The link broke.');
      return null;
    };
    const u = userEvent.setup();
    await u.type(within(dialog).getByLabelText('Password'), 'x');
    await u.click(within(dialog).getByRole('button', { name: 'Connect' }));
    expect(within(dialog).getByRole('alert').textContent).toContain('The link broke.');
  });
});

describe('the prompt window (#prompt/<id>)', () => {
  it('shows that one request and nothing of the main window', async () => {
    const api = new FakeApi(snapshot([office]));
    await renderApp(api, '#prompt/req-2');
    expect(screen.getByRole('status').textContent).toBe('Waiting for NetworkManager’s request…');
    emit(api, 'prompt:open', prompt());
    expect(screen.queryByRole('dialog')).toBeNull();
    emit(api, 'prompt:open', prompt({ id: 'req-2', connectionId: 'lab' }));
    expect(screen.getByRole('dialog', { name: 'Connect to lab' })).toBeTruthy();
    expect(screen.queryByRole('switch')).toBeNull();
    emit(api, 'prompt:close', { requestId: 'req-2' });
    expect(screen.getByRole('status').textContent).toContain('no longer open');
  });
});
