/**
 * Carries out the effects the order state machine names (orders/state-machine.ts `OrderEffect`) after a
 * payment was assigned or taken back: the status write-back outbox (status_transfers) and dealer
 * notifications. Runs inside the caller's transaction.
 */
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { writeAudit } from '../audit.ts';
import type { Clock } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { dealerNotifications, orders, statusTransfers } from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import { notice } from '../notifications/notice.ts';
import { removedShopOf } from './connected-shops.ts';
import type { OrderEffect } from './state-machine.ts';

type Tx = Pick<Db, 'insert' | 'update' | 'select'>;

/** Write-backs are retried for 7 days, then the dealer is told (product brief; transfers schema). */
export const TRANSFER_GIVE_UP_MS = 7 * 24 * 60 * 60 * 1000;

/** What happened to the shop write-back, for the caller's report ("undo corrected the shop status"). */
export type TransferCorrection = 'none' | 'enqueued_paid' | 'cancelled_pending' | 'enqueued_correction';

/** One status write-back into the outbox, due now, given up after 7 days; audited. */
function enqueueTransfer(
  tx: Tx,
  clock: Clock,
  actor: string,
  orderId: number,
  targetStatus: 'paid' | 'unpaid',
  details?: Record<string, unknown>,
): void {
  const now = clock.now();
  const nowIso = now.toISOString();
  const row = tx
    .insert(statusTransfers)
    .values({
      orderId,
      targetStatus,
      state: 'pending',
      nextAttemptAt: nowIso,
      giveUpAt: new Date(now.getTime() + TRANSFER_GIVE_UP_MS).toISOString(),
      createdAt: nowIso,
      updatedAt: nowIso,
    })
    .returning()
    .get();
  writeAudit(tx, clock, {
    actor,
    entityType: 'transfer',
    entityId: row.id,
    action: 'enqueued',
    after: row,
    details,
  });
}

/** A pending write-back that is no longer wanted: cancelled, and audited with why. */
function cancelTransfer(
  tx: Tx,
  clock: Clock,
  actor: string,
  transfer: typeof statusTransfers.$inferSelect,
  reason: string,
): void {
  tx.update(statusTransfers)
    .set({ state: 'cancelled', updatedAt: clock.now().toISOString() })
    .where(eq(statusTransfers.id, transfer.id))
    .run();
  writeAudit(tx, clock, {
    actor,
    entityType: 'transfer',
    entityId: transfer.id,
    action: 'cancelled',
    before: transfer,
    details: { reason },
  });
}

/** Cancels the write-backs still waiting that `which` selects; returns them. */
function cancelWaiting(tx: Tx, clock: Clock, actor: string, reason: string, ...which: SQL[]) {
  const pending = tx
    .select()
    .from(statusTransfers)
    .where(and(eq(statusTransfers.state, 'pending'), ...which))
    .all();
  for (const t of pending) cancelTransfer(tx, clock, actor, t, reason);
  return pending;
}

/** Cancels the order's "paid" write-back while it still waits (the shop cancelled the order meanwhile). */
export function cancelPendingPaid(
  tx: Tx,
  clock: Clock,
  actor: string,
  orderId: number,
  reason: string,
): number {
  return cancelWaiting(
    tx,
    clock,
    actor,
    reason,
    eq(statusTransfers.orderId, orderId),
    eq(statusTransfers.targetStatus, 'paid'),
  ).length;
}

/**
 * Cancels every write-back still waiting for the orders of a shop being removed: nothing can be sent to a shop
 * that is gone (its credentials are deleted). Write-backs already given up (`failed`) stay as they are (history;
 * the status counts leave out removed shops). Returns how many were cancelled.
 */
export function cancelPendingTransfersOfShop(
  tx: Tx,
  clock: Clock,
  actor: string,
  shopId: number,
  reason: string,
): number {
  const ofShop = tx.select({ id: orders.id }).from(orders).where(eq(orders.shopId, shopId));
  const cancelled = cancelWaiting(tx, clock, actor, reason, inArray(statusTransfers.orderId, ofShop));
  const paid = cancelled.filter((t) => t.targetStatus === 'paid').map((t) => t.orderId);
  if (paid.length === 0) return cancelled.length;
  // The shop never heard that these orders were paid, and now never will from Kassenwart: the dealer must mark them
  // paid there by hand, or the customers are chased for money already received (or the goods held back).
  const createdAt = clock.now().toISOString();
  const numbers = tx
    .select({ id: orders.id, number: orders.number })
    .from(orders)
    .where(inArray(orders.id, paid))
    .all();
  for (const { id, number } of numbers)
    tx.insert(dealerNotifications)
      .values({
        ...notice('paid_not_sent', { orderNumber: number, reason }),
        level: 'warning',
        orderId: id,
        createdAt,
      })
      .run();
  return cancelled.length;
}

