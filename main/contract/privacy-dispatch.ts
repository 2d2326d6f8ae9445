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
      return arg?.on === true
        ? lockdownOn(core.bus, core.model, undefined, arg.lan as LanChoice | undefined)
        : lockdownOff(core.bus, core.model);
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
