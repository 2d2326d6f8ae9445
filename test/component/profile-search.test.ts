import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  indexProfiles,
  matchesAll,
  ProfileSearch,
  searchTerms,
  type IndexedProfile,
} from '../../renderer/profiles/search';
import { profile } from '../builders/views';

const indexed = indexProfiles([
  profile('nl-ams-12', { remote: 'nl-ams-12.mullvad.net' }),
  profile('nl-ams-2', { remote: 'nl-ams-2.mullvad.net' }),
  profile('de-ber-1', { remote: 'de1.vpn.example.de' }),
  profile('home-wg', { vpnType: 'wireguard', remote: '[2001:db8::1]:51820' }),
  profile('office', { remote: 'gw.corp.example.com:1194:udp' }),
  profile('lab', { vpnType: 'openconnect', remote: null }),
]);

/** What a search must answer: every profile filtered afresh. */
function filteredAfresh(query: string): IndexedProfile[] {
  const terms = searchTerms(query);
  return indexed.filter((entry) => matchesAll(entry, terms));
}

describe('the search over one profile list', () => {
  it('answers what a fresh filter answers, whatever was typed before', () => {
    // Queries typed, deleted and changed one after another, as keys make them.
    const query = fc.stringMatching(/^[a-z0-9 .-]{0,8}$/);
    fc.assert(
      fc.property(fc.array(query, { minLength: 1, maxLength: 12 }), (queries) => {
        const search = new ProfileSearch(indexed);
        for (const q of queries) expect(search.match(q)).toEqual(filteredAfresh(q));
      }),
    );
  });

  it('narrows as a query is typed, and widens again when a key is deleted', () => {
    const search = new ProfileSearch(indexed);
    const ids = (q: string) => search.match(q).map((e) => e.profile.id);
    expect(ids('am')).toEqual(['de-ber-1', 'nl-ams-2', 'nl-ams-12', 'office']); // example.
    expect(ids('ams')).toEqual(['nl-ams-2', 'nl-ams-12']);
    expect(ids('ams-1')).toEqual(['nl-ams-12']);
    expect(ids('ams-')).toEqual(['nl-ams-2', 'nl-ams-12']);
    expect(ids('ams 2')).toEqual(['nl-ams-2', 'nl-ams-12']);
    expect(ids('ams 2 mullvad.net')).toEqual(['nl-ams-2', 'nl-ams-12']);
    expect(ids('de')).toEqual(['de-ber-1']);
    expect(ids('')).toHaveLength(indexed.length);
  });

  it('keeps the same answer when a key drops nothing, so the list can keep its rows', () => {
    const search = new ProfileSearch(indexed);
    expect(search.match('')).toBe(indexed);
    // Every profile's type or server has an "e" or "n" in it.
    expect(search.match('e')).toBe(indexed);
    const ams = search.match('ams');
    expect(search.match('ams-')).toBe(ams);
    expect(search.match('ams- ')).toBe(ams);
    expect(search.match('ams-1')).not.toBe(ams);
  });
});
