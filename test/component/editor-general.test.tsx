import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CallArgs } from '../../preload/contract';
import type { BaseConnectionView, ProfileEdit } from '../../preload/editor';
import { openvpnEdit } from '../builders/profile-edits';
import { FakeApi, refusal, snapshot, uuidOf } from '../fakes/fake-api';
import { openEditorOn } from './support/open-editor';
import { renderApp } from './support/render-app';

// The General page: "Available to all users" and "Connect this VPN automatically with".

type SaveArgs = CallArgs<'profile:save'>[0];
type CreateArgs = CallArgs<'profile:create'>[0];

const BASES: BaseConnectionView[] = [
  { uuid: uuidOf('wifi'), name: 'Home Wi-Fi', type: '802-11-wireless' },
  { uuid: uuidOf('eth'), name: 'Wired connection 1', type: '802-3-ethernet' },
  { uuid: uuidOf('odd'), name: 'Lab link', type: 'hsr' },
];

function openEditor(edit: ProfileEdit, bases: BaseConnectionView[]) {
  return openEditorOn(edit, { bases });
}

function checkbox(name: string): HTMLInputElement {
  return screen.getByRole<HTMLInputElement>('checkbox', { name });
}

function connectWithGroup(): HTMLElement {
  return screen.getByRole('group', { name: 'Connect this VPN automatically with' });
}

describe('the General page', () => {
  it('shows who may use the profile and which connections start it, and saves changes', async () => {
    const edit: ProfileEdit = { ...openvpnEdit(), allUsers: true, connectWith: [uuidOf('eth')] };
    const { api, user } = await openEditor(edit, BASES);
    expect(checkbox('Available to all users').checked).toBe(true);
    const boxes = within(connectWithGroup()).getAllByRole<HTMLInputElement>('checkbox');
    expect(boxes.map((b) => b.labels?.[0]?.textContent)).toEqual([
      'Home Wi-Fi (Wi-Fi)',
      'Wired connection 1 (Ethernet)',
      // A type without a name people know keeps NetworkManager's.
      'Lab link (hsr)',
    ]);
    expect(boxes.map((b) => b.checked)).toEqual([false, true, false]);

    await user.click(checkbox('Available to all users'));
    await user.click(checkbox('Home Wi-Fi (Wi-Fi)'));
    await user.click(checkbox('Wired connection 1 (Ethernet)'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saved = api.callsOf('profile:save')[0]?.[0] as SaveArgs;
    expect(saved.base).toEqual(edit);
    expect(saved.edit).toEqual({ ...edit, allUsers: false, connectWith: [uuidOf('wifi')] });
  });

  it('shows a private profile unticked', async () => {
    await openEditor({ ...openvpnEdit(), allUsers: false }, BASES);
    expect(checkbox('Available to all users').checked).toBe(false);
  });

  it('says so when there is no connection to start the VPN with', async () => {
    await openEditor(openvpnEdit(), []);
    const group = connectWithGroup();
    expect(within(group).queryAllByRole('checkbox')).toEqual([]);
    expect(group.textContent).toContain('There are no other connections');
  });
});

describe('the General page of a new profile', () => {
  async function add(api: FakeApi) {
    const user = userEvent.setup();
    await renderApp(api);
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await user.selectOptions(screen.getByLabelText('VPN type'), 'openvpn');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    return user;
  }

  it('asks main for the connections, is for all users, and creates with the chosen ones', async () => {
    const api = new FakeApi(snapshot([]));
    api.respond = (name) => (name === 'profile:base-connections' ? BASES : null);
    const user = await add(api);
    await within(connectWithGroup()).findByRole('checkbox', { name: 'Home Wi-Fi (Wi-Fi)' });
    expect(api.callsOf('profile:base-connections')).toEqual([[]]);
    expect(checkbox('Available to all users').checked).toBe(true);
    await user.type(screen.getByLabelText('Name', { selector: 'input' }), 'New office');
    await user.click(checkbox('Home Wi-Fi (Wi-Fi)'));
    await user.click(screen.getByRole('tab', { name: 'OpenVPN' }));
    await user.type(screen.getByLabelText('Gateway', { selector: 'input' }), 'gw.example.com');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const created = api.callsOf('profile:create')[0]?.[0] as CreateArgs;
    expect(created.edit).toMatchObject({ allUsers: true, connectWith: [uuidOf('wifi')] });
  });

  it('says why the connections could not be read', async () => {
    const api = new FakeApi(snapshot([]));
    api.respond = (name) =>
      name === 'profile:base-connections'
        ? refusal('nm-not-running', 'NetworkManager is not running.')
        : null;
    await add(api);
    const alert = await within(connectWithGroup()).findByRole('alert');
    expect(alert.textContent).toBe(
      'The connections could not be read: NetworkManager is not running.',
    );
  });
});
