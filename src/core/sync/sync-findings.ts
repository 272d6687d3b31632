/**
 * What a sync run saw that the dealer must hear about, though the run itself is fine: an order whose modified date
 * lies in the future, a shop status the mapping does not know (the order is taken as no longer open), a payment
 * method the mapping does not know (the order is not imported). Collected while the pages are stored, told after
 * the run, each once (every run would repeat it: a notification per run is noise).
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { PaymentCode } from '#shared/domain.ts';
import { listedOrders } from '#shared/notification-kinds.ts';
import type { Clock } from '../deps.ts';
import type { ShopMapping } from '../shops/connector.ts';
import type { Db } from '../db/open.ts';
import { dealerNotifications, orders } from '../db/schema/index.ts';
import { notice, sameNotice } from '../notifications/notice.ts';

export type SyncFindings = {
  /**
   * By external id: the order's number, its modified date, and the time it lies beyond: the shop's (its Date
   * header), or this computer's where the shop sends none (`ourClock`).
   */
  futureDated: Map<string, { number: string; modifiedAt: string; shopNow: string; ourClock: boolean }>;
  /** Shop statuses that closed waiting orders without being open, paid or cancelled per the mapping: orders. */
  unmappedStatuses: Map<string, { numbers: Set<string>; codes: Set<PaymentCode> }>;
  /** Payment methods no code maps, of orders in an open status: their order numbers. */
  unmappedMethods: Map<string, Set<string>>;
};

export function newFindings(): SyncFindings {
  return { futureDated: new Map(), unmappedStatuses: new Map(), unmappedMethods: new Map() };
}

/** Adds a committed page's findings to the run's. */
export function mergeFindings(into: SyncFindings, from: SyncFindings): void {
  for (const [id, f] of from.futureDated) into.futureDated.set(id, f);
  for (const [status, { numbers, codes }] of from.unmappedStatuses)
    for (const number of numbers) for (const code of codes) addStatus(into, status, code, number);
  for (const [method, numbers] of from.unmappedMethods)
    for (const number of numbers) addTo(into.unmappedMethods, method, number);
}

export function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

export function addStatus(findings: SyncFindings, status: string, code: PaymentCode, number: string): void {
  const found = findings.unmappedStatuses.get(status) ?? { numbers: new Set<string>(), codes: new Set() };
  found.numbers.add(number);
  found.codes.add(code);
  findings.unmappedStatuses.set(status, found);
}

type Notice = Omit<typeof dealerNotifications.$inferInsert, 'createdAt'>;

/** Inserts `notice` unless a dealer notification of its kind that `same` also matches exists: told once. */
export function notifyOnce(db: Db, clock: Clock, notice: Notice, same: SQL): void {
  const told = db
    .select({ id: dealerNotifications.id })
    .from(dealerNotifications)
    .where(and(eq(dealerNotifications.kind, notice.kind), same))
    .get();
  if (told) return;
  db.insert(dealerNotifications)
    .values({ ...notice, createdAt: clock.now().toISOString() })
    .run();
}

/** Tells the dealer, once per finding, what the run saw (see the file comment). */
export function reportFindings(
  db: Db,
  clock: Clock,
  shop: { id: number; name: string },
  findings: SyncFindings,
  mapping: ShopMapping | undefined,
): void {
  const cmd = `kassenwart shop mapping "${shop.name}"`;
  // One notice per shop and run, however many orders (a clock hours apart dates every recent order ahead).
  const future = [...findings.futureDated];
  const [firstFuture] = future;
  if (firstFuture) {
    const [externalId, f] = firstFuture;
    const numbers = future.map(([, x]) => x.number);
    // The order the notice links to, when it names just one.
    const held =
      numbers.length === 1
        ? db
            .select({ id: orders.id })
            .from(orders)
            .where(and(eq(orders.shopId, shop.id), eq(orders.externalId, externalId)))
            .get()
        : undefined;
    const params = {
      shopName: shop.name,
      ...listedOrders(numbers),
      orderNumber: f.number,
      modifiedAt: f.modifiedAt,
      shopNow: f.shopNow,
      ourClock: f.ourClock,
    };
    notifyOnce(
      db,
      clock,
      { ...notice('order_modified_in_future', params), level: 'warning', orderId: held?.id ?? null },
      sameNotice('order_modified_in_future', params, ['shopName']),
    );
  }
  for (const [status, { numbers, codes }] of findings.unmappedStatuses) {
    const open = [...codes]
      .map((c) => `--open ${c}=${[...(mapping?.openStatuses[c] ?? []), status].join(',')}`)
      .join(' ');
    const params = { shopName: shop.name, status, ...listedOrders(numbers), command: `${cmd} ${open}` };
    notifyOnce(
      db,
      clock,
      { ...notice('shop_status_unmapped', params), level: 'warning' },
      sameNotice('shop_status_unmapped', params, ['shopName', 'status']),
    );
  }
  for (const [method, numbers] of findings.unmappedMethods) {
    const prepayment = [...(mapping?.paymentMethods.prepayment ?? []), method].join(',');
    const params = {
      shopName: shop.name,
      method,
      ...listedOrders(numbers),
      command: `${cmd} --payment prepayment=${prepayment}`,
    };
    notifyOnce(
      db,
      clock,
      { ...notice('payment_method_unmapped', params), level: 'warning' },
      sameNotice('payment_method_unmapped', params, ['shopName', 'method']),
    );
  }
}
