/**
 * The connector interface every shop system implements (issue 4). One folder per system beside this file,
 * registered in registry.ts (factory) and simulators.ts (test/demo simulator).
 * Connectors speak the shop's API and translate to these shapes; they never touch the database.
 *
 * What the sync engine (src/core/sync/sync-service.ts) relies on:
 *  - listChangedOrders: `since` is inclusive; orders come oldest-modified first, so every stored page is a
 *    prefix and the high-water mark (the largest `listedAt ?? updatedAt` stored) never passes unstored orders. Pages that
 *    cannot keep that order say `holdMark`: the mark then moves only once the run's last page is stored. The mark
 *    never passes the shop's current time (`serverTime`, else our clock). Orders
 *    without `updatedAt` never move the mark (the CSV shop). Re-delivering an order is harmless (dedupe).
 *  - listOpenOrderIds: called once per distinct set of open statuses in the mapping (full comparison), unless
 *    the connector offers the batch read `getOrders`.
 *  - getOrder: `undefined` only when the shop says the order does not exist (deleted): "removed externally". An
 *    order the shop exists but does not show us (Shopify without read_all_orders, older than 60 days) throws a
 *    ShopError with code ORDER_OUT_OF_REACH: the engine reports it to the dealer and leaves the order as it is.
 *  - Errors are ShopError (./http.ts) with codes and messages free of credentials.
 */
import type { PaymentCode, ShopSystem } from '#shared/domain.ts';

/** The code of a ShopError from getOrder: the shop may still have the order but does not show it to us. */
export const ORDER_OUT_OF_REACH = 'SHOP_ORDER_OUT_OF_REACH';

/** Customer fields of a ShopOrder a shop may withhold from us (Shopify's protected customer data). */
export type WithheldField = 'customerName' | 'company' | 'email' | 'billingCountry';

export type ShopOrder = {
  /** The shop's own id (WooCommerce numeric id, Shopware uuid, Shopify gid, CSV number). */
  externalId: string;
  number: string;
  invoiceNumber?: string;
  createdAt: string;
  /** When the shop last changed the order itself (its own modification time, stored as the order's updatedAtShop). */
  updatedAt?: string;
  /**
   * Set by listChangedOrders where an order can be listed for a change that is not its own: the date of the change
   * it was listed for, which the high-water mark follows (the mark is the largest `listedAt ?? updatedAt`). Shopware
   * lists an order also for a change of its transaction (paid in the admin), whose date the order's own updatedAt
   * does not share.
   */
  listedAt?: string;
  totalMinor: number;
  currency: string;
  customerName?: string;
  company?: string;
  email?: string;
  billingCountry?: string;
  /** The shop's technical payment method id/name (e.g. bacs, cod, invoice). */
  paymentMethod?: string;
  /** The shop's order status (e.g. on-hold, processing), raw. */
  status: string;
  /** Shop-specific extra state the sync needs (e.g. Shopware transaction state), raw. */
  extra?: Record<string, unknown>;
  /**
   * Fields the shop did not show us this time (Shopify withholds protected customer data from an app without
   * approval): absent here because withheld, not because empty. The sync keeps what it stored for them; a new
   * order stores null.
   */
  withheld?: WithheldField[];
};

export type ShopCapabilities = {
  /** Can the shop push new orders to us? (A desktop behind NAT cannot receive webhooks: false everywhere today.) */
  canPushNewOrders: boolean;
  hasInvoiceNumbers: boolean;
  /** Can we set arbitrary statuses (WooCommerce, Shopware) or only mark paid / tag (Shopify)? */
  customStatuses: boolean;
};

export type OrderPage = {
  orders: ShopOrder[];
  /** Opaque cursor for the next page; undefined when this was the last page. */
  nextCursor?: string;
  /** Requests this page cost (for benchmarks and sync run records). */
  requests: number;
  /**
   * The orders are not oldest-modified first (a WooCommerce shop that cannot sort by modification time): the
   * engine stores them, but moves the high-water mark only after the run's last page, to the largest
   * `listedAt ?? updatedAt` of all its pages, so a failed page never leaves the mark past orders not read yet.
   */
  holdMark?: boolean;
  /**
   * The shop's current time as it reported it answering this page (its HTTP `Date`, RFC 9110 §6.6.1), where the
   * connector has it. The high-water mark never passes it (our clock where absent): an order whose modified date
   * lies in the future (a plugin's bug, a shop clock corrected later) must not carry the mark past every order
   * created afterwards.
   */
  serverTime?: string;
  /**
   * This listing is the shop's whole order set, not the changes since a mark (the CSV file): empty, it says every
   * order is gone. While orders are open, the engine refuses such a run (an export caught half-written, an empty
   * filter) instead of taking them all as removed externally.
   */
  complete?: boolean;
};

export type ShopDiscovery = {
  paymentMethods: { id: string; name: string }[];
  statuses: { id: string; name: string }[];
};

export interface ShopConnector {
  readonly system: ShopSystem;
  readonly capabilities: ShopCapabilities;
  /**
   * `shopIdentity`: what the shop's API says the shop is, where it names something that survives a change of address
   * (Shopify's shop id); `shop update` compares it with the one stored at connection (same-shop.ts).
   */
  testConnection(): Promise<
    { ok: true; shopName?: string; shopIdentity?: string } | { ok: false; code: string; message: string }
  >;
  discover(): Promise<ShopDiscovery>;
  /** Orders changed since `since` (ISO instant, inclusive), oldest first, paged; resume with `cursor`. */
  listChangedOrders(params: { since?: string; cursor?: string; pageSize?: number }): Promise<OrderPage>;
  /** Ids of all orders currently open in the shop per the given shop statuses (full comparison). */
  listOpenOrderIds(params: { openStatuses: string[] }): Promise<{ ids: string[]; requests: number }>;
  /**
   * One order, or undefined if the shop deleted it. `known`: what we stored about it (Shopify needs its creation
   * time to tell a deleted order from one it does not show to the app).
   */
  getOrder(externalId: string, known?: { createdAt: string }): Promise<ShopOrder | undefined>;
  /**
   * Optional batch read for the full comparison: the orders among `externalIds` that still exist (at most
   * one page of ids per request). When present, the engine reads every order it waits for this way instead of
   * listing the shop's whole open set, so the cost follows our open orders, not the shop's size.
   */
  getOrders?(externalIds: string[]): Promise<{ orders: ShopOrder[]; requests: number }>;
  /** Marks an order paid / sets a status in the shop, per system. */
  setOrderStatus(
    externalId: string,
    target: { status: string; paid?: boolean; note?: string },
  ): Promise<void>;
}

/** Mapping of shop payment methods and statuses onto ours (issue 4 §3). Stored in shops.settings. */
export type ShopMapping = {
  paymentMethods: Record<PaymentCode, string[]>;
  /** Shop statuses that count as open, per payment code. */
  openStatuses: Record<PaymentCode, string[]>;
  /** Shop status we write back when an order is paid, per payment code. */
  paidStatus: Record<PaymentCode, string>;
  cancelledStatuses: string[];
  overdueStatus?: string;
  debtCollectionStatus?: string;
  /** Regular expression (source) for the shop's order numbers, used by the matcher. */
  orderNumberPattern?: string;
  invoiceNumberPattern?: string;
  sendPaymentInformation: boolean;
};
