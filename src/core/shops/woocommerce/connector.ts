/**
 * The WooCommerce connector (issue 4 §2): polling over the REST API v3 (a desktop behind NAT cannot receive
 * webhooks). https://woocommerce.github.io/woocommerce-rest-api-docs/
 */
import type { OrderPage, ShopCapabilities, ShopConnector, ShopDiscovery, ShopOrder } from '../connector.ts';
import type { ConnectorContext } from '../connector-factory.ts';
import { ShopError } from '../http.ts';
import { WOO_ORDER_STATUSES, WooClient } from './client.ts';
import { toShopOrder } from './mapping.ts';

/**
 * Cursor of the changed-orders listing: the (inclusive) lower bound and the page within it. `byId`: the shop does
 * not sort by modification time, so the run pages by id under one fixed lower bound (see listChangedOrders).
 * `startedAt` (by id only): the shop's clock when the run's first page was listed.
 */
type Cursor = { since?: string; page: number; byId?: true; startedAt?: string };

const MAX_PAGE = 100;

export class WooCommerceConnector implements ShopConnector {
  readonly system = 'woocommerce' as const;
  readonly capabilities: ShopCapabilities = {
    canPushNewOrders: false,
    hasInvoiceNumbers: true,
    customStatuses: true,
  };
  readonly client: WooClient;

  constructor(context: ConnectorContext) {
    if (!context.url)
      throw new ShopError('SHOP_CONFIG', `WooCommerce shop "${context.shopName}" needs its address (--url).`);
    this.client = new WooClient({
      ...context.http,
      logger: context.http.logger ?? context.logger,
      baseUrl: context.url,
      consumerKey: context.credentials.key ?? '',
      consumerSecret: context.credentials.secret ?? '',
      shopName: context.shopName,
    });
  }

