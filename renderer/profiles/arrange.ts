import type { ProfileView } from '../../preload/contract';
import { strings, vpnTypeLabel } from '../strings';
import { providerOf } from './provider';
import { ProfileSearch, type IndexedProfile } from './search';

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

/** One section's rows: its header when there are several sections, then its profiles. */
function pushSection(
  items: ListItem[],
  header: { key: string; label: string } | null,
  profiles: readonly ProfileView[],
): void {
  if (profiles.length === 0) return;
  if (header !== null) items.push({ kind: 'header', ...header, count: profiles.length });
  for (const profile of profiles) items.push({ kind: 'profile', key: profile.uuid, profile });
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
  return arrangeMatches(new ProfileSearch(indexed).match(query), grouping);
}

/** arrangeProfiles for the matches a ProfileSearch found; runs on every key, so it copies little. */
export function arrangeMatches(
  matching: readonly IndexedProfile[],
  grouping: Grouping,
): ListItem[] {
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
  const sections = (favourites.length > 0 ? 1 : 0) + (recent.length > 0 ? 1 : 0) + groups.size;
  const headed = sections > 1;
  const items: ListItem[] = [];
  const header = (key: string, label: string) => (headed ? { key: `header:${key}`, label } : null);
  pushSection(items, header('favourites', strings.list.favourites), favourites);
  pushSection(items, header('recent', strings.list.recent), recent);
  for (const [label, members] of sortedGroups) {
    pushSection(items, header(`group:${label}`, label), members);
  }
  return items;
}
