// The one-click fix for a DNS leak: the VPN's profile gets "Send all DNS queries through this
// VPN", and the VPN connects again so that NetworkManager applies it (a VPN's DNS settings are
// read when it activates; NetworkManager neither reapplies them to a running VPN nor activates an
// active one again, so it goes down first).
import { activate, deactivate, findProfile, waitForSettled } from '../nm/actions';
import type { NmBus } from '../nm/bus';
import type { NmModel } from '../nm/model';
import type { TunnelState } from '../nm/tunnel-state';
import { setDnsRouting } from './profile-dns';

const RECONNECT_TIMEOUT_MS = 120_000;

export async function fixDnsLeak(bus: NmBus, model: NmModel, uuid: string): Promise<TunnelState> {
  const profile = findProfile(model, uuid);
  await setDnsRouting(bus, profile.path, 'all-through-vpn');
  if ((await deactivate(bus, model, profile)) > 0)
    await waitForSettled(model, uuid, { until: 'down', timeoutMs: RECONNECT_TIMEOUT_MS });
  await activate(bus, profile);
  return waitForSettled(model, uuid, { timeoutMs: RECONNECT_TIMEOUT_MS });
}
