/**
 * Sorting the short arrays of one sentence (its actors, a trigger's candidates). V8's sort
 * copies every array into a work area first; an insertion sort of a few elements needs none.
 * Both are stable, so with the same comparator the order is the same.
 * @module
 */

/** Longest array sorted by insertion; longer ones go to Array.prototype.sort. */
const INSERTION_LIMIT = 16;

/**
 * Sorts `items` in place, stably, like `items.sort(compare)`, and returns it.
 * @example sortSmall(hits, (a, b) => a.start - b.start);
 */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > INSERTION_LIMIT) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const x = items[i]!;
    let j = i - 1;
    while (j >= 0 && compare(items[j]!, x) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = x;
  }
  return items;
}
