import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KeyringStore } from '../../main/keyring/keyring-store';
import { SecretService } from '../../main/keyring/secret-service';
import { SessionBus } from '../../main/keyring/session-bus';
import { FakeSecretService } from '../fakes/fake-secret-service';
import { startKeyring, type Keyring } from './infra/keyring';
import { waitFor } from './infra/wait';

// The keyring's own prompts (unlock a locked keyring, make a first one), which a real
// gnome-keyring can only show on a desktop: against a scripted Secret Service on a private bus.

let bus: Keyring;
let fake: FakeSecretService;
const profile = { uuid: 'u-prompt', id: 'Work', vpnType: 'openvpn' };

beforeAll(async () => {
  bus = await startKeyring({ secretService: false });
});

afterAll(async () => {
  await (bus as Keyring | undefined)?.stop();
});

beforeEach(async () => {
  fake = await FakeSecretService.start(bus.address);
});

afterEach(() => {
  fake.stop();
});

describe('the Secret Service’s own prompts', () => {
  it('makes a default keyring and unlocks it through its prompts before saving', async () => {
    const store = new KeyringStore({ address: bus.address });
    await store.save(profile, 'vpn', { password: 'typed' });
    store.close();
    const order = fake.calls.map((c) => c.split(' ')[0]);
    expect(order).toEqual(
      expect.arrayContaining(['CreateCollection', 'Unlock', 'Prompt', 'CreateItem']),
    );
    expect(order.indexOf('CreateItem')).toBeGreaterThan(order.lastIndexOf('Prompt'));
    expect(fake.items).toEqual([
      {
        path: expect.any(String) as string,
        label: 'VPN password for Work',
        attributes: {
          'connection-uuid': 'u-prompt',
          'setting-name': 'vpn',
          'setting-key': 'password',
          'xdg:schema': 'org.freedesktop.NetworkManager.Connection',
        },
        secret: 'typed',
      },
    ]);
  });

  it('saves nothing and says the keyring stayed locked when its prompt is dismissed', async () => {
    fake.hasDefault = true;
    fake.prompts.push('dismiss');
    const store = new KeyringStore({ address: bus.address });
    await expect(store.save(profile, 'vpn', { password: 'typed' })).rejects.toThrow(
      /stayed locked/,
    );
    expect(fake.items).toEqual([]);
    store.close();
  });

  it('dismisses its prompt when NetworkManager withdraws the request', async () => {
    fake.prompts.push('hang');
    const session = await SessionBus.connect(bus.address);
    try {
      const service = await SecretService.open(session);
      const controller = new AbortController();
      const unlocking = service.unlock(
        ['/org/freedesktop/secrets/collection/made'],
        controller.signal,
      );
      await waitFor('the prompt shown', () => fake.calls.some((c) => c.startsWith('Prompt ')));
      controller.abort();
      expect(await unlocking).toEqual([]);
      await waitFor('Dismiss', () => fake.calls.some((c) => c.startsWith('Dismiss ')));
    } finally {
      session.close();
    }
  });
});
