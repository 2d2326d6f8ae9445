import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CallArgs } from '../../preload/contract';
import type { DnsView, LockdownView } from '../../preload/privacy-types';
import { openvpnEdit } from '../builders/profile-edits';
import { connectedState, FakeApi, profile, refusal, snapshot, uuidOf } from '../fakes/fake-api';
import { openEditorOn } from './support/open-editor';
import { emit, renderApp } from './support/render-app';

const office = profile('office');
const home = profile('home');

function lockdownSwitch(): HTMLInputElement {
  return screen.getByRole<HTMLInputElement>('switch', {
    name: 'Lockdown (block traffic without VPN)',
  });
}

const turnedOn: LockdownView = {
  on: true,
  active: true,
  uuid: uuidOf('lockdown'),
  servers: [
    { uuid: office.uuid, id: 'office', host: '10.0.0.1', addresses: ['10.0.0.1'], error: null },
    { uuid: home.uuid, id: 'home', host: 'vpn.nowhere.invalid', addresses: [], error: 'ENOTFOUND' },
  ],
  unresolved: ['home'],
  routes: [],
  routesError: null,
  lan: 'allow',
  lanBlocks: [],
  hook: false,
};

function allowLan(): HTMLInputElement {
  return screen.getByRole<HTMLInputElement>('checkbox', { name: 'Allow the local network' });
}

