import { DEFAULT_MATCH_SETTINGS, type MatchSettings } from '#core/matching/settings.ts';
import { runMatcher } from '#core/matching/matcher.ts';
import type {
  LearnedFacts,
  MatchAssignment,
  MatchOrder,
  MatchPosting,
  MatchResult,
} from '#core/matching/types.ts';

let seq = 1000;

export function order(overrides: Partial<MatchOrder> = {}): MatchOrder {
  const id = ++seq;
  return {
    id,
    shopId: 1,
    number: String(20000 + id),
    totalMinor: 4990,
    paidMinor: 0,
    currency: 'EUR',
    customerName: `Kunde${id} Nachname${id}`,
    email: `k${id}@example.org`,
    status: 'open',
    createdAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

export function posting(overrides: Partial<MatchPosting> = {}): MatchPosting {
  return {
    id: ++seq,
    amountMinor: 4990,
    assignedMinor: 0,
    currency: 'EUR',
    bookingDate: '2026-11-03',
    bookingStatus: 'booked',
    counterpartyName: 'Jemand Anderes',
    remittance: 'Danke',
    ...overrides,
  };
}

export function match(
  orders: MatchOrder[],
  postings: MatchPosting[],
  extra: {
    settings?: Partial<MatchSettings>;
    learned?: LearnedFacts;
    assignments?: MatchAssignment[];
    shopSettings?: Map<number, MatchSettings>;
    closedNumbers?: ReadonlySet<string>;
    /** Shops' number patterns (references-extract.ts compileNumberPattern). */
    patterns?: RegExp[];
  } = {},
): MatchResult {
  return runMatcher({
    orders,
    postings,
    settings: { ...DEFAULT_MATCH_SETTINGS, ...extra.settings },
    ...(extra.learned ? { learned: extra.learned } : {}),
    ...(extra.assignments ? { activeAssignments: extra.assignments } : {}),
    ...(extra.shopSettings ? { shopSettings: extra.shopSettings } : {}),
    ...(extra.closedNumbers ? { closedNumbers: extra.closedNumbers } : {}),
    ...(extra.patterns ? { patterns: extra.patterns } : {}),
  });
}

export function decisionOf(result: MatchResult, postingId: number) {
  const d = result.decisions.find((x) => x.postingId === postingId);
  if (!d) throw new Error(`no decision for posting ${postingId}`);
  return d;
}
