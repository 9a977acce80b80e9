/** What the admin lists order: anything with an id and a position. */
export interface Ordered {
  id: string;
  sortOrder: number;
}

/** A new position to save. */
export interface OrderChange {
  id: string;
  sortOrder: number;
}

/**
 * The writes that move the item at `index` one place up (`-1`) or down (`1`): the two neighbours
 * swap positions, so that nothing else is touched. Where they share a position, every item whose
 * position differs from its place in the list is numbered anew (1, 2, 3 …).
 */
export function moveChanges(items: readonly Ordered[], index: number, delta: -1 | 1): OrderChange[] {
  const other = index + delta;
  if (index < 0 || index >= items.length || other < 0 || other >= items.length) return [];
  const [a, b] = [items[index], items[other]];
  if (a.sortOrder !== b.sortOrder) {
    return [
      { id: a.id, sortOrder: b.sortOrder },
      { id: b.id, sortOrder: a.sortOrder },
    ];
  }
  const reordered = [...items];
  [reordered[index], reordered[other]] = [b, a];
  return reordered.map((item, i) => ({ id: item.id, sortOrder: i + 1 })).filter((change, i) => reordered[i].sortOrder !== change.sortOrder);
}

/** The position after the last one: where a new item goes. */
export function nextPosition(items: readonly Ordered[]): number {
  return items.reduce((max, item) => Math.max(max, item.sortOrder), 0) + 1;
}

/** The items by position, then by `name` in the user's collation. */
export function inOrder<T extends Ordered>(items: readonly T[], name: (item: T) => string, compare: (a: string, b: string) => number): T[] {
  return [...items].sort((a, b) => a.sortOrder - b.sortOrder || compare(name(a), name(b)));
}
