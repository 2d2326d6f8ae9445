// The profile an importer produces: plain, JSON-friendly data with NetworkManager's own setting and
// property names, so it reads like `nmcli connection show` and compares setting by setting with what
// nmcli creates. Properties at their NetworkManager default are left out, the same way GetSettings
// leaves them out (reference §5.2). D-Bus types are applied only by toSettingsDict().

export interface ConnectionSetting {
  id: string;
  type: 'vpn' | 'wireguard';
  /** Required for WireGuard: the kernel interface name. */
  'interface-name'?: string;
  autoconnect?: boolean;
  permissions?: string[];
}

export interface VpnSetting {
  'service-type': string;
  /** Plugin options (a{ss}), including the `*-flags` entries. */
  data: Record<string, string>;
  /** Plugin secrets (a{ss}); only what the file itself contained. */
  secrets: Record<string, string>;
  'user-name'?: string;
}

export interface IpAddress {
  address: string;
  prefix: number;
}

export interface IpRoute {
  dest: string;
  prefix: number;
  'next-hop'?: string;
  metric?: number;
}

export type IpMethod = 'auto' | 'manual' | 'disabled' | 'ignore' | 'link-local' | 'shared' | 'dhcp';

export interface IpSetting {
  method: IpMethod;
  addresses?: IpAddress[];
  routes?: IpRoute[];
  /** DNS server addresses as text (sent as the legacy `dns` property, au / aay). */
  dns?: string[];
  'dns-search'?: string[];
  'never-default'?: boolean;
  'route-table'?: number;
  'ignore-auto-dns'?: boolean;
  'ignore-auto-routes'?: boolean;
}

export interface WireGuardPeer {
  'public-key': string;
  endpoint?: string;
  'allowed-ips'?: string[];
  'persistent-keepalive'?: number;
  /** A secret. */
  'preshared-key'?: string;
  /** Absent means NetworkManager's default for a new peer, 4 (not required). */
  'preshared-key-flags'?: number;
}

export interface WireGuardSetting {
  /** A secret. */
  'private-key'?: string;
  'private-key-flags'?: number;
  'listen-port'?: number;
  fwmark?: number;
  mtu?: number;
  /** Absent means true. */
  'peer-routes'?: boolean;
  peers: WireGuardPeer[];
}

export interface OpenVpnProfile {
  connection: ConnectionSetting & { type: 'vpn' };
  vpn: VpnSetting;
  ipv4: IpSetting;
  ipv6: IpSetting;
}

export interface WireGuardProfile {
  connection: ConnectionSetting & { type: 'wireguard'; 'interface-name': string };
  wireguard: WireGuardSetting;
  ipv4: IpSetting;
  ipv6: IpSetting;
}

export type ImportedProfile = OpenVpnProfile | WireGuardProfile;

export function isWireGuardProfile(p: ImportedProfile): p is WireGuardProfile {
  return p.connection.type === 'wireguard';
}

/** A copy without any secret, for reports and --dry-run output. */
export function withoutSecrets<P extends ImportedProfile>(profile: P): P {
  const copy = structuredClone(profile);
  if ('vpn' in copy) copy.vpn.secrets = {};
  if ('wireguard' in copy) {
    delete copy.wireguard['private-key'];
    for (const peer of copy.wireguard.peers) delete peer['preshared-key'];
  }
  return copy;
}
