/**
 * Is the shop behind a changed address or changed credentials (`shop update`) still the shop whose orders Kassenwart
 * keeps? Pointed at another shop, the next sync would import that shop's orders beside these, the full comparison
 * would take every order waiting for payment here as removed externally, and "paid" would be written to the wrong
 * shop. Two signs, the stronger first:
 *
 *  - The identity the shop's API gives, where it gives one that survives a change of address and was stored when the
 *    shop was connected: Shopify's `shop { id }` (https://shopify.dev/docs/api/admin-graphql/latest/objects/Shop).
 *    WooCommerce's REST API names no site identity but its URL, which is what changes when a shop moves; Shopware's
 *    Admin API shows its shop id only to integrations with system settings access.
 *  - The orders Kassenwart knows: the latest ones are read at the new address. One found under its id with the same
 *    number and creation time says it is the same shop. The id alone proves nothing: WooCommerce counts its order ids
 *    per shop, so another WooCommerce shop has an order 1234 as well. (A copy of the shop, such as a staging site,
 *    has the same orders and passes.)
 */
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { orders } from '../db/schema/index.ts';
import { KassenwartError } from '../errors.ts';
import { ORDER_OUT_OF_REACH, type ShopConnector, type ShopOrder } from './connector.ts';

/** Our latest orders read at the new address, at most (one batch request, or one request each until one fits). */
const SAMPLE = 10;

export type SameShopVerdict =
  | { same: true }
  /** `evidence`: why it looks like another shop, for the message (no credentials in it). */
  | { same: false; evidence: string };

type KnownOrder = { externalId: string; number: string; createdAtShop: string };

/** Same number and creation time (to the second: shops give seconds, some with and some without milliseconds). */
function fits(known: KnownOrder, found: ShopOrder | undefined): boolean {
  if (!found || found.number !== known.number) return false;
  return (
    Math.floor(Date.parse(found.createdAt) / 1000) === Math.floor(Date.parse(known.createdAtShop) / 1000)
  );
}

export async function checkSameShop(input: {
  db: Pick<Db, 'select'>;
  shopId: number;
  connector: ShopConnector;
  /** The identity stored for the shop, and the one the new connection's test reported (undefined: none given). */
  storedIdentity: string | undefined;
  newIdentity: string | undefined;
}): Promise<SameShopVerdict> {
  const { storedIdentity, newIdentity } = input;
  if (storedIdentity !== undefined && newIdentity !== undefined)
    return storedIdentity === newIdentity
      ? { same: true }
      : {
          same: false,
          evidence: `the shop's API names it ${newIdentity}, where it named ${storedIdentity} when the shop was connected`,
        };
  // Orders the shop deleted are known to be gone; the latest others are the likeliest to be there still (Shopify
  // shows an app only the last 60 days' orders without read_all_orders).
  const known = input.db
    .select({ externalId: orders.externalId, number: orders.number, createdAtShop: orders.createdAtShop })
    .from(orders)
    .where(and(eq(orders.shopId, input.shopId), ne(orders.status, 'removed_externally')))
    .orderBy(desc(orders.createdAtShop), desc(orders.id))
    .limit(SAMPLE)
    .all();
  if (known.length === 0) return { same: true }; // nothing to compare: no order of it is known yet
  const { connector } = input;
  let checked = 0;
  if (connector.getOrders) {
    const { orders: found } = await connector.getOrders(known.map((o) => o.externalId));
    const byId = new Map(found.map((o) => [o.externalId, o]));
    if (known.some((o) => fits(o, byId.get(o.externalId)))) return { same: true };
    checked = known.length;
  } else {
    for (const order of known) {
      let found: ShopOrder | undefined;
      try {
        found = await connector.getOrder(order.externalId, { createdAt: order.createdAtShop });
      } catch (error) {
        // Not shown to us (too old for the app's scopes): says nothing either way.
        if (error instanceof KassenwartError && error.code === ORDER_OUT_OF_REACH) continue;
        throw error;
      }
      if (fits(order, found)) return { same: true };
      checked += 1;
    }
  }
  if (checked === 0) return { same: true }; // none could be checked
  const numbers = known.slice(0, 3).map((o) => o.number);
  return {
    same: false,
    evidence: `none of the ${checked} latest orders Kassenwart knows from it (${numbers.join(', ')}${known.length > 3 ? ', …' : ''}) is there with its number and date`,
  };
}
