// The base connections on NetworkManager: read them all (for the editor's "Connect this VPN
// automatically with"), and change the secondaries of those whose membership changed. The
// pure part is in secondaries.ts.

import { stringProp } from '../nm/dbus-types';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { mapLimited } from '../nm/limited';
import { IFACE, NM_SETTINGS_PATH } from '../nm/names';
import { getSettings, nm, updateToDisk, type EditorBus } from './nm-calls';
import { withSecondary, type SecondariesChange, type StoredConnection } from './secondaries';

/** Well under the bus's 128 pending replies per connection, as the model's own load. */
const SETTINGS_CALLS_IN_FLIGHT = 16;

/**
 * Every connection NetworkManager shows us but those at `skip` (the VPNs the model already
 * holds: GetSettings of thousands of VPNs would only be thrown away). One ListConnections and
 * one GetSettings per remaining connection; one that vanished meanwhile is left out.
 */
export async function readConnections(
  bus: EditorBus,
  skip: ReadonlySet<string> = new Set(),
): Promise<StoredConnection[]> {
  const [listed] = await nm(
    bus.call({ path: NM_SETTINGS_PATH, iface: IFACE.settings, member: 'ListConnections' }),
  );
  const paths = (Array.isArray(listed) ? listed : []).filter(
    (p): p is string => typeof p === 'string' && !skip.has(p),
  );
  const read = await mapLimited(paths, SETTINGS_CALLS_IN_FLIGHT, async (path) => {
    try {
      return { path, settings: await getSettings(bus, path) };
    } catch {
      return null;
    }
  });
  return read.filter((c): c is StoredConnection => c !== null);
}

async function pathOf(bus: EditorBus, uuid: string): Promise<string> {
  const [path] = await nm(
    bus.call({
      path: NM_SETTINGS_PATH,
      iface: IFACE.settings,
      member: 'GetConnectionByUuid',
      signature: 's',
      body: [uuid],
    }),
  );
  return String(path);
}

/**
 * Puts `vpnUuid` in (or out of) one base's secondaries. Only connection.secondaries changes;
 * everything else goes back as GetSettings gave it, with no secret, so NetworkManager keeps
 * the base's stored secrets (reference §2.3). Failures name the base.
 */
async function setMembership(
  bus: EditorBus,
  baseUuid: string,
  vpnUuid: string,
  member: boolean,
): Promise<void> {
  let name = baseUuid;
  try {
    const path = await pathOf(bus, baseUuid);
    const settings = await getSettings(bus, path);
    name = stringProp(settings.connection, 'id') ?? baseUuid;
    const next = withSecondary(settings, vpnUuid, member);
    if (next !== null) await updateToDisk(bus, path, next);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const what = member ? 'start this VPN automatically' : 'stop starting this VPN';
    throw new TunnelbarError(
      'base-connection-refused',
      `The connection “${name}” could not be set to ${what}: ${why} ` +
        'Check that you may change that connection, or change your choice under ' +
        '“Connect this VPN automatically with”.',
    );
  }
}

/** The opposite change, to put back what applySecondaries did before something failed. */
function reversed(change: SecondariesChange): SecondariesChange {
  return { add: change.remove, remove: change.add };
}

/** Best effort: the error being reported matters more than one failing to be undone. */
export async function revertSecondaries(
  bus: EditorBus,
  vpnUuid: string,
  change: SecondariesChange,
): Promise<void> {
  await applySecondaries(bus, vpnUuid, reversed(change)).catch(() => undefined);
}

/**
 * Changes the bases one after the other; on the first refusal, undoes those already changed
 * and throws its sentence, so a save changes either every base asked for or none.
 */
export async function applySecondaries(
  bus: EditorBus,
  vpnUuid: string,
  change: SecondariesChange,
): Promise<void> {
  const steps = [
    ...change.add.map((uuid) => ({ uuid, member: true })),
    ...change.remove.map((uuid) => ({ uuid, member: false })),
  ];
  const done: SecondariesChange = { add: [], remove: [] };
  for (const step of steps) {
    try {
      await setMembership(bus, step.uuid, vpnUuid, step.member);
    } catch (err) {
      await revertSecondaries(bus, vpnUuid, done);
      throw err;
    }
    (step.member ? done.add : done.remove).push(step.uuid);
  }
}
