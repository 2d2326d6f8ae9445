// A base connection that needs no hardware: a `dummy` profile with autoconnect off, added with
// AddConnection2 as an app would. It is never activated; it only carries settings (secondaries,
// an address) for tests of "Connect this VPN automatically with" to read back.
import { randomUUID } from 'node:crypto';
import { Variant } from 'dbus-next';
import type { CallOptions } from '../../../main/nm/bus';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { IFACE, NM_SETTINGS_PATH } from '../../../main/nm/names';
import { getConnectionByUuid, getSettings } from '../../../main/nm/settings-calls';

export interface CallBus {
  call(opts: CallOptions): Promise<unknown[]>;
}

/** Adds (to disk) a dummy connection holding `secondaries` already; its uuid. */
export async function addDummyConnection(
  bus: CallBus,
  id: string,
  ifname: string,
  secondaries: string[] = [],
): Promise<string> {
  const uuid = randomUUID();
  const settings: SettingsDict = {
    connection: {
      id: new Variant('s', id),
      uuid: new Variant('s', uuid),
      type: new Variant('s', 'dummy'),
      'interface-name': new Variant('s', ifname),
      autoconnect: new Variant('b', false),
      secondaries: new Variant('as', secondaries),
    },
    ipv4: {
      method: new Variant('s', 'manual'),
      'address-data': new Variant('aa{sv}', [
        { address: new Variant('s', '198.51.100.7'), prefix: new Variant('u', 24) },
      ]),
    },
    ipv6: { method: new Variant('s', 'disabled') },
  };
  await bus.call({
    path: NM_SETTINGS_PATH,
    iface: IFACE.settings,
    member: 'AddConnection2',
    signature: 'a{sa{sv}}ua{sv}',
    body: [settings, 0x1, {}],
  });
  return uuid;
}

/** GetSettings of any connection (VPN or not) by its uuid, straight from NetworkManager. */
export async function settingsByUuid(bus: CallBus, uuid: string): Promise<SettingsDict> {
  return getSettings(bus, await getConnectionByUuid(bus, uuid));
}
