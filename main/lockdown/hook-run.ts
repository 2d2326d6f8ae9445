// What lockdown's dispatcher hook does on a NetworkManager event (`tunnelbar lockdown hook-run
// <iface> <action>`, run as root by NetworkManager's dispatcher, see hook-script.ts).
//
// - A link that (re)activated, got a new DHCP lease or was reapplied: its applied connection lost
//   lockdown's routes (or its subnet changed). While lockdown is on, the same code as `lockdown
//   status` puts the VPN server host routes and, when the local network is blocked, its block
//   back on every link.
// - Lockdown's own bridge went down and no lockdown profile is left (`off`, or the profile deleted
//   by hand): lockdown's routes come off the links and a block NetworkManager left in the kernel
//   after a restart is removed, as root.
// The dispatcher runs a no-wait script for each event as it comes, so a hook for a link's `up`
// may still be putting routes in place while `off` deletes lockdown: it looks again afterwards
// and takes them away when lockdown is gone by then.
import { TunnelbarError } from '../errors/tunnelbar-error';
import { vpnPaths } from '../editor/base-connections';
import { lockdownStatus, type LockdownModel } from './lockdown';
import { clearLeftoverBlock, readBlockRoutes } from './leftover-block';
import { clearLeftoverLan, readLanBlocks } from './leftover-lan';
import { findLockdownProfiles, type LockdownBus } from './nm-lockdown';
import { removeServerRoutes } from './server-routes';
import { LOCKDOWN_INTERFACE, LOCKDOWN_NAME } from './settings';

/**
 * The dispatcher's actions after which a link's applied connection may lack lockdown's routes.
 * Not `reapply`: the hook's own Reapply makes one, and a server name whose addresses change from
 * one lookup to the next (a provider's rotating pool) would then start it again and again. A
 * `reapply` only clears a local network block no longer wanted, which needs no Reapply.
 */
const LINK_ACTIONS = new Set(['up', 'dhcp4-change', 'dhcp6-change']);

/** What the hook did: put routes in place, cleared a leftover block, or nothing to do. */
export type HookOutcome = 'routes' | 'cleared' | 'nothing';

/** Which event this is for lockdown: a link's, lockdown's bridge going down, or none of its. */
export function hookEvent(
  iface: string,
  action: string,
  connectionId?: string,
): 'link' | 'link-reapplied' | 'lockdown-down' | null {
  if (iface === LOCKDOWN_INTERFACE || connectionId === LOCKDOWN_NAME)
    return action === 'down' ? 'lockdown-down' : null;
  if (iface === '' || iface === 'none') return null;
  if (action === 'reapply') return 'link-reapplied';
  return LINK_ACTIONS.has(action) ? 'link' : null;
}

/**
 * After a Reapply (`--allow-lan` taking the block off a link, say): a local network block that
 * NetworkManager left in the kernel after a restart and lockdown no longer wants goes, as root.
 */
async function clearUnwantedLan(bus: LockdownBus, model: LockdownModel): Promise<HookOutcome> {
  const [first] = await findLockdownProfiles(bus, vpnPaths(model));
  if (first?.lan === 'block') return 'nothing';
  const blocks = await readLanBlocks();
  if (blocks.length === 0) return 'nothing';
  await clearLeftoverLan(blocks, []);
  return 'cleared';
}

export async function hookRun(
  bus: LockdownBus,
  model: LockdownModel,
  iface: string,
  action: string,
  /** The dispatcher's CONNECTION_ID: lockdown's profile by name, should the bridge be gone. */
  connectionId?: string,
): Promise<HookOutcome> {
  const lockdownGone = async (): Promise<boolean> => {
    return (await findLockdownProfiles(bus, vpnPaths(model))).length === 0;
  };
  const clear = async (): Promise<HookOutcome> => {
    await removeServerRoutes(bus);
    await clearLeftoverBlock(await readBlockRoutes());
    await clearLeftoverLan(await readLanBlocks(), []);
    return 'cleared';
  };
  const event = hookEvent(iface, action, connectionId);
  if (event === null) return 'nothing';
  // Only deactivated (by hand, the profile kept): lockdown stays as it is.
  if (event === 'lockdown-down') return (await lockdownGone()) ? clear() : 'nothing';
  if (event === 'link-reapplied') return clearUnwantedLan(bus, model);
  // Lockdown off: no servers resolved, nothing asked of the network on every link event.
  if (await lockdownGone()) return 'nothing';
  const status = await lockdownStatus(bus, model);
  if (!status.on) return 'nothing';
  if (await lockdownGone()) return clear();
  // NetworkManager logs the hook's stderr: the reason, in one line.
  if (status.routesError !== null) throw new TunnelbarError('hook-failed', status.routesError);
  return 'routes';
}
