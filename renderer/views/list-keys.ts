import type { ListItem } from '../profiles/arrange';

function profileAt(items: readonly ListItem[], index: number): boolean {
  return items[index]?.kind === 'profile';
}

/** The nearest profile row from `index` in `step` direction (headers are skipped), or null. */
function nearest(items: readonly ListItem[], index: number, step: 1 | -1): number | null {
  for (let i = index; i >= 0 && i < items.length; i += step) if (profileAt(items, i)) return i;
  return null;
}

/**
 * Where a key moves the focus in the profile list: arrows by one profile, Page keys by a screen,
 * Home and End to the ends. Null for keys the list does not handle.
 */
export function nextProfileIndex(
  items: readonly ListItem[],
  from: number,
  key: string,
  pageSize: number,
): number | null {
  const last = items.length - 1;
  switch (key) {
    case 'ArrowDown':
      return nearest(items, from + 1, 1) ?? nearest(items, from, -1);
    case 'ArrowUp':
      return nearest(items, from - 1, -1) ?? nearest(items, Math.max(from, 0), 1);
    case 'Home':
      return nearest(items, 0, 1);
    case 'End':
      return nearest(items, last, -1);
    case 'PageDown':
      return nearest(items, Math.min(from + pageSize, last), 1) ?? nearest(items, last, -1);
    case 'PageUp':
      return nearest(items, Math.max(from - pageSize, 0), -1) ?? nearest(items, 0, 1);
    default:
      return null;
  }
}
