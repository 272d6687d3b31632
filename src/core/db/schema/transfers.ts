import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, instant } from './common.ts';
import { orders } from './orders.ts';

/**
 * Outbox of status write-backs to the shop ("mark paid"). Retried with backoff for 7 days, then the dealer
 * is notified (product brief). `state` failed = given up.
 */
export const statusTransfers = sqliteTable(
  'status_transfers',
  {
    id: id(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    targetStatus: text('target_status').notNull(),
    state: text('state', { enum: ['pending', 'done', 'failed', 'cancelled'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at'),
    giveUpAt: instant('give_up_at').notNull(),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    doneAt: instant('done_at'),
  },
  (t) => [
    index('status_transfers_state_next_idx').on(t.state, t.nextAttemptAt),
    index('status_transfers_order_idx').on(t.orderId),
  ],
);
