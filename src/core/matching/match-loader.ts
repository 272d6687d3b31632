/**
 * Loads the matcher's input from the database: open (and recently closed, for suggestions) orders, postings
 * waiting for assignment, unprocessed returns, active assignments (for returns), learned facts and per-shop
 * settings and number patterns.
 */
import {
  and,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  notExists,
  notInArray,
  or,
  sql,
} from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { assignments, orders, postingReturns, postings, shops } from '../db/schema/index.ts';
import { ofConnectedShop } from '../orders/connected-shops.ts';
import { AWAITING_PAYMENT } from '../orders/state-machine.ts';
import { loadLearnedFacts } from './learning.ts';
import { isReturn } from './passes/returns.ts';
import { closedOrderKeys } from './number-keys.ts';
import { compileNumberPattern } from './number-candidates.ts';
import { DEFAULT_MATCH_SETTINGS, matchSettingsFrom, type MatchSettings } from './settings.ts';
import type { MatchAssignment, MatchInput, MatchOrder, MatchPosting } from './types.ts';

type Reader = Pick<Db, 'select'>;

/** Closed orders stay visible as (never automatic) suggestions for this long after their last change. */
const CLOSED_VISIBLE_DAYS = 180;
/** Returns are looked for among assignments of this age. */
const RETURN_LOOKBACK_DAYS = 400;

