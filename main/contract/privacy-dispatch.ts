// The contract's lockdown and DNS calls: the window's lockdown switch, the tray's lockdown item,
// the status panel's DNS section and its one-click fix, the editor's DNS routing.
import type { CallResults } from '../../preload/contract';
import type { DnsRouting, LanChoice } from '../../preload/privacy-types';
import type { Core } from '../core';
import { fixDnsLeak } from '../dns/fix';
import { pushedDomains, setDnsRouting } from '../dns/profile-dns';
import { dnsView } from '../dns/dns-view';
import { lockdownOff, lockdownOn, lockdownStatus } from '../lockdown/lockdown';
import { findProfile } from '../nm/actions';

export type PrivacyCall =
  'lockdown:get' | 'lockdown:set' | 'dns:get' | 'dns:fix' | 'profile:set-dns';

/**
 * Lockdown's changes, one at a time per core: the window's switch and the tray's items may ask
 * while an earlier change is under way, and a second `on` that finds lockdown's profile still
 * activating would activate it again, which ends the first activation and makes that one delete
 * the profile it just added (seen in the e2e suite: "on" from the window, at once the local
 * network from the tray, and lockdown was gone).
 */
const lockdownChanges = new WeakMap<Core, Promise<unknown>>();

function oneAtATime<T>(core: Core, change: () => Promise<T>): Promise<T> {
  const next = (lockdownChanges.get(core) ?? Promise.resolve()).then(change, change);
  lockdownChanges.set(
    core,
    next.catch(() => undefined),
  );
  return next;
}

export async function privacyCall(
  core: Core,
  name: PrivacyCall,
  args: unknown[],
): Promise<CallResults[PrivacyCall]> {
  const arg = args[0] as Record<string, unknown> | undefined;
  switch (name) {
    case 'lockdown:get':
      return lockdownStatus(core.bus, core.model);
    case 'lockdown:set':
      // Validated by the contract's schema: `lan` is `allow`, `block` or absent, and only with on.
      return oneAtATime(core, () =>
        arg?.on === true
          ? lockdownOn(core.bus, core.model, undefined, arg.lan as LanChoice | undefined)
          : lockdownOff(core.bus, core.model),
      );
    case 'dns:get':
      return dnsView(core.bus, core.model);
    case 'dns:fix':
      await fixDnsLeak(core.bus, core.model, String(arg?.uuid));
      return dnsView(core.bus, core.model);
    case 'profile:set-dns': {
      const profile = findProfile(core.model, String(arg?.uuid));
      const pushed = pushedDomains(core.model.tunnelState(profile.uuid));
      await setDnsRouting(core.bus, profile.path, arg?.routing as DnsRouting, pushed);
      return null;
    }
  }
}
