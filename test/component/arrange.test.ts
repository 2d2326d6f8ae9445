import { describe, expect, it } from 'vitest';
import { arrangeProfiles, RECENT_LIMIT, type ListItem } from '../../renderer/profiles/arrange';
import { providerOf, remoteHost } from '../../renderer/profiles/provider';
import { indexProfiles } from '../../renderer/profiles/search';
import { nextProfileIndex } from '../../renderer/views/list-keys';
import { profile } from '../fakes/fake-api';

function names(items: ListItem[]): string[] {
  return items.map((i) => (i.kind === 'header' ? `# ${i.label}` : i.profile.id));
}

const profiles = [
  profile('office', { remote: 'gw.corp.example.com:1194:udp' }),
  profile('home-wg', { vpnType: 'wireguard', remote: '[2001:db8::1]:51820' }),
  profile('nl-ams-12', { remote: 'nl-ams-12.mullvad.net', favourite: true }),
  profile('nl-ams-2', { remote: 'nl-ams-2.mullvad.net' }),
  profile('uk-lon-1', { remote: 'uk1.vpn.example.co.uk', lastUsed: 2_000 }),
  profile('lab', { vpnType: 'openconnect', remote: null, lastUsed: 1_000 }),
];
const indexed = indexProfiles(profiles);

describe('arranging the profile list', () => {
  it('puts favourites, then recent ones, then the rest in natural name order', () => {
    expect(names(arrangeProfiles(indexed, '', 'none'))).toEqual([
      '# Favourites',
      'nl-ams-12',
      '# Recent',
      'uk-lon-1',
      'lab',
      '# All profiles',
      'home-wg',
      'nl-ams-2',
      'office',
    ]);
  });

  it('lifts at most a few recent profiles', () => {
    const many = Array.from({ length: 9 }, (_, i) => profile(`p${i}`, { lastUsed: i }));
    const recent = arrangeProfiles(indexProfiles(many), '', 'none').filter(
      (i) => i.kind === 'profile' && i.profile.lastUsed !== null,
    );
    expect(names(recent.slice(0, RECENT_LIMIT))).toEqual(['p8', 'p7', 'p6', 'p5', 'p4']);
  });

  it('searches name, server and type, every word', () => {
    const ids = (q: string) =>
      names(arrangeProfiles(indexed, q, 'none').filter((i) => i.kind === 'profile'));
    expect(ids('ams')).toEqual(['nl-ams-12', 'nl-ams-2']);
    expect(ids('corp.example')).toEqual(['office']);
    expect(ids('WireGuard')).toEqual(['home-wg']);
    expect(ids('openconnect')).toEqual(['lab']);
    expect(ids('mullvad 12')).toEqual(['nl-ams-12']);
    expect(ids('nothing-like-this')).toEqual([]);
  });

  it('groups by type and by provider, and drops the header of a single group', () => {
    expect(names(arrangeProfiles(indexed, '', 'type'))).toEqual([
      '# Favourites',
      'nl-ams-12',
      '# Recent',
      'uk-lon-1',
      'lab',
      '# OpenVPN',
      'nl-ams-2',
      'office',
      '# WireGuard',
      'home-wg',
    ]);
    expect(names(arrangeProfiles(indexed, 'ams-2', 'provider'))).toEqual(['nl-ams-2']);
    const byProvider = names(arrangeProfiles(indexed, '', 'provider'));
    expect(byProvider.slice(byProvider.indexOf('# Recent') + 3)).toEqual([
      '# example.com',
      'office',
      '# mullvad.net',
      'nl-ams-2',
      '# Other',
      'home-wg',
    ]);
  });
});

describe('providers', () => {
  it('reads the host of OpenVPN remotes, endpoints and gateways', () => {
    expect(remoteHost('vpn.example.com:1194:udp')).toBe('vpn.example.com');
    expect(remoteHost('[2001:db8::1]:51820')).toBe('2001:db8::1');
    expect(remoteHost('2001:db8::1')).toBe('2001:db8::1');
  });

  it('is the registrable domain, and none for addresses', () => {
    expect(providerOf('nl-ams-01.vpn.mullvad.net:1194')).toBe('mullvad.net');
    expect(providerOf('uk1.vpn.example.co.uk')).toBe('example.co.uk');
    expect(providerOf('example.org')).toBe('example.org');
    expect(providerOf('192.0.2.7:1194:udp')).toBeNull();
    expect(providerOf('[2001:db8::1]:51820')).toBeNull();
    expect(providerOf(null)).toBeNull();
  });
});

describe('keyboard movement in the list', () => {
  const items = arrangeProfiles(indexed, '', 'none');
  it('skips headers, stops at the ends, pages and jumps', () => {
    expect(names([items[nextProfileIndex(items, 1, 'ArrowDown', 3) ?? 0] as ListItem])).toEqual([
      'uk-lon-1',
    ]);
    expect(nextProfileIndex(items, 3, 'ArrowUp', 3)).toBe(1);
    expect(nextProfileIndex(items, 1, 'ArrowUp', 3)).toBe(1);
    expect(nextProfileIndex(items, 1, 'End', 3)).toBe(items.length - 1);
    expect(nextProfileIndex(items, 8, 'Home', 3)).toBe(1);
    expect(nextProfileIndex(items, 1, 'PageDown', 4)).toBe(6);
    expect(nextProfileIndex(items, 8, 'PageUp', 100)).toBe(1);
    expect(nextProfileIndex(items, 1, 'x', 3)).toBeNull();
  });
});
