/**
 * A small WooCommerce REST API v3 client over fetch (the official npm client is unmaintained).
 * Reference: https://woocommerce.github.io/woocommerce-rest-api-docs/ (sections cited per call).
 *
 * Authentication: "Authentication over HTTPS — you may use HTTP Basic Auth by providing the REST API Consumer
 * Key as the username and the REST API Consumer Secret as the password"
 * (https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication-over-https), or the key and secret as
 * query parameters where a server drops the Authorization header. Over plain HTTP, which ../http.ts allows only for
 * loopback (a shop on the dealer's own machine, a simulator), "you must use OAuth 1.0a 'one-legged'
 * authentication" (#authentication-over-http; oauth1.ts), and WooCommerce ignores Basic there; Basic and query
 * keys are still tried after it, for local servers that take them.
 */
import { z } from 'zod';
import type { Logger } from '../../deps.ts';
import {
  backoffMs,
  createShopHttp,
  type HttpOptions,
  type RejectionDetails,
  retrySettings,
  type RetrySettings,
  ShopError,
  type ShopHttp,
} from '../http.ts';
import { signWithOAuth1 } from './oauth1.ts';

/** The order statuses WooCommerce documents (https://woocommerce.github.io/woocommerce-rest-api-docs/#order-properties). */
export const WOO_ORDER_STATUSES = [
  'pending',
  'processing',
  'on-hold',
  'completed',
  'cancelled',
  'refunded',
  'failed',
  'trash',
  'checkout-draft',
] as const;

/** Order properties we read (https://woocommerce.github.io/woocommerce-rest-api-docs/#order-properties). */
export const WooOrder = z.object({
  id: z.number().int(),
  number: z.union([z.string(), z.number()]).transform(String),
  status: z.string(),
  currency: z.string(),
  date_created_gmt: z.string().nullable().optional(),
  date_created: z.string().nullable().optional(),
  date_modified_gmt: z.string().nullable().optional(),
  date_modified: z.string().nullable().optional(),
  /** Decimal string, e.g. "29.90". */
  total: z.string(),
  billing: z
    .object({
      first_name: z.string().optional(),
      last_name: z.string().optional(),
      company: z.string().optional(),
      email: z.string().optional(),
      country: z.string().optional(),
    })
    .partial()
    .optional(),
  payment_method: z.string().optional(),
  payment_method_title: z.string().optional(),
  date_paid_gmt: z.string().nullable().optional(),
  meta_data: z.array(z.object({ key: z.string(), value: z.unknown() })).optional(),
  /** Added to REST order responses by "PDF Invoices & Packing Slips for WooCommerce" (WP Overnight). */
  wpo_wcpdf_invoice_number: z.string().optional(),
});
export type WooOrder = z.infer<typeof WooOrder>;

/** https://woocommerce.github.io/woocommerce-rest-api-docs/#payment-gateway-properties */
export const WooPaymentGateway = z.object({
  id: z.string(),
  title: z.string().optional(),
  enabled: z.boolean().optional(),
});
export type WooPaymentGateway = z.infer<typeof WooPaymentGateway>;

/** https://woocommerce.github.io/woocommerce-rest-api-docs/#order-note-properties */
export const WooOrderNote = z.object({ id: z.number().int(), note: z.string() });
export type WooOrderNote = z.infer<typeof WooOrderNote>;

export type WooClientOptions = HttpOptions & {
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  shopName: string;
};

export type OrderListQuery = {
  /** ISO instant; sent as GMT (`dates_are_gmt=true`). WordPress treats it as exclusive ("after"). */
  modifiedAfter?: string;
  status?: string[];
  page?: number;
  perPage?: number;
  orderby?: 'modified' | 'id' | 'date';
  order?: 'asc' | 'desc';
  /** WordPress' global `_fields` parameter, to fetch only ids in the full comparison. */
  fields?: string[];
  /** `include`: "Limit result set to specific ids." */
  include?: string[];
};

export type OrderList = {
  orders: unknown[];
  total: number;
  totalPages: number;
  /** The shop's clock when it answered (the HTTP `Date` header, RFC 9110 §6.6.1), ISO; undefined without one. */
  serverTime?: string | undefined;
};

/** The error codes with which WooCommerce says an order id does not exist (GET /orders/<id>, 404). */
const INVALID_ORDER_ID = new Set(['woocommerce_rest_shop_order_invalid_id', 'woocommerce_rest_invalid_id']);

