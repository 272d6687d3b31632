/**
 * Orders of removed shops. `shop remove` keeps a shop's orders as history (their assignments and audit stay), but
 * the shop is gone: nothing can be sent to it and nothing is collected for it any more. Its orders take no part in
 * matching, order search and resolution, or the counts of open work, and no payment is assigned to them (the
 * dealer would only build a write-back nobody can send). One place for the rule, so every reader applies it alike.
 */
import { eq, isNotNull, notInArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { orders, shops } from '../db/schema/index.ts';

type Reader = Pick<Db, 'select'>;

/** A condition on `orders`: the order's shop is still connected (not removed). */
export function ofConnectedShop(db: Reader): SQL {
  return notInArray(orders.shopId, db.select({ id: shops.id }).from(shops).where(isNotNull(shops.removedAt)));
}

/**
 * The removed shop an order belongs to, if its shop was removed: its name as the dealer knew it (remove renames
 * the row to `NAME (removed ID)` to free the name) and when it was removed.
 */
export function removedShopOf(db: Reader, shopId: number): { name: string; removedAt: string } | undefined {
  const row = db
    .select({ name: shops.name, removedAt: shops.removedAt })
    .from(shops)
    .where(eq(shops.id, shopId))
    .get();
  return row?.removedAt
    ? { name: row.name.replace(/ \(removed \d+\)$/, ''), removedAt: row.removedAt }
    : undefined;
}
