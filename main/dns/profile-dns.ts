// A VPN profile's DNS routing: read from its settings, and written back changing only
// ipv4/ipv6 dns-priority and dns-search (Update2 to disk; every other key, and the stored
// secrets, stay as they are).
//
// - 'all-through-vpn': dns-priority -50 and the routing domain `~.`, for IPv4 and IPv6. A negative
//   priority makes NetworkManager drop every other configuration with a higher value, so only
//   this VPN's servers are used (resolv.conf and systemd-resolved alike); `~.` makes
//   systemd-resolved send it every name.
// - 'own-domains': dns-priority 200 (after the physical links' 100) and the VPN's own domains as
//   routing domains (`~corp.example`): the profile's search domains, and the domains the server
//   pushed when the VPN is connected while this is chosen (they are known only then). With
//   systemd-resolved only those names go to it; with a plain resolv.conf NetworkManager cannot
//   route by name, so its servers come last.
// - 'profile': what the profile said before Tunnelbar (priority 0, no `~.`, and none of those
//   routing domains).
import { Variant } from 'dbus-next';
import type { DnsRouting } from '../../preload/privacy-types';
import { withRefusalSentence } from '../editor/nm-refusal';
import { numberProp, stringArrayProp, type SettingsDict } from '../nm/dbus-types';
import { Update2Flags } from '../nm/names';
import { getSettings, update2, type NmCaller } from '../nm/settings-calls';
import type { TunnelState } from '../nm/tunnel-state';

export const EXCLUSIVE_PRIORITY = -50;
export const OWN_DOMAINS_PRIORITY = 200;
const FAMILIES = ['ipv4', 'ipv6'] as const;

export function dnsRoutingOf(settings: SettingsDict): DnsRouting {
  const ip4 = settings.ipv4;
  const priority = numberProp(ip4, 'dns-priority') ?? 0;
  const search = stringArrayProp(ip4, 'dns-search');
  if (priority < 0 && search.includes('~.')) return 'all-through-vpn';
  if (priority >= OWN_DOMAINS_PRIORITY && !search.includes('~.')) return 'own-domains';
  return 'profile';
}

/** The domains the server pushed, while the VPN is connected (empty otherwise). */
export function pushedDomains(state: TunnelState): string[] {
  if (state.kind !== 'connected') return [];
  return [...new Set([...(state.ip4?.domains ?? []), ...(state.ip6?.domains ?? [])])];
}

/** The VPN's own domains: the profile's search domains (not routing-only ones) and the pushed. */
function ownDomains(settings: SettingsDict, pushed: readonly string[]): string[] {
  const search = FAMILIES.flatMap((f) => stringArrayProp(settings[f], 'dns-search'));
  const plain = [...search, ...pushed].filter((d) => !d.startsWith('~') && d !== '' && d !== '.');
  return [...new Set(plain)];
}

function nextSearch(current: readonly string[], routing: DnsRouting, own: readonly string[]) {
  const routed = own.map((d) => `~${d}`);
  // `~.` and the own domains' routing entries belong to the choices; every other entry stays.
  const kept = current.filter((d) => d !== '~.' && !routed.includes(d));
  switch (routing) {
    case 'all-through-vpn':
      return [...kept, '~.'];
    case 'own-domains':
      return [...new Set([...kept, ...routed])];
    case 'profile':
      return kept;
  }
}

function priorityFor(routing: DnsRouting): number {
  switch (routing) {
    case 'all-through-vpn':
      return EXCLUSIVE_PRIORITY;
    case 'own-domains':
      return OWN_DOMAINS_PRIORITY;
    case 'profile':
      return 0;
  }
}

/** The settings with only the two DNS keys of ipv4 and ipv6 changed. */
export function withDnsRouting(
  settings: SettingsDict,
  routing: DnsRouting,
  pushed: readonly string[] = [],
): SettingsDict {
  const next: SettingsDict = { ...settings };
  const own = ownDomains(settings, pushed);
  for (const family of FAMILIES) {
    const current = settings[family] ?? {};
    next[family] = {
      ...current,
      'dns-priority': new Variant('i', priorityFor(routing)),
      'dns-search': new Variant(
        'as',
        nextSearch(stringArrayProp(current, 'dns-search'), routing, own),
      ),
    };
  }
  return next;
}

/** Writes a profile's DNS routing; takes effect when the VPN next connects. */
export async function setDnsRouting(
  bus: NmCaller,
  path: string,
  routing: DnsRouting,
  pushed: readonly string[] = [],
): Promise<void> {
  const settings = await withRefusalSentence(getSettings(bus, path));
  const next = withDnsRouting(settings, routing, pushed);
  await withRefusalSentence(update2(bus, path, next, Update2Flags.toDisk));
}
