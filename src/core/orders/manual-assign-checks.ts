/**
 * What a manual assignment did that the dealer may not have meant: paying an order that was no longer awaiting
 * payment (cancelled, removed in the shop, refunded, already paid) or more than its open amount. A manual
 * assignment is the dealer's decision, so these are warnings, not refusals; each names the order and how to
 * take the assignment back.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import type { OrderStatus } from '#shared/domain.ts';
import { orders } from '../db/schema/index.ts';
import { formatMinorAsDecimal } from '../money.ts';
import { isAwaitingPayment } from './state-machine.ts';

export type ManualAssignWarning = { code: string; message: string; orderId: number };

export type OrderBefore = {
  id: number;
  number: string;
  status: OrderStatus;
  totalMinor: number;
  paidMinor: number;
  currency: string;
};

/** The orders as they are before the assignment (call it before assigning). */
export function ordersBefore(db: Pick<Db, 'select'>, orderIds: number[]): Map<number, OrderBefore> {
  if (orderIds.length === 0) return new Map();
  const rows = db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      totalMinor: orders.totalMinor,
      paidMinor: orders.paidMinor,
      currency: orders.currency,
    })
    .from(orders)
    .where(inArray(orders.id, orderIds))
    .all();
  return new Map(rows.map((r) => [r.id, r]));
}

const amount = (minor: number, currency: string) => `${formatMinorAsDecimal(minor, currency)} ${currency}`;

/** The warnings for the assignments just made, from the orders' state before them. */
export function manualAssignWarnings(
  before: Map<number, OrderBefore>,
  created: readonly { id: number; orderId: number; amountMinor: number }[],
): ManualAssignWarning[] {
  const perOrder = new Map<number, { amountMinor: number; ids: number[] }>();
  for (const a of created) {
    const sum = perOrder.get(a.orderId) ?? { amountMinor: 0, ids: [] };
    perOrder.set(a.orderId, { amountMinor: sum.amountMinor + a.amountMinor, ids: [...sum.ids, a.id] });
  }
  const warnings: ManualAssignWarning[] = [];
  for (const [orderId, { amountMinor, ids }] of perOrder) {
    const o = before.get(orderId);
    if (!o) continue;
    const undo = `Take it back with kassenwart unassign ${ids.join(' / ')}.`;
    const open = Math.max(0, o.totalMinor - o.paidMinor);
    if (o.status === 'paid' || (isAwaitingPayment(o.status) && open === 0)) {
      warnings.push({
        orderId,
        code: 'ASSIGN_ORDER_ALREADY_PAID',
        message: `Order ${o.number} was already paid in full; ${amount(amountMinor, o.currency)} more were assigned to it (a double payment?). ${undo}`,
      });
    } else if (!isAwaitingPayment(o.status)) {
      warnings.push({
        orderId,
        code: 'ASSIGN_ORDER_NOT_AWAITING_PAYMENT',
        message: `Order ${o.number} was not awaiting payment (status ${o.status}); the payment was assigned to it anyway. Check it is the right order. ${undo}`,
      });
    } else if (amountMinor > open) {
      warnings.push({
        orderId,
        code: 'ASSIGN_MORE_THAN_OPEN',
        message: `Order ${o.number} had ${amount(open, o.currency)} open; ${amount(amountMinor, o.currency)} were assigned, ${amount(amountMinor - open, o.currency)} more than open. ${undo}`,
      });
    }
  }
  return warnings;
}
