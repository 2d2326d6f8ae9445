import { describe, expect, it } from 'vitest';
import { KeyringStore } from '../../../main/keyring/keyring-store';
import { defaultSessionBusAddress } from '../../../main/keyring/session-bus';

describe('KeyringStore without a session bus', () => {
  it('says once that there is no keyring, saves nothing, and finds nothing', async () => {
    const warnings: string[] = [];
    const store = new KeyringStore({ address: null, onWarning: (t) => warnings.push(t) });
    expect(await store.available()).toBe(false);
    expect(await store.lookup('u1', 'vpn', ['password'])).toEqual({});
    await expect(
      store.save({ uuid: 'u1', id: 'w', vpnType: 'openvpn' }, 'vpn', { password: 'p' }),
    ).rejects.toThrow(/No keyring/);
    await store.deleteAll('u1');
    expect(await store.available()).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/No keyring .* asked for every time \(there is no session bus\)/);
    store.close();
  });

  it('says so once too when the session bus cannot be reached', async () => {
    const warnings: string[] = [];
    const store = new KeyringStore({
      address: 'unix:path=/nonexistent/tunnelbar-test-bus',
      onWarning: (t) => warnings.push(t),
    });
    expect(await store.available()).toBe(false);
    expect(await store.available()).toBe(false);
    expect(warnings).toHaveLength(1);
    store.close();
  });
});

describe('defaultSessionBusAddress', () => {
  it('takes DBUS_SESSION_BUS_ADDRESS, else the user bus in XDG_RUNTIME_DIR, else none', () => {
    expect(defaultSessionBusAddress({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/x' })).toBe(
      'unix:path=/x',
    );
    expect(defaultSessionBusAddress({ XDG_RUNTIME_DIR: '/nonexistent' })).toBeNull();
    expect(defaultSessionBusAddress({})).toBeNull();
  });
});
