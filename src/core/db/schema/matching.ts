import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, instant } from './common.ts';
import { assignments } from './assignments.ts';
import { orders } from './orders.ts';
import { postings } from './postings.ts';

/**
 * What confirmed manual assignments taught the matcher (issue 5 §4): a payer IBAN belongs to a customer, or a
 * payer name is an alias of a customer. Signals only, never proof on their own. `confirmations` counts the
 * manual assignments that taught the fact; undoing one of them takes it back, and a fact at 0 is not used.
 */
export const payerFacts = sqliteTable(
  'payer_facts',
  {
    id: id(),
    kind: text('kind', { enum: ['iban', 'alias'] }).notNull(),
    /** Normalised IBAN (no spaces, upper case) or normalised payer name (see matching/names.ts). */
    payerKey: text('payer_key').notNull(),
    /** `email:<lower-case email>` or `name:<normalised name>` of the customer. */
    customerKey: text('customer_key').notNull(),
    confirmations: integer('confirmations').notNull().default(1),
    lastAssignmentId: integer('last_assignment_id').references(() => assignments.id),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('payer_facts_uq').on(t.kind, t.payerKey, t.customerKey),
    index('payer_facts_payer_idx').on(t.payerKey),
  ],
);

/**
 * A return / chargeback posting and the assignment it reversed (issue 5 §3). The reversed assignment is undone
 * (undoneAt set); this row says why and lets the dealer see both sides.
 */
export const postingReturns = sqliteTable(
  'posting_returns',
  {
    id: id(),
    returnPostingId: integer('return_posting_id')
      .notNull()
      .references(() => postings.id),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    amountMinor: integer('amount_minor').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('posting_returns_posting_idx').on(t.returnPostingId),
    uniqueIndex('posting_returns_assignment_uq').on(t.assignmentId),
  ],
);
