// exportWgQuick(): a WireGuard profile → a wg-quick .conf that `wg-quick up` understands and that
// imports back (parseWgQuick or nmcli) to the same profile. GetSettings never returns the private key
// or preshared keys, so they come from GetSecrets through `secrets` (the profile's own values are
// used when present, as after an import).

import type { IpSetting, WireGuardProfile } from '../profile';
import { parseWgQuick } from './parse';
import { validInterfaceName } from './names';
import { importErrorStrings as m } from '../import-errors-strings';

export interface WgSecrets {
  'private-key'?: string;
  /** Preshared key per peer public key. */
  peers?: Record<string, string>;
}

export interface WgExport {
  text: string;
  warnings: string[];
}

function addresses(ip: IpSetting): string[] {
  if (ip.method !== 'manual') return [];
  return (ip.addresses ?? []).map((a) => `${a.address}/${a.prefix}`);
}

/**
 * The DNS line: servers, then search words. The importer adds the routing-only "~" by itself for a
 * family that has servers and no search word, so a "~" that is exactly that is left out.
 */
function dnsWords(p: WireGuardProfile): string[] {
  const families = [p.ipv4, p.ipv6].filter((ip) => ip.method === 'manual');
  const servers = families.flatMap((ip) => ip.dns ?? []);
  const search: string[] = [];
  for (const ip of families)
    for (const w of ip['dns-search'] ?? []) if (!search.includes(w)) search.push(w);
  const onlyAuto =
    search.length === 1 &&
    search[0] === '~' &&
    families.every((ip) => !(ip['dns-search'] ?? []).includes('~') || (ip.dns ?? []).length > 0);
  return [...servers, ...(onlyAuto ? [] : search)];
}

export function exportWgQuick(profile: WireGuardProfile, secrets: WgSecrets = {}): WgExport {
  const wg = profile.wireguard;
  const warnings: string[] = [];
  const title = profile.connection.id.replace(/[\r\n\0]/g, ' ');
  const lines = [`# ${title}, exported by Tunnelbar`, '[Interface]'];
  const kv = (key: string, value: string | number | undefined): void => {
    if (value !== undefined && value !== '') lines.push(`${key} = ${value}`);
  };
  const privateKey = secrets['private-key'] ?? wg['private-key'];
  if (privateKey === undefined) warnings.push(m.export.noPrivateKey);
  kv('PrivateKey', privateKey);
  kv('Address', [...addresses(profile.ipv4), ...addresses(profile.ipv6)].join(', '));
  kv('DNS', dnsWords(profile).join(', '));
  kv('MTU', wg.mtu);
  kv('ListenPort', wg['listen-port']);
  kv('FwMark', wg.fwmark);
  const t4 = profile.ipv4['route-table'];
  const t6 = profile.ipv6['route-table'];
  if (wg['peer-routes'] === false) {
    kv('Table', 'off');
    if (t4 !== undefined || t6 !== undefined) warnings.push(m.export.tableOff);
  } else if (t4 !== undefined || t6 !== undefined) {
    if (t4 !== undefined && t6 !== undefined && t4 !== t6) {
      warnings.push(m.export.twoTables);
    }
    kv('Table', t4 ?? t6);
  }
  for (const peer of wg.peers) {
    lines.push('', '[Peer]');
    kv('PublicKey', peer['public-key']);
    kv('PresharedKey', secrets.peers?.[peer['public-key']] ?? peer['preshared-key']);
    kv('AllowedIPs', (peer['allowed-ips'] ?? []).join(', '));
    kv('Endpoint', peer.endpoint);
    kv('PersistentKeepalive', peer['persistent-keepalive']);
  }
  const text = `${lines.join('\n')}\n`;
  return { text, warnings: [...warnings, ...checkWgExport(profile, secrets, text)] };
}

/** JSON of plain data with object keys sorted, so that equal values compare equal. */
function json(v: unknown): string {
  return JSON.stringify(v ?? null, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}

/**
 * Imports the text again and reports every setting that would not come back as it was (with the
 * secrets filled in), so a clean report means the file is a faithful copy of the profile.
 */
function checkWgExport(profile: WireGuardProfile, secrets: WgSecrets, text: string): string[] {
  const ifname = profile.connection['interface-name'];
  const r = parseWgQuick(text, { fileName: `${validInterfaceName(ifname) ? ifname : 'wg0'}.conf` });
  if (!r.ok) return [m.export.wouldNotImport(r.error.message)];
  const expected = structuredClone(profile);
  const key = secrets['private-key'];
  if (key !== undefined) expected.wireguard['private-key'] = key;
  for (const peer of expected.wireguard.peers) {
    const psk = secrets.peers?.[peer['public-key']];
    if (psk !== undefined) peer['preshared-key'] = psk;
  }
  // wg-quick has no notion of secret flags: an imported key is always one NetworkManager keeps.
  const noFlags = (p: WireGuardProfile): WireGuardProfile['wireguard'] => {
    const rest: Partial<WireGuardProfile['wireguard']> = { ...p.wireguard };
    delete rest['private-key-flags'];
    return {
      ...rest,
      peers: p.wireguard.peers.map(({ 'preshared-key-flags': _f, ...peer }) => peer),
    };
  };
  const warnings: string[] = [];
  const wg = noFlags(expected);
  const got = noFlags(r.profile);
  for (const k of new Set([...Object.keys(wg), ...Object.keys(got)]) as Set<keyof typeof wg>) {
    if (k !== 'peers' && json(wg[k]) !== json(got[k])) {
      warnings.push(m.export.notSame(`wireguard.${k}`));
    }
  }
  if (json(wg.peers) !== json(got.peers)) warnings.push(m.export.peersNotSame);
  for (const family of ['ipv4', 'ipv6'] as const) {
    const a = expected[family];
    const b = r.profile[family];
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof typeof a>) {
      if (json(a[k]) !== json(b[k])) warnings.push(m.export.notSame(`${family}.${k}`));
    }
  }
  return warnings;
}
