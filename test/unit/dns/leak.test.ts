import { describe, expect, it } from 'vitest';
import { findLeaks, markGeneral } from '../../../main/dns/leak';

const base = {
  nameservers: ['192.168.1.1'],
  domains: [],
  interface: 'eth0',
  priority: 100,
  vpn: false,
};
const vpn = {
  nameservers: ['10.20.0.53'],
  domains: ['corp.test'],
  interface: 'tun0',
  priority: 50,
  vpn: true,
};
const tunnel = [{ uuid: 'u', id: 'Work' }];

describe('DNS leaks', () => {
  it('a full tunnel with the base resolver still in use leaks', () => {
    const entries = markGeneral([vpn, base]);
    expect(entries.map((e) => e.general)).toEqual([true, true]);
    expect(findLeaks(entries, tunnel)).toEqual([
      { uuid: 'u', id: 'Work', leakingInterfaces: ['eth0'] },
    ]);
  });

  it('a negative priority excludes the others: no leak', () => {
    const entries = markGeneral([{ ...vpn, priority: -50, domains: ['~.'] }, base]);
    expect(entries.map((e) => e.general)).toEqual([true, false]);
    expect(findLeaks(entries, tunnel)).toEqual([]);
  });

  it('~. on the VPN leaves the base link its own domains only', () => {
    const entries = markGeneral([
      { ...vpn, domains: ['~.'] },
      { ...base, domains: ['home.lan'] },
    ]);
    expect(entries.map((e) => e.general)).toEqual([true, false]);
  });

  it('no full tunnel, no leak', () => {
    expect(findLeaks(markGeneral([vpn, base]), [])).toEqual([]);
  });
});
