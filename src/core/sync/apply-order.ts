/**
 * Stores one order read from a shop: first sight per the initial-connection rules (issue 4 §4), change
 * detection on every later sync (issue 4 §6). Every status change goes through the order state machine and
 * writes an audit entry; things other areas react to become order_events. Synchronous: call inside the page's
 * transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Clock, Logger } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { orderEvents, orders } from '../db/schema/index.ts';
import { writeAudit } from '../audit.ts';
import { applyOrderEffects, cancelPendingPaid } from '../orders/assignment-effects.ts';
import {
  initialStatus,
  isAwaitingPayment,
  transition,
  type OrderEvent,
  type OrderState,
} from '../orders/state-machine.ts';
import type { OrderEffect } from '../orders/state-machine.ts';
import type { ShopMapping, ShopOrder, WithheldField } from '../shops/connector.ts';
import { classify, isMappedStatus, openForEveryCode, showsPaid } from './shop-settings.ts';
import { addStatus, addTo, type SyncFindings } from './sync-findings.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type OrderRow = typeof orders.$inferSelect;
export type ApplyOutcome = 'new' | 'changed' | 'unchanged' | 'removed' | 'skipped';

export type ApplyContext = {
  tx: Tx;
  clock: Clock;
  logger: Logger;
  shop: { id: number; name: string; connectedAt: string };
  mapping: ShopMapping;
  /** What the run must tell the dealer (sync-findings.ts); absent where nobody collects it. */
  findings?: SyncFindings;
};

const ACTOR = 'sync';

export function findOrder(tx: Tx, shopId: number, externalId: string): OrderRow | undefined {
  return tx
    .select()
    .from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.externalId, externalId)))
    .get();
}

/** The stored orders among `externalIds` (one query per page instead of one per order). */
export function findOrders(tx: Tx, shopId: number, externalIds: string[]): Map<string, OrderRow> {
  const rows = externalIds.length
    ? tx
        .select()
        .from(orders)
        .where(and(eq(orders.shopId, shopId), inArray(orders.externalId, externalIds)))
        .all()
    : [];
  return new Map(rows.map((r) => [r.externalId, r]));
}

export function recordEvent(
  ctx: ApplyContext,
  orderId: number,
  kind: string,
  details: Record<string, unknown> = {},
): void {
  ctx.tx
    .insert(orderEvents)
    .values({ orderId, shopId: ctx.shop.id, kind, details, createdAt: ctx.clock.now().toISOString() })
    .run();
}

function stateOf(row: OrderRow): OrderState {
  return {
    status: row.status,
    managed: row.managed,
    totalMinor: row.totalMinor,
    paidMinor: row.paidMinor,
    refundedMinor: row.refundedMinor,
    overpaid: row.overpaid,
  };
}

/** Applies one state-machine event to a stored order: update, audit, effects as events. */
export function applyTransition(
  ctx: ApplyContext,
  row: OrderRow,
  event: OrderEvent,
  details: Record<string, unknown> = {},
): OrderRow {
  const before = stateOf(row);
  const result = transition(before, event);
  if (!result.ok) {
    // Not allowed for this order (e.g. the shop cancelled an order we already saw paid): keep our state, say so.
    ctx.logger.log('warn', 'shop change not applied to order', {
      orderId: row.id,
      event: event.type,
      code: result.code,
    });
    recordEvent(ctx, row.id, 'shop_change_not_applied', {
      event: event.type,
      code: result.code,
      message: result.message,
      ...details,
    });
    return row;
  }
  const now = ctx.clock.now().toISOString();
  const after = result.state;
  const updated = ctx.tx
    .update(orders)
    .set({
      status: after.status,
      totalMinor: after.totalMinor,
      paidMinor: after.paidMinor,
      refundedMinor: after.refundedMinor,
      overpaid: after.overpaid,
      ...(after.status !== before.status ? { statusChangedAt: now } : {}),
    })
    .where(eq(orders.id, row.id))
    .returning()
    .get();
  writeAudit(ctx.tx, ctx.clock, {
    actor: ACTOR,
    entityType: 'order',
    entityId: row.id,
    action: event.type,
    before,
    after,
    details,
  });
  for (const effect of result.effects)
    recordEvent(ctx, row.id, effect.type === 'notify' ? `notify_${effect.kind}` : effect.type, {
      cause: event.type,
    });
  // Carried out like those of an assignment: a shop change that makes the order paid queues its write-back, one
  // that makes a paid order unpaid again cancels or corrects it, and the dealer is told what needs a look.
  carryOut(ctx, updated ?? row, result.effects);
  return updated ?? row;
}

