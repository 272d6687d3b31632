/**
 * Reading postings for the CLI and the API: filters, paging, and the public JSON shape (camelCase, stable).
 */
import { and, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { bankAccounts, postings } from '../db/schema/index.ts';
import { POSTING_MATCH_STATES, type PostingMatchState } from '#shared/domain.ts';

export const POSTING_STATUS_FILTERS = [...POSTING_MATCH_STATES, 'pending', 'booked'] as const;
export type PostingStatusFilter = (typeof POSTING_STATUS_FILTERS)[number];

export type PostingQuery = {
  /** A match state (unassigned, assigned, debit, …) or a booking status (pending, booked). */
  status?: PostingStatusFilter;
  accountIban?: string;
  /** The account by its database id (`postings --account` resolves what the user typed: account-option.ts). */
  accountId?: number;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
};

export type PostingView = {
  id: number;
  accountId: number;
  accountIban: string | null;
  /** The account's non-IBAN id (e.g. MT940 BLZ/Kontonummer) where it has no IBAN. */
  accountOtherId: string | null;
  bookingDate: string | null;
  valueDate: string | null;
  amountMinor: number;
  currency: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  counterpartyBic: string | null;
  ultimateDebtor: string | null;
  ultimateCreditor: string | null;
  remittance: string | null;
  endToEndId: string | null;
  mandateId: string | null;
  creditorReference: string | null;
  bankReference: string | null;
  bankTxCode: string | null;
  /** Match state: unassigned, partially_assigned, assigned, ignored, debit. */
  status: PostingMatchState;
  bookingStatus: 'booked' | 'pending';
  reversal: boolean;
  assignedMinor: number;
  importBatchId: number | null;
};

/**
 * The date a posting is listed, sorted and filtered by: its booking date, or for a pending posting (not booked yet,
 * so without one) its value date, the date the CLI shows for it. Sorting by the booking date alone put every pending
 * posting after all booked ones and the pending among themselves in import order.
 */
export const postingDate = sql<string | null>`coalesce(${postings.bookingDate}, ${postings.valueDate})`;

export function listPostings(db: Db, query: PostingQuery): { items: PostingView[]; total: number } {
  const where: SQL[] = [];
  if (query.status === 'pending' || query.status === 'booked')
    where.push(eq(postings.bookingStatus, query.status));
  else if (query.status) where.push(eq(postings.matchState, query.status));
  if (query.accountIban)
    where.push(eq(bankAccounts.iban, query.accountIban.replace(/\s+/g, '').toUpperCase()));
  if (query.accountId !== undefined) where.push(eq(postings.bankAccountId, query.accountId));
  if (query.from) where.push(gte(postingDate, query.from));
  if (query.to) where.push(lte(postingDate, query.to));
  const condition = where.length ? and(...where) : undefined;
  const base = db
    .select({
      id: postings.id,
      accountId: postings.bankAccountId,
      accountIban: bankAccounts.iban,
      accountOtherId: bankAccounts.otherId,
      bookingDate: postings.bookingDate,
      valueDate: postings.valueDate,
      amountMinor: postings.amountMinor,
      currency: postings.currency,
      counterpartyName: postings.counterpartyName,
      counterpartyIban: postings.counterpartyIban,
      counterpartyBic: postings.counterpartyBic,
      ultimateDebtor: postings.ultimateDebtor,
      ultimateCreditor: postings.ultimateCreditor,
      remittance: postings.remittance,
      endToEndId: postings.endToEndId,
      mandateId: postings.mandateId,
      creditorReference: postings.creditorReference,
      bankReference: postings.bankReference,
      bankTxCode: postings.bankTxCode,
      status: postings.matchState,
      bookingStatus: postings.bookingStatus,
      reversal: postings.reversal,
      assignedMinor: postings.assignedMinor,
      importBatchId: postings.importBatchId,
    })
    .from(postings)
    .innerJoin(bankAccounts, eq(bankAccounts.id, postings.bankAccountId))
    .where(condition)
    .orderBy(desc(postingDate), desc(postings.id));
  const limit = query.limit ?? 100;
  const items = base
    .limit(limit)
    .offset(query.offset ?? 0)
    .all();
  const total =
    db
      .select({ n: count() })
      .from(postings)
      .innerJoin(bankAccounts, eq(bankAccounts.id, postings.bankAccountId))
      .where(condition)
      .get()?.n ?? 0;
  return { items, total };
}
