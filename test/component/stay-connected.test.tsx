import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CallArgs, TunnelStateView } from '../../preload/contract';
import type { ProfileEdit } from '../../preload/editor';
import { clockTime } from '../../preload/reconnect-view';
import { openvpnEdit } from '../builders/profile-edits';
import { FakeApi, profile, snapshot, uuidOf } from '../fakes/fake-api';
import { openEditorOn } from './support/open-editor';
import { renderApp } from './support/render-app';

// Issue 12 in the window: the reconnecting state, NetworkManager's own knobs on the General page,
// and what autoconnect needs to work with nobody logged in.

type SaveArgs = CallArgs<'profile:save'>[0];
const BASES = [{ uuid: uuidOf('eth'), name: 'Wired connection 1', type: '802-3-ethernet' }];

function savedEdit(api: FakeApi): ProfileEdit {
  return (api.callsOf('profile:save')[0]?.[0] as SaveArgs).edit;
}

describe('a reconnecting tunnel', () => {
  it('shows the attempt and the next try in its row and status, with why it dropped', async () => {
    const office = profile('office');
    const next = Date.parse('2026-12-07T10:00:08Z');
    const state: TunnelStateView = {
      kind: 'reconnecting',
      attempt: 3,
      nextAttemptAt: next,
      waitingFor: 'timer',
      reason: { word: 'service-stopped', code: 4, sentence: 'The VPN plugin stopped.' },
    };
    await renderApp(new FakeApi(snapshot([office], { [office.uuid]: state })));
    const expected = `Reconnecting: attempt 3, next at ${clockTime(next)}`;
    expect(screen.getAllByText(expected).length).toBeGreaterThanOrEqual(1);
    // The switch stays on: switching it off is how the person stops the retries.
    expect(screen.getByRole('switch', { name: 'office' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    screen.getByRole('listitem').click();
    const panel = await screen.findByRole('region', { name: 'office' });
    expect(within(panel).getByText('The VPN plugin stopped.')).toBeTruthy();
    expect(within(panel).getByRole('region', { name: 'Why it dropped' })).toBeTruthy();
  });

  it('explains a failed automatic start of a profile whose password is kept per user', async () => {
    const perUser = profile('office', { secretsPerUser: true });
    const failed: TunnelStateView = {
      kind: 'failed',
      reason: { word: 'no-secrets', code: 9, sentence: 'No password was given.' },
    };
    await renderApp(new FakeApi(snapshot([perUser], { [perUser.uuid]: failed })));
    screen.getByRole('listitem').click();
    const panel = await screen.findByRole('region', { name: 'office' });
    expect(within(panel).getByText(/only a logged-in user can give it/)).toBeTruthy();
  });
});

describe('the reconnect settings', () => {
  it('the app setting: read from main, changed with settings:set alone', async () => {
    const api = new FakeApi(snapshot([profile('office')]));
    await renderApp(api);
    const box = await screen.findByRole<HTMLInputElement>('checkbox', {
      name: 'Reconnect when a VPN drops',
    });
    await waitFor(() => {
      expect(box.checked).toBe(true);
    });
    await userEvent.setup().click(box);
    expect(api.callsOf('settings:set')).toEqual([[{ reconnect: false }]]);
  });

  it("the profile's own choice: yes, no, or as the app says, applied at once", async () => {
    const office = profile('office', { reconnect: false });
    const api = new FakeApi(snapshot([office]));
    const user = userEvent.setup();
    await renderApp(api);
    await user.click(screen.getByRole('listitem'));
    const choice = screen.getByRole<HTMLSelectElement>('combobox', {
      name: 'Reconnect when the connection drops',
    });
    expect(choice.value).toBe('never');
    await user.selectOptions(choice, 'follow');
    expect(api.callsOf('profile:set-reconnect')).toEqual([
      [{ uuid: office.uuid, reconnect: null }],
    ]);
  });
});

describe("the General page: NetworkManager's own knobs", () => {
  it('keeps the tunnel through server restarts and sets the retries, sending only those', async () => {
    const edit = openvpnEdit();
    const { api, user } = await openEditorOn(edit);
    await user.click(
      screen.getByRole('checkbox', { name: 'Keep the tunnel through server restarts' }),
    );
    const retries = screen.getByRole('textbox', { name: 'Retries of an automatic connection' });
    expect((retries as HTMLInputElement).value).toBe('');
    await user.type(retries, '0');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(savedEdit(api)).toEqual({ ...edit, persistent: true, autoconnectRetries: 0 });
  });
});

describe('the General page: autoconnect with nobody logged in', () => {
  const startsWithEthernet: ProfileEdit = { ...openvpnEdit(), connectWith: [uuidOf('eth')] };

  it('says a per-user password fails such a start, and stores it for all users when asked', async () => {
    const { api, user } = await openEditorOn(startsWithEthernet, { bases: BASES });
    const notice = screen.getByRole('alert', {
      name: 'This VPN cannot connect automatically before you log in',
    });
    expect(notice.textContent).toContain('Its password is kept per user');
    await user.click(within(notice).getByRole('button', { name: 'Store for all users' }));
    expect(screen.getByText(/Stored for all users on save/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saved = savedEdit(api);
    expect(saved.vpn.kind === 'plugin' && saved.vpn.data['password-flags']).toBe('0');
  });

  it('keeps it per user when asked, saying what that means, and changes nothing', async () => {
    const { user } = await openEditorOn(startsWithEthernet, { bases: BASES });
    await user.click(screen.getByRole('button', { name: 'Keep per user' }));
    expect(screen.getByText(/connects automatically only once you are logged in/)).toBeTruthy();
    expect(screen.queryByRole('alert', { name: /cannot connect automatically/ })).toBeNull();
  });

  it('says nothing for a VPN that never starts by itself', async () => {
    await openEditorOn(openvpnEdit(), { bases: BASES });
    expect(screen.queryByRole('alert', { name: /cannot connect automatically/ })).toBeNull();
  });

  it('says nothing when the password is stored for all users already', async () => {
    const stored = openvpnEdit();
    if (stored.vpn.kind === 'plugin') stored.vpn.data['password-flags'] = '0';
    await openEditorOn({ ...stored, autoconnect: true }, { bases: BASES });
    expect(screen.queryByRole('alert', { name: /cannot connect automatically/ })).toBeNull();
  });
});
