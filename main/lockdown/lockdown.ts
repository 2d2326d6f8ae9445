// Lockdown's three operations, as the CLI and the app call them: status, on, off.
import type { NmModel } from '../nm/model';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { nmNotRunning } from '../nm/errors';
import {
  applyLockdown,
  findLockdownProfiles,
  isActive,
  removeLockdown,
  type LockdownBus,
} from './nm-lockdown';
import { clearLeftoverBlock, readBlockRoutes, watchBlockRemoval } from './leftover-block';
import { resolveServers, type Lookup } from './resolve';
import { applyServerRoutes, removeServerRoutes } from './server-routes';
import type { LockdownStatus, ServerAddresses } from './types';

export type LockdownModel = Pick<NmModel, 'nmRunning' | 'profiles'>;

function vpnPaths(model: LockdownModel): Set<string> {
  return new Set(model.profiles().map((p) => p.path));
}

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
    };
  const active = await isActive(bus, first.uuid);
  try {
    const routes = await applyServerRoutes(bus, serverAddressList(servers));
    return { on: true, active, uuid: first.uuid, servers, unresolved, routes, routesError: null };
  } catch (err) {
    const routesError = err instanceof TunnelbarError ? err.message : String(err);
    return { on: true, active, uuid: first.uuid, servers, unresolved, routes: [], routesError };
  }
}

/** Turns lockdown on (or repairs it) and waits until NetworkManager has its routes in place. */
export async function lockdownOn(
  bus: LockdownBus,
  model: LockdownModel,
  lookup?: Lookup,
): Promise<LockdownStatus> {
  if (!model.nmRunning) throw nmNotRunning();
  const [first, ...extra] = await findLockdownProfiles(bus, vpnPaths(model));
  await applyLockdown(bus, first ?? null);
  // Copies made by hand would only confuse status; the one kept is enough.
  await removeLockdown(bus, extra);
  // A refused Reapply (the routes to the servers) is in the answer's routesError: lockdown holds,
  // fail closed, and the CLI and the app say that VPNs beyond the local network cannot connect.
  return lockdownStatus(bus, model, lookup);
}

/**
 * Deletes lockdown whatever the VPN profiles are now, then the host routes to the servers, and
 * makes sure the kernel holds no block of it afterwards (leftover-block.ts): the network is as it
 * was without it.
 */
export async function lockdownOff(
  bus: LockdownBus,
  model: LockdownModel,
  lookup?: Lookup,
): Promise<LockdownStatus> {
  if (!model.nmRunning) throw nmNotRunning();
  const removal = watchBlockRemoval(await readBlockRoutes());
  try {
    await removeLockdown(bus, await findLockdownProfiles(bus, vpnPaths(model)));
    await removeServerRoutes(bus);
  } catch (err) {
    removal.stop();
    throw err;
  }
  await removal.settled();
  await clearLeftoverBlock(await readBlockRoutes());
  return lockdownStatus(bus, model, lookup);
}
