import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, instant, json } from './common.ts';
import { orders } from './orders.ts';
import { shops } from './shops.ts';

/**
 * Things that happened to an order in the shop and that other parts react to (issue 4 §6): `email_changed`
 * (the messages area re-sends payment information), `amount_changed`, `removed_externally`, `cancelled_in_shop`,
 * `reopened_in_shop`, `deleted_in_shop`, and state-machine effects the sync cannot carry out itself
 * (`transfer_paid`, `cancel_transfer_paid`, `notify`). Consumers set `handledAt` when they have acted.
 */
export const orderEvents = sqliteTable(
  'order_events',
  {
    id: id(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    shopId: integer('shop_id')
      .notNull()
      .references(() => shops.id),
    kind: text('kind').notNull(),
    details: json<Record<string, unknown>>('details').notNull().default({}),
    createdAt: instant('created_at').notNull(),
    handledAt: instant('handled_at'),
    handledBy: text('handled_by'),
  },
  (t) => [index('order_events_kind_handled_idx').on(t.kind, t.handledAt), index('order_events_order_idx').on(t.orderId)],
);
