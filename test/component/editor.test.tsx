import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CallArgs } from '../../preload/contract';
import type { ProfileEdit } from '../../preload/editor';
import { openvpnEdit, PEER_KEY_2, pluginEdit, wireguardEdit } from '../builders/profile-edits';
import { FakeApi, profile, refusal, snapshot, uuidOf } from '../fakes/fake-api';
import { openEditorOn } from './support/open-editor';
import { emit, renderApp } from './support/render-app';

type SaveArgs = CallArgs<'profile:save'>[0];
type CreateArgs = CallArgs<'profile:create'>[0];

function openEditor(edit: ProfileEdit, vpnType = 'openvpn', publicKey: string | null = null) {
  return openEditorOn(edit, { vpnType, publicKey });
}

function field(name: string | RegExp): HTMLInputElement {
  return screen.getByLabelText(name, { selector: 'input' });
}

function savedArgs(api: FakeApi): SaveArgs {
  const [args] = api.callsOf('profile:save');
  return args?.[0] as SaveArgs;
}

describe('the connection editor: OpenVPN', () => {
  it('opens from Edit with the profile’s values and saves only the change', async () => {
    const { api, user, uuid } = await openEditor(openvpnEdit());
    expect(api.callsOf('profile:get')).toEqual([[{ uuid }]]);
    expect(field('Name').value).toBe('office');
    await user.click(screen.getByRole('tab', { name: 'OpenVPN' }));
    expect(field('Gateway').value).toBe('gw.corp.example.com:1194:udp');
    expect(field('CA certificate').value).toBe('/etc/vpn/ca.pem');
    expect(screen.getByLabelText<HTMLSelectElement>('Authentication type').value).toBe('password');
    expect(screen.getByLabelText<HTMLSelectElement>('Password storage').value).toBe('1');
    await user.clear(field('User name'));
    await user.type(field('User name'), 'bob');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saved = savedArgs(api);
    expect(saved.uuid).toBe(uuid);
    expect(saved.base).toEqual(openvpnEdit());
    const expected = openvpnEdit();
    if (expected.vpn.kind === 'plugin') expected.vpn.data.username = 'bob';
    // The unknown key travels untouched; main keeps it on its side as well.
    expect(saved.edit).toEqual(expected);
    // Back to the list, the profile still selected.
    await screen.findByRole('button', { name: 'Edit' });
  });

  it('maps the advanced fields and the password to vpn.data and a new secret', async () => {
    const { api, user } = await openEditor(openvpnEdit());
    await user.click(screen.getByRole('tab', { name: 'OpenVPN' }));
    await user.type(field('Password'), 's3cret');
    await user.click(screen.getByRole('tab', { name: 'Advanced' }));
    await user.selectOptions(screen.getByLabelText('Compression'), 'lz4-v2');
    await user.click(screen.getByLabelText('Use a TCP connection'));
    await user.type(field('MTU'), '1400');
    await user.click(screen.getByRole('tab', { name: 'TLS authentication' }));
    await user.selectOptions(screen.getByLabelText('Additional TLS authentication'), 'tls-crypt');
    await user.type(field('Key file'), '/etc/vpn/tc.key');
    await user.selectOptions(screen.getByLabelText('Server certificate usage'), 'server');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const { edit } = savedArgs(api);
    expect(edit.vpn).toMatchObject({
      newSecrets: { password: 's3cret' },
      data: {
        compress: 'lz4-v2',
        'proto-tcp': 'yes',
        'tunnel-mtu': '1400',
        'tls-crypt': '/etc/vpn/tc.key',
        'remote-cert-tls': 'server',
        'x-future-key': 'kept',
      },
    });
  });

  it('shows what is wrong next to the field and does not save', async () => {
    const { api, user } = await openEditor(openvpnEdit());
    await user.click(screen.getByRole('tab', { name: 'OpenVPN' }));
    await user.clear(field('Gateway'));
    await user.type(field('Gateway'), 'gw.example.com:99999');
    await user.selectOptions(screen.getByLabelText('Authentication type'), 'tls');
    await user.click(screen.getByRole('tab', { name: 'Advanced' }));
    await user.type(field('Port'), 'x1');
    await user.click(screen.getByRole('tab', { name: 'TLS authentication' }));
    await user.type(field('Verify the server’s certificate name'), 'cn:vpn.example.com');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    // Save shows the page of the first field with a problem: the gateway's.
    expect(screen.getByRole('tab', { name: 'OpenVPN' }).getAttribute('aria-selected')).toBe('true');
    expect(api.callsOf('profile:save')).toHaveLength(0);
    expect(screen.getByText('Some fields need fixing; they are marked.')).toBeTruthy();
    expect(field('Gateway').getAttribute('aria-invalid')).toBe('true');
    expect(field('Gateway').getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/“gw.example.com:99999” is not host/)).toBeTruthy();
    // Certificates need the user certificate and the private key.
    expect(screen.getAllByText('This is needed.')).toHaveLength(2);
    await user.clear(field('Gateway'));
    expect(screen.getByText('Enter the gateway’s address.')).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Advanced' }));
    expect(screen.getByText('Enter a port from 1 to 65535.')).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'TLS authentication' }));
    expect(screen.getByText(/Use name, name-prefix or subject before the colon/)).toBeTruthy();
  });

  it('an empty name sends you to the General page with its message', async () => {
    const { user } = await openEditor(openvpnEdit());
    await user.clear(field('Name'));
    await user.click(screen.getByRole('tab', { name: 'IPv4' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('tab', { name: 'General' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('Enter a name for the profile.')).toBeTruthy();
  });

  it('shows main’s refusal and stays open', async () => {
    const { api, user } = await openEditor(openvpnEdit());
    api.respond = (name) =>
      name === 'profile:save'
        ? refusal('nm-refused', 'NetworkManager refused the change: vpn.data: bad.')
        : null;
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(
        'The profile was not saved: NetworkManager refused the change: vpn.data: bad.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
  });

  it('Cancel drops the changes without a call', async () => {
    const { api, user } = await openEditor(openvpnEdit());
    await user.type(field('Name'), ' changed');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.callsOf('profile:save')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Add' })).toBeTruthy();
  });
});

describe('the IPv4 and IPv6 pages', () => {
  it('edits addresses, DNS, routes and the flags, with messages for bad entries', async () => {
    const { api, user } = await openEditor(openvpnEdit());
    await user.click(screen.getByRole('tab', { name: 'IPv4' }));
    expect(field('DNS servers').value).toBe('10.0.0.53');
    await user.type(field('Addresses'), '10.0.0.300/24');
    await user.click(screen.getByRole('button', { name: 'Add route' }));
    await user.type(field('Route 1 destination'), '192.168.5.0/24');
    await user.type(field('Route 1 next hop'), 'nope');
    await user.type(field('Route 1 metric'), '20');
    await user.click(
      screen.getByLabelText('Use this connection only for resources on its network'),
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('“10.0.0.300/24” is not an IPv4 address/prefix.')).toBeTruthy();
    expect(screen.getByText('“nope” is not an IPv4 address.')).toBeTruthy();
    await user.clear(field('Addresses'));
    await user.type(field('Addresses'), '10.0.0.3/24, 10.0.1.3/24');
    await user.clear(field('Route 1 next hop'));
    await user.type(field('Route 1 next hop'), '10.0.0.1');
    await user.click(screen.getByRole('tab', { name: 'IPv6' }));
    await user.type(field('DNS servers'), '10.0.0.1');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('“10.0.0.1” is not an IPv6 address.')).toBeTruthy();
    await user.clear(field('DNS servers'));
    await user.type(field('DNS servers'), 'fd00::53');
    await user.click(screen.getByLabelText('Ignore automatically obtained routes'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const { edit } = savedArgs(api);
    expect(edit.ipv4).toMatchObject({
      addresses: ['10.0.0.3/24', '10.0.1.3/24'],
      routes: [{ dest: '192.168.5.0/24', nextHop: '10.0.0.1', metric: 20 }],
      neverDefault: true,
    });
    expect(edit.ipv6).toMatchObject({ dns: ['fd00::53'], ignoreAutoRoutes: true });
  });
});

describe('the WireGuard page', () => {
  it('shows the public key, never the private one, and edits peers', async () => {
    const { api, user } = await openEditor(wireguardEdit(), 'wireguard', PEER_KEY_2);
    await user.click(screen.getByRole('tab', { name: 'WireGuard' }));
    expect(field('This profile’s public key').value).toBe(PEER_KEY_2);
    expect(field('Listen port').value).toBe('51820');
    const peer1 = screen.getByRole('group', { name: 'Peer 1' });
    expect(within(peer1).getByLabelText('Endpoint')).toHaveProperty(
      'value',
      'wg.example.com:51820',
    );
    await user.click(screen.getByRole('button', { name: 'Add peer' }));
    const peer2 = screen.getByRole('group', { name: 'Peer 2' });
    await user.type(within(peer2).getByLabelText('Public key'), 'short');
    await user.type(within(peer2).getByLabelText('Allowed IPs'), '10.10.0.0/16, fd10::/64');
    await user.type(within(peer2).getByLabelText('Endpoint'), 'no-port');
    await user.clear(field('Listen port'));
    await user.type(field('Listen port'), '70000');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(within(peer2).getByText('Enter a WireGuard key: 44 characters of base64.')).toBeTruthy();
    expect(within(peer2).getByText('Enter host:port.')).toBeTruthy();
    expect(screen.getByText('Enter a port from 0 to 65535.')).toBeTruthy();
    await user.clear(within(peer2).getByLabelText('Public key'));
    await user.type(within(peer2).getByLabelText('Public key'), PEER_KEY_2);
    await user.clear(within(peer2).getByLabelText('Endpoint'));
    await user.clear(field('Listen port'));
    await user.click(within(peer1).getByRole('button', { name: 'Remove peer 1' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const { edit } = savedArgs(api);
    expect(edit.vpn).toEqual({
      kind: 'wireguard',
      privateKey: { action: 'keep' },
      listenPort: 0,
      fwmark: 0,
      mtu: 0,
      peers: [
        {
          publicKey: PEER_KEY_2,
          newPresharedKey: null,
          allowedIps: ['10.10.0.0/16', 'fd10::/64'],
          endpoint: null,
          keepalive: null,
        },
      ],
    });
  });

  it('replaces the private key only when asked', async () => {
    const { api, user } = await openEditor(wireguardEdit(), 'wireguard');
    await user.click(screen.getByRole('tab', { name: 'WireGuard' }));
    expect(screen.getByText('Stored, or not set; it is never shown')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Private key'), 'set');
    await user.type(field('New private key'), 'bad');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Enter a WireGuard key: 44 characters of base64.')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Private key'), 'generate');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(savedArgs(api).edit.vpn).toMatchObject({ privateKey: { action: 'generate' } });
  });
});

describe('a plugin without a page of its own', () => {
  it('edits vpn.data as key/value rows, flags included', async () => {
    const { api, user } = await openEditor(pluginEdit(), 'vpnc');
    await user.click(screen.getByRole('tab', { name: 'Cisco VPN (vpnc)' }));
    expect(field('Plugin service name').value).toBe('org.freedesktop.NetworkManager.vpnc');
    expect(field('Key 3').value).toBe('cookie-flags');
    expect(field('Value 3').value).toBe('2');
    await user.clear(field('Value 1'));
    await user.type(field('Value 1'), 'vpn2.example.com');
    await user.click(screen.getByRole('button', { name: 'Add setting' }));
    await user.type(field('Key 4'), 'protocol');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('This key is there twice.')).toBeTruthy();
    await user.clear(field('Key 4'));
    await user.type(field('Key 4'), 'useragent');
    await user.type(field('Value 4'), 'Tunnelbar');
    await user.click(screen.getByRole('button', { name: 'Remove setting 2' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(savedArgs(api).edit.vpn).toEqual({
      kind: 'plugin',
      serviceType: 'org.freedesktop.NetworkManager.vpnc',
      data: { gateway: 'vpn2.example.com', 'cookie-flags': '2', useragent: 'Tunnelbar' },
      newSecrets: {},
    });
  });
});

describe('Add', () => {
  async function add(type: string) {
    const api = new FakeApi(snapshot([]));
    const user = userEvent.setup();
    await renderApp(api);
    expect(screen.getByRole('button', { name: 'Edit' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await user.selectOptions(screen.getByLabelText('VPN type'), type);
    return { api, user };
  }

  function created(api: FakeApi): CreateArgs {
    return api.callsOf('profile:create')[0]?.[0] as CreateArgs;
  }

  it('creates an OpenVPN profile from nothing', async () => {
    const { api, user } = await add('openvpn');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await user.type(field('Name'), 'New office');
    await user.click(screen.getByRole('tab', { name: 'OpenVPN' }));
    await user.type(field('Gateway'), 'gw.example.com:1194');
    await user.type(field('CA certificate'), '/etc/vpn/ca.pem');
    await user.type(field('User name'), 'carol');
    await user.selectOptions(screen.getByLabelText('Password storage'), '2');
    expect(screen.queryByLabelText('Password')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(created(api).edit).toMatchObject({
      name: 'New office',
      autoconnect: false,
      autoconnectRetries: -1,
      persistent: false,
      vpn: {
        serviceType: 'org.freedesktop.NetworkManager.openvpn',
        data: {
          remote: 'gw.example.com:1194',
          'connection-type': 'password',
          ca: '/etc/vpn/ca.pem',
          username: 'carol',
          'password-flags': '2',
        },
        newSecrets: {},
      },
    });
  });

  it('selects the new profile once it arrives, not the first one meanwhile', async () => {
    const api = new FakeApi(snapshot([profile('alpha')]));
    const user = userEvent.setup();
    await renderApp(api);
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await user.selectOptions(screen.getByLabelText('VPN type'), 'openvpn');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await user.type(field('Name'), 'zulu');
    await user.click(screen.getByRole('tab', { name: 'OpenVPN' }));
    await user.type(field('Gateway'), 'gw.example.com');
    await user.type(field('CA certificate'), '/etc/vpn/ca.pem');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    // The editor is closed before NetworkManager's event brings the profile.
    const zulu = profile('zulu', { uuid: uuidOf('new') });
    emit(api, 'state:profiles', { profiles: [profile('alpha'), zulu] });
    const row = await screen.findByRole('switch', { name: 'zulu' });
    expect(row.closest('[role="listitem"]')?.getAttribute('aria-current')).toBe('true');
  });

  it('creates a WireGuard profile with a generated key; the manual method needs an address', async () => {
    const { api, user } = await add('wireguard');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await user.type(field('Name'), 'wg-new');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('tab', { name: 'IPv4' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('The manual method needs at least one address.')).toBeTruthy();
    await user.type(field('Addresses'), '10.7.0.2/24');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(created(api).edit.vpn).toMatchObject({
      kind: 'wireguard',
      privateKey: { action: 'generate' },
    });
  });

  it('asks another plugin’s service name and checks it', async () => {
    const { api, user } = await add('other');
    await user.type(field('Plugin service name'), 'not a name');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(screen.getByText('Enter the plugin’s D-Bus service name.')).toBeTruthy();
    await user.clear(field('Plugin service name'));
    await user.type(field('Plugin service name'), 'org.freedesktop.NetworkManager.strongswan');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await user.type(field('Name'), 'ipsec');
    await user.click(screen.getByRole('tab', { name: 'strongSwan (IPsec)' }));
    await user.click(screen.getByRole('button', { name: 'Add setting' }));
    await user.type(field('Key 1'), 'address');
    await user.type(field('Value 1'), 'ipsec.example.com');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(created(api).edit.vpn).toEqual({
      kind: 'plugin',
      serviceType: 'org.freedesktop.NetworkManager.strongswan',
      data: { address: 'ipsec.example.com' },
      newSecrets: {},
    });
  });
});

describe('Delete', () => {
  it('asks first; Keep it does nothing, Delete profile deletes', async () => {
    const p = profile('office');
    const api = new FakeApi(snapshot([p]));
    const user = userEvent.setup();
    await renderApp(api);
    await user.click(screen.getByRole('listitem'));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const ask = screen.getByRole('alertdialog', { name: 'Delete' });
    expect(
      within(ask).getByText('Delete the profile “office”? This cannot be undone.'),
    ).toBeTruthy();
    await user.click(within(ask).getByRole('button', { name: 'Keep it' }));
    expect(api.callsOf('profile:delete')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Delete profile' }));
    expect(api.callsOf('profile:delete')).toEqual([[{ uuid: p.uuid }]]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
