import { describe, expect, it } from 'vitest';
import { saveSecrets } from '../../../main/agent/save-delete';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { MemoryStore } from '../../fakes/memory-store';
import { v } from '../../builders/variant';

// SaveSecrets (an editor or `nmcli connection modify` setting agent-owned secrets): what reaches
// the keyring.

function openconnect(data: Record<string, string>, secrets: Record<string, string>): SettingsDict {
  return {
    connection: { id: v('s', 'work'), uuid: v('s', 'u1'), type: v('s', 'vpn') },
    vpn: {
      'service-type': v('s', 'org.freedesktop.NetworkManager.openconnect'),
      data: v('a{ss}', { gateway: 'vpn.test', ...data }),
      secrets: v('a{ss}', secrets),
    },
  };
}

describe('saveSecrets', () => {
  it("never keeps an OpenConnect login's session secrets (cookie, gateway, gwcert, resolve), even agent-owned", async () => {
    const store = new MemoryStore();
    const flags = {
      'cookie-flags': '1',
      'gateway-flags': '1',
      'gwcert-flags': '1',
      'resolve-flags': '1',
      'form:main:password-flags': '1',
    };
    const secrets = {
      cookie: 'c',
      gateway: 'https://vpn.test',
      gwcert: 'pin-sha256:X=',
      resolve: 'vpn.test:10.0.0.1',
      'form:main:password': 'kept',
    };
    await saveSecrets(openconnect(flags, secrets), store);
    expect(Object.fromEntries(store.items)).toEqual({ 'u1/vpn/form:main:password': 'kept' });
  });

  it("keeps another plugin's agent-owned secret of the same name", async () => {
    const store = new MemoryStore();
    const c = openconnect({ 'cookie-flags': '1' }, { cookie: 'c' });
    const other = { ...c, vpn: { ...c.vpn, 'service-type': v('s', 'org.example.cookies') } };
    await saveSecrets(other, store);
    expect(store.items.get('u1/vpn/cookie')).toBe('c');
  });
});
