import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bool, id, instant, json } from './common.ts';
import { bankAccounts } from './bank-accounts.ts';

import { POSTING_MATCH_STATES } from '#shared/domain.ts';
export { POSTING_MATCH_STATES };
export type { PostingMatchState } from '#shared/domain.ts';

/** One import of one file (or one archive member): what came in and what it did. */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: id(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    format: text('format').notNull(),
    formatVersion: text('format_version'),
    bankAccountId: integer('bank_account_id').references(() => bankAccounts.id),
    importedAt: instant('imported_at').notNull(),
    entriesNew: integer('entries_new').notNull().default(0),
    entriesDuplicate: integer('entries_duplicate').notNull().default(0),
    entriesReplaced: integer('entries_replaced').notNull().default(0),
    balanceCheck: text('balance_check', { enum: ['ok', 'mismatch', 'not_available'] })
      .notNull()
      .default('not_available'),
    warnings: json<{ code: string; message: string }[]>('warnings').notNull().default([]),
  },
  (t) => [index('import_batches_sha_idx').on(t.fileSha256)],
);

/** A bank statement entry (Buchung). Amount signed: credits positive, debits negative. */
export const postings = sqliteTable(
  'postings',
  {
    id: id(),
    bankAccountId: integer('bank_account_id')
      .notNull()
      .references(() => bankAccounts.id),
    importBatchId: integer('import_batch_id').references(() => importBatches.id),
    bookingDate: text('booking_date'),
    valueDate: text('value_date'),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    bookingStatus: text('booking_status', { enum: ['booked', 'pending'] }).notNull(),
    reversal: bool('reversal').notNull().default(false),
    counterpartyName: text('counterparty_name'),
    counterpartyIban: text('counterparty_iban'),
    counterpartyBic: text('counterparty_bic'),
    ultimateDebtor: text('ultimate_debtor'),
    ultimateCreditor: text('ultimate_creditor'),
    remittance: text('remittance'),
    creditorReference: text('creditor_reference'),
    endToEndId: text('end_to_end_id'),
    mandateId: text('mandate_id'),
    bankTxCode: text('bank_tx_code'),
    bankReference: text('bank_reference'),
    /** See bank/dedupe.ts: the same real-world booking from any file maps to the same key. */
    dedupeKey: text('dedupe_key').notNull(),
    matchState: text('match_state', { enum: POSTING_MATCH_STATES }).notNull(),
    assignedMinor: integer('assigned_minor').notNull().default(0),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('postings_dedupe_uq').on(t.bankAccountId, t.dedupeKey),
    index('postings_match_state_idx').on(t.matchState),
    index('postings_booking_date_idx').on(t.bookingDate),
    index('postings_amount_idx').on(t.currency, t.amountMinor),
  ],
);
