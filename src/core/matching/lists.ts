/**
 * Small lists built one item at a time, made at their exact size: the per-posting extraction's (references-extract.ts,
 * number-candidates.ts; most stay empty or hold one to three items, for every one of 100 000 postings a run) and
 * the order index's (order-index.ts, index-tables.ts, name-memo.ts; most keys have a few orders, and the index keeps
 * every list for the whole run). An array that grows by push keeps room for 16 more items.
 */

/**
 * The shared empty list such a list starts as (one for all postings instead of an array each). Not frozen: a frozen
 * array has another elements kind, and the loops that read these lists would then meet two.
 */
export const EMPTY_LIST: readonly never[] = [];

/**
 * A new list: `list` with `item` after it, of exactly that length (never changes `list`: it may be EMPTY_LIST;
 * withItem below changes a list of four or more in place). Pushing to an array instead reserves room for 17
 * items at its first push, most of it never used; copying a short list costs less than that allocation.
 */
export function appended<T>(list: readonly T[], item: T): readonly T[] {
  // The usual first and second items in literals, which the optimising compiler allocates inline.
  if (list.length === 0) return [item];
  if (list.length === 1) return [list[0] as T, item];
  const out = new Array<T>(list.length + 1);
  for (let i = 0; i < list.length; i++) out[i] = list[i] as T;
  out[list.length] = item;
  return out;
}

/**
 * `list` with `item` added (appended above, for a list that is never empty, except that from four items on it
 * pushes to `list` itself). Most lists of the index stay short (a name's few orders), and an array that grows by
 * push keeps room for 16 more: lists of up to four are made anew at their exact size instead, as the index keeps
 * them all for the whole run. So a list of fewer than four is never changed (the caller stores the new one), and
 * the number tables share one list `[hit]` between an order number's key and its digit core.
 */
export function withItem<T>(list: T[], item: T): T[] {
  switch (list.length) {
    case 1:
      return [list[0] as T, item];
    case 2:
      return [list[0] as T, list[1] as T, item];
    case 3:
      return [list[0] as T, list[1] as T, list[2] as T, item];
    default:
      list.push(item);
      return list;
  }
}

/**
 * Adds to the list under `key` in a Map (see withItem). One function per kind of Map at the call sites keeps
 * each one's lookups monomorphic, which a shared generic helper over every table of the index did not.
 */
export function pushToMap<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [item]);
  else if (list.length < 4) map.set(key, withItem(list, item));
  else list.push(item);
}

/**
 * Two ascending lists of distinct numbers as one ascending list (the byName codes of one key's spellings: each an
 * order's slot * 2 + 1 or + 0, an order's one code under that key). Of the exact length, as the index keeps it.
 */
export function mergeCodes(a: readonly number[], b: readonly number[]): number[] {
  // concat makes a packed list of the exact length, which the merge then fills from `a` and `b` (no sort, whose
  // buffers the index built ~2 MB of a run with).
  const out = a.concat(b);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++)
    out[k] =
      j >= b.length || (i < a.length && (a[i] as number) < (b[j] as number))
        ? (a[i++] as number)
        : (b[j++] as number);
  return out;
}