describe('the lockdown switch', () => {
  it('turns lockdown on without asking, the local network blocked, then says what it blocks and who cannot connect', async () => {
    const api = new FakeApi(snapshot([office, home], {}, true, 'off'));
    api.respond = (name) => {
      if (name !== 'lockdown:set') return null;
      // As the app core does: the state event reaches the window before the answer.
      api.emit('state:lockdown', { lockdown: 'on', lan: 'block' });
      return { ...turnedOn, lan: 'block' };
    };
    const user = userEvent.setup();
    await renderApp(api);
    expect(lockdownSwitch().checked).toBe(false);
    // The local network is blocked unless the person allows it.
    expect(allowLan().checked).toBe(false);
    await user.click(lockdownSwitch());
    expect(api.callsOf('lockdown:set')).toEqual([[{ on: true, lan: 'block' }]]);
    expect(lockdownSwitch().checked).toBe(true);
    const notice = await screen.findByRole('status', {
      name: 'Lockdown (block traffic without VPN)',
    });
    expect(
      within(notice).getByText(
        /no traffic leaves this computer, and the local network is blocked too/,
      ),
    ).toBeTruthy();
    expect(within(notice).getByText('home (vpn.nowhere.invalid): ENOTFOUND')).toBeTruthy();
    expect(within(notice).queryByText(/office/)).toBeNull();
    // Without the dispatcher hook, the local network block lapses after a reconnect: said, once.
    expect(within(notice).getByText(/sudo tunnelbar lockdown hook install/)).toBeTruthy();
  });

  it('says nothing of the hook when it is installed', async () => {
    const api = new FakeApi(snapshot([office], {}, true, 'off'));
    api.respond = (name) => {
      if (name !== 'lockdown:set') return null;
      api.emit('state:lockdown', { lockdown: 'on', lan: 'block' });
      return { ...turnedOn, lan: 'block', hook: true };
    };
    const user = userEvent.setup();
    await renderApp(api);
    await user.click(lockdownSwitch());
    const notice = await screen.findByRole('status', {
      name: 'Lockdown (block traffic without VPN)',
    });
    expect(within(notice).getByText(/the local network is blocked too/)).toBeTruthy();
    expect(within(notice).queryByText(/hook install/)).toBeNull();
  });

  it('follows a change made elsewhere (the CLI), and turns off', async () => {
    const api = new FakeApi(snapshot([office], {}, true, 'off'));
    const user = userEvent.setup();
    await renderApp(api);
    emit(api, 'state:lockdown', { lockdown: 'on', lan: 'block' });
    expect(lockdownSwitch().checked).toBe(true);
    expect(allowLan().checked).toBe(false);
    await user.click(lockdownSwitch());
    expect(api.callsOf('lockdown:set')).toEqual([[{ on: false }]]);
  });

  it('turns lockdown on with the local network allowed when it was ticked first', async () => {
    const api = new FakeApi(snapshot([office], {}, true, 'off'));
    api.respond = (name) => {
      if (name !== 'lockdown:set') return null;
      api.emit('state:lockdown', { lockdown: 'on', lan: 'allow' });
      return turnedOn;
    };
    const user = userEvent.setup();
    await renderApp(api);
    expect(allowLan().checked).toBe(false);
    await user.click(allowLan());
    // Off: ticking only picks what the next "on" takes.
    expect(api.callsOf('lockdown:set')).toEqual([]);
    await user.click(lockdownSwitch());
    expect(api.callsOf('lockdown:set')).toEqual([[{ on: true, lan: 'allow' }]]);
    expect(allowLan().checked).toBe(true);
    const notice = await screen.findByRole('status', {
      name: 'Lockdown (block traffic without VPN)',
    });
    expect(
      within(notice).getByText(
        'Lockdown is on: without a connected VPN, no traffic leaves this computer.',
      ),
    ).toBeTruthy();
    expect(within(notice).queryByText(/the local network is blocked too/)).toBeNull();
    expect(within(notice).queryByText(/hook install/)).toBeNull();
  });

  it('while on, the local network choice is changed at once and shows what NetworkManager holds', async () => {
    const api = new FakeApi(snapshot([office], {}, true, 'off'));
    let refuse = false;
    api.respond = (name, args) => {
      if (name !== 'lockdown:set') return null;
      if (refuse) return refusal('permission-denied', 'Not allowed.');
      const lan = (args[0] as { lan?: 'allow' | 'block' }).lan ?? 'allow';
      api.emit('state:lockdown', { lockdown: 'on', lan });
      return { ...turnedOn, lan };
    };
    const user = userEvent.setup();
    await renderApp(api);
    emit(api, 'state:lockdown', { lockdown: 'on', lan: 'allow' });
    await user.click(allowLan());
    expect(api.callsOf('lockdown:set')).toEqual([[{ on: true, lan: 'block' }]]);
    expect(allowLan().checked).toBe(false);
    refuse = true;
    await user.click(allowLan());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Lockdown was not changed: Not allowed.',
    );
    // Refused: still what NetworkManager holds.
    expect(allowLan().checked).toBe(false);
  });

  it('shows a refused permission and stays as NetworkManager says', async () => {
    const api = new FakeApi(snapshot([office], {}, true, 'off'));
    api.respond = (name) =>
      name === 'lockdown:set'
        ? refusal(
            'permission-denied',
            'NetworkManager did not allow this user to change system connections.',
          )
        : null;
    const user = userEvent.setup();
    await renderApp(api);
    await user.click(lockdownSwitch());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Lockdown was not changed: NetworkManager did not allow this user to change system connections.',
    );
    expect(lockdownSwitch().checked).toBe(false);
  });

  it('cannot be used while its state is unknown (NetworkManager not running)', async () => {
    await renderApp(new FakeApi(snapshot([office], {}, false, 'unknown')));
    expect(lockdownSwitch().disabled).toBe(true);
  });
});

const leaking: DnsView = {
  mode: 'default',
  rcManager: 'unmanaged',
  entries: [
    {
      nameservers: ['10.8.0.1'],
      domains: ['corp.example'],
      interface: 'tun0',
      priority: 50,
      vpn: true,
      general: true,
    },
    {
      nameservers: ['192.168.1.1'],
      domains: [],
      interface: 'eth0',
      priority: 100,
      vpn: false,
      general: true,
    },
  ],
  leaks: [{ uuid: office.uuid, id: 'office', leakingInterfaces: ['eth0'] }],
};
const fixed: DnsView = {
  ...leaking,
  entries: [
    {
      nameservers: ['10.8.0.1'],
      domains: ['corp.example'],
      interface: 'tun0',
      priority: -50,
      vpn: true,
      general: true,
    },
  ],
  leaks: [],
};

