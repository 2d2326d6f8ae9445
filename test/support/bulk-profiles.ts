// Fills NetworkManager with many OpenVPN profiles fast: AddConnection2 calls pipelined over one
// connection, in memory (nothing written to disk, gone with the sandbox) and blocked from
// autoconnecting (nothing starts connecting while we measure). `nmcli connection add` would take
// a process per profile, minutes for 2,000.
import { randomUUID } from 'node:crypto';
import { Variant } from 'dbus-next';
import { NmBus } from '../../main/nm/bus';
import { IFACE, NM_SETTINGS_PATH, OPENVPN_SERVICE } from '../../main/nm/names';

/** NMSettingsAddConnection2Flags: IN_MEMORY | BLOCK_AUTOCONNECT. */
const ADD_FLAGS = 0x2 | 0x20;
/** Calls in flight at once: enough to keep NetworkManager busy without queueing 2,000 timers. */
const WINDOW = 100;

function settings(index: number, caFile: string): Record<string, Record<string, Variant>> {
  return {
    connection: {
      id: new Variant('s', `bench-${String(index).padStart(5, '0')}`),
      uuid: new Variant('s', randomUUID()),
      type: new Variant('s', 'vpn'),
      autoconnect: new Variant('b', false),
    },
    vpn: {
      'service-type': new Variant('s', OPENVPN_SERVICE),
      // The smallest vpn.data nm-openvpn accepts; the address is never dialled.
      data: new Variant('a{ss}', {
        'connection-type': 'tls',
        remote: `192.0.2.${(index % 250) + 1}:1194:udp`,
        ca: caFile,
      }),
    },
    ipv4: { method: new Variant('s', 'auto') },
  };
}

/** Adds `count` profiles numbered from `first`; resolves when NetworkManager has taken them all. */
export async function addBulkProfiles(
  busAddress: string,
  first: number,
  count: number,
  caFile: string,
): Promise<void> {
  const bus = await NmBus.connect(busAddress);
  try {
    let next = first;
    const end = first + count;
    const worker = async (): Promise<void> => {
      while (next < end) {
        const index = next++;
        await bus.call({
          path: NM_SETTINGS_PATH,
          iface: IFACE.settings,
          member: 'AddConnection2',
          signature: 'a{sa{sv}}ua{sv}',
          body: [settings(index, caFile), ADD_FLAGS, {}],
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(WINDOW, count) }, worker));
  } finally {
    bus.close();
  }
}