function storedFields(order: ShopOrder, mapping: ShopMapping) {
  const { code } = classify(order, mapping);
  return {
    number: order.number,
    invoiceNumber: order.invoiceNumber ?? null,
    updatedAtShop: order.updatedAt ?? null,
    currency: order.currency,
    customerName: order.customerName ?? null,
    company: order.company ?? null,
    email: order.email ?? null,
    country: order.billingCountry ?? null,
    shopPaymentMethod: order.paymentMethod ?? null,
    paymentCode: code ?? null,
    shopStatus: order.status,
  };
}

/** Stores an order read from the shop; returns what happened. `known` is the stored row if the caller looked it up. */
export function applyShopOrder(
  ctx: ApplyContext,
  order: ShopOrder,
  known?: { row: OrderRow | undefined },
): ApplyOutcome {
  const row = known ? known.row : findOrder(ctx.tx, ctx.shop.id, order.externalId);
  return row ? applyChanges(ctx, row, order) : insertNew(ctx, order);
}

function insertNew(ctx: ApplyContext, order: ShopOrder): ApplyOutcome {
  const cls = classify(order, ctx.mapping);
  // A payment method we do not handle (PayPal, card…) is not ours to manage, whenever it was created. Where the
  // order awaits money (a status open for every code), the method may just be missing from the mapping
  // (klarna_pay_later, a file's "Vorkasse"): the dealer is told, once per method.
  if (!cls.code) {
    if (ctx.findings && order.paymentMethod && openForEveryCode(ctx.mapping).includes(order.status))
      addTo(ctx.findings.unmappedMethods, order.paymentMethod, order.number);
    return 'skipped';
  }
  const initial = initialStatus({
    createdAt: order.createdAt,
    connectedAt: ctx.shop.connectedAt,
    openInShop: cls.open,
  });
  if (!initial.import) return 'skipped';
  const now = ctx.clock.now().toISOString();
  const row = ctx.tx
    .insert(orders)
    .values({
      shopId: ctx.shop.id,
      externalId: order.externalId,
      createdAtShop: order.createdAt,
      totalMinor: order.totalMinor,
      status: initial.status,
      managed: initial.managed,
      firstSeenAt: now,
      lastSyncedAt: now,
      statusChangedAt: now,
      ...storedFields(order, ctx.mapping),
    })
    .returning()
    .get();
  writeAudit(ctx.tx, ctx.clock, {
    actor: ACTOR,
    entityType: 'order',
    entityId: row.id,
    action: 'imported',
    after: { status: row.status, managed: row.managed, totalMinor: row.totalMinor, shopStatus: order.status },
    details: {
      shopId: ctx.shop.id,
      externalId: order.externalId,
      rule: initial.managed ? 'created_after_connection' : 'open_at_connection',
    },
  });
  // Created after the connection but no longer open by now: the history shows it arriving and leaving.
  if (!cls.open) closeInShop(ctx, row, order, cls.cancelled);
  return 'new';
}

