import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { NotificationParams } from '#shared/api/notifications.ts';
import { id, instant, json } from './common.ts';
import { orders } from './orders.ts';

/** Customer messages: payment information, reminders, pre-collection letters. */
export const customerMessages = sqliteTable(
  'customer_messages',
  {
    id: id(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    kind: text('kind', { enum: ['payment_info', 'reminder', 'pre_collection'] }).notNull(),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    state: text('state', { enum: ['queued', 'sent', 'failed', 'cancelled'] }).notNull(),
    messageId: text('message_id'),
    error: text('error'),
    createdAt: instant('created_at').notNull(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    index('customer_messages_order_idx').on(t.orderId),
    index('customer_messages_state_idx').on(t.state),
  ],
);

/**
 * Notifications for the dealer (tray and log): failed transfers, unknown accounts, sync errors. Stored without
 * language: `kind` plus `params` (order number, shop name, amounts in minor units, instants), worded in German or
 * English when shown (#shared/notification-texts.ts). `title` and `body` hold the English text of rows written
 * before 0007 (their `params` is null); newer rows leave them null.
 */
export const dealerNotifications = sqliteTable(
  'dealer_notifications',
  {
    id: id(),
    kind: text('kind').notNull(),
    level: text('level', { enum: ['info', 'warning', 'error'] }).notNull(),
    params: json<NotificationParams>('params'),
    title: text('title'),
    body: text('body'),
    orderId: integer('order_id').references(() => orders.id),
    createdAt: instant('created_at').notNull(),
    readAt: instant('read_at'),
  },
  (t) => [index('dealer_notifications_unread_idx').on(t.readAt)],
);
