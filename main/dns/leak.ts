// Which resolvers get general queries (names outside every routing domain), and whether that is a
// leak. Pure. NetworkManager's rule (nm-settings(5), dns-priority): a lower priority wins; a
// negative one excludes every configuration with a higher value, so with one present only the
// entries at the lowest priority are used. A routing domain `~.` claims every name.
import type { DnsEntryView, DnsLeakView } from '../../preload/privacy-types';
import type { DnsConfiguration } from './dns-manager';

/** A VPN up now that takes the default route (it carries all traffic). */
export interface FullTunnel {
  uuid: string;
  id: string;
}

export function markGeneral(entries: DnsConfiguration['entries']): DnsEntryView[] {
  const lowest = Math.min(0, ...entries.map((e) => e.priority));
  const claimsAll = entries.some((e) => e.domains.includes('~.'));
  return entries.map((e) => {
    const excluded = lowest < 0 && e.priority > lowest;
    // With `~.` on some entry, the others keep only their own domains (systemd-resolved).
    const general = !excluded && (!claimsAll || e.domains.includes('~.'));
    return { ...e, general: general && e.nameservers.length > 0 };
  });
}

/** One leak per full-tunnel VPN when a non-VPN link's resolver still gets general queries. */
export function findLeaks(
  entries: readonly DnsEntryView[],
  tunnels: readonly FullTunnel[],
): DnsLeakView[] {
  const leaking = entries.filter((e) => !e.vpn && e.general).map((e) => e.interface);
  if (leaking.length === 0) return [];
  return tunnels.map((t) => ({ uuid: t.uuid, id: t.id, leakingInterfaces: [...new Set(leaking)] }));
}
