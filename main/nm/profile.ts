import { stringMapProp, stringProp, type SettingsDict } from './dbus-types';

/** A VPN profile: a NetworkManager connection of type `vpn` (any plugin) or `wireguard`. */
export interface Profile {
  /** Settings object path, /org/freedesktop/NetworkManager/Settings/N. */
  path: string;
  uuid: string;
  id: string;
  /** `openvpn`, `wireguard`, or the plugin's short name (`openconnect`, `strongswan`, ...). */
  vpnType: string;
  /** The plugin's D-Bus service, e.g. org.freedesktop.NetworkManager.openvpn; null for WireGuard. */
  serviceType: string | null;
  /** vpn.data for plugin VPNs (no secrets); empty for WireGuard. */
  data: Record<string, string>;
  /** The settings exactly as NetworkManager returned them (no secrets), kept whole so edits lose nothing. */
  settings: SettingsDict;
}

/** `org.freedesktop.NetworkManager.openvpn` → `openvpn`; other names keep their last part. */
export function pluginShortName(serviceType: string): string {
  const last = serviceType.split('.').pop();
  return last === undefined || last === '' ? serviceType : last;
}

/** Turns GetSettings' answer into a Profile, or null for connections that are not VPNs. */
export function profileFromSettings(path: string, settings: SettingsDict): Profile | null {
  const connection = settings.connection;
  const type = stringProp(connection, 'type');
  const uuid = stringProp(connection, 'uuid');
  const id = stringProp(connection, 'id');
  if (uuid === undefined || id === undefined) return null;
  if (type === 'wireguard') {
    return { path, uuid, id, vpnType: 'wireguard', serviceType: null, data: {}, settings };
  }
  if (type !== 'vpn') return null;
  const serviceType = stringProp(settings.vpn, 'service-type') ?? '';
  return {
    path,
    uuid,
    id,
    vpnType: pluginShortName(serviceType),
    serviceType,
    data: stringMapProp(settings.vpn, 'data'),
    settings,
  };
}
