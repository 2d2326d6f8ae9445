import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { loadExistingProfiles } from '../../../main/import/existing';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { FakeImportBus } from '../../fakes/fake-import-bus';

function connection(id: string, uuid: string, type: string): SettingsDict {
  const settings: SettingsDict = {
    connection: {
      id: new Variant('s', id),
      uuid: new Variant('s', uuid),
      type: new Variant('s', type),
    },
  };
  if (type === 'vpn') {
    settings.vpn = { 'service-type': new Variant('s', 'org.freedesktop.NetworkManager.openvpn') };
  }
  return settings;
}

describe('loadExistingProfiles', () => {
  it('reads every VPN and WireGuard profile once, and leaves other connections out', async () => {
    const bus = new FakeImportBus();
    bus.connections.set('/s/1', connection('work', 'u1', 'vpn'));
    bus.connections.set('/s/2', connection('Wired connection 1', 'u2', '802-3-ethernet'));
    bus.connections.set('/s/3', connection('wg0', 'u3', 'wireguard'));
    const found = await loadExistingProfiles(bus);
    expect(found.map((p) => [p.path, p.uuid, p.id])).toEqual([
      ['/s/1', 'u1', 'work'],
      ['/s/3', 'u3', 'wg0'],
    ]);
    expect(bus.members.filter((m) => m === 'GetSettings')).toHaveLength(3);
  });
});
