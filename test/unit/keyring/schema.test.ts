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