function closeInShop(ctx: ApplyContext, row: OrderRow, order: ShopOrder, cancelled: boolean): OrderRow {
  const details = { shopStatus: order.status, paymentMethod: order.paymentMethod ?? null };
  // Part of the money arrived here: the dealer must look (the rest paid otherwise, or a refund), not only a log.
  const partlyPaid = (next: OrderRow) => {
    if (next.status !== row.status && row.paidMinor > 0)
      carryOut(ctx, next, [{ type: 'notify', kind: 'closed_in_shop_partially_paid' }]);
  };
  if (cancelled) {
    const next = applyTransition(ctx, row, { type: 'cancelled' }, details);
    if (next.status !== row.status) recordEvent(ctx, row.id, 'cancelled_in_shop', details);
    partlyPaid(next);
    return next;
  }
  const next = applyTransition(ctx, row, { type: 'removed_in_shop' }, details);
  partlyPaid(next);
  if (next.status !== row.status) {
    recordEvent(ctx, row.id, 'removed_externally', { reason: 'not_open_per_mapping', ...details });
    // Closed by a status or payment method the mapping does not know: it may still await money, so say so.
    const { code } = classify(order, ctx.mapping);
    if (ctx.findings && !code && order.paymentMethod)
      addTo(ctx.findings.unmappedMethods, order.paymentMethod, order.number);
    else if (ctx.findings && code && !isMappedStatus(order.status, ctx.mapping))
      addStatus(ctx.findings, order.status, code, order.number);
  }
  return next;
}

/** The stored column of each field a shop may withhold. */
const WITHHELD_COLUMN = {
  customerName: 'customerName',
  company: 'company',
  email: 'email',
  billingCountry: 'country',
} as const satisfies Record<WithheldField, keyof ReturnType<typeof storedFields>>;

function applyChanges(ctx: ApplyContext, row: OrderRow, order: ShopOrder): ApplyOutcome {
  const fields = storedFields(order, ctx.mapping);
  // Withheld is not empty (Shopify's protected customer data): what we stored stands, so no re-read blanks the
  // payer's name or email the matcher relies on, and no "changed to null" is recorded.
  for (const field of order.withheld ?? []) {
    const column = WITHHELD_COLUMN[field];
    fields[column] = row[column];
  }
  // Payments in one currency do not pay an order in another: with money assigned, the order keeps its currency,
  // and the dealer is told (money is an amount plus a currency, DESIGN §3.1).
  // Its total, in the other currency, is not taken either; the dealer is told once per currency the shop names.
  const currencyRefused = row.paidMinor > 0 && fields.currency !== row.currency;
  if (currencyRefused && !currencyChangeReported(ctx, row.id, fields.currency)) {
    refuseShopChange(ctx, row, 'currency_changed_after_payment', { from: row.currency, to: fields.currency });
  }
  if (currencyRefused) fields.currency = row.currency;
  const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
    (k) => fields[k] !== row[k] && k !== 'updatedAtShop',
  );
  const now = ctx.clock.now().toISOString();
  let current = row;
  if (changed.length > 0 || fields.updatedAtShop !== row.updatedAtShop) {
    current =
      ctx.tx
        .update(orders)
        .set({ ...fields, lastSyncedAt: now })
        .where(eq(orders.id, row.id))
        .returning()
        .get() ?? row;
  }
  if (changed.length > 0) {
    const before = Object.fromEntries(changed.map((k) => [k, row[k]]));
    const after = Object.fromEntries(changed.map((k) => [k, fields[k]]));
    writeAudit(ctx.tx, ctx.clock, {
      actor: ACTOR,
      entityType: 'order',
      entityId: row.id,
      action: 'updated_from_shop',
      before,
      after,
    });
  }
  if (changed.includes('email'))
    recordEvent(ctx, row.id, 'email_changed', { from: row.email, to: fields.email });

  let outcome: ApplyOutcome = changed.length > 0 ? 'changed' : 'unchanged';
  if (order.totalMinor !== row.totalMinor && !currencyRefused) {
    current = applyTransition(
      ctx,
      current,
      { type: 'amount_changed', totalMinor: order.totalMinor },
      { from: row.totalMinor },
    );
    recordEvent(ctx, row.id, 'amount_changed', {
      from: row.totalMinor,
      to: order.totalMinor,
      currency: order.currency,
    });
    outcome = 'changed';
  }

  const cls = classify(order, ctx.mapping);
  const statusBefore = current.status;
  if (cls.cancelled && (isAwaitingPayment(current.status) || current.status === 'removed_externally')) {
    current = closeInShop(ctx, current, order, true);
  } else if (!cls.open && isAwaitingPayment(current.status)) {
    current = closeInShop(ctx, current, order, false);
  } else if (cls.cancelled && current.status === 'paid' && changed.includes('shopStatus')) {
    // The shop cancelled (or refunded) an order we hold a payment for: not ours to undo. The dealer refunds or
    // reactivates it; a "paid" still waiting to be written back is not sent to a cancelled order.
    refuseShopChange(ctx, current, 'cancelled_in_shop_after_payment', {
      reason: 'paid_order_cancelled_in_shop',
      shopStatus: order.status,
    });
    cancelPendingPaid(ctx.tx, ctx.clock, ACTOR, row.id, 'order cancelled in the shop');
  } else if (
    current.status === 'paid' &&
    changed.includes('shopStatus') &&
    !cls.open &&
    showsPaid(order, ctx.mapping)
  ) {
    // Paid here, and the shop moved it to its paid status by now (the dealer marked it there too, or reactivated a
    // cancelled order straight into "paid"): a "paid" still waiting to be written back is redundant, and
    // WooCommerce's set_paid would run the shop's payment completion a second time. Not where the paid status is
    // also an open one (invoice and cash on delivery wait in "completed": goods ship before the money comes), nor
    // for an order whose status did not change: then the shop has not been told yet.
    cancelPendingPaid(ctx.tx, ctx.clock, ACTOR, row.id, 'the shop shows the order paid already');
  } else if (
    !cls.cancelled &&
    current.status === 'paid' &&
    changed.includes('shopStatus') &&
    row.shopStatus !== null &&
    classify({ ...order, status: row.shopStatus }, ctx.mapping).cancelled
  ) {
    // Reactivated in the shop after it was cancelled there (and its waiting write-back with it): paid here, so
    // the shop is to show it paid again.
    carryOut(ctx, current, [{ type: 'transfer_paid' }]);
  } else if (
    cls.open &&
    (current.status === 'removed_externally' ||
      (current.status === 'cancelled' && changed.includes('shopStatus')))
  ) {
    current = applyTransition(ctx, current, { type: 'reopened_in_shop' }, { shopStatus: order.status });
    recordEvent(ctx, row.id, 'reopened_in_shop', { shopStatus: order.status });
  }
  if (current.status !== statusBefore) {
    outcome =
      current.status === 'removed_externally' || current.status === 'cancelled' ? 'removed' : 'changed';
  }
  return outcome;
}

