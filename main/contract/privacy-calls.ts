// The contract's lockdown and DNS calls: the window's lockdown switch, the tray's lockdown item,
// the status panel's DNS section and its one-click fix, the editor's DNS routing.
import type { Core } from '../core';
import { fixDnsLeak } from '../dns/fix';
import { pushedDomains, setDnsRouting } from '../dns/profile-dns';
import { dnsView } from '../dns/dns-view';
import { lockdownOff, lockdownOn, lockdownStatus } from '../lockdown/lockdown';
import { findProfile } from '../nm/actions';
import type { SomeCallHandlers } from './call-handlers';

export function privacyCalls(core: Core) {
  const { bus, model } = core;
  return {
    'lockdown:get': () => lockdownStatus(bus, model),
    'lockdown:set': ({ on }) => (on ? lockdownOn(bus, model) : lockdownOff(bus, model)),
    'dns:get': () => dnsView(bus, model),
    'dns:fix': async ({ uuid }) => {
      await fixDnsLeak(bus, model, uuid);
      return dnsView(bus, model);
    },
    'profile:set-dns': async ({ uuid, routing }) => {
      const profile = findProfile(model, uuid);
      const pushed = pushedDomains(model.tunnelState(profile.uuid));
      await setDnsRouting(bus, profile.path, routing, pushed);
      return null;
    },
  } satisfies SomeCallHandlers;
}
