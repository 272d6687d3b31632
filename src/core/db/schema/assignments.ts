import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { SignalParamsDto } from '#shared/signal-texts.ts';
import { id, instant, json } from './common.ts';
import { orders } from './orders.ts';
import { postings } from './postings.ts';

/**
 * A reason kept with an assignment: a matcher signal (`params`: its facts, #shared/signal-texts.ts; absent in rows
 * stored before signals had them) or one Kassenwart or the dealer adds (a note, an accepted shortfall).
 */
export type AssignmentSignal = {
  kind: string;
  detail: string;
  weight?: number;
  params?: SignalParamsDto | null;
};

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
