import { and, count, inArray, isNull } from 'drizzle-orm';
import { ofConnectedShop } from '../orders/connected-shops.ts';
import type { Db } from '../db/open.ts';
import {
  ORDER_STATUSES,
  type OrderStatus,
  orders,
  postings,
  statusTransfers,
  shops,
  dealerNotifications,
} from '../db/schema/index.ts';

export type StatusSummary = {
  orders: Record<OrderStatus, number>;
  ordersTotal: number;
  unassignedPostings: number;
  failedTransfers: number;
  pendingTransfers: number;
  shops: number;
  unreadNotifications: number;
};

/**
 * Counts for the dashboard and `kassenwart status`: one grouped query per table, all indexed. Orders and
 * write-backs of removed shops are history, not open work (orders/connected-shops.ts): they are not counted.
 */
export function statusSummary(db: Db): StatusSummary {
  const byStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  const rows = db
    .select({ status: orders.status, n: count() })
    .from(orders)
    .where(ofConnectedShop(db))
    .groupBy(orders.status)
    .all();
  for (const row of rows) byStatus[row.status] = row.n;
  const unassigned =
    db
      .select({ n: count() })
      .from(postings)
      .where(inArray(postings.matchState, ['unassigned', 'partially_assigned']))
      .get()?.n ?? 0;
  const transferRows = db
    .select({ state: statusTransfers.state, n: count() })
    .from(statusTransfers)
    .where(
      and(
        inArray(statusTransfers.state, ['failed', 'pending']),
        inArray(
          statusTransfers.orderId,
          db.select({ id: orders.id }).from(orders).where(ofConnectedShop(db)),
        ),
      ),
    )
    .groupBy(statusTransfers.state)
    .all();
  const shopCount = db.select({ n: count() }).from(shops).where(isNull(shops.removedAt)).get()?.n ?? 0;
  const unread =
    db.select({ n: count() }).from(dealerNotifications).where(isNull(dealerNotifications.readAt)).get()?.n ??
    0;
  return {
    orders: byStatus,
    ordersTotal: rows.reduce((sum, r) => sum + r.n, 0),
    unassignedPostings: unassigned,
    failedTransfers: transferRows.find((r) => r.state === 'failed')?.n ?? 0,
    pendingTransfers: transferRows.find((r) => r.state === 'pending')?.n ?? 0,
    shops: shopCount,
    unreadNotifications: unread,
  };
}
