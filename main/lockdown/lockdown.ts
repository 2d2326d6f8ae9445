// Lockdown's three operations, as the CLI and the app call them: status, on, off.
import type { NmModel } from '../nm/model';
import { nmNotRunning } from '../nm/errors';
import {
  applyLockdown,
  findLockdownProfiles,
  isActive,
  removeLockdown,
  type LockdownBus,
} from './nm-lockdown';
import { resolveServers, type Lookup } from './resolve';
import type { LockdownStatus } from './types';

export type LockdownModel = Pick<NmModel, 'nmRunning' | 'profiles'>;

function vpnPaths(model: LockdownModel): Set<string> {
  return new Set(model.profiles().map((p) => p.path));
}

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
  const [first] = found;
  if (first === undefined) return { on: false, active: false, uuid: null, servers };
  return { on: true, active: await isActive(bus, first.uuid), uuid: first.uuid, servers };
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
  return lockdownStatus(bus, model, lookup);
}

/** Deletes lockdown whatever the VPN profiles are now: the network is as it was without it. */
export async function lockdownOff(
  bus: LockdownBus,
  model: LockdownModel,
  lookup?: Lookup,
): Promise<LockdownStatus> {
  if (!model.nmRunning) throw nmNotRunning();
  await removeLockdown(bus, await findLockdownProfiles(bus, vpnPaths(model)));
  return lockdownStatus(bus, model, lookup);
}
