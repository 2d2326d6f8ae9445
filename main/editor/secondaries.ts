// "Connect this VPN automatically with": NetworkManager keeps it on the base connection, whose
// connection.secondaries lists the uuids of the VPNs to start once it is up (reference §5.1).
// The editor shows it on the VPN, so reading gathers it from every base connection and saving
// changes the bases whose membership changed. The pure part; base-connections.ts talks to NM.

import { Variant } from 'dbus-next';
import type { BaseConnectionView } from '../../preload/editor';
import { stringArrayProp, stringProp, type SettingsDict } from '../nm/dbus-types';

/** One connection NetworkManager has, as ListConnections + GetSettings give it. */
export interface StoredConnection {
  path: string;
  settings: SettingsDict;
}

/**
 * Types that cannot carry a VPN: VPNs themselves (a VPN over a VPN is set up on the inner one,
 * not with secondaries) and loopback (NetworkManager's `lo` profile never reaches a server).
 */
const NOT_A_BASE = new Set(['vpn', 'wireguard', 'loopback']);

export function isBaseConnection(settings: SettingsDict): boolean {
  const type = stringProp(settings.connection, 'type');
  return type !== undefined && !NOT_A_BASE.has(type);
}

/** What the editor offers, sorted by name; connections without a uuid or name are left out. */
export function baseConnectionViews(
  connections: readonly StoredConnection[],
): BaseConnectionView[] {
  const views: BaseConnectionView[] = [];
  for (const { settings } of connections) {
    if (!isBaseConnection(settings)) continue;
    const uuid = stringProp(settings.connection, 'uuid');
    const name = stringProp(settings.connection, 'id');
    const type = stringProp(settings.connection, 'type');
    if (uuid === undefined || name === undefined || type === undefined) continue;
    views.push({ uuid, name, type });
  }
  return views.sort((a, b) => a.name.localeCompare(b.name) || a.uuid.localeCompare(b.uuid));
}

/** The base connections whose secondaries start the VPN `vpnUuid`. */
export function connectWithOf(connections: readonly StoredConnection[], vpnUuid: string): string[] {
  const uuids: string[] = [];
  for (const { settings } of connections) {
    const uuid = stringProp(settings.connection, 'uuid');
    if (uuid === undefined || !isBaseConnection(settings)) continue;
    if (stringArrayProp(settings.connection, 'secondaries').includes(vpnUuid)) uuids.push(uuid);
  }
  return uuids;
}

/** Which bases gain the VPN and which lose it, between what was read and what was saved. */
export interface SecondariesChange {
  add: string[];
  remove: string[];
}

export function secondariesChange(
  before: readonly string[],
  after: readonly string[],
): SecondariesChange {
  return {
    add: [...new Set(after)].filter((uuid) => !before.includes(uuid)),
    remove: [...new Set(before)].filter((uuid) => !after.includes(uuid)),
  };
}

/**
 * A base connection's settings with `vpnUuid` in (or out of) its secondaries, every other VPN in
 * the list kept in its order; null when the list already is that way (nothing to send).
 */
export function withSecondary(
  settings: SettingsDict,
  vpnUuid: string,
  member: boolean,
): SettingsDict | null {
  const list = stringArrayProp(settings.connection, 'secondaries');
  if (list.includes(vpnUuid) === member) return null;
  const secondaries = member ? [...list, vpnUuid] : list.filter((uuid) => uuid !== vpnUuid);
  return {
    ...settings,
    connection: { ...settings.connection, secondaries: new Variant('as', secondaries) },
  };
}
