// A VPN profile's DNS routing: read from its settings, and written back changing only
// ipv4/ipv6 dns-priority and dns-search (Update2 to disk; every other key, and the stored
// secrets, stay as they are).
//
// - 'all-through-vpn': dns-priority -50 and the routing domain `~.`, for IPv4 and IPv6. A negative
//   priority makes NetworkManager drop every other configuration with a higher value, so only
//   this VPN's servers are used (resolv.conf and systemd-resolved alike); `~.` makes
//   systemd-resolved send it every name.
// - 'own-domains': dns-priority 200 (after the physical links' 100) and the VPN's pushed domains
//   as routing domains (`~corp.example`): with systemd-resolved only those names go to it; with a
//   plain resolv.conf NetworkManager cannot route by name, so its servers come last.
// - 'profile': what the profile said before Tunnelbar (priority 0, no `~.`).
import { Variant } from 'dbus-next';
import type { DnsRouting } from '../../preload/privacy-types';
import { numberProp, stringArrayProp, type SettingsDict } from '../nm/dbus-types';
import { getSettings, updateToDisk, type EditorBus } from '../editor/nm-calls';

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

function nextSearch(
  current: readonly string[],
  routing: DnsRouting,
  pushed: readonly string[],
): string[] {
  const kept = current.filter((d) => d !== '~.');
  switch (routing) {
    case 'all-through-vpn':
      return [...kept, '~.'];
    case 'own-domains': {
      const routed = pushed.map((d) => (d.startsWith('~') ? d : `~${d}`));
      return [...new Set([...kept, ...routed])];
    }
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
  pushedDomains: readonly string[] = [],
): SettingsDict {
  const next: SettingsDict = { ...settings };
  for (const family of FAMILIES) {
    const current = settings[family] ?? {};
    next[family] = {
      ...current,
      'dns-priority': new Variant('i', priorityFor(routing)),
      'dns-search': new Variant(
        'as',
        nextSearch(stringArrayProp(current, 'dns-search'), routing, pushedDomains),
      ),
    };
  }
  return next;
}

/** Writes a profile's DNS routing; takes effect when the VPN next connects. */
export async function setDnsRouting(
  bus: EditorBus,
  path: string,
  routing: DnsRouting,
  pushedDomains: readonly string[] = [],
): Promise<void> {
  const settings = await getSettings(bus, path);
  await updateToDisk(bus, path, withDnsRouting(settings, routing, pushedDomains));
}