/** A 400 `rest_invalid_param` naming `orderby`: the shop does not take the ordering asked for. */
function refusesOrderby(error: unknown): boolean {
  if (!(error instanceof ShopError) || error.code !== 'SHOP_REQUEST_REJECTED') return false;
  const details = error.details as RejectionDetails | undefined;
  return (
    details?.status === 400 &&
    details.shopCode === 'rest_invalid_param' &&
    (details.invalidParams?.includes('orderby') ?? /\borderby\b/.test(error.message))
  );
}

/**
 * Every way was refused over plain HTTP: the OAuth answer is the one that says why ("Invalid signature - provided
 * signature does not match.", "Invalid timestamp.", "Consumer key is invalid."), since WooCommerce takes only OAuth
 * there; Basic and query keys are refused without a reason. A signature that does not match with a right secret is
 * most often the address: WC_REST_Authentication::check_oauth_signature signs against get_home_url() (plus the
 * request path), not against the address the request came to.
 */
function oauthRefused(label: string, refusal: ShopError): ShopError {
  return new ShopError(
    'SHOP_AUTH_FAILED',
    `${refusal.message} Over plain HTTP WooCommerce takes only OAuth 1.0a and checks its signature against ` +
      `WordPress's home URL (Settings > General > Site Address): the shop address given for ${label} must match it ` +
      `exactly, host and port included (http://localhost:8080 is not http://127.0.0.1:8080), then run ` +
      `"kassenwart shop test".`,
  );
}

/** WooCommerce wants `YYYY-MM-DDTHH:MM:SS`; with dates_are_gmt=true it is read as GMT. */
export function toWooDate(instant: string): string {
  return new Date(instant).toISOString().slice(0, 19);
}

