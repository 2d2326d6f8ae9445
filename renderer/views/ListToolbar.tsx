import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import type { Grouping } from '../profiles/arrange';
import { strings } from '../strings';

export interface ListToolbarProps {
  query: string;
  onQuery: (query: string) => void;
  grouping: Grouping;
  onGrouping: (grouping: Grouping) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** Arrow down or Enter in the search field: go to the first result. */
  onEnterList: () => void;
  /** The live count of shown profiles, next to the grouping. */
  count: ReactNode;
}

const GROUPINGS: readonly { value: Grouping; label: string }[] = [
  { value: 'none', label: strings.list.groupNone },
  { value: 'type', label: strings.list.groupType },
  { value: 'provider', label: strings.list.groupProvider },
];

function isGrouping(value: string): value is Grouping {
  return GROUPINGS.some((g) => g.value === value);
}

export function ListToolbar(props: ListToolbarProps) {
  const { query, onQuery, grouping, onGrouping, searchRef, onEnterList, count } = props;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'Enter') return;
    event.preventDefault();
    onEnterList();
  };
  return (
    <div className="toolbar">
      <input
        ref={searchRef}
        type="search"
        className="search"
        aria-label={strings.list.searchLabel}
        placeholder={strings.list.searchPlaceholder}
        value={query}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => {
          onQuery(event.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="toolbar-line">
        {count}
        <label className="grouping">
          <span>{strings.list.groupLabel}</span>
          <select
            value={grouping}
            onChange={(event) => {
              if (isGrouping(event.target.value)) onGrouping(event.target.value);
            }}
          >
            {GROUPINGS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
