import type { ProfileView } from '../../preload/contract';
import { vpnTypeLabel } from '../strings';

/** A profile with what a search looks at, lower-cased once per profile list rather than per key. */
export interface IndexedProfile {
  profile: ProfileView;
  haystack: string;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function compareNames(a: ProfileView, b: ProfileView): number {
  return collator.compare(a.id, b.id) || a.uuid.localeCompare(b.uuid);
}

/** Sorted by name, so every later filter keeps a stable, readable order. */
export function indexProfiles(profiles: readonly ProfileView[]): IndexedProfile[] {
  return [...profiles].sort(compareNames).map((profile) => ({
    profile,
    haystack: [profile.id, profile.remote ?? '', profile.vpnType, vpnTypeLabel(profile.vpnType)]
      .join('\n')
      .toLowerCase(),
  }));
}

/** The words of a query; a profile matches when it contains every one (name, server or type). */
export function searchTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '');
}

export function matchesAll(entry: IndexedProfile, terms: readonly string[]): boolean {
  return terms.every((term) => entry.haystack.includes(term));
}
