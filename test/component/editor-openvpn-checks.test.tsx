import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openvpnEdit } from '../builders/profile-edits';
import {
  CA_INFO,
  input,
  inspector,
  openOn,
  saved,
  select,
  tlsEdit,
} from './support/editor-openvpn-helpers';
import { refusal } from '../fakes/fake-api';

// Every validation message of the OpenVPN fields, and the certificate fields: Choose…, drop, what
// the file holds (expired included), and a file main would not keep.

describe('validation next to the OpenVPN fields', () => {
  async function attempt(page: string, fill: [string, string][]) {
    const edit = tlsEdit();
    const { api, user } = await openOn(edit);
    await user.click(screen.getByRole('tab', { name: page }));
    for (const [label, text] of fill) {
      await user.clear(input(label));
      await user.type(input(label), text);
    }
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.callsOf('profile:save')).toHaveLength(0);
    expect(screen.getByRole('tab', { name: page }).getAttribute('aria-selected')).toBe('true');
  }

  function messageOf(label: string): string | null {
    const id = input(label).getAttribute('aria-describedby') ?? '';
    const problem = id.split(' ').find((x) => x.endsWith('-problem'));
    return problem === undefined ? null : (document.getElementById(problem)?.textContent ?? null);
  }

  it('Advanced: numbers and their ranges', async () => {
    await attempt('Advanced', [
      ['Renegotiation interval (seconds)', 'soon'],
      ['MTU', '100'],
      ['Fragment packets larger than (bytes, UDP)', '2147483648'],
      ['Limit TCP segment size (mssfix)', 'no'],
      ['Most routes accepted from the server', '100000001'],
      ['Connection timeout (seconds)', '-5'],
      ['Ping interval (seconds)', '1.5'],
    ]);
    expect(messageOf('Renegotiation interval (seconds)')).toBe(
      'Enter a whole number from 0 to 2147483647.',
    );
    expect(messageOf('MTU')).toBe('Enter an MTU from 576 to 65535.');
    // The plugin's range (preload/openvpn-keys.ts): its service takes fragment-size up to G_MAXINT.
    expect(messageOf('Fragment packets larger than (bytes, UDP)')).toBe(
      'Enter a whole number from 0 to 2147483647.',
    );
    expect(messageOf('Limit TCP segment size (mssfix)')).toBe(
      'Enter yes, or a size in bytes from 0 to 65535.',
    );
    expect(messageOf('Most routes accepted from the server')).toBe(
      'Enter a whole number from 0 to 100000000.',
    );
    expect(messageOf('Connection timeout (seconds)')).toBe(
      'Enter a whole number from 0 to 2147483647.',
    );
    expect(messageOf('Ping interval (seconds)')).toBe('Enter a whole number from 0 to 2147483647.');
  });

  it('Security: the key size', async () => {
    await attempt('Security', [['Key size (bits)', '0']]);
    expect(messageOf('Key size (bits)')).toBe('Enter a whole number from 1 to 65535.');
  });

  it('Proxies: the server is needed, the port is a port', async () => {
    const { user } = await openOn(tlsEdit());
    await user.click(screen.getByRole('tab', { name: 'Proxies' }));
    await user.selectOptions(select('Proxy type'), 'http');
    await user.type(input('Proxy port'), '99999');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(messageOf('Proxy server')).toBe('Enter the proxy’s host name or address.');
    expect(messageOf('Proxy port')).toBe('Enter a port from 1 to 65535.');
  });

  it('OpenVPN: certificate paths are absolute; static-key addresses are IPv4', async () => {
    await attempt('OpenVPN', [['CA certificate', 'certs/ca.pem']]);
    expect(messageOf('CA certificate')).toBe('Give the full path, starting with /.');
    await userEvent.setup().selectOptions(select('Authentication type'), 'static-key');
    await userEvent.setup().type(input('Static key'), '/etc/vpn/static.key');
    await userEvent.setup().type(input('Remote IP address'), '10.8.0.300');
    expect(messageOf('Remote IP address')).toBe('Enter an IPv4 address, for example 10.8.0.1.');
  });

  it('TLS authentication: tls-remote and verify-x509-name exclude each other', async () => {
    const edit = tlsEdit();
    if (edit.vpn.kind === 'plugin') edit.vpn.data['tls-remote'] = 'vpn.example.com';
    const { user } = await openOn(edit);
    await user.click(screen.getByRole('tab', { name: 'TLS authentication' }));
    await user.type(input('Verify the server’s certificate name'), 'name:vpn.example.com');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(messageOf('Legacy subject match (tls-remote)')).toBe(
      'Use either this or “Verify the server’s certificate name”, not both: clear one of them.',
    );
    await user.clear(input('Legacy subject match (tls-remote)'));
    expect(screen.queryByLabelText('Legacy subject match (tls-remote)')).toBeNull();
  });
});

