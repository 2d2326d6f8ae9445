// Lockdown's connection profile, built and recognised. Pure: no bus.
//
// Lockdown is a NetworkManager connection, not something Tunnelbar runs: a bridge without ports
// (a software device every kernel has; `dummy` would do but is a module some kernels lack) whose
// only job is to carry `unreachable` default routes for IPv4 and IPv6 at a metric between the
// VPNs' default routes (NetworkManager gives those 50) and the physical links' (ethernet 100,
// Wi-Fi 600). The kernel picks the lowest metric: with a VPN up its default route wins; without
// one, the unreachable route answers before the physical link's default route is ever tried.
// More specific routes (the links' own subnets, the VPN server route NetworkManager adds) are
// not affected. NetworkManager keeps the profile on disk and autoconnects it, so it holds without
// Tunnelbar and after a reboot; deleting it is all `off` does.
import { Variant } from 'dbus-next';
import { DEFAULT_LAN, type LanChoice } from '../../preload/privacy-types';
import { stringMapProp, stringProp, type SettingsDict } from '../nm/dbus-types';

/** Between NetworkManager's VPN default route metric (50) and ethernet's (100). */
export const LOCKDOWN_METRIC = 60;
export const LOCKDOWN_INTERFACE = 'tblockdown';
export const LOCKDOWN_NAME = 'Tunnelbar lockdown';
/** The user.data key that marks a profile as lockdown's (user.data keys need a dot). */
export const MARK_KEY = 'tunnelbar.lockdown';
/**
 * The user.data key that keeps the local network choice (`allow`, `block`): in the profile, so it
 * holds across NetworkManager restarts, reboots and app starts, and every process reads the same.
 */
export const LAN_KEY = 'tunnelbar.lan';
export { DEFAULT_LAN };
/**
 * The choice of a lockdown profile without LAN_KEY: made before the choice existed, when lockdown
 * always allowed the local network. It keeps doing what it did.
 */
export const UNMARKED_LAN: LanChoice = 'allow';
/** RFC 7600's IPv4 dummy address: a bridge needs an address for NetworkManager to add routes. */
const DUMMY_ADDRESS = '192.0.0.8';

function unreachableDefault(dest: string): Record<string, Variant> {
  return {
    dest: new Variant('s', dest),
    prefix: new Variant('u', 0),
    metric: new Variant('u', LOCKDOWN_METRIC),
    type: new Variant('s', 'unreachable'),
  };
}

/** The whole profile. */
export function lockdownSettings(uuid: string, lan: LanChoice): SettingsDict {
  return {
    connection: {
      id: new Variant('s', LOCKDOWN_NAME),
      uuid: new Variant('s', uuid),
      type: new Variant('s', 'bridge'),
      'interface-name': new Variant('s', LOCKDOWN_INTERFACE),
      autoconnect: new Variant('b', true),
      // Keep trying after a failure: a lockdown that gave up would be a silent leak.
      'autoconnect-retries': new Variant('i', 0),
    },
    bridge: { stp: new Variant('b', false) },
    ipv4: {
      method: new Variant('s', 'manual'),
      'address-data': new Variant('aa{sv}', [
        { address: new Variant('s', DUMMY_ADDRESS), prefix: new Variant('u', 32) },
      ]),
      'route-data': new Variant('aa{sv}', [unreachableDefault('0.0.0.0')]),
      'never-default': new Variant('b', true),
    },
    // link-local is enough for NetworkManager to install IPv6 routes on the device; IPv6 is then
    // blocked too unless a VPN carries it (its ::/0 at metric 50).
    ipv6: {
      method: new Variant('s', 'link-local'),
      'route-data': new Variant('aa{sv}', [unreachableDefault('::')]),
      'never-default': new Variant('b', true),
    },
    user: {
      data: new Variant('a{ss}', { [MARK_KEY]: 'on', [LAN_KEY]: lan }),
    },
  };
}

export function isLockdownProfile(settings: SettingsDict): boolean {
  return stringMapProp(settings.user, 'data')[MARK_KEY] === 'on';
}

export function profileUuid(settings: SettingsDict): string | null {
  return stringProp(settings.connection, 'uuid') ?? null;
}

/**
 * The profile's local network choice; a profile without one (made before it existed) allows. A
 * value that is neither (edited by hand) blocks: a kill switch in doubt keeps things closed.
 */
export function lanChoiceOf(settings: SettingsDict): LanChoice {
  const stored = stringMapProp(settings.user, 'data')[LAN_KEY];
  if (stored === undefined) return UNMARKED_LAN;
  return stored === 'allow' ? 'allow' : 'block';
}
