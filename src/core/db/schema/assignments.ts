import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, instant, json } from './common.ts';
import { orders } from './orders.ts';
import { postings } from './postings.ts';

export type AssignmentSignal = { kind: string; detail: string; weight?: number };

/**
 * A posting (or part of it) assigned to an order. Never deleted: an undo sets `undoneAt`, so every decision
 * stays explainable (which pass, which signals, which score).
 */
export const assignments = sqliteTable(
  'assignments',
  {
    id: id(),
    postingId: integer('posting_id')
      .notNull()
      .references(() => postings.id),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    amountMinor: integer('amount_minor').notNull(),
    method: text('method', { enum: ['auto', 'manual'] }).notNull(),
    pass: text('pass'),
    /** Matcher confidence in [0, 1]; a ranking figure, not money. */
    score: real('score'),
    reasons: json<AssignmentSignal[]>('reasons').notNull().default([]),
    createdAt: instant('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    undoneAt: instant('undone_at'),
    undoneBy: text('undone_by'),
    undoReason: text('undo_reason'),
  },
  (t) => [index('assignments_posting_idx').on(t.postingId), index('assignments_order_idx').on(t.orderId)],
);
