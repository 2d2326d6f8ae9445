// The ipv4/ipv6 settings of an imported WireGuard profile.

import type { IpAddress, IpSetting, WireGuardPeer } from '../profile';

/** What the wg-quick parser collected from [Interface] and [Peer] sections. */
export interface WgCollected {
  addr4: IpAddress[];
  addr6: IpAddress[];
  dns4: string[];
  dns6: string[];
  /** Every DNS word that is not an address, in order, as written (duplicates and "" included). */
  search: string[];
  table: 'auto' | 'off' | number;
  peers: WireGuardPeer[];
  privateKey?: string;
  listenPort?: number;
  fwmark?: number;
  mtu?: number;
}

function familySetting(addresses: IpAddress[], dns: string[], d: WgCollected): IpSetting {
  // A family without addresses is disabled, and a disabled family cannot carry DNS settings.
  if (addresses.length === 0) return { method: 'disabled' };
  const s: IpSetting = { method: 'manual', addresses };
  if (dns.length > 0) s.dns = dns;
  const search: string[] = [];
  // DNS servers and no search word: "~" sends every query to these servers.
  if (dns.length > 0 && d.search.length === 0) search.push('~');
  for (const w of d.search) if (w !== '' && !search.includes(w)) search.push(w);
  if (search.length > 0) s['dns-search'] = search;
  return s;
}

export function buildIpSettings(d: WgCollected): {
  ipv4: IpSetting;
  ipv6: IpSetting;
  peerRoutesOff: boolean;
} {
  const ipv4 = familySetting(d.addr4, d.dns4, d);
  const ipv6 = familySetting(d.addr6, d.dns6, d);
  if (typeof d.table === 'number' && d.table !== 0) {
    ipv4['route-table'] = d.table;
    ipv6['route-table'] = d.table;
  }
  return { ipv4, ipv6, peerRoutesOff: d.table === 'off' };
}