function dnsSection(): HTMLElement {
  return screen.getByRole('region', { name: 'DNS' });
}

describe('the status panel’s DNS section', () => {
  it('lists servers, domains and links, warns of the leak, and the fix removes it', async () => {
    const api = new FakeApi(snapshot([office], { [office.uuid]: connectedState }, true, 'off'));
    api.respond = (name) => (name === 'dns:get' ? leaking : name === 'dns:fix' ? fixed : null);
    const user = userEvent.setup();
    await renderApp(api);
    const section = dnsSection();
    const rows = await within(section).findAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'ServersDomainsLinkOther names',
      '10.8.0.1corp.exampletun0 VPNyes',
      '192.168.1.1—eth0yes',
    ]);
    const leak = within(section).getByRole('alert');
    expect(leak.textContent).toContain(
      '“office” carries all your traffic, but the resolver of eth0',
    );
    await user.click(within(leak).getByRole('button', { name: 'Send all DNS through “office”' }));
    expect(api.callsOf('dns:fix')).toEqual([[{ uuid: office.uuid }]]);
    expect(within(dnsSection()).queryByRole('alert')).toBeNull();
    expect(within(dnsSection()).getAllByRole('row')).toHaveLength(2);
  });

  it('asks again when a tunnel changes state, not otherwise', async () => {
    const api = new FakeApi(snapshot([office, home], {}, true, 'off'));
    api.respond = (name) => (name === 'dns:get' ? { ...leaking, leaks: [] } : null);
    await renderApp(api);
    await act(async () => {
      await Promise.resolve();
    });
    // Once per mount of the section (the panel shows it with or without a selection).
    const initial = api.callsOf('dns:get').length;
    expect(initial).toBeGreaterThan(0);
    emit(api, 'state:lockdown', { lockdown: 'on', lan: 'allow' });
    emit(api, 'state:profiles', { profiles: [office, home] });
    expect(api.callsOf('dns:get')).toHaveLength(initial);
    emit(api, 'state:tunnel', { uuid: office.uuid, state: connectedState });
    expect(api.callsOf('dns:get')).toHaveLength(initial + 1);
    emit(api, 'state:tunnel', { uuid: office.uuid, state: connectedState });
    expect(api.callsOf('dns:get')).toHaveLength(initial + 1);
    emit(api, 'state:tunnel', { uuid: office.uuid, state: { kind: 'disconnected' } });
    expect(api.callsOf('dns:get')).toHaveLength(initial + 2);
  });
});

describe('the editor’s DNS options', () => {
  const saved = (api: FakeApi) =>
    (api.callsOf('profile:save')[0]?.[0] as CallArgs<'profile:save'>[0]).edit.dnsRouting;

  it('start from the profile and save the one ticked', async () => {
    const edit = { ...openvpnEdit(), dnsRouting: 'own-domains' as const };
    const { api, user } = await openEditorOn(edit);
    await user.click(screen.getByRole('tab', { name: 'IPv4' }));
    const all = screen.getByRole<HTMLInputElement>('checkbox', {
      name: 'Send all DNS queries through this VPN',
    });
    const own = screen.getByRole<HTMLInputElement>('checkbox', {
      name: 'Use this VPN’s DNS only for its own domains',
    });
    expect([all.checked, own.checked]).toEqual([false, true]);
    await user.click(all);
    expect([all.checked, own.checked]).toEqual([true, false]);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(saved(api)).toBe('all-through-vpn');
  });

  it('unticking leaves the profile’s own DNS settings', async () => {
    const edit = { ...openvpnEdit(), dnsRouting: 'all-through-vpn' as const };
    const { api, user } = await openEditorOn(edit);
    await user.click(screen.getByRole('tab', { name: 'IPv6' }));
    await user.click(
      screen.getByRole('checkbox', { name: 'Send all DNS queries through this VPN' }),
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(saved(api)).toBe('profile');
  });
});