/** Carries out a state machine's effects for the order (write-backs, dealer notifications), as an assignment does. */
function carryOut(ctx: ApplyContext, row: OrderRow, effects: readonly OrderEffect[]): void {
  applyOrderEffects(ctx.tx, ctx.clock, ACTOR, row.id, row.number, effects, row.status);
}

/**
 * A shop change we do not take: recorded as "shop_change_not_applied" (the reason is the notification's kind unless
 * the details name one), and the dealer is told.
 */
function refuseShopChange(
  ctx: ApplyContext,
  row: OrderRow,
  kind: 'currency_changed_after_payment' | 'cancelled_in_shop_after_payment',
  details: Record<string, unknown>,
): void {
  recordEvent(ctx, row.id, 'shop_change_not_applied', { reason: kind, ...details });
  carryOut(ctx, row, [{ type: 'notify', kind }]);
}

/** Was the shop's change of this order's currency to `to` reported already (its event recorded)? */
function currencyChangeReported(ctx: ApplyContext, orderId: number, to: string): boolean {
  return ctx.tx
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.kind, 'shop_change_not_applied')))
    .all()
    .some((e) => {
      const d = e.details as { reason?: string; to?: string } | null;
      return d?.reason === 'currency_changed_after_payment' && d.to === to;
    });
}

/** The shop deleted the order (404), or it vanished from the CSV file: "removed externally". */
export function applyDeleted(ctx: ApplyContext, row: OrderRow): ApplyOutcome {
  if (!isAwaitingPayment(row.status)) return 'unchanged';
  const next = applyTransition(ctx, row, { type: 'removed_in_shop' }, { reason: 'deleted_in_shop' });
  if (next.status === row.status) return 'unchanged';
  recordEvent(ctx, row.id, 'removed_externally', { reason: 'deleted_in_shop' });
  return 'removed';
}
