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
