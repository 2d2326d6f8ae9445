import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAN,
  LAN_KEY,
  lanChoiceOf,
  lockdownSettings,
  MARK_KEY,
} from '../../../main/lockdown/settings';
import {
  mapArrayProp,
  numberProp,
  stringProp,
  type SettingsDict,
} from '../../../main/nm/dbus-types';

const uuid = '0b2c5f1e-7d0a-4a1f-9c55-2d3e4f5a6b7c';

/** Each family's route-data as `dest/prefix type metric`. */
function routesOf(settings: SettingsDict, family: 'ipv4' | 'ipv6'): string[] {
  return mapArrayProp(settings[family], 'route-data').map(
    (r) =>
      `${stringProp(r, 'dest') ?? ''}/${String(numberProp(r, 'prefix'))} ${stringProp(r, 'type') ?? ''} ${String(numberProp(r, 'metric'))}`,
  );
}

describe("lockdown's profile", () => {
  it('blocks both families: an unreachable default route for IPv4 and for IPv6 at metric 60', () => {
    const settings = lockdownSettings(uuid, 'allow');
    expect(routesOf(settings, 'ipv4')).toEqual(['0.0.0.0/0 unreachable 60']);
    expect(routesOf(settings, 'ipv6')).toEqual(['::/0 unreachable 60']);
    // IPv6 must not be disabled on the bridge, or NetworkManager would install no IPv6 route.
    expect(stringProp(settings.ipv6, 'method')).toBe('link-local');
  });

  it('blocks the local network unless the person allows it', () => {
    expect(DEFAULT_LAN).toBe('block');
    expect(lanChoiceOf(lockdownSettings(uuid, DEFAULT_LAN))).toBe('block');
    expect(lanChoiceOf(lockdownSettings(uuid, 'allow'))).toBe('allow');
  });

  it('a profile from before the choice existed keeps allowing, as it did', () => {
    const old: SettingsDict = {
      ...lockdownSettings(uuid, 'block'),
      user: { data: new Variant('a{ss}', { [MARK_KEY]: 'on' }) },
    };
    expect(lanChoiceOf(old)).toBe('allow');
    const odd: SettingsDict = {
      ...old,
      user: { data: new Variant('a{ss}', { [MARK_KEY]: 'on', [LAN_KEY]: 'something' }) },
    };
    // A value edited by hand that says neither: closed, not open.
    expect(lanChoiceOf(odd)).toBe('block');
  });
});
