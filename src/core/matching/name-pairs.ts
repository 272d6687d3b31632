/**
 * The orders a payer name reaches through pairs of name tokens (order-index.ts forPayerName), outside the bucket
 * of its exact name: customers with more tokens than the payer (a middle name, a second surname: via the pairs
 * of long names), and customers with fewer ("THOMAS UND ANNA MUELLER" -> "Anna Müller", via the pairs of the
 * payer's tokens). Computed once per distinct payer name and run.
 */
import { compareNames, tokenPairs } from './names.ts';
import type { IndexedOrder, OrderIndex } from './order-index.ts';

/** A pair shared by more customers than this ("de vries", "van der") tells nothing beyond the exact bucket. */
export const PAIR_BUCKET_LIMIT = 48;

/** An order reached by a pair: its slot and id (OrderIndex.idAt), and how well the names agree. */
export type PairHit = { slot: number; id: number; agreement: 'exact' | 'partial' };
const NO_PAIR_HITS: readonly PairHit[] = Object.freeze([]);

/** The orders forPayerName reaches through token pairs, outside the exact-name bucket. */
export function pairHitsOf(
  index: OrderIndex,
  payerTokens: readonly string[],
  payerKey: string,
): readonly PairHit[] {
  const hits: PairHit[] = [];
  for (const pair of tokenPairs(payerTokens)) {
    const long = index.byLongNamePair.get(pair);
    if (long && long.length <= PAIR_BUCKET_LIMIT)
      for (let i = 0; i < long.length; i++) consider(long[i] as IndexedOrder, payerTokens, payerKey, hits);
    if (payerTokens.length >= 3) {
      const short = index.byName.get(pair);
      if (short && short.length <= PAIR_BUCKET_LIMIT)
        for (let i = 0; i < short.length; i++)
          consider(index.entryAt((short[i] as number) >> 1), payerTokens, payerKey, hits);
    }
  }
  return hits.length > 0 ? hits : NO_PAIR_HITS;
}

function consider(e: IndexedOrder, payerTokens: readonly string[], payerKey: string, hits: PairHit[]): void {
  // Entries of the exact bucket are visited from it; the others once, however many pairs reach them (the hits
  // of one name are few: a search in them instead of a set per name).
  if (e.nameKey === payerKey || e.companyKey === payerKey || hasId(hits, e.id)) return;
  const a = compareNames(payerTokens, e.tokens);
  const b = e.companyTokens.length ? compareNames(payerTokens, e.companyTokens) : 'none';
  const agreement =
    a === 'exact' || b === 'exact' ? 'exact' : a === 'partial' || b === 'partial' ? 'partial' : undefined;
  if (agreement) hits.push({ slot: e.slot, id: e.id, agreement });
}

function hasId(hits: readonly PairHit[], id: number): boolean {
  for (let i = 0; i < hits.length; i++) if ((hits[i] as PairHit).id === id) return true;
  return false;
}
