import * as dbus from 'dbus-next';
import { BUS_DAEMON, BUS_PATH, isDBusError } from '../dbus/connection';
import type { CallOptions } from './bus';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { NM_BUS_NAME } from './names';
import { errorStrings as e } from '../errors/error-strings';

/**
 * What each new system-bus connection of NmBus does first, and small helpers of its own: the
 * fixed set of match rules (added once per connection, never through proxies, see bus.ts), and
 * NetworkManager's current owner.
 */

/** NetworkManager's name changing owner: it started or went away. */
const NM_OWNER_RULE = `type='signal',sender='${BUS_DAEMON}',interface='${BUS_DAEMON}',member='NameOwnerChanged',arg0='${NM_BUS_NAME}'`;

/**
 * What a connection that only calls NetworkManager (the import) listens to: adding thousands of
 * profiles makes NetworkManager send a PropertiesChanged with the whole, growing list of
 * connections for each, which such a connection would otherwise receive and decode.
 */
export const NM_OWNER_RULES = [NM_OWNER_RULE];

export const NM_SIGNAL_RULES = [
  NM_OWNER_RULE,
  `type='signal',sender='${NM_BUS_NAME}',interface='org.freedesktop.DBus.ObjectManager'`,
  `type='signal',sender='${NM_BUS_NAME}',interface='org.freedesktop.DBus.Properties',member='PropertiesChanged'`,
  `type='signal',sender='${NM_BUS_NAME}',interface='org.freedesktop.NetworkManager.Settings.Connection',member='Updated'`,
  `type='signal',sender='${NM_BUS_NAME}',interface='org.freedesktop.NetworkManager.Connection.Active',member='StateChanged'`,
  `type='signal',sender='${NM_BUS_NAME}',interface='org.freedesktop.NetworkManager.VPN.Connection',member='VpnStateChanged'`,
];

type Call = (opts: CallOptions) => Promise<unknown[]>;

/** Adds the match rules, then asks who owns NetworkManager's name (null: nobody). */
export async function addRulesAndLookUpOwner(
  call: Call,
  rules: readonly string[] = NM_SIGNAL_RULES,
): Promise<string | null> {
  await addMatchRules(call, rules);
  return lookUpOwner(call, NM_BUS_NAME);
}

/** Adds match rules through the bus daemon, one call each (never through proxies, see bus.ts). */
export async function addMatchRules(call: Call, rules: readonly string[]): Promise<void> {
  for (const rule of rules) {
    await call({
      destination: BUS_DAEMON,
      path: BUS_PATH,
      iface: BUS_DAEMON,
      member: 'AddMatch',
      signature: 's',
      body: [rule],
    });
  }
}

/** The unique name owning the well-known `name` on the bus; null when nobody owns it. */
export async function lookUpOwner(call: Call, name: string): Promise<string | null> {
  try {
    const [owner] = await call({
      destination: BUS_DAEMON,
      path: BUS_PATH,
      iface: BUS_DAEMON,
      member: 'GetNameOwner',
      signature: 's',
      body: [name],
    });
    return typeof owner === 'string' ? owner : null;
  } catch (err) {
    if (isDBusError(err, 'org.freedesktop.DBus.Error.NameHasNoOwner')) return null;
    throw err;
  }
}

export function busLost(): TunnelbarError {
  return new TunnelbarError('bus-lost', e.busLost);
}

/** What a call meets on a connection this process closed itself. */
export function busClosed(): TunnelbarError {
  return new TunnelbarError('bus-closed', e.busClosed('system'));
}

export function disconnectQuietly(raw: dbus.MessageBus): void {
  try {
    raw.disconnect();
  } catch {
    // Already closed.
  }
}
