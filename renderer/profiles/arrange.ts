import type { ProfileView } from '../../preload/contract';
import { strings, vpnTypeLabel } from '../strings';
import { providerOf } from './provider';
import { matchesAll, searchTerms, type IndexedProfile } from './search';

export type Grouping = 'none' | 'type' | 'provider';

export type ListItem =
  | { kind: 'header'; key: string; label: string; count: number }
  | { kind: 'profile'; key: string; profile: ProfileView };

/** How many recently used profiles are lifted to the top (favourites are all lifted). */
export const RECENT_LIMIT = 5;

function groupLabel(profile: ProfileView, grouping: Grouping): string {
  switch (grouping) {
    case 'none':
      return strings.list.all;
    case 'type':
      return vpnTypeLabel(profile.vpnType);
    case 'provider':
      return providerOf(profile.remote) ?? strings.list.noProvider;
  }
}

function section(key: string, label: string, profiles: readonly ProfileView[]): ListItem[] {
  if (profiles.length === 0) return [];
  return [
    { kind: 'header', key: `header:${key}`, label, count: profiles.length },
    ...profiles.map((profile): ListItem => ({ kind: 'profile', key: profile.uuid, profile })),
  ];
}

/**
 * The rows of the list: matches of the query, favourites first, then the most recently used,
 * then the rest (grouped by type or provider, or as one group). Each profile appears once, so
 * its switch is the only one with its name. Headers are left out when there is a single group.
 */
export function arrangeProfiles(
  indexed: readonly IndexedProfile[],
  query: string,
  grouping: Grouping,
): ListItem[] {
  const terms = searchTerms(query);
  const matching = terms.length === 0 ? indexed : indexed.filter((e) => matchesAll(e, terms));
  const favourites: ProfileView[] = [];
  const others: ProfileView[] = [];
  for (const { profile } of matching) (profile.favourite ? favourites : others).push(profile);
  const recent = others
    .filter((p) => p.lastUsed !== null)
    .sort((a, b) => (b.lastUsed ?? 0) - (a.lastUsed ?? 0))
    .slice(0, RECENT_LIMIT);
  const lifted = new Set(recent);
  const groups = new Map<string, ProfileView[]>();
  for (const profile of others) {
    if (lifted.has(profile)) continue;
    const label = groupLabel(profile, grouping);
    const members = groups.get(label);
    if (members === undefined) groups.set(label, [profile]);
    else members.push(profile);
  }
  // By name, with the catch-all group of no provider last.
  const rank = (label: string): number => (label === strings.list.noProvider ? 1 : 0);
  const sortedGroups = [...groups.entries()].sort(
    ([a], [b]) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const items = [
    ...section('favourites', strings.list.favourites, favourites),
    ...section('recent', strings.list.recent, recent),
    ...sortedGroups.flatMap(([label, members]) => section(`group:${label}`, label, members)),
  ];
  const headers = items.filter((i) => i.kind === 'header').length;
  return headers > 1 ? items : items.filter((i) => i.kind === 'profile');
}
