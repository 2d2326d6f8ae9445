import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SelectionResultView } from '../../preload/library';
import { FakeApi, profile, refusal, snapshot, uuidOf } from '../fakes/fake-api';
import { renderApp } from './support/render-app';

// The bar over the checked profiles: what it asks main to do, that it asks before deleting, and
// how it shows main's answer.

const office = profile('office');
const home = profile('home');
const wg = profile('wg', { vpnType: 'wireguard' });

async function withChecked(api: FakeApi, ...names: string[]) {
  await renderApp(api);
  const user = userEvent.setup();
  for (const name of names)
    await user.click(screen.getByRole('checkbox', { name: `Select ${name}` }));
  return { user, bar: screen.getByRole('region', { name: 'Selected profiles' }) };
}

function answering(result: SelectionResultView): FakeApi {
  const api = new FakeApi(snapshot([office, home, wg]));
  api.respond = (name) => (name === 'profiles:selection-action' ? result : null);
  return api;
}

describe('the bulk bar', () => {
  it('asks before deleting, and Cancel deletes nothing', async () => {
    const api = answering({ changed: 2, failures: [] });
    const { user, bar } = await withChecked(api, 'office', 'home');
    expect(within(bar).getByText('2 selected')).toBeTruthy();
    await user.click(within(bar).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete 2 profiles?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.callsOf('profiles:selection-action')).toEqual([]);

    await user.click(within(bar).getByRole('button', { name: 'Delete' }));
    const again = screen.getByRole('alertdialog', { name: 'Delete 2 profiles?' });
    await user.click(within(again).getByRole('button', { name: 'Delete' }));
    expect(api.callsOf('profiles:selection-action')).toEqual([
      [{ uuids: [uuidOf('office'), uuidOf('home')], action: { kind: 'delete' } }],
    ]);
    expect(await screen.findByText('Deleted 2 profiles')).toBeTruthy();
  });

  it('sets the user name, and lists each profile that could not be changed by name', async () => {
    const api = answering({
      changed: 1,
      failures: [{ uuid: wg.uuid, id: 'wg', sentence: 'WireGuard profiles have no user name.' }],
    });
    const { user, bar } = await withChecked(api, 'office', 'wg');
    await user.type(within(bar).getByRole('textbox', { name: 'User name' }), 'jdoe');
    await user.click(within(bar).getByRole('button', { name: 'Apply' }));
    expect(api.callsOf('profiles:selection-action')).toEqual([
      [
        {
          uuids: [uuidOf('office'), uuidOf('wg')],
          action: { kind: 'set-username', username: 'jdoe' },
        },
      ],
    ]);
    expect(
      await within(bar).findByText('Changed 1 profile · 1 could not be changed:'),
    ).toBeTruthy();
    expect(within(bar).getByRole('listitem').textContent).toBe(
      'wg: WireGuard profiles have no user name.',
    );
  });

  it('sends never-default on and off and autoconnect off', async () => {
    const api = answering({ changed: 1, failures: [] });
    const { user, bar } = await withChecked(api, 'home');
    const group = within(bar).getByRole('group', { name: 'Use only for resources on its network' });
    await user.click(within(group).getByRole('button', { name: /: on$/ }));
    await within(bar).findByText('Changed 1 profile');
    await user.click(within(group).getByRole('button', { name: /: off$/ }));
    await user.click(within(bar).getByRole('button', { name: 'Autoconnect off' }));
    await waitFor(() => {
      expect(api.callsOf('profiles:selection-action')).toHaveLength(3);
    });
    expect(api.callsOf('profiles:selection-action').map(([args]) => args)).toEqual([
      { uuids: [uuidOf('home')], action: { kind: 'never-default', on: true } },
      { uuids: [uuidOf('home')], action: { kind: 'never-default', on: false } },
      { uuids: [uuidOf('home')], action: { kind: 'autoconnect', on: false } },
    ]);
  });

  it('disables its controls and says it is working while main works', async () => {
    const api = new FakeApi(snapshot([office, home]));
    let finish: (result: SelectionResultView) => void = () => undefined;
    const pending = new Promise<SelectionResultView>((resolve) => {
      finish = resolve;
    });
    api.respond = (name) => (name === 'profiles:selection-action' ? pending : null);
    const { user, bar } = await withChecked(api, 'office', 'home');
    await user.click(within(bar).getByRole('button', { name: 'Autoconnect off' }));
    expect(bar.getAttribute('aria-busy')).toBe('true');
    expect(within(bar).getByText('Working on 2 profiles…')).toBeTruthy();
    for (const control of within(bar).getAllByRole('button')) {
      expect((control as HTMLButtonElement).disabled).toBe(true);
    }
    expect(within(bar).getByRole<HTMLInputElement>('textbox').disabled).toBe(true);
    finish({ changed: 0, failures: [] });
    expect(
      await within(bar).findByText(
        'Nothing to change: the selected profiles already had that setting.',
      ),
    ).toBeTruthy();
    expect(bar.getAttribute('aria-busy')).toBe('false');
    expect(within(bar).getByRole<HTMLButtonElement>('button', { name: 'Delete' }).disabled).toBe(
      false,
    );
  });

  it('says why when main refuses the whole action', async () => {
    const api = new FakeApi(snapshot([office]));
    api.respond = (name) =>
      name === 'profiles:selection-action'
        ? refusal('nm-not-running', 'NetworkManager is not running. Start it and try again.')
        : null;
    const { user, bar } = await withChecked(api, 'office');
    await user.click(within(bar).getByRole('button', { name: 'Autoconnect off' }));
    expect((await within(bar).findByRole('alert')).textContent).toBe(
      'Nothing was changed: NetworkManager is not running. Start it and try again.',
    );
  });

  it('clears the selection', async () => {
    const api = new FakeApi(snapshot([office, home]));
    const { user, bar } = await withChecked(api, 'office', 'home');
    await user.click(within(bar).getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('region', { name: 'Selected profiles' })).toBeNull();
    const selectBoxes = screen.getAllByRole<HTMLInputElement>('checkbox', { name: /^Select / });
    expect(selectBoxes.length).toBeGreaterThan(1);
    expect(selectBoxes.filter((b) => b.checked)).toEqual([]);
  });
});
