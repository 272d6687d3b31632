import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames, tokenPairs } from '#core/matching/names.ts';
import { PAIR_BUCKET_LIMIT, PairMarks, tokenBits } from '#core/matching/name-pairs.ts';
import { OrderIndex, type IndexedOrder } from '#core/matching/order-index.ts';
import type { MatchOrder } from '#core/matching/types.ts';

/*
 * PairMarks.hitsOf marks the orders it has found and skips reading the entries of short-name buckets; the matcher's
 * decisions depend on it finding exactly what the straightforward search finds (below: a scan of the hits per
 * order, the keys and compareNames for every order), in the same order.
 */
type Hit = { slot: number; id: number; agreement: 'exact' | 'partial' };

function straightforward(index: OrderIndex, payerTokens: readonly string[], payerKey: string): number[] {
  const hits: Hit[] = [];
  const consider = (e: IndexedOrder) => {
    if (e.nameKey === payerKey || e.companyKey === payerKey || hits.some((h) => h.id === e.id)) return;
    const a = compareNames(payerTokens, e.tokens);
    const b = e.companyTokens.length ? compareNames(payerTokens, e.companyTokens) : 'none';
    const agreement =
      a === 'exact' || b === 'exact' ? 'exact' : a === 'partial' || b === 'partial' ? 'partial' : undefined;
    if (agreement) hits.push({ slot: e.slot, id: e.id, agreement });
  };
  for (const pair of tokenPairs(payerTokens)) {
    const long = index.byLongNamePair.get(pair);
    // Three numbers per order: its slot first.
    if (long && long.length / 3 <= PAIR_BUCKET_LIMIT)
      for (let i = 0; i < long.length; i += 3) consider(index.entryAt(long[i] as number));
    if (payerTokens.length >= 3) {
      const short = index.byName.get(pair);
      if (short && short.length <= PAIR_BUCKET_LIMIT)
        for (const code of short) consider(index.entryAt(code >> 1));
    }
  }
  return hits.map((h) => h.slot * 2 + (h.agreement === 'exact' ? 1 : 0));
}

// Few words, so that names share pairs and buckets grow past PAIR_BUCKET_LIMIT in the larger cases.
const WORDS = ['Anna', 'Maria', 'Müller', 'MUELLER', 'Thomas', 'Weber', 'de', 'Vries', 'GmbH', 'Dr.', 'Lena'];
const nameOf = fc
  .array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 6 })
  .map((words) => words.join(' '));

function orderOf(id: number, customerName: string, company: string | null): MatchOrder {
  return {
    id,
    shopId: 1,
    number: `WC${10_000 + Math.abs(id) || 1}`,
    totalMinor: 1000,
    paidMinor: 0,
    currency: 'EUR',
    customerName,
    company,
    status: 'open',
    createdAt: '2026-01-01',
  };
}

describe('PairMarks.hitsOf finds what the straightforward search finds', () => {
  it('on random names, companies, repeated and NaN order ids, and buckets over the limit', () => {
    const orders = fc.array(
      fc.record({
        id: fc.oneof(
          fc.integer({ min: 1, max: 40 }),
          fc.integer({ min: 1, max: 1e9 }),
          fc.constant(Number.NaN),
        ),
        name: nameOf,
        company: fc.option(nameOf, { nil: null }),
      }),
      { maxLength: 400 },
    );
    fc.assert(
      fc.property(orders, fc.array(nameOf, { minLength: 1, maxLength: 20 }), (list, payers) => {
        const index = new OrderIndex(list.map((o) => orderOf(o.id, o.name, o.company)));
        const marks = new PairMarks(list.length);
        // Payers one after the other on one PairMarks, as in a run, and each payer twice.
        for (const payer of [...payers, ...payers]) {
          const { tokens, key } = index.normalised(payer);
          expect(marks.hitsOf(index, tokens, key)).toEqual(straightforward(index, tokens, key));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('OrderIndex.byName', () => {
  it("holds each key's codes in slot order, as adding each order's name and company in turn would", () => {
    const orders = fc.array(fc.record({ name: nameOf, company: fc.option(nameOf, { nil: null }) }), {
      maxLength: 300,
    });
    fc.assert(
      fc.property(orders, (list) => {
        const index = new OrderIndex(list.map((o, i) => orderOf(i + 1, o.name, o.company)));
        const expected = new Map<string, number[]>();
        const push = (key: string, code: number) => expected.set(key, [...(expected.get(key) ?? []), code]);
        list.forEach((_, slot) => {
          const { nameKey, companyKey } = index.entryAt(slot);
          if (nameKey) push(nameKey, slot * 2 + (companyKey !== '' && companyKey === nameKey ? 1 : 0));
          if (companyKey && companyKey !== nameKey) push(companyKey, slot * 2 + 1);
        });
        for (const [key, codes] of expected) expect(index.byName.get(key)).toEqual(codes);
        for (const o of list) expect(index.normalised(o.name).codes).toBeUndefined();
      }),
    );
  });
});

describe('tokenBits', () => {
  it("keeps a name's tokens among another's bits when they are among its tokens", () => {
    const tokens = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 8 });
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        const union = [...new Set([...a, ...b])];
        expect(tokenBits(a) & ~tokenBits(union)).toBe(0);
        expect(tokenBits(a) === 0).toBe(a.length === 0);
      }),
    );
  });
});
