// The profile list's multi-selection as pure functions over uuids: uuids, not rows, so it survives
// scrolling (rows come and go) and searching (the order of what is shown changes).

export type Selection = ReadonlySet<string>;

export const EMPTY_SELECTION: Selection = new Set();

/** `selection` with each of `uuids` checked or unchecked. */
export function setChecked(selection: Selection, uuids: readonly string[], on: boolean): Selection {
  const next = new Set(selection);
  for (const uuid of uuids) {
    if (on) next.add(uuid);
    else next.delete(uuid);
  }
  return next;
}

/**
 * The uuids from `anchor` to `target` inclusive, in the order shown (a shift-click). Without an
 * anchor, or when the anchor is no longer shown, only the target.
 */
export function rangeOf(
  shown: readonly string[],
  anchor: string | null,
  target: string,
): readonly string[] {
  const to = shown.indexOf(target);
  const from = anchor === null ? -1 : shown.indexOf(anchor);
  if (to < 0) return [target];
  if (from < 0) return [target];
  return shown.slice(Math.min(from, to), Math.max(from, to) + 1);
}

/** Drops the uuids of profiles that are gone; the same object when nothing was dropped. */
export function pruneSelection(selection: Selection, existing: ReadonlySet<string>): Selection {
  for (const uuid of selection) {
    if (!existing.has(uuid)) return new Set([...selection].filter((u) => existing.has(u)));
  }
  return selection;
}

/** "Select all shown": all of them checked, some, or none. */
export function shownState(
  selection: Selection,
  shown: readonly string[],
): 'all' | 'some' | 'none' {
  // The usual case, on every key typed into the search: nothing checked, no need to look.
  if (selection.size === 0) return 'none';
  const count = shown.filter((uuid) => selection.has(uuid)).length;
  if (count === 0) return 'none';
  return count === shown.length ? 'all' : 'some';
}