/** WooCommerce `*_gmt` fields have no zone designator; they are UTC. */
export function fromWooGmt(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export class WooClient {
  readonly http: ShopHttp;
  private readonly label: string;
  private readonly logger: Logger | undefined;
  /** The http layer's retry settings, for the one request it must not retry itself (addOrderNote). */
  private readonly retry: RetrySettings;
  /** Whether the shop takes `orderby=modified`: unknown until the first listing asks, then kept for the client's life. */
  private modifiedOrder: boolean | undefined;

  constructor(options: WooClientOptions) {
    this.label = `WooCommerce shop "${options.shopName}"`;
    this.logger = options.logger;
    this.retry = retrySettings(options);
    if (!options.consumerKey || !options.consumerSecret) {
      throw new ShopError(
        'SHOP_CONFIG',
        `${this.label}: the consumer key and consumer secret are both needed.`,
      );
    }
    const basic = Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString('base64');
    const common = {
      ...options,
      baseUrl: `${options.baseUrl.replace(/\/+$/, '')}/wp-json/wc/v3/`,
      label: this.label,
      secrets: [options.consumerKey, options.consumerSecret, basic],
      authHint: 'WooCommerce > Settings > Advanced > REST API (a key with Read/Write permission)',
    };
    const viaHeader = createShopHttp({ ...common, headers: { authorization: `Basic ${basic}` } });
    // "Occasionally some servers may not parse the Authorization header correctly [...] In this case, you may
    // provide the consumer key/secret as query string parameters instead" (#authentication-over-https).
    const viaQuery = createShopHttp({
      ...common,
      query: { consumer_key: options.consumerKey, consumer_secret: options.consumerSecret },
    });
    const plainHttp = common.baseUrl.startsWith('http:');
    // The OAuth timestamp is the wall clock's, not the injected clock's: the shop compares it with its own clock
    // (WooCommerce allows 15 minutes), like a TLS handshake would; it says nothing about the dealer's business.
    const viaOAuth = plainHttp
      ? createShopHttp({
          ...common,
          sign: (method, url) =>
            signWithOAuth1(method, url, options.consumerKey, options.consumerSecret, Date.now()),
        })
      : undefined;
    const ways = viaOAuth ? [viaOAuth, viaHeader, viaQuery] : [viaHeader, viaQuery];
    // The first way the shop accepted is kept for the client's life; until then each is tried in turn.
    let accepted: ShopHttp | undefined;
    this.http = {
      get requestCount() {
        return ways.reduce((n, way) => n + way.requestCount, 0);
      },
      request: async (method, path, params) => {
        if (accepted) return accepted.request(method, path, params);
        let refusal: ShopError | undefined;
        let oauthRefusal: ShopError | undefined;
        for (const way of ways) {
          try {
            const response = await way.request(method, path, params);
            accepted = way;
            return response;
          } catch (error) {
            if (!(error instanceof ShopError && error.code === 'SHOP_AUTH_FAILED')) throw error;
            if (way === viaOAuth) oauthRefusal = error;
            refusal = error;
          }
        }
        throw oauthRefusal ? oauthRefused(this.label, oauthRefusal) : (refusal as ShopError);
      },
    } as ShopHttp;
  }

  /** GET /orders — https://woocommerce.github.io/woocommerce-rest-api-docs/#list-all-orders */
  async listOrders(query: OrderListQuery): Promise<OrderList> {
    const perPage = query.perPage ?? 100;
    if (perPage < 1 || perPage > 100)
      throw new RangeError('per_page must be between 1 and 100 (WooCommerce limit)');
    const response = await this.http.request<unknown>('GET', 'orders', {
      query: {
        modified_after: query.modifiedAfter ? toWooDate(query.modifiedAfter) : undefined,
        dates_are_gmt: query.modifiedAfter ? true : undefined,
        status: query.status?.length ? query.status.join(',') : undefined,
        page: query.page ?? 1,
        per_page: perPage,
        // Not sent unless asked for: the shop's default (date) is documented everywhere, `modified` is not.
        orderby: query.orderby,
        order: query.order ?? 'asc',
        _fields: query.fields?.join(','),
        include: query.include?.length ? query.include.join(',') : undefined,
      },
    });
    if (!Array.isArray(response.body)) this.badResponse('GET orders', 'an array of orders');
    // X-WP-Total / X-WP-TotalPages: https://woocommerce.github.io/woocommerce-rest-api-docs/#pagination
    const total = Number(response.headers.get('x-wp-total') ?? response.body.length);
    const totalPages = Number(response.headers.get('x-wp-totalpages') ?? 1);
    const date = Date.parse(response.headers.get('date') ?? '');
    const serverTime = Number.isNaN(date) ? undefined : new Date(date).toISOString();
    return { orders: response.body, total, totalPages, serverTime };
  }

  /**
   * GET /orders, oldest-modified first where the shop can (`orderby=modified`), else by id. The REST docs list
   * only `date, id, include, title, slug` for orderby (#list-all-orders); current WooCommerce also takes
   * `modified`, older versions (and servers that follow the docs to the letter) answer 400 `rest_invalid_param`
   * "Invalid parameter(s): orderby". On that answer the same page is asked by id, and the choice is kept for the
   * client's life. `orderby` says which ordering the orders came in: by id, they are not oldest-modified first.
   */
  async listOrdersByModified(
    query: Omit<OrderListQuery, 'orderby'>,
  ): Promise<OrderList & { orderby: 'modified' | 'id' }> {
    if (this.modifiedOrder !== false) {
      try {
        const list = await this.listOrders({ ...query, orderby: 'modified' });
        this.modifiedOrder = true;
        return { ...list, orderby: 'modified' };
      } catch (error) {
        if (this.modifiedOrder === true || !refusesOrderby(error)) throw error;
        this.modifiedOrder = false;
        this.logger?.log('warn', 'shop does not sort orders by modification time; listing them by id', {
          shop: this.label,
        });
      }
    }
    return { ...(await this.listOrders({ ...query, orderby: 'id' })), orderby: 'id' };
  }

  /**
   * GET /orders/<id> — https://woocommerce.github.io/woocommerce-rest-api-docs/#retrieve-an-order. Undefined only
   * when WooCommerce says the order does not exist: 404 `woocommerce_rest_shop_order_invalid_id` ("Invalid ID.",
   * the controllers' `woocommerce_rest_{post_type}_invalid_id`; also `woocommerce_rest_invalid_id`, "Invalid
   * resource ID.", WooCommerce's generic code for a missing resource). Any other 404 is not about the order: `rest_no_route` means the REST route is missing
   * (WooCommerce deactivated, the address of another site), and reading it as "deleted" would mark every order
   * we wait for as removed in the shop. That is an error.
   */
  async getOrder(id: string): Promise<WooOrder | undefined> {
    const path = `orders/${encodeURIComponent(id)}`;
    const response = await this.http.request<unknown>('GET', path, { allow: [404] });
    if (response.status !== 404) return this.parseOrder(response.body);
    const code = (response.body as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string' && INVALID_ORDER_ID.has(code)) return undefined;
    const said = typeof code === 'string' ? code : 'no error code';
    throw new ShopError(
      'SHOP_NOT_FOUND',
      `${this.label} answered GET ${path} with HTTP 404 (${said}), not with "Invalid ID." for order ${id}: its ` +
        `WooCommerce REST API is not there. Check that WooCommerce is active and that the shop address is the ` +
        `shop's own (https://shop.example.de, without /wp-json), then run "kassenwart shop test". ` +
        `No order was marked as deleted.`,
    );
  }

  /** PUT /orders/<id> — https://woocommerce.github.io/woocommerce-rest-api-docs/#update-an-order (`set_paid` is write-only). */
  async updateOrder(id: string, update: { status?: string; set_paid?: boolean }): Promise<WooOrder> {
    const response = await this.http.request<unknown>('PUT', `orders/${encodeURIComponent(id)}`, {
      body: update,
    });
    return this.parseOrder(response.body);
  }

  /** GET /orders/<id>/notes — https://woocommerce.github.io/woocommerce-rest-api-docs/#list-all-order-notes */
  async listOrderNotes(id: string): Promise<WooOrderNote[]> {
    const response = await this.http.request<unknown>('GET', `orders/${encodeURIComponent(id)}/notes`);
    const parsed = z.array(WooOrderNote).safeParse(response.body);
    if (!parsed.success) this.badResponse(`GET orders/${id}/notes`, 'a list of order notes');
    return parsed.data;
  }

  /**
   * POST /orders/<id>/notes — https://woocommerce.github.io/woocommerce-rest-api-docs/#create-an-order-note.
   * Creating a note is not idempotent: a POST that timed out or got a 5xx (a proxy's 502/504 while WordPress
   * carried on) may have been carried out all the same, and sending it again would show the shop's staff the note
   * twice. So the POST goes out once, without the http layer's automatic retries, and after such a failure we wait
   * the backoff and then read the order's notes: a note with our text that was not there before we posted is ours,
   * and we are done; otherwise it is posted again, within the usual retry budget. Waiting first gives a shop that is
   * still carrying out the POST (the proxy gave up, PHP went on) the time to store it; read at once, the note would
   * not be there yet and would be posted twice. The notes are read before the first POST, so an identical note from
   * an earlier event (paid, payment taken back, paid again) neither stops ours nor passes for it.
   */
  async addOrderNote(id: string, note: string): Promise<void> {
    const path = `orders/${encodeURIComponent(id)}/notes`;
    const before = new Set((await this.listOrderNotes(id)).map((n) => n.id));
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.http.request('POST', path, { body: { note, customer_note: false }, once: true });
        return;
      } catch (error) {
        const unsure =
          error instanceof ShopError &&
          (error.code === 'SHOP_UNREACHABLE' || error.code === 'SHOP_RATE_LIMITED');
        if (!unsure || attempt > this.retry.retries) throw error;
        this.logger?.log('warn', 'order note not confirmed; checking the order notes before posting again', {
          shop: this.label,
          order: id,
          attempt,
        });
      }
      await this.retry.sleep(backoffMs(this.retry, attempt));
      const notes = await this.listOrderNotes(id);
      if (notes.some((n) => n.note === note && !before.has(n.id))) return;
    }
  }

  /** GET /payment_gateways — https://woocommerce.github.io/woocommerce-rest-api-docs/#list-all-payment-gateways */
  async listPaymentGateways(): Promise<WooPaymentGateway[]> {
    const response = await this.http.request<unknown>('GET', 'payment_gateways');
    const parsed = z.array(WooPaymentGateway).safeParse(response.body);
    if (!parsed.success) this.badResponse('GET payment_gateways', 'a list of payment gateways');
    return parsed.data;
  }

  parseOrder(body: unknown): WooOrder {
    const parsed = WooOrder.safeParse(body);
    if (!parsed.success)
      this.badResponse('order', `an order (${parsed.error.issues[0]?.path.join('.') ?? '?'} is invalid)`);
    return parsed.data;
  }

  private badResponse(what: string, expected: string): never {
    throw new ShopError(
      'SHOP_BAD_RESPONSE',
      `${this.label}: the answer to ${what} is not ${expected}. Is the address the shop's own address?`,
    );
  }
}
