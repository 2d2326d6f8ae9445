import { describe, expect, it } from 'vitest';
import { parseIpConfig } from '../../../main/nm/ip-config';
import { formatIPv6 } from '../../../main/vpn/inet';
import { v } from '../../builders/variant';

describe('parseIpConfig', () => {
  it('reads an IPv4 config as NetworkManager 1.42 exports it for a VPN', () => {
    const props = {
      AddressData: v('aa{sv}', [{ address: v('s', '10.8.0.2'), prefix: v('u', 24) }]),
      Gateway: v('s', '10.8.0.1'),
      RouteData: v('aa{sv}', [
        {
          dest: v('s', '10.20.0.0'),
          prefix: v('u', 16),
          'next-hop': v('s', '10.8.0.1'),
          metric: v('u', 50),
        },
        { dest: v('s', '10.8.0.0'), prefix: v('u', 24), metric: v('u', 50) },
      ]),
      NameserverData: v('aa{sv}', [{ address: v('s', '10.8.0.1') }]),
      Domains: v('as', ['corp.example']),
      Searches: v('as', ['corp.example', 'lab.example']),
    };
    expect(parseIpConfig(props, 4)).toEqual({
      addresses: ['10.8.0.2/24'],
      gateway: '10.8.0.1',
      routes: [
        { dest: '10.20.0.0/16', nextHop: '10.8.0.1', metric: 50 },
        { dest: '10.8.0.0/24', nextHop: null, metric: 50 },
      ],
      dns: ['10.8.0.1'],
      domains: ['corp.example', 'lab.example'],
    });
  });

  it('reads IPv6 name servers from the aay Nameservers property', () => {
    const dns = Buffer.from('fd000000000000000000000000000001', 'hex');
    const props = {
      AddressData: v('aa{sv}', [{ address: v('s', 'fd00::2'), prefix: v('u', 64) }]),
      Gateway: v('s', ''),
      Nameservers: v('aay', [dns]),
    };
    expect(parseIpConfig(props, 6)).toEqual({
      addresses: ['fd00::2/64'],
      gateway: null,
      routes: [],
      dns: ['fd00::1'],
      domains: [],
    });
  });

  it('an unspecified gateway is none: a VPN whose IPv6 default route has no next hop', () => {
    // As NetworkManager 1.42 exports an OpenVPN tunnel that carries IPv6 (the sandbox's).
    const props = {
      AddressData: v('aa{sv}', [{ address: v('s', 'fd00:98::1000'), prefix: v('u', 64) }]),
      Gateway: v('s', '::'),
      RouteData: v('aa{sv}', [
        { dest: v('s', '::'), prefix: v('u', 0), metric: v('u', 50) },
        {
          dest: v('s', '::'),
          prefix: v('u', 0),
          'next-hop': v('s', 'fd00:98::1'),
          metric: v('u', 50),
        },
      ]),
    };
    expect(parseIpConfig(props, 6)).toMatchObject({
      gateway: null,
      routes: [
        { dest: '::/0', nextHop: null, metric: 50 },
        { dest: '::/0', nextHop: 'fd00:98::1', metric: 50 },
      ],
    });
    expect(parseIpConfig({ Gateway: v('s', '0.0.0.0') }, 4).gateway).toBeNull();
  });
});

describe("formatIPv6, as NetworkManager's IPv6 DNS servers are shown", () => {
  it.each([
    ['00000000000000000000000000000001', '::1'],
    ['20010db8000000000000000000000000', '2001:db8::'],
    ['20010db8000100000001000000000001', '2001:db8:1:0:1::1'],
    ['fe800000000000000202b3fffe1e8329', 'fe80::202:b3ff:fe1e:8329'],
  ])('%s → %s', (hex, text) => {
    expect(formatIPv6(Buffer.from(hex, 'hex'))).toBe(text);
  });
});
