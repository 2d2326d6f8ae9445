// The base connections on NetworkManager: read them all (for the editor's "Connect this VPN
// automatically with"), and change the secondaries of those whose membership changed. The
// pure part is in secondaries.ts.

import { stringProp } from '../nm/dbus-types';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { mapLimited } from '../nm/limited';
import type { NmModel } from '../nm/model';
import { Update2Flags } from '../nm/names';
import {
  getConnectionByUuid,
  getSettings,
  listConnections,
  update2,
  type NmCaller,
} from '../nm/settings-calls';
import { withRefusalSentence } from './nm-refusal';
import { withSecondary, type SecondariesChange, type StoredConnection } from './secondaries';
import { editorStrings as s } from './editor-strings';

/** Well under the bus's 128 pending replies per connection, as the model's own load. */
const SETTINGS_CALLS_IN_FLIGHT = 16;

/** The VPNs the model holds: the paths readConnections need not read again. */
export function vpnPaths(model: Pick<NmModel, 'profiles'>): Set<string> {
  return new Set(model.profiles().map((p) => p.path));
}

/**
 * Every connection NetworkManager shows us but those at `skip` (the VPNs the model already
 * holds: GetSettings of thousands of VPNs would only be thrown away). One ListConnections and
 * one GetSettings per remaining connection; one that vanished meanwhile is left out.
 */
export async function readConnections(
  bus: NmCaller,
  skip: ReadonlySet<string> = new Set(),
): Promise<StoredConnection[]> {
  const listed = await withRefusalSentence(listConnections(bus));
  const paths = listed.filter((p) => !skip.has(p));
  const read = await mapLimited(paths, SETTINGS_CALLS_IN_FLIGHT, async (path) => {
    try {
      return { path, settings: await getSettings(bus, path) };
    } catch {
      return null;
    }
  });
  return read.filter((c): c is StoredConnection => c !== null);
}

/**
 * Puts `vpnUuid` in (or out of) one base's secondaries. Only connection.secondaries changes;
 * everything else goes back as GetSettings gave it, with no secret, so NetworkManager keeps
 * the base's stored secrets (reference §2.3). Failures name the base.
 */
async function setMembership(
  bus: NmCaller,
  baseUuid: string,
  vpnUuid: string,
  member: boolean,
): Promise<void> {
  let name = baseUuid;
  try {
    const path = await withRefusalSentence(getConnectionByUuid(bus, baseUuid));
    const settings = await withRefusalSentence(getSettings(bus, path));
    name = stringProp(settings.connection, 'id') ?? baseUuid;
    const next = withSecondary(settings, vpnUuid, member);
    if (next !== null) await withRefusalSentence(update2(bus, path, next, Update2Flags.toDisk));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new TunnelbarError('base-connection-refused', s.baseConnection(name, member, why));
  }
}

/** The opposite change, to put back what applySecondaries did before something failed. */
function reversed(change: SecondariesChange): SecondariesChange {
  return { add: change.remove, remove: change.add };
}

/** Best effort: the error being reported matters more than one failing to be undone. */
export async function revertSecondaries(
  bus: NmCaller,
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
  bus: NmCaller,
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
