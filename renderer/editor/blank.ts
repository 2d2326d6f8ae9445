import type { IpEdit, ProfileEdit } from '../../preload/editor';
import { openVpnPageOfField, type OpenVpnPageId } from './openvpn-pages';

export const OPENVPN_SERVICE = 'org.freedesktop.NetworkManager.openvpn';

/** What Add offers: the two VPN types with a page of their own, or any plugin by service name. */
export type NewKind =
  { kind: 'openvpn' } | { kind: 'wireguard' } | { kind: 'other'; serviceType: string };

function ip(method: string): IpEdit {
  return {
    method,
    addresses: [],
    dns: [],
    dnsSearch: [],
    routes: [],
    neverDefault: false,
    ignoreAutoRoutes: false,
    ignoreAutoDns: false,
  };
}

/** The General page of every new profile, whatever its VPN (a fresh object each time). */
function general(): Pick<
  ProfileEdit,
  | 'name'
  | 'autoconnect'
  | 'autoconnectRetries'
  | 'persistent'
  | 'allUsers'
  | 'connectWith'
  | 'dnsRouting'
> {
  return {
    name: '',
    autoconnect: false,
    autoconnectRetries: -1,
    persistent: false,
    allUsers: true,
    connectWith: [],
    dnsRouting: 'profile',
  };
}

/**
 * A new profile's fields; a VPN should not come up by itself, so autoconnect starts off. It is
 * available to all users, as nm-connection-editor makes new profiles (its checkbox starts ticked):
 * the person unticks it to keep the profile to themselves.
 */
export function blankEdit(kind: NewKind): ProfileEdit {
  switch (kind.kind) {
    case 'openvpn':
      return {
        ...general(),
        vpn: {
          kind: 'plugin',
          serviceType: OPENVPN_SERVICE,
          data: { 'connection-type': 'password', 'password-flags': '1' },
          newSecrets: {},
        },
        ipv4: ip('auto'),
        ipv6: ip('auto'),
      };
    case 'wireguard':
      return {
        ...general(),
        vpn: {
          kind: 'wireguard',
          privateKey: { action: 'generate' },
          listenPort: 0,
          fwmark: 0,
          mtu: 0,
          peers: [],
        },
        ipv4: ip('manual'),
        ipv6: ip('disabled'),
      };
    case 'other':
      return {
        ...general(),
        vpn: { kind: 'plugin', serviceType: kind.serviceType, data: {}, newSecrets: {} },
        ipv4: ip('auto'),
        ipv6: ip('auto'),
      };
  }
}

/** Which page a field belongs to, for showing the first page with a problem. */
export type PageId = 'general' | 'vpn' | OpenVpnPageId | 'ipv4' | 'ipv6';

export function pageOfField(field: string): PageId {
  if (field.startsWith('ipv4.')) return 'ipv4';
  if (field.startsWith('ipv6.')) return 'ipv6';
  if (field === 'name') return 'general';
  return openVpnPageOfField(field) ?? 'vpn';
}
