/**
 * The contract of the adversarial tables (adversarial.test.ts, adversarial-2.test.ts): an AUTOMATIC assignment
 * may only go to the true order, and never when the input cannot tell (`ambiguous`). Known gaps stay visible as
 * expected failures: once the matcher handles one, its test fails and the case moves to the checked list.
 */
import { describe, expect, it } from 'vitest';
import { closedOrderKeys } from '#core/matching/number-keys.ts';
import type {
  Decision,
  LearnedFacts,
  MatchAssignment,
  MatchOrder,
  MatchPosting,
} from '#core/matching/types.ts';
import { decisionOf, match } from './fixtures.ts';

export type AdversarialCase = {
  name: string;
  orders: MatchOrder[];
  posting: MatchPosting;
  /** The order the money really belongs to; undefined: none of the open orders. */
  truth?: MatchOrder | undefined;
  /** Nothing in the input tells the truth apart: not automatic at all. */
  ambiguous?: boolean;
  /** Active assignments (for returns). */
  assignments?: MatchAssignment[];
  /** Numbers of recently closed (paid, refunded) orders, as match-loader.ts loads them. */
  closed?: string[];
  /** Payment references of recently closed orders, which match-loader.ts loads with their numbers. */
  closedReferences?: string[];
  /** What confirmed manual assignments taught (learning.ts). */
  learned?: LearnedFacts;
  /** A wrong automatic assignment the matcher still makes (reported, not fixed): expected to fail. */
  knownGap?: boolean;
};

/** The matcher's decision on the case's one posting. */
export function decide(
  c: Pick<AdversarialCase, 'orders' | 'posting' | 'closed' | 'closedReferences' | 'assignments' | 'learned'>,
): Decision {
  const closedNumbers =
    c.closed || c.closedReferences ? closedOrderKeys(c.closed ?? [], c.closedReferences ?? []) : undefined;
  return decisionOf(
    match(c.orders, [c.posting], {
      assignments: c.assignments ?? [],
      ...(closedNumbers ? { closedNumbers } : {}),
      ...(c.learned ? { learned: c.learned } : {}),
    }),
    c.posting.id,
  );
}

export function expectNoWrongAuto(c: AdversarialCase): void {
  const d = decide(c);
  // Not automatic (a suggestion or nothing) is always acceptable.
  const chosen = d.band === 'auto' ? (d.candidates[0]?.orderIds ?? []) : [];
  // Automatic is allowed only to the true order, and never when the input cannot tell.
  const allowed = d.band === 'auto' && !c.ambiguous && c.truth ? [c.truth.id] : [];
  expect(chosen, `automatic to order id ${chosen.join(',')}`).toEqual(allowed);
}

/** One test per case, known gaps as expected failures. */
export function describeAdversarial(title: string, all: readonly AdversarialCase[]): void {
  describe(title, () => {
    it.each(all.filter((c) => !c.knownGap).map((c) => [c.name, c] as const))('%s', (_name, c) =>
      expectNoWrongAuto(c),
    );
    for (const c of all.filter((x) => x.knownGap))
      it.fails(`known gap: ${c.name}`, () => expectNoWrongAuto(c));
  });
}

/** A legitimate neighbour of a trap: it must stay automatic, to the true order (or the orders one transfer pays). */
export type Neighbour = Omit<AdversarialCase, 'truth' | 'ambiguous' | 'knownGap'> & {
  truth: MatchOrder | MatchOrder[];
};

/** One test per neighbour: automatic, to exactly the true orders. */
export function describeNeighbours(title: string, all: readonly Neighbour[]): void {
  describe(title, () => {
    it.each(all.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const d = decide(c);
      expect({ band: d.band, orderIds: d.candidates[0]?.orderIds }).toEqual({
        band: 'auto',
        orderIds: [c.truth].flat().map((o) => o.id),
      });
    });
  });
}
