// The settings dictionary of a VPN or WireGuard connection (GetSettings, optionally merged with
// GetSecrets) → the plain profile the exporters take. It reads the new properties (address-data,
// route-data, dns-data) and falls back to the legacy ones (addresses, routes, dns), because
// GetSettings returns both and older daemons only the legacy ones.

import {
  boolProp,
  mapArrayProp,
  numberProp,
  stringArrayProp,
  stringMapProp,
  stringProp,
  variantValue,
  type SettingsDict,
  type VariantMap,
} from '../nm/dbus-types';
import { formatIPv4, formatIPv6 } from './inet';
import type {
  ImportedProfile,
  IpMethod,
  IpRoute,
  IpSetting,
  WireGuardPeer,
  WireGuardSetting,
} from './profile';

function uint32ToIp4(v: number): string {
  const buf = Buffer.alloc(4);
  buf.writeUInt32LE(v >>> 0, 0);
  return formatIPv4(buf);
}

function bytesToIp6(v: unknown): string | null {
  if (v instanceof Uint8Array && v.length === 16) return formatIPv6(v);
  if (Array.isArray(v) && v.length === 16) return formatIPv6(Uint8Array.from(v as number[]));
  return null;
}

function numbers(v: unknown): number[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((x) => (typeof x === 'number' ? [x] : typeof x === 'bigint' ? [Number(x)] : []));
}

function readDns(map: VariantMap, family: 4 | 6): string[] {
  const data = stringArrayProp(map, 'dns-data');
  if (data.length > 0) return data;
  const legacy = variantValue(map, 'dns');
  if (!Array.isArray(legacy)) return [];
  if (family === 4) return numbers(legacy).map(uint32ToIp4);
  return legacy.map(bytesToIp6).filter((x): x is string => x !== null);
}

function readAddresses(map: VariantMap, family: 4 | 6): { address: string; prefix: number }[] {
  const data = mapArrayProp(map, 'address-data');
  if (data.length > 0) {
    return data.flatMap((d) => {
      const address = stringProp(d, 'address');
      const prefix = numberProp(d, 'prefix');
      return address === undefined || prefix === undefined ? [] : [{ address, prefix }];
    });
  }
  const legacy = variantValue(map, 'addresses');
  if (!Array.isArray(legacy)) return [];
  return legacy.flatMap((entry: unknown) => {
    if (!Array.isArray(entry)) return [];
    if (family === 4) {
      const [addr, prefix] = numbers(entry);
      return addr === undefined || prefix === undefined
        ? []
        : [{ address: uint32ToIp4(addr), prefix }];
    }
    const address = bytesToIp6(entry[0]);
    const prefix = typeof entry[1] === 'number' ? entry[1] : undefined;
    return address === null || prefix === undefined ? [] : [{ address, prefix }];
  });
}

function readRoutes(map: VariantMap, family: 4 | 6): IpRoute[] {
  const data = mapArrayProp(map, 'route-data');
  if (data.length > 0) {
    return data.flatMap((d) => {
      const dest = stringProp(d, 'dest');
      const prefix = numberProp(d, 'prefix');
      if (dest === undefined || prefix === undefined) return [];
      const r: IpRoute = { dest, prefix };
      const hop = stringProp(d, 'next-hop');
      const metric = numberProp(d, 'metric');
      if (hop !== undefined) r['next-hop'] = hop;
      if (metric !== undefined) r.metric = metric;
      return [r];
    });
  }
  const legacy = variantValue(map, 'routes');
  if (family !== 4 || !Array.isArray(legacy)) return [];
  return legacy.flatMap((entry: unknown) => {
    const [dest, prefix, hop, metric] = numbers(entry);
    if (dest === undefined || prefix === undefined) return [];
    const r: IpRoute = { dest: uint32ToIp4(dest), prefix };
    if (hop !== undefined && hop !== 0) r['next-hop'] = uint32ToIp4(hop);
    if (metric !== undefined && metric !== 0) r.metric = metric;
    return [r];
  });
}

