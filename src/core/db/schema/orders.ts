import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bool, id, instant } from './common.ts';
import { shops } from './shops.ts';

import { ORDER_STATUSES, PAYMENT_CODES } from '#shared/domain.ts';
export { ORDER_STATUSES, PAYMENT_CODES };
export type { OrderStatus, PaymentCode } from '#shared/domain.ts';

/** An order from a shop. Amounts in minor units; `status` is ours (see orders/state-machine.ts). */
export const orders = sqliteTable(
  'orders',
  {
    id: id(),
    shopId: integer('shop_id')
      .notNull()
      .references(() => shops.id),
    /** The shop's own id of the order (WooCommerce id, Shopware uuid, Shopify gid, CSV number). */
    externalId: text('external_id').notNull(),
    number: text('number').notNull(),
    invoiceNumber: text('invoice_number'),
    /** Our payment reference with check digit, given to the customer in the payment information. */
    paymentReference: text('payment_reference'),
    createdAtShop: instant('created_at_shop').notNull(),
    updatedAtShop: instant('updated_at_shop'),
    totalMinor: integer('total_minor').notNull(),
    currency: text('currency').notNull(),
    paidMinor: integer('paid_minor').notNull().default(0),
    refundedMinor: integer('refunded_minor').notNull().default(0),
    overpaid: bool('overpaid').notNull().default(false),
    customerName: text('customer_name'),
    company: text('company'),
    email: text('email'),
    country: text('country'),
    shopPaymentMethod: text('shop_payment_method'),
    paymentCode: text('payment_code', { enum: PAYMENT_CODES }),
    shopStatus: text('shop_status'),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    /** False for orders already open when the shop was connected: matched, but no customer messages. */
    managed: bool('managed').notNull(),
    dueDate: text('due_date'),
    firstSeenAt: instant('first_seen_at').notNull(),
    lastSyncedAt: instant('last_synced_at').notNull(),
    statusChangedAt: instant('status_changed_at').notNull(),
  },
  (t) => [
    uniqueIndex('orders_shop_external_uq').on(t.shopId, t.externalId),
    uniqueIndex('orders_payment_reference_uq').on(t.paymentReference),
    index('orders_status_idx').on(t.status),
    index('orders_number_idx').on(t.number),
    index('orders_invoice_number_idx').on(t.invoiceNumber),
    index('orders_total_idx').on(t.currency, t.totalMinor),
    index('orders_email_idx').on(t.email),
    index('orders_shop_status_idx').on(t.shopId, t.status),
  ],
);
