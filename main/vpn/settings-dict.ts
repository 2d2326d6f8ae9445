// Profile → the a{sa{sv}} settings dictionary AddConnection2 takes, with NetworkManager 1.42's D-Bus
// types (reference §5, §8.1). Addresses and routes go as address-data / route-data (aa{sv}); DNS
// servers as the legacy `dns` property, which every NetworkManager version accepts: au of IPv4
// addresses in network byte order, aay of 16-byte IPv6 addresses. WireGuard peers are aa{sv}.

import { Variant } from 'dbus-next';
import type { SettingsDict, VariantMap } from '../nm/dbus-types';
import { parseIPv4, parseIPv6 } from './inet';
import type { ImportedProfile, IpSetting, WireGuardPeer, WireGuardSetting } from './profile';

const s = (v: string): Variant => new Variant('s', v);
const u = (v: number): Variant => new Variant('u', v);
const b = (v: boolean): Variant => new Variant('b', v);
const as = (v: readonly string[]): Variant => new Variant('as', [...v]);

/** An IPv4 address as the `u` of ipv4.dns: its four bytes in network order, read little-endian. */
export function ip4ToNetworkUint32(addr: string): number {
  const bytes = parseIPv4(addr);
  if (bytes === null) throw new Error(`not an IPv4 address: ${addr}`);
  return Buffer.from(bytes).readUInt32LE(0);
}

function ipDict(ip: IpSetting, family: 4 | 6): VariantMap {
  const out: VariantMap = { method: s(ip.method) };
  if (ip.addresses !== undefined && ip.addresses.length > 0) {
    out['address-data'] = new Variant(
      'aa{sv}',
      ip.addresses.map((a) => ({ address: s(a.address), prefix: u(a.prefix) })),
    );
  }
  if (ip.routes !== undefined && ip.routes.length > 0) {
    out['route-data'] = new Variant(
      'aa{sv}',
      ip.routes.map((r) => {
        const d: VariantMap = { dest: s(r.dest), prefix: u(r.prefix) };
        if (r['next-hop'] !== undefined) d['next-hop'] = s(r['next-hop']);
        if (r.metric !== undefined) d.metric = u(r.metric);
        return d;
      }),
    );
  }
  if (ip.dns !== undefined && ip.dns.length > 0) {
    out.dns =
      family === 4
        ? new Variant('au', ip.dns.map(ip4ToNetworkUint32))
        : new Variant(
            'aay',
            ip.dns.map((a) => {
              const bytes = parseIPv6(a);
              if (bytes === null) throw new Error(`not an IPv6 address: ${a}`);
              return Buffer.from(bytes);
            }),
          );
  }
  if (ip['dns-search'] !== undefined && ip['dns-search'].length > 0) {
    out['dns-search'] = as(ip['dns-search']);
  }
  if (ip['never-default'] !== undefined) out['never-default'] = b(ip['never-default']);
  if (ip['route-table'] !== undefined) out['route-table'] = u(ip['route-table']);
  if (ip['ignore-auto-dns'] !== undefined) out['ignore-auto-dns'] = b(ip['ignore-auto-dns']);
  if (ip['ignore-auto-routes'] !== undefined) {
    out['ignore-auto-routes'] = b(ip['ignore-auto-routes']);
  }
  return out;
}

function peerDict(p: WireGuardPeer): VariantMap {
  const d: VariantMap = { 'public-key': s(p['public-key']) };
  if (p.endpoint !== undefined) d.endpoint = s(p.endpoint);
  if (p['allowed-ips'] !== undefined) d['allowed-ips'] = as(p['allowed-ips']);
  if (p['persistent-keepalive'] !== undefined) {
    d['persistent-keepalive'] = u(p['persistent-keepalive']);
  }
  if (p['preshared-key'] !== undefined) d['preshared-key'] = s(p['preshared-key']);
  if (p['preshared-key-flags'] !== undefined) {
    d['preshared-key-flags'] = u(p['preshared-key-flags']);
  }
  return d;
}

function wireguardDict(wg: WireGuardSetting): VariantMap {
  const out: VariantMap = {};
  if (wg['private-key'] !== undefined) out['private-key'] = s(wg['private-key']);
  if (wg['private-key-flags'] !== undefined) out['private-key-flags'] = u(wg['private-key-flags']);
  if (wg['listen-port'] !== undefined) out['listen-port'] = u(wg['listen-port']);
  if (wg.fwmark !== undefined) out.fwmark = u(wg.fwmark);
  if (wg.mtu !== undefined) out.mtu = u(wg.mtu);
  if (wg['peer-routes'] !== undefined) out['peer-routes'] = b(wg['peer-routes']);
  if (wg.peers.length > 0) out.peers = new Variant('aa{sv}', wg.peers.map(peerDict));
  return out;
}

/** The settings dictionary for AddConnection2, with the UUID the caller chose. */
export function toSettingsDict(profile: ImportedProfile, uuid: string): SettingsDict {
  const c = profile.connection;
  const connection: VariantMap = { id: s(c.id), uuid: s(uuid), type: s(c.type) };
  if (c['interface-name'] !== undefined) connection['interface-name'] = s(c['interface-name']);
  if (c.autoconnect !== undefined) connection.autoconnect = b(c.autoconnect);
  if (c.permissions !== undefined) connection.permissions = as(c.permissions);
  const dict: SettingsDict = {
    connection,
    ipv4: ipDict(profile.ipv4, 4),
    ipv6: ipDict(profile.ipv6, 6),
  };
  if ('vpn' in profile) {
    const vpn: VariantMap = {
      'service-type': s(profile.vpn['service-type']),
      data: new Variant('a{ss}', { ...profile.vpn.data }),
    };
    if (Object.keys(profile.vpn.secrets).length > 0) {
      vpn.secrets = new Variant('a{ss}', { ...profile.vpn.secrets });
    }
    if (profile.vpn['user-name'] !== undefined) vpn['user-name'] = s(profile.vpn['user-name']);
    dict.vpn = vpn;
  } else {
    dict.wireguard = wireguardDict(profile.wireguard);
  }
  return dict;
}
