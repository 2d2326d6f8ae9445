import { describe, expect, it } from 'vitest';
import { itemAttributes, itemLabel, newItemAttributes } from '../../../main/keyring/schema';

describe('the keyring schema', () => {
  it('uses nm-applet’s attributes, and names the schema on new items only', () => {
    expect(itemAttributes('u1', 'vpn', 'password')).toEqual({
      'connection-uuid': 'u1',
      'setting-name': 'vpn',
      'setting-key': 'password',
    });
    expect(newItemAttributes('u1', 'vpn', 'password')).toEqual({
      'connection-uuid': 'u1',
      'setting-name': 'vpn',
      'setting-key': 'password',
      'xdg:schema': 'org.freedesktop.NetworkManager.Connection',
    });
  });

  it("keeps an OpenConnect form's password in NetworkManager-openconnect's own schema", () => {
    expect(newItemAttributes('u1', 'openconnect-form', 'form:main:password')).toEqual({
      vpn_uuid: 'u1',
      auth_id: 'main',
      label: 'password',
      'xdg:schema': 'org.freedesktop.NetworkManager.Connection.Openconnect',
    });
    // A field name may hold a colon; a key of another shape stays in nm-applet's schema.
    expect(itemAttributes('u1', 'openconnect-form', 'form:f:a:b')).toMatchObject({
      auth_id: 'f',
      label: 'a:b',
    });
    expect(itemAttributes('u1', 'openconnect-form', 'odd')).toMatchObject({ 'setting-key': 'odd' });
  });

  it('labels items so a person recognises them in the keyring manager', () => {
    const work = { uuid: 'u1', id: 'Work', vpnType: 'openvpn' };
    expect(itemLabel(work, 'password')).toBe('VPN password for Work');
    expect(itemLabel(work, 'cert-pass')).toBe('VPN private key passphrase for Work');
    expect(itemLabel({ ...work, vpnType: 'wireguard' }, 'private-key')).toBe(
      'WireGuard private key for Work',
    );
    expect(itemLabel({ ...work, vpnType: 'wireguard' }, 'peers.AB=.preshared-key')).toBe(
      'WireGuard preshared key for Work',
    );
    expect(itemLabel({ ...work, vpnType: 'openconnect' }, 'gateway-secret')).toBe(
      'VPN secret gateway-secret for Work',
    );
  });
});
