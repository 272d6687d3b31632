/**
 * Order listing for `kassenwart orders` and the `orders.list` API method. Field names are the public JSON
 * interface (camelCase, stable).
 */
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { OrderStatus, PaymentCode } from '#shared/domain.ts';
import type { Db } from '../db/open.ts';
import { orders, shops } from '../db/schema/index.ts';

export type OrderListItem = {
  id: number;
  shop: string;
  number: string;
  invoiceNumber: string | null;
  createdAt: string;
  totalMinor: number;
  currency: string;
  paidMinor: number;
  customerName: string | null;
  company: string | null;
  email: string | null;
  country: string | null;
  paymentMethod: string | null;
  paymentCode: PaymentCode | null;
  shopStatus: string | null;
  status: OrderStatus;
  managed: boolean;
};

export function listOrders(
  db: Db,
  query: { status?: OrderStatus; shopId?: number; limit?: number; offset?: number } = {},
): OrderListItem[] {
  const where: SQL[] = [];
  if (query.status) where.push(eq(orders.status, query.status));
  if (query.shopId !== undefined) where.push(eq(orders.shopId, query.shopId));
  const rows = db
    .select({ order: orders, shop: shops.name })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(orders.createdAtShop), asc(orders.id))
    .limit(query.limit ?? 1_000_000)
    .offset(query.offset ?? 0)
    .all();
  return rows.map(({ order: o, shop }) => ({
    id: o.id,
    shop,
    number: o.number,
    invoiceNumber: o.invoiceNumber,
    createdAt: o.createdAtShop,
    totalMinor: o.totalMinor,
    currency: o.currency,
    paidMinor: o.paidMinor,
    customerName: o.customerName,
    company: o.company,
    email: o.email,
    country: o.country,
    paymentMethod: o.shopPaymentMethod,
    paymentCode: o.paymentCode,
    shopStatus: o.shopStatus,
    status: o.status,
    managed: o.managed,
  }));
}
