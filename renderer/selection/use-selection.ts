import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  EMPTY_SELECTION,
  pruneSelection,
  rangeOf,
  setChecked,
  shownState,
  type Selection,
} from './selection';

export interface SelectionControls {
  /** The checked profiles that still exist. */
  selection: Selection;
  /** Checks or unchecks one row; with shift, every row from the last one clicked to this one. */
  check: (uuid: string, on: boolean, shift: boolean) => void;
  /** "Select all shown": all, some or none of the shown profiles are checked. */
  allShown: 'all' | 'some' | 'none';
  /** Checks every shown profile, or unchecks them when all already are. */
  toggleAllShown: () => void;
  clear: () => void;
}

/**
 * The list's checkboxes. `existing` is the uuid of every profile (one set per profile list, shared
 * with the list); `shown` is the uuids the search shows, in their order. The callbacks stay the
 * same between renders so memoized rows do not redraw when the search changes.
 */
export function useSelection(
  existing: ReadonlySet<string>,
  shown: readonly string[],
): SelectionControls {
  const [stored, setStored] = useState<Selection>(EMPTY_SELECTION);
  const anchor = useRef<string | null>(null);
  const shownRef = useRef(shown);
  shownRef.current = shown;

  // Drawn without the vanished ones at once, and forgotten for good (a profile that comes back,
  // say after NetworkManager restarts, is not silently selected again).
  const selection = useMemo(() => pruneSelection(stored, existing), [stored, existing]);
  useEffect(() => {
    setStored((s) => pruneSelection(s, existing));
  }, [existing]);

  const check = useCallback((uuid: string, on: boolean, shift: boolean) => {
    const uuids = shift ? rangeOf(shownRef.current, anchor.current, uuid) : [uuid];
    anchor.current = uuid;
    setStored((s) => setChecked(s, uuids, on));
  }, []);

  const allShown = shownState(selection, shown);
  const toggleAllShown = useCallback(() => {
    setStored((s) => {
      const visible = shownRef.current;
      return setChecked(s, visible, shownState(s, visible) !== 'all');
    });
  }, []);

  const clear = useCallback(() => {
    anchor.current = null;
    setStored(EMPTY_SELECTION);
  }, []);

  return { selection, check, allShown, toggleAllShown, clear };
}
