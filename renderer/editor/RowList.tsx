import { Fragment, type ReactNode } from 'react';

/** What a row's own fields and its Remove button do to the list. */
export interface RowEdits<T> {
  set: (row: T) => void;
  remove: () => void;
}

/**
 * A titled group of rows edited in place (routes, plugin data, WireGuard peers), ending in the
 * button that appends a blank row. Rows have no identity while they are typed: each is known by
 * its position, which is also its key.
 */
export function RowList<T>(props: {
  label: string;
  hint?: string;
  rows: readonly T[];
  blank: T;
  addLabel: string;
  onRows: (rows: T[]) => void;
  children: (row: T, index: number, edits: RowEdits<T>) => ReactNode;
}) {
  const { rows, onRows } = props;
  return (
    <section className="edit-group" aria-label={props.label}>
      <h3>{props.label}</h3>
      {props.hint !== undefined && <p className="muted">{props.hint}</p>}
      {rows.map((row, i) => (
        <Fragment key={i}>
          {props.children(row, i, {
            set: (next) => {
              onRows(rows.map((r, j) => (j === i ? next : r)));
            },
            remove: () => {
              onRows(rows.filter((_, j) => j !== i));
            },
          })}
        </Fragment>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          onRows([...rows, props.blank]);
        }}
      >
        {props.addLabel}
      </button>
    </section>
  );
}