  async testConnection(): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
    try {
      await this.client.listOrders({ perPage: 1, fields: ['id'] });
      return { ok: true };
    } catch (error) {
      if (error instanceof ShopError) return { ok: false, code: error.code, message: error.message };
      throw error;
    }
  }

  async discover(): Promise<ShopDiscovery> {
    const gateways = await this.client.listPaymentGateways();
    return {
      paymentMethods: gateways.map((g) => ({ id: g.id, name: g.title || g.id })),
      statuses: WOO_ORDER_STATUSES.map((s) => ({ id: s, name: s })),
    };
  }

  /**
   * Orders modified at or after `since`, oldest first (`orderby=modified&order=asc`). WordPress' `modified_after`
   * is exclusive and has second precision, so we ask from one second earlier and the sync deduplicates the
   * boundary. The next page restarts from the last order's modified time (keyset-like, so orders modified while
   * we page cannot shift unseen orders past us); only when a whole page shares one timestamp do we step the
   * page number.
   *
   * A shop that refuses `orderby=modified` (it is not among the documented values, see WooClient
   * listOrdersByModified) is paged by id under the run's fixed `modified_after`: an order modified meanwhile keeps
   * its place (its id) and still matches the filter. Those pages are not oldest-modified first, so they say
   * `holdMark` and the sync moves its high-water mark only after the last one: a run that fails half-way re-reads
   * from the old mark (storing is idempotent) instead of skipping orders with older modified times on later pages.
   * An order changed while we page may sit on a page read already: the mark goes no further than the run's start
   * (below). Left alone: an order deleted or trashed while we page shifts the later pages by one and can hide one
   * order from this run; the full comparison reads every order we wait for.
   */
  async listChangedOrders(params: {
    since?: string;
    cursor?: string;
    pageSize?: number;
  }): Promise<OrderPage> {
    const pageSize = Math.min(params.pageSize ?? MAX_PAGE, MAX_PAGE);
    const cursor: Cursor = params.cursor
      ? (JSON.parse(params.cursor) as Cursor)
      : { since: params.since, page: 1 };
    const before = this.client.http.requestCount;
    const modifiedAfter = cursor.since ? new Date(Date.parse(cursor.since) - 1000).toISOString() : undefined;
    const query = { modifiedAfter, page: cursor.page, perPage: pageSize, order: 'asc' as const };
    const list = cursor.byId
      ? { ...(await this.client.listOrders({ ...query, orderby: 'id' })), orderby: 'id' as const }
      : await this.client.listOrdersByModified(query);
    const orders = list.orders.map((raw) => toShopOrder(this.client.parseOrder(raw)));
    const requests = this.client.http.requestCount - before;
    const more = orders.length >= pageSize && cursor.page < list.totalPages;
    const serverTime = list.serverTime ? { serverTime: list.serverTime } : {};
    if (list.orderby === 'id') {
      // An order with a low id changed while later pages are read is on a page read already, and an order with a
      // higher id changed even later would carry the mark past it: the mark goes no further than the run's start
      // by the shop's clock (its `Date`), so the next run reads what changed meanwhile (storing is idempotent).
      const startedAt = cursor.startedAt ?? list.serverTime;
      const cap = startedAt ? new Date(Date.parse(startedAt) - 1000).toISOString() : undefined;
      if (cap)
        for (const o of orders)
          if (o.updatedAt && Date.parse(o.updatedAt) > Date.parse(cap)) o.listedAt = cap;
      const next: Cursor = {
        since: cursor.since,
        page: cursor.page + 1,
        byId: true,
        ...(startedAt ? { startedAt } : {}),
      };
      return {
        orders,
        requests,
        holdMark: true,
        ...serverTime,
        ...(more ? { nextCursor: JSON.stringify(next) } : {}),
      };
    }
    const last = orders.at(-1);
    if (!more || !last?.updatedAt) return { orders, requests, ...serverTime };
    const next: Cursor =
      cursor.since && Date.parse(last.updatedAt) <= Date.parse(cursor.since)
        ? { since: cursor.since, page: cursor.page + 1 }
        : { since: last.updatedAt, page: 1 };
    return { orders, requests, ...serverTime, nextCursor: JSON.stringify(next) };
  }

  async listOpenOrderIds(params: { openStatuses: string[] }): Promise<{ ids: string[]; requests: number }> {
    const before = this.client.http.requestCount;
    const ids: string[] = [];
    if (params.openStatuses.length === 0) return { ids, requests: 0 };
    for (let page = 1; ; page += 1) {
      const list = await this.client.listOrders({
        status: params.openStatuses,
        page,
        perPage: MAX_PAGE,
        orderby: 'id',
        order: 'asc',
        fields: ['id'],
      });
      for (const raw of list.orders) {
        const id = (raw as { id?: unknown }).id;
        if (typeof id === 'number' || typeof id === 'string') ids.push(String(id));
      }
      if (page >= list.totalPages || list.orders.length < MAX_PAGE) break;
    }
    return { ids, requests: this.client.http.requestCount - before };
  }

  /** Batch read with `include` (100 ids per request); deleted (and trashed) orders are simply absent. */
  async getOrders(externalIds: string[]): Promise<{ orders: ShopOrder[]; requests: number }> {
    const before = this.client.http.requestCount;
    const orders: ShopOrder[] = [];
    for (let i = 0; i < externalIds.length; i += MAX_PAGE) {
      const ids = externalIds.slice(i, i + MAX_PAGE);
      const list = await this.client.listOrders({
        include: ids,
        perPage: MAX_PAGE,
        orderby: 'id',
        order: 'asc',
      });
      for (const raw of list.orders) orders.push(toShopOrder(this.client.parseOrder(raw)));
    }
    return { orders, requests: this.client.http.requestCount - before };
  }

  async getOrder(externalId: string): Promise<ShopOrder | undefined> {
    const order = await this.client.getOrder(externalId);
    return order ? toShopOrder(order) : undefined;
  }

  /**
   * Status update, then an order note saying what happened. Paid: `set_paid` first, on its own. WooCommerce applies
   * a new status before `set_paid`, and `set_paid` runs payment_complete() only while the order still needs
   * payment (pending or failed; WC_REST_Orders_V2_Controller::save_object, WC_Order::needs_payment), so sent with
   * the status it would never run: no woocommerce_payment_complete hook (invoice plugins), no stock reduction. Then
   * the mapped status, when payment_complete did not already set it (an on-hold order is not "pending payment":
   * there set_paid does nothing, and the status change alone marks it paid, with its date_paid).
   */
  async setOrderStatus(
    externalId: string,
    target: { status: string; paid?: boolean; note?: string },
  ): Promise<void> {
    const after = target.paid ? await this.client.updateOrder(externalId, { set_paid: true }) : undefined;
    if (after?.status !== target.status) await this.client.updateOrder(externalId, { status: target.status });
    if (target.note) await this.client.addOrderNote(externalId, target.note);
  }
}
