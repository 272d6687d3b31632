/**
 * The orders a payer name reaches through pairs of name tokens (order-index.ts forPayerName), outside the bucket
 * of its exact name: customers with more tokens than the payer (a middle name, a second surname: via the pairs
 * of long names), and customers with fewer ("THOMAS UND ANNA MUELLER" -> "Anna Müller", via the pairs of the
 * payer's tokens). Computed once per distinct payer name and run.
 */
import { compareNames, tokenPairs } from './names.ts';
import type { IndexedOrder } from './order-index.ts';

/** A pair shared by more customers than this ("de vries", "van der") tells nothing beyond the exact bucket. */
export const PAIR_BUCKET_LIMIT = 48;

/**
 * What the search reads of the order index: the two name maps, the entry of a slot, and the byId position of a
 * slot's order id (equal ids, equal positions; -1 for an id equal to no other, NaN).
 */
export type PairSource = {
  /** Per pair, three numbers per order: slot, tokenBits of its name, tokenBits of its company. */
  readonly byLongNamePair: ReadonlyMap<string, readonly number[]>;
  readonly byName: ReadonlyMap<string, readonly number[]>;
  entryAt(slot: number): IndexedOrder;
  positionAt(slot: number): number;
};

/**
 * An order reached by a pair, as one number: `slot * 2 + 1` when the names agree exactly, `slot * 2` when partly
 * (a number instead of an object per hit: a 3-token payer reaches ~50 orders, and forPayerName reads them all
 * each time the payer recurs).
 */
export type PairHitCode = number;
const NO_PAIR_HITS: readonly PairHitCode[] = Object.freeze([]);

/**
 * The marks of one search, reused by every search of a run: `excluded[slot]` (the exact bucket's orders) and
 * `reached[position]` (the order ids already among the hits) hold the number of the search that set them, so a
 * new search starts with nothing marked and no clearing. They replace a scan of the hits per order reached
 * (quadratic in a common name's ~50 hits) and the key comparisons with each order's name (a cache miss each).
 */
export class PairMarks {
  private readonly excluded: Int32Array;
  private readonly reached: Int32Array;
  private search = 0;

  constructor(slots: number) {
    this.excluded = new Int32Array(slots);
    this.reached = new Int32Array(slots);
  }

  /**
   * The orders forPayerName reaches through token pairs, outside the exact-name bucket, in the order the pairs
   * find them. `payerTokens` are nameTokens (sorted, unique) and `payerKey` their nameKey, as
   * OrderIndex.normalised gives them.
   */
  hitsOf(index: PairSource, payerTokens: readonly string[], payerKey: string): readonly PairHitCode[] {
    const stamp = ++this.search;
    const excluded = this.excluded;
    // The orders of the exact bucket are those whose name or company key is the payer's: visited from it.
    const exact = index.byName.get(payerKey);
    if (exact) for (let i = 0; i < exact.length; i++) excluded[(exact[i] as number) >> 1] = stamp;
    const hits: PairHitCode[] = [];
    const payerBits = tokenBits(payerTokens);
    for (const pair of tokenPairs(payerTokens)) {
      const long = index.byLongNamePair.get(pair);
      if (long && long.length <= PAIR_BUCKET_LIMIT * 3)
        for (let i = 0; i < long.length; i += 3) {
          const slot = long[i] as number;
          // compareNames agrees (exact or partial) only when one token set holds the other, and then so do
          // their bits: an order whose bits say neither for its name nor its company does not agree.
          if (mayAgree(payerBits, long[i + 1] as number) || mayAgree(payerBits, long[i + 2] as number))
            this.considerLong(index, slot, payerTokens, hits);
        }
      if (payerTokens.length >= 3) {
        const short = index.byName.get(pair);
        if (short && short.length <= PAIR_BUCKET_LIMIT)
          for (let i = 0; i < short.length; i++) {
            // Its name or company is the two tokens of `pair`, both the payer's, and neither is the payer's
            // whole name (not excluded): compareNames says partial for that one and cannot say exact for the
            // other. So the order's entry need not be read.
            const slot = (short[i] as number) >> 1;
            if (excluded[slot] !== stamp) this.add(index, slot, false, hits);
          }
      }
    }
    return hits.length > 0 ? hits : NO_PAIR_HITS;
  }

  private considerLong(
    index: PairSource,
    slot: number,
    payerTokens: readonly string[],
    hits: PairHitCode[],
  ): void {
    if (this.excluded[slot] === this.search) return;
    const position = index.positionAt(slot);
    if (position >= 0 && this.reached[position] === this.search) return;
    const e = index.entryAt(slot);
    const a = compareNames(payerTokens, e.tokens);
    const b = e.companyTokens.length ? compareNames(payerTokens, e.companyTokens) : 'none';
    if (a === 'exact' || b === 'exact') this.add(index, slot, true, hits);
    else if (a === 'partial' || b === 'partial') this.add(index, slot, false, hits);
  }

  /** Adds the slot's order unless an order of its id is among the hits already (each id once, as found). */
  private add(index: PairSource, slot: number, exact: boolean, hits: PairHitCode[]): void {
    const position = index.positionAt(slot);
    if (position >= 0) {
      if (this.reached[position] === this.search) return;
      this.reached[position] = this.search;
    }
    hits.push(slot * 2 + (exact ? 1 : 0));
  }
}

/**
 * Adds an order to byLongNamePair under each pair of tokens of its name and of its company that has three to six
 * tokens, as three numbers: its slot and the tokenBits of its name and of its company.
 */
export function addLongNames(
  byLongNamePair: Map<string, number[]>,
  slot: number,
  tokens: readonly string[],
  companyTokens: readonly string[],
): void {
  const longName = tokens.length >= 3 && tokens.length <= 6;
  const longCompany = companyTokens.length >= 3 && companyTokens.length <= 6;
  if (!longName && !longCompany) return;
  const nameBits = tokenBits(tokens);
  const companyBits = tokenBits(companyTokens);
  if (longName)
    for (const p of tokenPairs(tokens)) addLongName(byLongNamePair, p, slot, nameBits, companyBits);
  if (longCompany)
    for (const p of tokenPairs(companyTokens)) addLongName(byLongNamePair, p, slot, nameBits, companyBits);
}

// A function of its own, not a closure in addLongNames: that would allocate its context on every order's call.
function addLongName(
  byLongNamePair: Map<string, number[]>,
  pair: string,
  slot: number,
  nameBits: number,
  companyBits: number,
): void {
  const list = byLongNamePair.get(pair);
  if (list === undefined) byLongNamePair.set(pair, [slot, nameBits, companyBits]);
  else list.push(slot, nameBits, companyBits);
}

/**
 * One bit (of 32) per token of a name, by a hash of the token: if one name's tokens are among another's, so are
 * its bits among the other's bits (the converse need not hold). 0 for no tokens.
 */
export function tokenBits(tokens: readonly string[]): number {
  let bits = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as string;
    let h = 0x811c9dc5;
    for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
    bits |= 1 << (h >>> 27);
  }
  return bits;
}

/**
 * May a payer's name (bits `payer`) agree with a name of bits `name` (compareNames)? Not when that name has no
 * tokens (no bits), nor when neither's bits are among the other's.
 */
function mayAgree(payer: number, name: number): boolean {
  return name !== 0 && ((payer & ~name) === 0 || (name & ~payer) === 0);
}