export function applyOrderEffects(
  tx: Tx,
  clock: Clock,
  actor: string,
  orderId: number,
  orderNumber: string,
  effects: readonly OrderEffect[],
  newStatus: string,
): TransferCorrection {
  const now = clock.now();
  const nowIso = now.toISOString();
  let correction: TransferCorrection = 'none';
  // An order of a removed shop (orders/connected-shops.ts) gets no write-back: nothing can be sent to the shop.
  // Its "paid" write-backs still waiting were cancelled when the shop was removed.
  const shopGone = (): boolean => {
    const order = tx.select({ shopId: orders.shopId }).from(orders).where(eq(orders.id, orderId)).get();
    return order !== undefined && removedShopOf(tx, order.shopId) !== undefined;
  };
  for (const effect of effects) {
    if (effect.type === 'transfer_paid') {
      if (shopGone()) continue;
      // Paid again while the correction back to "unpaid" waits to be sent: the shop still shows "paid", so the
      // two cancel out (sending both, in whatever order the retries take, could leave the shop unpaid). And a
      // "paid" that waits already is not queued twice.
      const pending = tx
        .select()
        .from(statusTransfers)
        .where(and(eq(statusTransfers.orderId, orderId), eq(statusTransfers.state, 'pending')))
        .all();
      const unpaid = pending.find((t) => t.targetStatus === 'unpaid');
      if (unpaid) cancelTransfer(tx, clock, actor, unpaid, 'paid again before the correction was sent');
      else if (!pending.some((t) => t.targetStatus === 'paid')) {
        enqueueTransfer(tx, clock, actor, orderId, 'paid');
        correction = 'enqueued_paid';
      }
    } else if (effect.type === 'cancel_transfer_paid') {
      const last = tx
        .select()
        .from(statusTransfers)
        .where(and(eq(statusTransfers.orderId, orderId), eq(statusTransfers.targetStatus, 'paid')))
        .orderBy(desc(statusTransfers.id))
        .limit(1)
        .get();
      if (last?.state === 'pending') {
        cancelTransfer(tx, clock, actor, last, 'payment taken back before write-back');
        correction = 'cancelled_pending';
      } else if (last?.state === 'done') {
        // The shop already shows "paid". Connected: queue the way back to the unpaid status (the transfer worker
        // maps `unpaid` to the shop's open status for the order's payment method). Removed from Kassenwart (the shop
        // itself still runs and shows "paid"): nothing can be sent, so the dealer must set it back by hand. Either
        // way the dealer must hear of it: shipping on that "paid" ships unpaid goods.
        const connected = !shopGone();
        if (connected) {
          enqueueTransfer(tx, clock, actor, orderId, 'unpaid', { corrects: last.id, orderStatus: newStatus });
          correction = 'enqueued_correction';
        }
        tx.insert(dealerNotifications)
          .values({
            ...notice('paid_status_corrected', { orderNumber, shopConnected: connected }),
            level: 'warning',
            orderId,
            createdAt: nowIso,
          })
          .run();
      }
    } else {
      // The order's money after the change that caused it (the caller stored the new state first).
      const money = tx
        .select({ totalMinor: orders.totalMinor, paidMinor: orders.paidMinor, currency: orders.currency })
        .from(orders)
        .where(eq(orders.id, orderId))
        .get();
      if (!money)
        throw new NotFoundError('ORDER_NOT_FOUND', `Order ${orderNumber} (id ${orderId}) is not stored.`);
      tx.insert(dealerNotifications)
        .values({
          ...notice(effect.kind, { orderNumber, ...money }),
          level: 'warning',
          orderId,
          createdAt: nowIso,
        })
        .run();
    }
  }
  return correction;
}
