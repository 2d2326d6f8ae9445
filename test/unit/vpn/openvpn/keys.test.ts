// The gate every importer and editor path passes before writing vpn.data (main/vpn/openvpn/keys.ts).
import { describe, expect, it } from 'vitest';
import { knownDataOnly } from '../../../../main/vpn/openvpn/keys';

describe('knownDataOnly', () => {
  it('keeps the keys NetworkManager-openvpn knows, with their values, and drops the rest', () => {
    const data = { remote: 'vpn.example.com', 'password-flags': '1', 'x-future': 'y', dev: 'tun' };
    expect(knownDataOnly(data)).toEqual({
      remote: 'vpn.example.com',
      'password-flags': '1',
      dev: 'tun',
    });
    expect(knownDataOnly({ 'not-a-key': 'x' })).toEqual({});
  });
});
