import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProfileEdit } from '../../preload/editor';
import { openvpnEdit } from '../builders/profile-edits';
import { input, openOn, saved, select } from './support/editor-openvpn-helpers';

// The OpenConnect page: each field writes NetworkManager-openconnect's vpn.data key, the token
// secret goes in newSecrets, keys the page does not show stay, and wrong values are said at the
// field and not sent.

function openconnectEdit(): ProfileEdit {
  const edit = openvpnEdit();
  return {
    ...edit,
    name: 'corp',
    vpn: {
      kind: 'plugin',
      serviceType: 'org.freedesktop.NetworkManager.openconnect',
      data: { gateway: 'vpn.corp.example', protocol: 'anyconnect', useragent: 'kept' },
      newSecrets: {},
    },
  };
}

/** The problem said under a field (its aria-describedby `-problem` element). */
function problemOf(label: string): string | null {
  const ids = (input(label).getAttribute('aria-describedby') ?? '').split(' ');
  const id = ids.find((x) => x.endsWith('-problem'));
  return id === undefined ? null : (document.getElementById(id)?.textContent ?? null);
}

async function openPage() {
  const opened = await openOn(openconnectEdit());
  await opened.user.click(screen.getByRole('tab', { name: 'OpenConnect' }));
  return opened;
}

describe('the OpenConnect page', () => {
  it('writes each key it shows, the token secret as a secret, and keeps the others', async () => {
    const { api, user } = await openPage();
    await user.selectOptions(select('Protocol'), 'gp');
    await user.clear(input('Gateway'));
    await user.type(input('Gateway'), 'gp.corp.example');
    await user.type(input('CA certificate'), '/etc/vpn/ca.pem');
    await user.type(input('User certificate'), '/home/ann/me.crt');
    await user.type(input('User private key'), '/home/ann/me.key');
    await user.click(screen.getByLabelText('Use FSID for the key passphrase'));
    await user.type(input('Proxy'), 'http://proxy.corp:8080');
    await user.click(screen.getByLabelText('Allow the Cisco Secure Desktop (hostscan) trojan'));
    await user.type(input('CSD wrapper script'), '/usr/libexec/openconnect/hipreport.sh');
    await user.selectOptions(select('Reported OS'), 'win');
    expect(screen.queryByLabelText('Token secret')).toBeNull();
    await user.selectOptions(select('Token mode'), 'totp');
    await user.type(input('Token secret'), 'JBSWY3DPEHPK3PXP');
    const { edit } = await saved(api, user);
    expect(edit.vpn).toEqual({
      kind: 'plugin',
      serviceType: 'org.freedesktop.NetworkManager.openconnect',
      data: {
        gateway: 'gp.corp.example',
        protocol: 'gp',
        useragent: 'kept',
        cacert: '/etc/vpn/ca.pem',
        usercert: '/home/ann/me.crt',
        userkey: '/home/ann/me.key',
        pem_passphrase_fsid: 'yes',
        proxy: 'http://proxy.corp:8080',
        enable_csd_trojan: 'yes',
        csd_wrapper: '/usr/libexec/openconnect/hipreport.sh',
        reported_os: 'win',
        stoken_source: 'totp',
      },
      newSecrets: { stoken_string: 'JBSWY3DPEHPK3PXP' },
    });
  }, 20_000);

  it('says what is wrong at the field and does not save', async () => {
    const { api, user } = await openPage();
    await user.clear(input('Gateway'));
    await user.type(input('Proxy'), 'proxy:8080');
    await user.type(input('User certificate'), 'me.crt');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.callsOf('profile:save')).toHaveLength(0);
    expect(problemOf('Gateway')).toBe('Required');
    expect(problemOf('Proxy')).toMatch(/^It takes a URL/);
    expect(problemOf('User certificate')).toMatch(/full path of a file/);
  }, 20_000);
});
