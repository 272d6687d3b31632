import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, instant, json } from './common.ts';
import { orders } from './orders.ts';
import { shops } from './shops.ts';

/**
 * Things that happened to an order in the shop and that other parts react to (issue 4 §6). Kinds and details:
 *   email_changed {from, to}             the messages area re-sends payment information
 *   amount_changed {from, to, currency}  (the state machine's amount_changed was applied too)
 *   removed_externally {reason: 'not_open_per_mapping' | 'deleted_in_shop', shopStatus?, paymentMethod?}
 *   cancelled_in_shop {shopStatus}, reopened_in_shop {shopStatus}
 *   shop_change_not_applied {event, code, message}  the state machine refused (e.g. shop cancelled a paid order)
 *   transfer_paid / cancel_transfer_paid / notify_<kind> {cause}  state-machine effects for the transfer and
 *                                                                  notification areas
 * Consumers set `handledAt`/`handledBy` when they have acted.
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
  (t) => [
    index('order_events_kind_handled_idx').on(t.kind, t.handledAt),
    index('order_events_order_idx').on(t.orderId),
  ],
);
