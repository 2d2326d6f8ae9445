// The contract's lockdown and DNS calls: the window's lockdown switch, the tray's lockdown item,
// the status panel's DNS section and its one-click fix, the editor's DNS routing.
import type { Core } from '../core';
import { fixDnsLeak } from '../dns/fix';
import { pushedDomains, setDnsRouting } from '../dns/profile-dns';
import { dnsView } from '../dns/dns-view';
import { lockdownOff, lockdownOn, lockdownStatus } from '../lockdown/lockdown';
import { findProfile } from '../nm/actions';
import type { SomeCallHandlers } from './call-handlers';

/**
 * Lockdown's changes, one at a time per core: the window's switch and the tray's items may ask
 * while an earlier change is under way, and a second `on` that finds lockdown's profile still
 * activating would activate it again, which ends the first activation and makes that one delete
 * the profile it just added (seen in the e2e suite: "on" from the window, at once the local
 * network from the tray, and lockdown was gone).
 */
const lockdownChanges = new WeakMap<Core, Promise<unknown>>();

export function oneAtATime<T>(core: Core, change: () => Promise<T>): Promise<T> {
  const next = (lockdownChanges.get(core) ?? Promise.resolve()).then(change, change);
  lockdownChanges.set(
    core,
    next.catch(() => undefined),
  );
  return next;
}

export function privacyCalls(core: Core) {
  const { bus, model } = core;
  return {
    'lockdown:get': () => lockdownStatus(bus, model),
    'lockdown:set': ({ on, lan }) =>
      oneAtATime(core, () =>
        on ? lockdownOn(bus, model, undefined, lan) : lockdownOff(bus, model),
      ),
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
