// Questions to the bus daemon about other connections: who a process is on the bus, and the
// daemon's Debug.Stats counters for a connection. Asked over a connection of the bench's own, so
// the connections being measured send nothing extra.
import type { Variant } from 'dbus-next';
import type { NmBus } from '../../main/nm/bus';

const DAEMON = { destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus' } as const;

async function daemonCall(
  bus: NmBus,
  iface: string,
  member: string,
  signature = '',
  body: unknown[] = [],
): Promise<unknown> {
  const [value] = await bus.call({ ...DAEMON, iface, member, signature, body });
  return value;
}

/** The unique name of the connection that process `pid` holds; throws if there is none. */
export async function uniqueNameOfPid(bus: NmBus, pid: number): Promise<string> {
  const names = (await daemonCall(bus, 'org.freedesktop.DBus', 'ListNames')) as string[];
  for (const name of names.filter((n) => n.startsWith(':'))) {
    try {
      const owner = await daemonCall(
        bus,
        'org.freedesktop.DBus',
        'GetConnectionUnixProcessID',
        's',
        [name],
      );
      if (owner === pid) return name;
    } catch {
      // The connection closed between ListNames and the question.
    }
  }
  throw new Error(`process ${pid} has no connection on the bus`);
}

/** Debug.Stats.GetConnectionStats: every numeric counter the daemon keeps for one connection. */
export async function connectionStats(
  bus: NmBus,
  uniqueName: string,
): Promise<Map<string, number>> {
  const dict = (await daemonCall(
    bus,
    'org.freedesktop.DBus.Debug.Stats',
    'GetConnectionStats',
    's',
    [uniqueName],
  )) as Record<string, Variant>;
  const counters = new Map<string, number>();
  for (const [key, v] of Object.entries(dict)) {
    if (typeof v.value === 'number') counters.set(key, v.value);
  }
  return counters;
}
