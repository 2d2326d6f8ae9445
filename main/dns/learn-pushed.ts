// "Use this VPN's DNS only for its own domains" learns the domains the VPN's server pushes: they
// are known only while it is connected, so a choice saved while it was down holds only the
// profile's own search domains. When such a VPN connects, the pushed domains it lacks are written
// in as routing domains (the same two keys profile:set-dns writes, Update2 to disk).
// NetworkManager applies a VPN's DNS when it connects, so they take effect at its next connection.
import { withRefusalSentence } from '../editor/nm-refusal';
import { stringArrayProp, type SettingsDict } from '../nm/dbus-types';
import type { NmModel } from '../nm/model';
import { Update2Flags } from '../nm/names';
import { getSettings, update2, type NmCaller } from '../nm/settings-calls';
import type { TunnelState } from '../nm/tunnel-state';
import { dnsRoutingOf, pushedDomains, withDnsRouting } from './profile-dns';

/**
 * The settings with the pushed domains written in as routing domains, or null when there is
 * nothing to write: the choice is another one, the VPN is not connected, or every pushed domain
 * is already a routing domain of IPv4 and IPv6. A write happens only when something is missing,
 * so writing never leads to another write.
 */
export function settingsLearningPushed(
  settings: SettingsDict,
  state: TunnelState,
): SettingsDict | null {
  if (dnsRoutingOf(settings) !== 'own-domains') return null;
  // NetworkManager lists the profile's own search entries with the pushed ones (`~` ones too).
  const pushed = pushedDomains(state).filter((d) => d !== '' && d !== '.' && !d.startsWith('~'));
  const missing = pushed.filter((d) =>
    (['ipv4', 'ipv6'] as const).some(
      (family) => !stringArrayProp(settings[family], 'dns-search').includes(`~${d}`),
    ),
  );
  if (missing.length === 0) return null;
  return withDnsRouting(settings, 'own-domains', pushed);
}

/**
 * Writes the pushed domains of a connected 'own-domains' VPN into its profile when some are
 * missing; one write per profile at a time. The model's copy of the settings decides whether to
 * ask at all; the settings NetworkManager holds now decide what is written, so a choice changed
 * meanwhile is never overwritten. A refused write is a warning: the VPN still works, its pushed
 * domains stay search domains.
 */
export class PushedDomainLearner {
  /** The write in progress for each profile (by uuid). */
  private readonly writing = new Map<string, Promise<void>>();

  constructor(
    private readonly opts: {
      bus: NmCaller;
      model: Pick<NmModel, 'profiles' | 'tunnelState'>;
      /** A refused write: the profile's name and why (a warning, never the person's error). */
      onRefused?: (profileId: string, reason: string) => void;
    },
  ) {}

  /** A tunnel's state changed: learns when it is connected. Resolves once any write is done. */
  async tunnelChanged(uuid: string): Promise<void> {
    const { model } = this.opts;
    const state = model.tunnelState(uuid);
    const profile = model.profiles().find((p) => p.uuid === uuid);
    if (profile === undefined || this.writing.has(uuid)) return;
    if (settingsLearningPushed(profile.settings, state) === null) return;
    const write = this.write(profile.uuid, profile.path, profile.id);
    this.writing.set(uuid, write);
    try {
      await write;
    } finally {
      this.writing.delete(uuid);
    }
  }

  /**
   * Resolves once every write in progress is done: a process that ends (`up --stay`) waits for
   * it, so a write is neither cut off nor reported as refused because the bus was closed.
   */
  async settled(): Promise<void> {
    await Promise.all([...this.writing.values()]);
  }

  private async write(uuid: string, path: string, profileId: string): Promise<void> {
    const { bus, model } = this.opts;
    try {
      const current = await withRefusalSentence(getSettings(bus, path));
      const next = settingsLearningPushed(current, model.tunnelState(uuid));
      if (next !== null) await withRefusalSentence(update2(bus, path, next, Update2Flags.toDisk));
    } catch (err) {
      this.opts.onRefused?.(profileId, err instanceof Error ? err.message : String(err));
    }
  }
}
