import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openvpnEdit } from '../builders/profile-edits';
import { input, openOn, saved, select, tlsEdit } from './support/editor-openvpn-helpers';

// The OpenVPN pages beyond the first (Advanced, Security, TLS authentication, Proxies) and the key
// and proxy passwords: what each field writes to vpn.data or newSecrets.

describe('the OpenVPN pages', () => {
  it('Advanced: every field writes its vpn.data key; ping restart or exit moves the seconds', async () => {
    const { api, user } = await openOn(openvpnEdit());
    await user.click(screen.getByRole('tab', { name: 'Advanced' }));
    await user.type(input('Port'), '443');
    await user.type(input('Renegotiation interval (seconds)'), '3600');
    await user.selectOptions(select('Allow compression'), 'asym');
    await user.selectOptions(select('Device type'), 'tap');
    await user.type(input('Device name'), 'tap-work');
    await user.type(input('Fragment packets larger than (bytes, UDP)'), '1300');
    await user.type(input('Limit TCP segment size (mssfix)'), '1360');
    await user.selectOptions(select('Path MTU discovery'), 'maybe');
    for (const label of [
      'Accept packets when the server’s address changes (float)',
      'Try the gateways in random order',
      'Add a random prefix to gateway host names',
      'Carry IPv6 in the tunnel (obsolete tun-ipv6)',
      'Send this computer’s details to the server (push-peer-info)',
      'Accept host names from the server for routes and addresses',
    ]) {
      await user.click(screen.getByLabelText(label));
    }
    await user.type(input('Most routes accepted from the server'), '500');
    await user.type(input('Connection timeout (seconds)'), '30');
    await user.type(input('Ping interval (seconds)'), '10');
    await user.selectOptions(select('When the server stops answering'), 'ping-restart');
    await user.type(input('Seconds without an answer'), '60');
    await user.selectOptions(select('When the server stops answering'), 'ping-exit');
    expect(input('Seconds without an answer').value).toBe('60');
    const { edit } = await saved(api, user);
    expect(edit.vpn.kind === 'plugin' && edit.vpn.data).toEqual({
      ...(openvpnEdit().vpn as { data: Record<string, string> }).data,
      port: '443',
      'reneg-seconds': '3600',
      'allow-compression': 'asym',
      'dev-type': 'tap',
      dev: 'tap-work',
      'fragment-size': '1300',
      mssfix: '1360',
      'mtu-disc': 'maybe',
      float: 'yes',
      'remote-random': 'yes',
      'remote-random-hostname': 'yes',
      'tun-ipv6': 'yes',
      'push-peer-info': 'yes',
      'allow-pull-fqdn': 'yes',
      'max-routes': '500',
      'connect-timeout': '30',
      ping: '10',
      'ping-exit': '60',
    });
  }, 20_000);

  it('Security: ciphers, HMAC, key size and TLS versions', async () => {
    const { api, user } = await openOn(openvpnEdit());
    await user.click(screen.getByRole('tab', { name: 'Security' }));
    await user.type(input('Cipher'), 'AES-256-GCM');
    await user.type(input('Data ciphers'), 'AES-256-GCM:CHACHA20-POLY1305');
    await user.click(screen.getByLabelText('Do not negotiate the cipher (ncp-disable)'));
    await user.type(input('HMAC authentication'), 'SHA512');
    await user.type(input('Key size (bits)'), '256');
    await user.type(input('TLS control channel ciphers'), 'TLS-ECDHE-RSA-WITH-AES-256-GCM-SHA384');
    await user.selectOptions(select('Minimum TLS version'), '1.2');
    await user.click(screen.getByLabelText('Or the highest version this computer supports'));
    await user.selectOptions(select('Maximum TLS version'), '1.3');
    const { edit } = await saved(api, user);
    expect(edit.vpn).toMatchObject({
      data: {
        cipher: 'AES-256-GCM',
        'data-ciphers': 'AES-256-GCM:CHACHA20-POLY1305',
        'ncp-disable': 'yes',
        auth: 'SHA512',
        keysize: '256',
        'tls-cipher': 'TLS-ECDHE-RSA-WITH-AES-256-GCM-SHA384',
        'tls-version-min': '1.2',
        'tls-version-min-or-highest': 'yes',
        'tls-version-max': '1.3',
      },
    });
  });

  it('TLS authentication: tls-auth with its direction, certificate checks, extra certs, CRL', async () => {
    const { api, user } = await openOn(openvpnEdit());
    await user.click(screen.getByRole('tab', { name: 'TLS authentication' }));
    await user.selectOptions(select('Additional TLS authentication'), 'tls-auth');
    await user.type(input('Key file'), '/etc/vpn/ta.key');
    await user.selectOptions(select('Key direction'), '1');
    await user.type(input('Verify the server’s certificate name'), 'name:vpn.example.com');
    await user.selectOptions(select('Netscape certificate type (obsolete)'), 'server');
    await user.type(input('Extra certificates'), '/etc/vpn/extra.pem');
    await user.selectOptions(select('Certificate revocation list'), 'dir');
    await user.type(input('CRL folder'), '/etc/vpn/crl.d');
    const { edit } = await saved(api, user);
    expect(edit.vpn).toMatchObject({
      data: {
        ta: '/etc/vpn/ta.key',
        'ta-dir': '1',
        'verify-x509-name': 'name:vpn.example.com',
        'ns-cert-type': 'server',
        'extra-certs': '/etc/vpn/extra.pem',
        'crl-verify-dir': '/etc/vpn/crl.d',
      },
    });
  });

  it('Proxies: an HTTP proxy with its login; None removes every proxy key', async () => {
    const { api, user } = await openOn(openvpnEdit());
    await user.click(screen.getByRole('tab', { name: 'Proxies' }));
    expect(screen.queryByLabelText('Proxy server')).toBeNull();
    await user.selectOptions(select('Proxy type'), 'http');
    await user.type(input('Proxy server'), 'proxy.example.com');
    await user.type(input('Proxy port'), '3128');
    await user.click(screen.getByLabelText('Keep retrying when the proxy fails'));
    await user.type(input('Proxy user name'), 'pat');
    await user.selectOptions(select('Proxy password storage'), '1');
    await user.type(input('Proxy password'), 'pr0xy');
    const { edit } = await saved(api, user);
    expect(edit.vpn).toMatchObject({
      newSecrets: { 'http-proxy-password': 'pr0xy' },
      data: {
        'proxy-type': 'http',
        'proxy-server': 'proxy.example.com',
        'proxy-port': '3128',
        'proxy-retry': 'yes',
        'http-proxy-username': 'pat',
        'http-proxy-password-flags': '1',
      },
    });
  });

  it('choosing no proxy drops the proxy keys and the typed proxy password', async () => {
    const edit = openvpnEdit();
    if (edit.vpn.kind === 'plugin') {
      Object.assign(edit.vpn.data, {
        'proxy-type': 'socks',
        'proxy-server': 'socks.example.com',
        'proxy-retry': 'yes',
      });
    }
    const { api, user } = await openOn(edit);
    await user.click(screen.getByRole('tab', { name: 'Proxies' }));
    expect(input('Proxy server').value).toBe('socks.example.com');
    // SOCKS has no login in the plugin.
    expect(screen.queryByLabelText('Proxy user name')).toBeNull();
    await user.selectOptions(select('Proxy type'), 'none');
    const { edit: after } = await saved(api, user);
    // Back to the profile as it was before it had a proxy.
    expect(after.vpn).toEqual(openvpnEdit().vpn);
  });

  it('the private key password is a secret with its own storage', async () => {
    const { api, user } = await openOn(tlsEdit());
    await user.click(screen.getByRole('tab', { name: 'OpenVPN' }));
    await user.selectOptions(select('Private key password storage'), '2');
    expect(screen.queryByLabelText('Private key password')).toBeNull();
    await user.selectOptions(select('Private key password storage'), '1');
    await user.type(input('Private key password'), 'k3y');
    const { edit } = await saved(api, user);
    expect(edit.vpn).toMatchObject({
      newSecrets: { 'cert-pass': 'k3y' },
      data: { 'cert-pass-flags': '1' },
    });
  });
});
