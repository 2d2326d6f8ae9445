// The DNS view of `tunnelbar dns` and the status panel: NetworkManager's configuration, which
// entries get general queries, and the leaks past full-tunnel VPNs.
import type { DnsView } from '../../preload/privacy-types';
import type { NmModel } from '../nm/model';
import { readDnsConfiguration, type DnsBus } from './dns-manager';
import { findLeaks, markGeneral, type FullTunnel } from './leak';

/** Connected VPNs with a default route (a gateway, or a 0.0.0.0/0 or ::/0 route). */
export function fullTunnels(model: Pick<NmModel, 'profiles' | 'tunnelState'>): FullTunnel[] {
  return model.profiles().flatMap((p) => {
    const state = model.tunnelState(p.uuid);
    if (state.kind !== 'connected') return [];
    const configs = [state.ip4, state.ip6].filter((c) => c !== null);
    const full = configs.some(
      (c) =>
        c.gateway !== null || c.routes.some((r) => r.dest === '0.0.0.0/0' || r.dest === '::/0'),
    );
    return full ? [{ uuid: p.uuid, id: p.id }] : [];
  });
}

export async function dnsView(
  bus: DnsBus,
  model: Pick<NmModel, 'profiles' | 'tunnelState'>,
): Promise<DnsView> {
  const config = await readDnsConfiguration(bus);
  const entries = markGeneral(config.entries);
  return {
    mode: config.mode,
    rcManager: config.rcManager,
    entries,
    leaks: findLeaks(entries, fullTunnels(model)),
  };
}
