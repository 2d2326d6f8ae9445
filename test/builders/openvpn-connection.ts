import type { Variant } from 'dbus-next';
import type { SettingsDict } from '../../main/nm/dbus-types';
import { v } from './variant';

// The connection NetworkManager hands the agent for an OpenVPN profile, as the agent's unit tests
// build it: named "work", uuid "u1", with the plugin's `vpn.data` given.

export function openvpn(data: Record<string, string>): SettingsDict {
  return {
    connection: { id: v('s', 'work'), uuid: v('s', 'u1'), type: v('s', 'vpn') },
    vpn: {
      'service-type': v('s', 'org.freedesktop.NetworkManager.openvpn'),
      data: v('a{ss}', data),
    },
  };
}

/**
 * An OpenVPN profile as the DNS tests build it: named "office", uuid "u1", remote gw.example.com,
 * with `ip`'s keys in both its ipv4 and ipv6 settings (method auto).
 */
export function officeVpn(connectionType: string, ip: Record<string, Variant> = {}): SettingsDict {
  return {
    connection: { id: v('s', 'office'), uuid: v('s', 'u1'), type: v('s', 'vpn') },
    vpn: {
      'service-type': v('s', 'org.freedesktop.NetworkManager.openvpn'),
      data: v('a{ss}', { remote: 'gw.example.com', 'connection-type': connectionType }),
    },
    ipv4: { method: v('s', 'auto'), ...ip },
    ipv6: { method: v('s', 'auto'), ...ip },
  };
}
