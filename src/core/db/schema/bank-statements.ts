import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, instant } from './common.ts';
import { bankAccounts } from './bank-accounts.ts';
import { importBatches } from './postings.ts';

/**
 * One statement (CAMT Stmt/Rpt/Ntfctn, MT940 message, CSV file) of an import: its sequence number for gap
 * detection per account, and its balance check (opening + entries = closing).
 */
export const bankStatements = sqliteTable(
  'bank_statements',
  {
    id: id(),
    importBatchId: integer('import_batch_id')
      .notNull()
      .references(() => importBatches.id),
    bankAccountId: integer('bank_account_id')
      .notNull()
      .references(() => bankAccounts.id),
    format: text('format').notNull(),
    statementId: text('statement_id'),
    /** As written in the file (CAMT ElctrncSeqNb/LglSeqNb, MT940 :28C: statement number). */
    sequence: text('sequence'),
    /** The numeric statement number used for gap detection (MT940 "12/1" -> 12), when there is one. */
    sequenceNumber: integer('sequence_number'),
    fromDate: text('from_date'),
    toDate: text('to_date'),
    openingBalanceMinor: integer('opening_balance_minor'),
    closingBalanceMinor: integer('closing_balance_minor'),
    entriesSumMinor: integer('entries_sum_minor').notNull().default(0),
    currency: text('currency'),
    balanceCheck: text('balance_check', { enum: ['ok', 'mismatch', 'not_available'] }).notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('bank_statements_account_idx').on(t.bankAccountId, t.format, t.sequenceNumber)],
);
