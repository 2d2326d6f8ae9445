import { describe, expect, it } from 'vitest';
import { lockdownOnNotification } from '../../../main/desktop/lockdown-control';
import type { LockdownView } from '../../../preload/privacy-types';

const view: LockdownView = {
  on: true,
  active: true,
  uuid: '5d1c2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  servers: [
    { uuid: 'u1', id: 'office', host: '10.0.0.1', addresses: ['10.0.0.1'], error: null },
    { uuid: 'u2', id: 'home', host: 'vpn.nowhere.invalid', addresses: [], error: 'ENOTFOUND' },
  ],
  unresolved: ['home'],
  routes: [],
  routesError: null,
  lan: 'block',
  lanBlocks: [],
  hook: false,
};

describe('the notification after the tray turned lockdown on', () => {
  it('says the local network is blocked too when it is (the default), and who cannot connect', () => {
    expect(lockdownOnNotification(view)).toEqual({
      title: 'Lockdown is on',
      body:
        'Without a connected VPN, no traffic leaves this computer, and the local network is blocked too (but for the router). ' +
        'These VPNs cannot connect under lockdown (their servers could not be resolved): home. ' +
        'After a reconnect or a restart, the local network is blocked again only once Tunnelbar runs, unless an administrator runs `sudo tunnelbar lockdown hook install`.',
    });
  });

  it('says nothing of the hook once it is installed', () => {
    const hooked = { ...view, hook: true, servers: [], unresolved: [] };
    expect(lockdownOnNotification(hooked).body).toBe(
      'Without a connected VPN, no traffic leaves this computer, and the local network is blocked too (but for the router).',
    );
  });

  it('says nothing of the local network when it is allowed', () => {
    const allowed = { ...view, lan: 'allow' as const, servers: [], unresolved: [] };
    expect(lockdownOnNotification(allowed).body).toBe(
      'Without a connected VPN, no traffic leaves this computer.',
    );
  });
});
