import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { connectedState, FakeApi, profile, refusal, snapshot, uuidOf } from '../fakes/fake-api';
import { emit, renderApp } from './support/render-app';

/** The profile list pane: its switches and group headings, not the rest of the window's. */
function inList() {
  return within(screen.getByRole('region', { name: 'VPN profiles' }));
}

function switchOf(name: string): HTMLElement {
  return screen.getByRole('switch', { name });
}

describe('the profile list', () => {
  it('shows each profile with a switch named after it, on while up or coming up', async () => {
    const office = profile('office');
    const home = profile('home');
    const lab = profile('lab');
    const api = new FakeApi(
      snapshot([office, home, lab], {
        [office.uuid]: connectedState,
        [home.uuid]: { kind: 'needs-secrets' },
        [lab.uuid]: { kind: 'disconnecting' },
      }),
    );
    await renderApp(api);
    expect(switchOf('office').getAttribute('aria-checked')).toBe('true');
    expect(switchOf('home').getAttribute('aria-checked')).toBe('true');
    expect(switchOf('lab').getAttribute('aria-checked')).toBe('false');
    expect(screen.getByRole('list', { name: 'VPN profiles' })).toBeTruthy();
    // The switch's description says the state and the address.
    const detail = document.getElementById(
      switchOf('office').getAttribute('aria-describedby') ?? '',
    );
    expect(detail?.textContent).toBe('Connected · 10.8.0.2');
  });

  it('connects and disconnects from the switch, and follows state events', async () => {
    const office = profile('office');
    const api = new FakeApi(snapshot([office]));
    await renderApp(api);
    const user = userEvent.setup();
    await user.click(switchOf('office'));
    expect(api.callsOf('tunnel:connect')).toEqual([[{ uuid: office.uuid }]]);
    expect(switchOf('office').getAttribute('aria-checked')).toBe('false');
    emit(api, 'state:tunnel', {
      uuid: office.uuid,
      state: { kind: 'connecting', stage: 'prepare' },
    });
    expect(switchOf('office').getAttribute('aria-checked')).toBe('true');
    await user.click(switchOf('office'));
    expect(api.callsOf('tunnel:disconnect')).toEqual([[{ uuid: office.uuid }]]);
    emit(api, 'state:tunnel', { uuid: office.uuid, state: { kind: 'disconnected' } });
    expect(switchOf('office').getAttribute('aria-checked')).toBe('false');
  });

  it('shows why a connect was refused', async () => {
    const office = profile('office');
    const api = new FakeApi(snapshot([office]));
    api.respond = (name) => {
      if (name === 'tunnel:connect')
        return refusal('nm-not-running', 'NetworkManager is not running.');
      return null;
    };
    await renderApp(api);
    await userEvent.setup().click(switchOf('office'));
    expect(screen.getByRole('alert').textContent).toContain('NetworkManager is not running.');
  });

  it('searches by name, server and type as one types', async () => {
    const api = new FakeApi(
      snapshot([
        profile('office', { remote: 'gw.corp.example.com' }),
        profile('home-wg', { vpnType: 'wireguard', remote: 'home.example.org:51820' }),
        profile('nl-ams-1', { remote: 'nl1.mullvad.net' }),
      ]),
    );
    await renderApp(api);
    const user = userEvent.setup();
    const search = screen.getByRole('searchbox', { name: 'Search profiles' });
    await user.type(search, 'mullvad');
    expect(
      inList()
        .getAllByRole('switch')
        .map((s) => s.getAttribute('aria-label')),
    ).toEqual(['nl-ams-1']);
    expect(screen.getByText('1 of 3 profiles')).toBeTruthy();
    await user.clear(search);
    await user.type(search, 'wireguard');
    expect(
      inList()
        .getAllByRole('switch')
        .map((s) => s.getAttribute('aria-label')),
    ).toEqual(['home-wg']);
    await user.clear(search);
    await user.type(search, 'zzz');
    expect(inList().queryAllByRole('switch')).toEqual([]);
    expect(screen.getByText('No profile matches “zzz”.')).toBeTruthy();
  });

  it('puts favourites and recent ones on top and toggles a favourite', async () => {
    const api = new FakeApi(
      snapshot([
        profile('alpha'),
        profile('beta', { lastUsed: 5 }),
        profile('gamma', { favourite: true }),
      ]),
    );
    await renderApp(api);
    expect(
      inList()
        .getAllByRole('switch')
        .map((s) => s.getAttribute('aria-label')),
    ).toEqual(['gamma', 'beta', 'alpha']);
    expect(screen.getByRole('heading', { name: 'Favourites' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Recent' })).toBeTruthy();
    const star = screen.getByRole('button', { name: 'Favourite: alpha' });
    expect(star.getAttribute('aria-pressed')).toBe('false');
    await userEvent.setup().click(star);
    expect(api.callsOf('profile:set-favourite')).toEqual([
      [{ uuid: uuidOf('alpha'), favourite: true }],
    ]);
  });

  it('groups by type and by provider', async () => {
    const api = new FakeApi(
      snapshot([
        profile('office', { remote: 'gw.corp.example.com' }),
        profile('home-wg', { vpnType: 'wireguard', remote: 'home.example.org:51820' }),
        profile('nl-ams-1', { remote: 'nl1.mullvad.net' }),
      ]),
    );
    await renderApp(api);
    const user = userEvent.setup();
    const grouping = screen.getByRole('combobox', { name: 'Group by' });
    await user.selectOptions(grouping, 'Type');
    expect(
      inList()
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['OpenVPN', 'WireGuard']);
    await user.selectOptions(grouping, 'Provider');
    expect(
      inList()
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['example.com', 'example.org', 'mullvad.net']);
  });

  it('draws only the rows in view of 5,000 profiles', async () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      profile(`bench-${String(i).padStart(5, '0')}`),
    );
    const api = new FakeApi(snapshot(many));
    await renderApp(api);
    const drawn = inList().getAllByRole('switch');
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(40);
    // The count goes through Intl's number format (ICU's #), grouped as the locale groups.
    expect(screen.getByText('5,000 profiles')).toBeTruthy();
    await userEvent.setup().type(screen.getByRole('searchbox'), '04999');
    expect(
      inList()
        .getAllByRole('switch')
        .map((s) => s.getAttribute('aria-label')),
    ).toEqual(['bench-04999']);
  });

  it('moves between profiles with the keyboard; focus selects, Space toggles', async () => {
    const many = Array.from({ length: 200 }, (_, i) => profile(`p-${String(i).padStart(3, '0')}`));
    const api = new FakeApi(snapshot(many));
    await renderApp(api);
    const user = userEvent.setup();
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(switchOf('p-000'));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(switchOf('p-002'));
    const status = screen.getByRole('region', { name: 'p-002' });
    expect(within(status).getByRole('heading', { level: 2 }).textContent).toBe('p-002');
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(switchOf('p-001'));
    // Far rows are drawn only after the scroll the key caused.
    await user.keyboard('{End}');
    await waitFor(() => {
      expect(document.activeElement).toBe(switchOf('p-199'));
    });
    await user.keyboard('{Home}');
    await waitFor(() => {
      expect(document.activeElement).toBe(switchOf('p-000'));
    });
    await user.keyboard(' ');
    expect(api.callsOf('tunnel:connect')).toEqual([[{ uuid: uuidOf('p-000') }]]);
    // Only the focused row is in the Tab order.
    expect(
      inList()
        .getAllByRole('switch')
        .filter((s) => s.tabIndex === 0),
    ).toHaveLength(1);
  });
});
