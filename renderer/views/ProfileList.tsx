import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { arrangeMatches, type Grouping, type ListItem } from '../profiles/arrange';
import { indexProfiles, ProfileSearch } from '../profiles/search';
import { useSelection } from '../selection/use-selection';
import { useStore } from '../store/context';
import { strings } from '../strings';
import { BulkBar } from './BulkBar';
import { ListToolbar } from './ListToolbar';
import { nextProfileIndex } from './list-keys';
import { ProfileRow } from './ProfileRow';
import { SelectAllShown } from './SelectAllShown';

const ROW_HEIGHT = 56;
const HEADER_HEIGHT = 32;
const INITIAL_RECT = { width: 0, height: window.innerHeight };

export interface ProfileListProps {
  selected: string | null;
  onSelect: (uuid: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}

function firstProfileIndex(items: readonly ListItem[]): number {
  return items.findIndex((i) => i.kind === 'profile');
}

/**
 * The searchable, grouped, virtualized list of profiles: only the rows in view (plus a few) are
 * in the DOM, so 5,000 profiles cost what 20 do. Keyboard: arrows, Page keys, Home and End move
 * between profiles; Space toggles the focused profile's switch; focus selects. Each row has a
 * checkbox for the bulk bar (shift-click: a range; "select all shown": what the search shows).
 */
export function ProfileList({ selected, onSelect, searchRef }: ProfileListProps) {
  const profiles = useStore((s) => s.profiles);
  const nmRunning = useStore((s) => s.nmRunning);
  const [query, setQuery] = useState('');
  const [grouping, setGrouping] = useState<Grouping>('none');
  const [active, setActive] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);

  // Each key must redraw within a frame with thousands of profiles: the search narrows its last
  // matches, and a key that changes nothing shown (the first letters often match every profile)
  // keeps the same rows, so nothing below is recomputed.
  const indexed = useMemo(() => indexProfiles(profiles), [profiles]);
  const search = useMemo(() => new ProfileSearch(indexed), [indexed]);
  const matches = useMemo(() => search.match(query), [search, query]);
  // The whole list, kept: clearing the search goes back to it without arranging it again.
  const everyItem = useMemo(() => arrangeMatches(indexed, grouping), [indexed, grouping]);
  const items = useMemo(
    () => (matches === indexed ? everyItem : arrangeMatches(matches, grouping)),
    [matches, indexed, everyItem, grouping],
  );
  const shownUuids = useMemo(
    () => items.flatMap((i) => (i.kind === 'profile' ? [i.profile.uuid] : [])),
    [items],
  );
  const shown = shownUuids.length;
  const uuids = useMemo(() => new Set(profiles.map((p) => p.uuid)), [profiles]);
  const { selection, check, allShown, toggleAllShown, clear } = useSelection(uuids, shownUuids);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: useCallback(
      (i: number) => (items[i]?.kind === 'header' ? HEADER_HEIGHT : ROW_HEIGHT),
      [items],
    ),
    getItemKey: useCallback((i: number) => items[i]?.key ?? i, [items]),
    overscan: 6,
    // The scroller's size is known only after layout; without a guess the first render would draw
    // almost no rows, and a second render (and layout) would add the rest. The window's height
    // is at least the scroller's, so the first render draws every row in view.
    initialRect: INITIAL_RECT,
  });
  const virtualItems = virtualizer.getVirtualItems();

  const activeIndex = useMemo(() => {
    const at = active === null ? -1 : items.findIndex((i) => i.key === active);
    return at >= 0 ? at : firstProfileIndex(items);
  }, [items, active]);
  // Roving tabindex: the active row if it is drawn, else the first drawn profile row.
  const tabbableIndex = virtualItems.some((v) => v.index === activeIndex)
    ? activeIndex
    : (virtualItems.find((v) => items[v.index]?.kind === 'profile')?.index ?? -1);

  // Nothing selected yet, or the selected profile is gone: the first profile. A profile the editor
  // just created is selected before the event that brings it: it is waited for, not replaced.
  const seenSelected = useRef<string | null>(null);
  useEffect(() => {
    if (selected !== null && uuids.has(selected)) {
      seenSelected.current = selected;
      return;
    }
    if (selected !== null && seenSelected.current !== selected) return;
    const first = items[firstProfileIndex(items)];
    if (first !== undefined) onSelect(first.key);
  }, [selected, uuids, items, onSelect]);

  // A row asked to be focused may be drawn only after the scroll it caused: try on each render.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const target = scrollRef.current?.querySelector(`[data-index="${index}"] [role="switch"]`);
    if (target instanceof HTMLElement) {
      pendingFocus.current = null;
      target.focus();
    }
  });

  const focusIndex = (index: number): void => {
    const item = items[index];
    if (item === undefined) return;
    setActive(item.key);
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const height = scrollRef.current?.clientHeight ?? 0;
    const pageSize = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const next = nextProfileIndex(items, activeIndex, event.key, pageSize);
    if (next === null) return;
    event.preventDefault();
    focusIndex(next);
  };

  const onRowSelect = useCallback(
    (uuid: string) => {
      setActive(uuid);
      onSelect(uuid);
    },
    [onSelect],
  );

  return (
    <section className="list-pane" aria-label={strings.list.label}>
      <ListToolbar
        query={query}
        onQuery={setQuery}
        grouping={grouping}
        onGrouping={setGrouping}
        searchRef={searchRef}
        onEnterList={() => {
          focusIndex(firstProfileIndex(items));
        }}
        count={
          <p className="list-count" role="status">
            {strings.list.count(shown, profiles.length)}
          </p>
        }
      />
      <BulkBar selection={selection} onClear={clear} />
      {shown > 0 && <SelectAllShown state={allShown} onToggle={toggleAllShown} />}
      {shown === 0 && (
        <p className="list-empty muted">
          {!nmRunning
            ? strings.list.nmDown
            : profiles.length === 0
              ? strings.list.empty
              : strings.list.noMatch(query)}
        </p>
      )}
      <div className="scroller" ref={scrollRef} onKeyDown={onKeyDown} data-query={query}>
        <div
          role="list"
          aria-label={strings.list.label}
          className="rows"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualItems.map((v) => {
            const item = items[v.index];
            if (item === undefined) return null;
            if (item.kind === 'header') {
              return (
                <div
                  key={item.key}
                  className="group-header"
                  role="presentation"
                  style={{ transform: `translateY(${v.start}px)`, height: v.size }}
                >
                  <h3>{item.label}</h3>
                  <span className="group-count">{item.count}</span>
                </div>
              );
            }
            return (
              <ProfileRow
                key={item.key}
                profile={item.profile}
                index={v.index}
                start={v.start}
                size={v.size}
                selected={item.key === selected}
                tabbable={v.index === tabbableIndex}
                onSelect={onRowSelect}
                checked={selection.has(item.profile.uuid)}
                onCheck={check}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}
