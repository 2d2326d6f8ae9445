import { numberProp, stringProp, type VariantMap } from './dbus-types';
import { IFACE } from './names';
import type { ActiveConnectionRecord } from './tunnel-state';

/** Active connection types that are tunnels Tunnelbar follows. */
export function isTunnelType(type: string): boolean {
  return type === 'vpn' || type === 'wireguard';
}

/** Builds a record from the interfaces of an ActiveConnection object (snapshot or InterfacesAdded). */
export function recordFromInterfaces(
  path: string,
  ifaces: Record<string, VariantMap>,
): ActiveConnectionRecord | null {
  const active = ifaces[IFACE.active];
  if (active === undefined) return null;
  const vpn = ifaces[IFACE.vpnConnection];
  return {
    path,
    uuid: stringProp(active, 'Uuid') ?? '',
    id: stringProp(active, 'Id') ?? '',
    type: stringProp(active, 'Type') ?? '',
    state: numberProp(active, 'State') ?? 0,
    vpnState: vpn === undefined ? null : (numberProp(vpn, 'VpnState') ?? 0),
    banner: stringProp(vpn, 'Banner') ?? '',
    ip4Path: stringProp(active, 'Ip4Config') ?? '/',
    ip6Path: stringProp(active, 'Ip6Config') ?? '/',
    reason: null,
  };
}

/**
 * Applies a PropertiesChanged to a record. State and VpnState are left to the StateChanged and
 * VpnStateChanged signals, which carry the reason with the state: taking the state from
 * PropertiesChanged would show a failure without its reason for a moment.
 */
export function applyChangedProperties(
  rec: ActiveConnectionRecord,
  iface: string,
  changed: VariantMap,
): ActiveConnectionRecord {
  if (iface === IFACE.active) {
    return {
      ...rec,
      ip4Path: stringProp(changed, 'Ip4Config') ?? rec.ip4Path,
      ip6Path: stringProp(changed, 'Ip6Config') ?? rec.ip6Path,
      id: stringProp(changed, 'Id') ?? rec.id,
    };
  }
  if (iface === IFACE.vpnConnection) {
    return { ...rec, banner: stringProp(changed, 'Banner') ?? rec.banner };
  }
  return rec;
}
