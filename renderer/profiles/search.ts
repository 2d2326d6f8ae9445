import type { ProfileView } from '../../preload/contract';
import { vpnTypeLabel } from '../strings';

/** A profile with what a search looks at, lower-cased once per profile list rather than per key. */
export interface IndexedProfile {
  readonly profile: ProfileView;
  readonly haystack: string;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function compareNames(a: ProfileView, b: ProfileView): number {
  return collator.compare(a.id, b.id) || a.uuid.localeCompare(b.uuid);
}

/**
 * A profile's search text, made on the first search rather than when the list is first drawn:
 * thousands of them would delay a window's first render for a search that may never come.
 */
class IndexEntry implements IndexedProfile {
  private text: string | undefined;

  constructor(readonly profile: ProfileView) {}

  get haystack(): string {
    this.text ??= [
      this.profile.id,
      this.profile.remote ?? '',
      this.profile.vpnType,
      vpnTypeLabel(this.profile.vpnType),
    ]
      .join('\n')
      .toLowerCase();
    return this.text;
  }
}

/** Sorted by name, so every later filter keeps a stable, readable order. */
export function indexProfiles(profiles: readonly ProfileView[]): IndexedProfile[] {
  return [...profiles].sort(compareNames).map((profile) => new IndexEntry(profile));
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

/**
 * Whether every profile matching `terms` also matches `earlier`: each earlier term is inside one
 * of the new ones (a key typed at the end of the query, a word added).
 */
function narrows(terms: readonly string[], earlier: readonly string[]): boolean {
  return earlier.every((old) => terms.some((term) => term.includes(old)));
}

/**
 * The search over one profile list (one per list: a new list needs a new search). It keeps its
 * last answer, because a key typed into the search box usually narrows the query: the new matches
 * are then filtered from the last ones rather than from every profile. An answer that drops
 * nothing is the very array it was filtered from, so what the list drew from it can be kept.
 */
export class ProfileSearch {
  private lastTerms: readonly string[] = [];
  private lastMatches: readonly IndexedProfile[];

  constructor(readonly indexed: readonly IndexedProfile[]) {
    this.lastMatches = indexed;
  }

  /** The profiles matching every word of `query`, in the index's order; all for no words. */
  match(query: string): readonly IndexedProfile[] {
    const terms = searchTerms(query);
    const from = narrows(terms, this.lastTerms) ? this.lastMatches : this.indexed;
    const found = terms.length === 0 ? from : from.filter((entry) => matchesAll(entry, terms));
    this.lastTerms = terms;
    this.lastMatches = found.length === from.length ? from : found;
    return this.lastMatches;
  }
}