function daysAgo(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

export function loadOrders(db: Reader, now: Date): MatchOrder[] {
  return db
    .select({
      id: orders.id,
      shopId: orders.shopId,
      number: orders.number,
      invoiceNumber: orders.invoiceNumber,
      paymentReference: orders.paymentReference,
      totalMinor: orders.totalMinor,
      paidMinor: orders.paidMinor,
      currency: orders.currency,
      customerName: orders.customerName,
      company: orders.company,
      email: orders.email,
      status: orders.status,
      createdAt: orders.createdAtShop,
    })
    .from(orders)
    .where(
      and(
        // A removed shop's orders are no longer the dealer's to collect (its credentials are gone too): a payment
        // for one of them is the dealer's call, not an automatic assignment with a write-back nobody can send.
        ofConnectedShop(db),
        or(
          inArray(orders.status, [...AWAITING_PAYMENT]),
          and(
            inArray(orders.status, ['cancelled', 'removed_externally']),
            gte(orders.statusChangedAt, daysAgo(now, CLOSED_VISIBLE_DAYS)),
          ),
        ),
      ),
    )
    .all();
}

/**
 * Number keys and payment references of the orders closed in the last CLOSED_VISIBLE_DAYS that loadOrders leaves
 * out (paid, refunded, …): a payer who writes one of them pays that order again, or reuses its banking template
 * for the next order; neither is a typo of an open order's number, nor proof for the payer's other open order.
 */
export function loadClosedNumbers(db: Reader, now: Date): Set<string> {
  const rows = db
    .select({
      number: orders.number,
      invoiceNumber: orders.invoiceNumber,
      paymentReference: orders.paymentReference,
    })
    .from(orders)
    .where(
      and(
        // A removed shop's orders are history only (orders/connected-shops.ts), not numbers a payer pays again.
        ofConnectedShop(db),
        notInArray(orders.status, [...AWAITING_PAYMENT, 'cancelled', 'removed_externally']),
        gte(orders.statusChangedAt, daysAgo(now, CLOSED_VISIBLE_DAYS)),
      ),
    )
    .all();
  return closedOrderKeys(
    rows.flatMap((r) => [r.number, r.invoiceNumber]),
    rows.map((r) => r.paymentReference),
  );
}

const postingColumns = {
  id: postings.id,
  amountMinor: postings.amountMinor,
  assignedMinor: postings.assignedMinor,
  currency: postings.currency,
  bookingDate: postings.bookingDate,
  bookingStatus: postings.bookingStatus,
  counterpartyName: postings.counterpartyName,
  counterpartyIban: postings.counterpartyIban,
  ultimateDebtor: postings.ultimateDebtor,
  remittance: postings.remittance,
  creditorReference: postings.creditorReference,
  endToEndId: postings.endToEndId,
  bankTxCode: postings.bankTxCode,
  reversal: postings.reversal,
  matchState: postings.matchState,
};

export type LoadedPosting = MatchPosting & { matchState: string };

/** Postings waiting for assignment, plus debits that look like returns and were not processed yet. */
export function loadPostings(db: Reader, now: Date): LoadedPosting[] {
  const waiting = db
    .select(postingColumns)
    .from(postings)
    .where(inArray(postings.matchState, ['unassigned', 'partially_assigned']))
    .all();
  const debits = db
    .select(postingColumns)
    .from(postings)
    .where(
      and(
        eq(postings.matchState, 'debit'),
        lt(postings.amountMinor, 0),
        gte(postings.createdAt, daysAgo(now, 120)),
        notExists(
          db
            .select({ one: sql`1` })
            .from(postingReturns)
            .where(eq(postingReturns.returnPostingId, postings.id)),
        ),
      ),
    )
    .all()
    .filter((p) => isReturn(p));
  return [...waiting, ...debits];
}

export function loadActiveAssignments(db: Reader, now: Date): MatchAssignment[] {
  return db
    .select({
      id: assignments.id,
      postingId: assignments.postingId,
      orderId: assignments.orderId,
      amountMinor: assignments.amountMinor,
      endToEndId: postings.endToEndId,
      counterpartyIban: postings.counterpartyIban,
      bookingDate: postings.bookingDate,
      orderNumber: orders.number,
      paymentReference: orders.paymentReference,
    })
    .from(assignments)
    .innerJoin(postings, eq(postings.id, assignments.postingId))
    .innerJoin(orders, eq(orders.id, assignments.orderId))
    .where(and(isNull(assignments.undoneAt), gte(assignments.createdAt, daysAgo(now, RETURN_LOOKBACK_DAYS))))
    .all();
}

export function loadShopConfig(db: Reader): { shopSettings: Map<number, MatchSettings>; patterns: RegExp[] } {
  const shopSettings = new Map<number, MatchSettings>();
  const patterns: RegExp[] = [];
  for (const shop of db.select({ id: shops.id, settings: shops.settings }).from(shops).all()) {
    const s = shop.settings;
    shopSettings.set(shop.id, matchSettingsFrom(s));
    const mapping = (typeof s['mapping'] === 'object' && s['mapping'] !== null ? s['mapping'] : s) as Record<
      string,
      unknown
    >;
    for (const key of ['orderNumberPattern', 'invoiceNumberPattern']) {
      const value = mapping[key] ?? s[key];
      const re = typeof value === 'string' ? compileNumberPattern(value) : undefined;
      if (re) patterns.push(re);
    }
  }
  return { shopSettings, patterns };
}

export type LoadedInput = Omit<MatchInput, 'postings'> & { postings: LoadedPosting[] };

export function loadMatchInput(db: Reader, now: Date): LoadedInput {
  const loaded = loadPostings(db, now);
  const needsAssignments = loaded.some((p) => p.amountMinor < 0 || p.reversal);
  const { shopSettings, patterns } = loadShopConfig(db);
  // A posting whose assignment the dealer took back is left to the dealer (returns undo with the matcher
  // as actor and do not count: their posting is assigned again only if money arrives again).
  const manualOnly = new Set(
    db
      .select({ postingId: assignments.postingId })
      .from(assignments)
      .innerJoin(postings, eq(postings.id, assignments.postingId))
      .where(
        and(
          isNotNull(assignments.undoneAt),
          ne(assignments.undoneBy, 'matcher'),
          inArray(postings.matchState, ['unassigned', 'partially_assigned']),
        ),
      )
      .all()
      .map((r) => r.postingId),
  );
  return {
    manualOnly,
    orders: loadOrders(db, now),
    closedNumbers: loadClosedNumbers(db, now),
    postings: loaded,
    activeAssignments: needsAssignments ? loadActiveAssignments(db, now) : [],
    settings: DEFAULT_MATCH_SETTINGS,
    shopSettings,
    learned: loadLearnedFacts(db),
    patterns,
  };
}
