/**
 * Stable in-place sort for the short arrays of the matcher's hot loops (name tokens, a posting's candidates).
 * Array.prototype.sort is stable too (ECMA-262 since 2019), so both give the same order; but V8's TimSort
 * allocates its work state on every call, which for hundreds of thousands of two-to-five element sorts per
 * run was a large share of all allocation. Long arrays still go to the built-in sort.
 */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  const n = items.length;
  if (n > 16) return items.sort(compare);
  for (let i = 1; i < n; i++) {
    const item = items[i] as T;
    let j = i - 1;
    // Move only past strictly greater elements: equal ones keep their order (stable).
    while (j >= 0 && compare(items[j] as T, item) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

/** The order of the default Array.prototype.sort for strings: UTF-16 code units. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
