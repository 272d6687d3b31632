/**
 * Small lists built one item at a time, for the per-posting extraction (references-extract.ts, number-candidates.ts):
 * most of those lists stay empty or hold one to three items, for every one of 100 000 postings a run.
 */

/**
 * The shared empty list such a list starts as (one for all postings instead of an array each). Not frozen: a frozen
 * array has another elements kind, and the loops that read these lists would then meet two.
 */
export const EMPTY_LIST: readonly never[] = [];

/**
 * A new list: `list` with `item` after it, of exactly that length. Pushing to an array instead reserves room for 17
 * items at its first push, most of it never used; copying a short list costs less than that allocation.
 */
export function appended<T>(list: readonly T[], item: T): readonly T[] {
  if (list.length === 0) return [item];
  const out = new Array<T>(list.length + 1);
  for (let i = 0; i < list.length; i++) out[i] = list[i] as T;
  out[list.length] = item;
  return out;
}