describe('certificate fields', () => {
  const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

  it('Choose… sends the file to cert:store, sets the stored path and shows what it holds', async () => {
    const stored = '/home/u/.cert/nm-openvpn/0a1b2c3d4e5f-corp-ca.pem';
    const { api, user } = await openOn(openvpnEdit(), (name, args) =>
      name === 'cert:store' ? { path: stored, info: CA_INFO } : inspector({})(name, args),
    );
    await user.click(screen.getByRole('tab', { name: 'OpenVPN' }));
    expect(screen.getByRole('button', { name: 'Choose a file for CA certificate' })).toBeTruthy();
    const file = new File([PEM], 'corp-ca.pem', { type: 'application/x-pem-file' });
    await user.upload(screen.getByLabelText('CA certificate file'), file);
    await screen.findByText(/O=Example Corp, CN=Example Root CA, issued by O=Example Corp/);
    expect(api.callsOf('cert:store')).toEqual([[{ name: 'corp-ca.pem', base64: btoa(PEM) }]]);
    expect(input('CA certificate').value).toBe(stored);
    const hint = screen.getByText(/issued by/).textContent;
    expect(hint).toMatch(/valid until .*2099/);
    expect(hint).toContain('2 certificates');
    const { edit } = await saved(api, user);
    expect(edit.vpn).toMatchObject({ data: { ca: stored } });
  });

  it('takes a file dropped on the field', async () => {
    const stored = '/home/u/.cert/nm-openvpn/ffeeddccbbaa-me.key';
    const { api, user } = await openOn(tlsEdit(), (name, args) =>
      name === 'cert:store'
        ? { path: stored, info: { kind: 'private-key', encrypted: true } }
        : inspector({})(name, args),
    );
    await user.click(screen.getByRole('tab', { name: 'OpenVPN' }));
    const file = new File(['-----BEGIN ENCRYPTED PRIVATE KEY-----\n'], 'me.key');
    const target = input('Private key').closest('.cert-field');
    if (target === null) throw new Error('no certificate field');
    fireEvent.dragOver(target, { dataTransfer: { files: [file], types: ['Files'] } });
    fireEvent.drop(target, { dataTransfer: { files: [file], types: ['Files'] } });
    await screen.findByText('Encrypted private key: enter its password below');
    expect(input('Private key').value).toBe(stored);
    expect(api.callsOf('cert:store')).toHaveLength(1);
  });

  it('inspects a typed or stored path and warns about an expired certificate', async () => {
    const { api, user } = await openOn(
      tlsEdit(),
      inspector({
        '/etc/vpn/ca.pem': { ...CA_INFO, count: 1, notAfter: Date.UTC(2021, 0, 1) },
        '/etc/vpn/new.crt': { ...CA_INFO, subject: 'CN=me', count: 1 },
      }),
    );
    await user.click(screen.getByRole('tab', { name: 'OpenVPN' }));
    const expired = await screen.findByText(/expired on .*2021/);
    expect(expired.closest('.cert-field')?.getAttribute('data-warn')).toBe('true');
    // The user certificate and the key do not exist.
    expect(await screen.findAllByText('There is no file at this path.')).toHaveLength(2);
    await user.clear(input('User certificate'));
    await user.type(input('User certificate'), '/etc/vpn/new.crt');
    await screen.findByText(/^CN=me, issued by/);
    // Asked once the typing paused, not for every letter.
    const asked = api.callsOf('cert:inspect').map((a) => (a[0] as { path: string }).path);
    expect(asked.filter((p) => p.startsWith('/etc/vpn/new'))).toEqual(['/etc/vpn/new.crt']);
  });

  it('says why a file was not kept', async () => {
    const { user } = await openOn(openvpnEdit(), (name, args) =>
      name === 'cert:store'
        ? refusal('cert-not-stored', 'The file could not be kept in /home/u/.cert/nm-openvpn.')
        : inspector({})(name, args),
    );
    await user.click(screen.getByRole('tab', { name: 'OpenVPN' }));
    await user.upload(screen.getByLabelText('CA certificate file'), new File([PEM], 'ca.pem'));
    expect(
      await screen.findByText(
        'The file was not kept: The file could not be kept in /home/u/.cert/nm-openvpn.',
      ),
    ).toBeTruthy();
    expect(input('CA certificate').value).toBe('/etc/vpn/ca.pem');
  });
});
