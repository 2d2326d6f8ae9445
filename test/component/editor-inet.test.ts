import { describe, expect, it } from 'vitest';
import { isCidr, isEndpoint, isGatewayEntry, isIpv6, splitList } from '../../renderer/editor/inet';

describe('the editor’s address checks', () => {
  it('tells IPv4 and IPv6 addresses with prefixes apart', () => {
    expect(isCidr('10.0.0.2/24', 4)).toBe(true);
    expect(isCidr('10.0.0.2', 4)).toBe(true);
    expect(isCidr('10.0.0.256/24', 4)).toBe(false);
    expect(isCidr('10.0.0.2/33', 4)).toBe(false);
    expect(isCidr('fd00::2/64', 6)).toBe(true);
    expect(isCidr('fd00::2/129', 6)).toBe(false);
    expect(isCidr('10.0.0.2/24', 6)).toBe(false);
    for (const ok of ['::', '::1', 'fe80::1:2', '1:2:3:4:5:6:7:8', '::ffff:10.0.0.1']) {
      expect(isIpv6(ok)).toBe(true);
    }
    for (const bad of ['1::2::3', '1:2:3:4:5:6:7:8:9', 'g::1', '12345::']) {
      expect(isIpv6(bad)).toBe(false);
    }
  });

  it('reads gateways and endpoints as the plugins write them', () => {
    for (const ok of [
      'vpn.example.com',
      'gw:1194',
      'gw:1194:udp',
      'gw:443:tcp4',
      '[fd00::1]:1194:udp6',
    ]) {
      expect(isGatewayEntry(ok)).toBe(true);
    }
    for (const bad of ['gw:0', 'gw:70000', 'gw:1194:sctp', 'gw:x']) {
      expect(isGatewayEntry(bad)).toBe(false);
    }
    expect(isEndpoint('wg.example.com:51820')).toBe(true);
    expect(isEndpoint('[2001:db8::1]:51820')).toBe(true);
    expect(isEndpoint('wg.example.com')).toBe(false);
    expect(splitList(' a, b  c,, ')).toEqual(['a', 'b', 'c']);
  });
});
