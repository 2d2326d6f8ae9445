// Lockdown's three operations, as the CLI and the app call them: status, on, off.
import type { NmModel } from '../nm/model';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { nmNotRunning } from '../nm/errors';
import { vpnPaths } from '../editor/base-connections';
import {
  applyLockdown,
  findLockdownProfiles,
  isActive,
  removeLockdown,
  type LockdownBus,
} from './nm-lockdown';
import {
  clearLeftoverBlock,
  HOOK_WAIT_MS,
  readBlockRoutes,
  REMOVAL_WAIT_MS,
  watchBlockRemoval,
} from './leftover-block';
import { isHookInstalled } from './hook-files';
import { clearLeftoverLan, readLanBlocks } from './leftover-lan';
import { resolveServers, type Lookup } from './resolve';
import { applyServerRoutes, removeServerRoutes } from './server-routes';
import type { LanChoice, LockdownStatus, ServerAddresses } from './types';
import { DEFAULT_LAN } from './settings';
import { errorStrings as e } from '../errors/error-strings';

export type LockdownModel = Pick<NmModel, 'nmRunning' | 'profiles'>;

/** The profiles with a server that could not be resolved, by name, once each. */
export function unresolvedProfiles(servers: readonly ServerAddresses[]): string[] {
  return [...new Set(servers.filter((s) => s.error !== null).map((s) => s.id))];
}

/** Every address the servers resolved to, once each. */
export function serverAddressList(servers: readonly ServerAddresses[]): string[] {
  return [...new Set(servers.flatMap((s) => s.addresses))];
}

/**
 * Lockdown's state; while it is on, the servers are resolved again and the host routes to them
 * are put (back) in place. A refused permission for the routes is reported in `routesError`, not
 * thrown: status must still say what holds for a user who may not change it.
 */
export async function lockdownStatus(
  bus: LockdownBus,
  model: LockdownModel,
  lookup?: Lookup,
): Promise<LockdownStatus> {
  if (!model.nmRunning) throw nmNotRunning();
  const [found, servers] = await Promise.all([
    findLockdownProfiles(bus, vpnPaths(model)),
    resolveServers(model.profiles(), lookup),
  ]);
  const unresolved = unresolvedProfiles(servers);
  const hook = await isHookInstalled();
  const [first] = found;
  if (first === undefined)
    return {
      on: false,
      active: false,
      uuid: null,
      servers,
      unresolved,
      routes: [],
      routesError: null,
      lan: null,
      lanBlocks: [],
      hook,
    };
  const active = await isActive(bus, first.uuid);
  const base = { on: true, active, uuid: first.uuid, servers, unresolved, lan: first.lan, hook };
  try {
    const lanBefore = await readLanBlocks();
    const placed = await applyServerRoutes(bus, serverAddressList(servers), first.lan);
    // A block NetworkManager left from before a restart, now unwanted (the choice is allow). The
    // Reapply that took it off the link makes the dispatcher hook, if installed, remove it as
    // root: a user waits for that.
    await clearLeftoverLan(
      lanBefore,
      placed.lanBlocks.flatMap((b) => b.blocked),
      undefined,
      hook ? HOOK_WAIT_MS : REMOVAL_WAIT_MS,
    );
    return { ...base, ...placed, routesError: null };
  } catch (err) {
    const routesError = err instanceof TunnelbarError ? err.message : String(err);
    return { ...base, routes: [], lanBlocks: [], routesError };
  }
}

/**
 * Turns lockdown on (or repairs it, or changes its local network choice) and waits until
 * NetworkManager has its routes in place. Without a choice, lockdown that is on keeps its own;
 * lockdown turned on blocks the local network (DEFAULT_LAN).
 */
export async function lockdownOn(
  bus: LockdownBus,
  model: LockdownModel,
  lookup?: Lookup,
  lan?: LanChoice,
): Promise<LockdownStatus> {
  if (!model.nmRunning) throw nmNotRunning();
  const [first, ...extra] = await findLockdownProfiles(bus, vpnPaths(model));
  await applyLockdown(bus, first ?? null, lan ?? first?.lan ?? DEFAULT_LAN);
  // Copies made by hand would only confuse status; the one kept is enough.
  await removeLockdown(bus, extra);
  // A refused Reapply (the routes to the servers) is in the answer's routesError: lockdown holds,
  // fail closed, and the CLI and the app say that VPNs beyond the local network cannot connect.
  return lockdownStatus(bus, model, lookup);
}

/** The routes' permission refusal, said as what it means for `off`. */
function asOffRefusal(err: unknown): never {
  if (err instanceof TunnelbarError && err.word === 'permission-denied')
    throw new TunnelbarError('permission-denied', e.lockdown.offRoutesPermissionDenied);
  throw err;
}

/**
 * Deletes lockdown whatever the VPN profiles are now, then the host routes to the servers and the
 * local network block, and makes sure the kernel holds no block of it afterwards
 * (leftover-block.ts, leftover-lan.ts): the network is as it was without it. A user (not root)
 * cannot remove such a block; the dispatcher hook, when installed, does (hook-run.ts).
 */
export async function lockdownOff(
  bus: LockdownBus,
  model: LockdownModel,
  lookup?: Lookup,
): Promise<LockdownStatus> {
  if (!model.nmRunning) throw nmNotRunning();
  const lanBefore = await readLanBlocks();
  // With the dispatcher hook installed, a block NetworkManager leaves is the hook's to remove (as
  // root): a user's `off` waits for it rather than failing at once.
  const wait = (await isHookInstalled()) ? HOOK_WAIT_MS : REMOVAL_WAIT_MS;
  const removal = watchBlockRemoval(await readBlockRoutes(), wait);
  try {
    // The links first: a user who may not reapply them is refused before anything changed, so
    // lockdown is never left half off (its profile gone, its routes still on the links).
    await removeServerRoutes(bus).catch(asOffRefusal);
    await removeLockdown(bus, await findLockdownProfiles(bus, vpnPaths(model)));
  } catch (err) {
    removal.stop();
    throw err;
  }
  await removal.settled();
  await clearLeftoverBlock(await readBlockRoutes());
  await clearLeftoverLan(lanBefore, [], undefined, wait);
  return lockdownStatus(bus, model, lookup);
}