/**
 * Copies each key the map holds (read by `read`) into `out` under the same name: a key the
 * setting does not hold stays absent from the profile.
 */
function copyPresent<O, K extends keyof O & string>(
  out: O,
  map: VariantMap,
  read: (map: VariantMap, key: string) => O[K] | undefined,
  keys: readonly K[],
): void {
  for (const key of keys) {
    const value = read(map, key);
    if (value !== undefined) out[key] = value;
  }
}

function readIp(map: VariantMap | undefined, family: 4 | 6): IpSetting {
  const m = map ?? {};
  const ip: IpSetting = { method: (stringProp(m, 'method') ?? 'auto') as IpMethod };
  const addresses = readAddresses(m, family);
  if (addresses.length > 0) ip.addresses = addresses;
  const routes = readRoutes(m, family);
  if (routes.length > 0) ip.routes = routes;
  const dns = readDns(m, family);
  if (dns.length > 0) ip.dns = dns;
  const search = stringArrayProp(m, 'dns-search');
  if (search.length > 0) ip['dns-search'] = search;
  copyPresent(ip, m, boolProp, ['never-default']);
  copyPresent(ip, m, numberProp, ['route-table']);
  copyPresent(ip, m, boolProp, ['ignore-auto-dns', 'ignore-auto-routes']);
  return ip;
}

function readPeer(d: VariantMap): WireGuardPeer | null {
  const key = stringProp(d, 'public-key');
  if (key === undefined) return null;
  const p: WireGuardPeer = { 'public-key': key };
  copyPresent(p, d, stringProp, ['endpoint']);
  const allowed = stringArrayProp(d, 'allowed-ips');
  if (variantValue(d, 'allowed-ips') !== undefined) p['allowed-ips'] = allowed;
  copyPresent(p, d, numberProp, ['persistent-keepalive']);
  copyPresent(p, d, stringProp, ['preshared-key']);
  copyPresent(p, d, numberProp, ['preshared-key-flags']);
  return p;
}

function readWireGuard(m: VariantMap): WireGuardSetting {
  const peers = mapArrayProp(m, 'peers')
    .map(readPeer)
    .filter((p): p is WireGuardPeer => p !== null);
  const wg: WireGuardSetting = { peers };
  copyPresent(wg, m, stringProp, ['private-key']);
  copyPresent(wg, m, numberProp, ['private-key-flags', 'listen-port', 'fwmark', 'mtu']);
  copyPresent(wg, m, boolProp, ['peer-routes']);
  return wg;
}

/** The profile of a `vpn` or `wireguard` connection, or null for any other type. */
export function fromSettingsDict(dict: SettingsDict): ImportedProfile | null {
  const c = dict.connection;
  const id = stringProp(c, 'id') ?? '';
  const type = stringProp(c, 'type');
  const ipv4 = readIp(dict.ipv4, 4);
  const ipv6 = readIp(dict.ipv6, 6);
  const extra: { autoconnect?: boolean; permissions?: string[] } = {};
  const autoconnect = boolProp(c, 'autoconnect');
  if (autoconnect !== undefined) extra.autoconnect = autoconnect;
  if (variantValue(c, 'permissions') !== undefined) {
    extra.permissions = stringArrayProp(c, 'permissions');
  }
  if (type === 'wireguard') {
    const ifname = stringProp(c, 'interface-name') ?? '';
    return {
      connection: { id, type, 'interface-name': ifname, ...extra },
      wireguard: readWireGuard(dict.wireguard ?? {}),
      ipv4,
      ipv6,
    };
  }
  if (type !== 'vpn') return null;
  const vpn = dict.vpn ?? {};
  const userName = stringProp(vpn, 'user-name');
  return {
    connection: { id, type, ...extra },
    vpn: {
      'service-type': stringProp(vpn, 'service-type') ?? '',
      data: stringMapProp(vpn, 'data'),
      secrets: stringMapProp(vpn, 'secrets'),
      ...(userName !== undefined ? { 'user-name': userName } : {}),
    },
    ipv4,
    ipv6,
  };
}
