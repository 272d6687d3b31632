/**
 * A WooCommerce REST API v3 simulator on loopback, for tests, the benchmark and `kassenwart dev shop-sim
 * woocommerce`. It implements the subset Kassenwart uses, following
 * https://woocommerce.github.io/woocommerce-rest-api-docs/ :
 *  - Authentication as WC_REST_Authentication does it: over plain HTTP (the simulator's own transport) OAuth 1.0a
 *    "one-legged" with the OAuth parameters in the query (#authentication-over-http: HMAC-SHA1/-SHA256 signature,
 *    timestamp at most 15 minutes old, each nonce once), 401 `woocommerce_rest_authentication_error` for a bad
 *    signature, key, timestamp or nonce; with `behindTls` as a shop served over HTTPS (#authentication-over-https):
 *    HTTP Basic with consumer key/secret, or `consumer_key`/`consumer_secret` query parameters. Without
 *    credentials 401 `woocommerce_rest_cannot_view` ("Sorry, you cannot list resources.").
 *  - GET /wp-json/wc/v3/orders: `include` (ids), `modified_after` (exclusive, like WordPress' date_query "after"; GMT when
 *    `dates_are_gmt=true`), `status` (comma list), `orderby` (date|id|modified), `order`, `page`, `per_page`
 *    (1..100, otherwise 400 `rest_invalid_param`), `_fields`; headers X-WP-Total and X-WP-TotalPages (#pagination).
 *    `orderby`: the docs list `date, id, include, title, slug` (#list-all-orders); current WooCommerce also takes
 *    `modified`. With `orderbyModified: false` the simulator is a shop that takes only the documented values (older
 *    WooCommerce) and answers `orderby=modified` as WordPress' enum validation does: 400 `rest_invalid_param`,
 *    "Invalid parameter(s): orderby", the parameter named in `data.params`.
 *  - GET/PUT /orders/<id> (status, set_paid), POST and GET /orders/<id>/notes (#create-an-order-note,
 *    #list-all-order-notes: id, author, date_created(_gmt), note, customer_note; newest first, as wc_get_order_notes
 *    sorts them); 404 `woocommerce_rest_shop_order_invalid_id` ("Invalid ID.") for unknown or deleted orders.
 *  - GET /payment_gateways.
 * Scripted faults (status codes incl. 429 with Retry-After, hangs) are queued from tests with `fault()`; with
 * `applied: true` the shop carries the request out and only the answer is lost (a proxy's 502/504 while PHP went
 * on, a connection that dropped after the write). A hang's `onArrival` hands the test the caught request, to drop
 * its connection and to carry it out whenever it likes (a shop that is still working on it after the client gave
 * up), so no test waits for a real timeout.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WOO_ORDER_STATUSES } from './client.ts';
import { checkWooOAuth } from './simulator-oauth.ts';

export type SimOrder = {
  id: number;
  number: string;
  status: string;
  currency: string;
  date_created_gmt: string;
  date_modified_gmt: string;
  date_paid_gmt: string | null;
  total: string;
  billing: { first_name: string; last_name: string; company: string; email: string; country: string };
  payment_method: string;
  payment_method_title: string;
  meta_data: { id: number; key: string; value: unknown }[];
  notes: string[];
};

/** A request caught by a 'hang' fault, for the test to end as it chooses (no timer involved). */
export type HangingRequest = {
  /** Carries the request out now (a shop still working on it after the client gave up), the answer discarded. */
  apply: () => void;
  /** Closes the connection without an answer, as a proxy that gives up does: the client sees a network error. */
  drop: () => void;
};

export type Fault = (
  | { kind: 'status'; status: number; retryAfter?: string; body?: unknown }
  | {
      kind: 'hang';
      /** Called when the request arrives; without it the request hangs until the client times out or close(). */
      onArrival?: (request: HangingRequest) => void;
    }
) & { applied?: boolean };

type QueuedFault = {
  fault: Fault;
  times: number;
  match: (req: { method: string; path: string; query: URLSearchParams }) => boolean;
};

export type RequestLog = { method: string; path: string; query: Record<string, string>; body?: unknown };

export type WooSimulatorOptions = {
  consumerKey?: string;
  consumerSecret?: string;
  /** Simulated shop time; every change ticks it one second forward so modified times are distinct. */
  startTime?: string;
  /**
   * Answer as a shop served over HTTPS (TLS ended by a proxy in front of it) would: HTTP Basic and query keys instead
   * of OAuth 1.0a, which WooCommerce requires over plain HTTP only.
   */
  behindTls?: boolean;
  /** With `behindTls`: behave like servers that drop the Authorization header (Apache with PHP as CGI). */
  dropAuthorizationHeader?: boolean;
  /** False: refuse `orderby=modified`, which the REST docs do not list (older WooCommerce). Default true. */
  orderbyModified?: boolean;
  /** WordPress's home URL (see `WooCommerceSimulator.homeUrl`). */
  homeUrl?: string;
  host?: string;
  port?: number;
};

const GATEWAYS = [
  { id: 'bacs', title: 'Direct bank transfer', enabled: true },
  { id: 'cheque', title: 'Check payments', enabled: false },
  { id: 'cod', title: 'Cash on delivery', enabled: true },
  { id: 'invoice', title: 'Kauf auf Rechnung', enabled: true },
  { id: 'paypal', title: 'PayPal', enabled: true },
];

const wooDate = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** WooCommerce GMT date string -> epoch ms, memoised (the benchmark lists 20 000 orders per request). */
const parsedDates = new Map<string, number>();
function gmtMs(value: string): number {
  let ms = parsedDates.get(value);
  if (ms === undefined) {
    ms = Date.parse(`${value}Z`);
    if (parsedDates.size > 1_000_000) parsedDates.clear();
    parsedDates.set(value, ms);
  }
  return ms;
}

export class WooCommerceSimulator {
  readonly consumerKey: string;
  readonly consumerSecret: string;
  readonly requests: RequestLog[] = [];
  /** Milliseconds spent answering requests (the benchmark subtracts it to show Kassenwart's own share). */
  busyMs = 0;
  private readonly orders = new Map<number, SimOrder>();
  private readonly faults: QueuedFault[] = [];
  /** Id and time of each order's notes, in the order of `SimOrder.notes` (ids are global, like comment ids). */
  private readonly noteMeta = new Map<number, { id: number; at: string }[]>();
  private nextNoteId = 5000;
  private nextId = 1000;
  private time: number;
  private server: Server | undefined;
  url = '';
  /**
   * WordPress's home URL (Settings > General > Site Address), which WooCommerce checks OAuth signatures against
   * (get_home_url()). Unset: the address each request came to (its Host header), as if the shop had been set up
   * under whatever address the client uses; set it (after `start`, when the port is known) to be a shop whose home
   * URL differs from the address the client was given.
   */
  homeUrl: string | undefined;

  constructor(private readonly options: WooSimulatorOptions = {}) {
    this.consumerKey = options.consumerKey ?? 'ck_simulator_key_0000000000000000000000';
    this.consumerSecret = options.consumerSecret ?? 'cs_simulator_secret_000000000000000000';
    this.time = Date.parse(options.startTime ?? '2026-11-01T08:00:00Z');
    this.homeUrl = options.homeUrl;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.timed(req, res));
    this.server = server;
    await new Promise<void>((resolve) =>
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve),
    );
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Current simulated time (ISO). */
  now(): string {
    return new Date(this.time).toISOString();
  }

  setTime(iso: string): void {
    this.time = Date.parse(iso);
  }

  private tick(): number {
    this.time += 1000;
    return this.time;
  }

  addOrder(
    partial: Partial<Omit<SimOrder, 'billing'>> & { billing?: Partial<SimOrder['billing']> } = {},
  ): SimOrder {
    const id = partial.id ?? this.nextId++;
    const at = wooDate(this.tick());
    const order: SimOrder = {
      number: String(id),
      status: 'on-hold',
      currency: 'EUR',
      date_created_gmt: at,
      date_modified_gmt: at,
      date_paid_gmt: null,
      total: '49.90',
      payment_method: 'bacs',
      payment_method_title: 'Direct bank transfer',
      meta_data: [],
      notes: [],
      ...partial,
      id,
      billing: {
        first_name: 'Erika',
        last_name: 'Mustermann',
        company: '',
        email: `kunde${id}@example.org`,
        country: 'DE',
        ...partial.billing,
      },
    };
    this.orders.set(id, order);
    return order;
  }

  /** Changes an order as the merchant would in the shop admin; bumps date_modified. */
  editOrder(
    id: number,
    patch: Partial<Omit<SimOrder, 'billing' | 'id'>> & { billing?: Partial<SimOrder['billing']> },
  ): SimOrder {
    const order = this.mustGet(id);
    Object.assign(order, { ...patch, billing: { ...order.billing, ...patch.billing } });
    order.date_modified_gmt = wooDate(this.tick());
    return order;
  }

  /** Permanently deletes an order (DELETE with force=true): it answers 404 from now on. */
  deleteOrder(id: number): void {
    this.orders.delete(id);
  }

  order(id: number): SimOrder | undefined {
    return this.orders.get(id);
  }

  get orderCount(): number {
    return this.orders.size;
  }

  /** Queues a fault for the next `times` matching requests. */
  fault(fault: Fault, options: { times?: number; match?: QueuedFault['match'] } = {}): void {
    this.faults.push({ fault, times: options.times ?? 1, match: options.match ?? (() => true) });
  }

  private mustGet(id: number): SimOrder {
    const order = this.orders.get(id);
    if (!order) throw new Error(`simulator: no order ${id}`);
    return order;
  }

  private async timed(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    // The shop's clock in every answer (RFC 9110 §6.6.1 Date), as a web server sends it: the simulated time.
    res.setHeader('date', new Date(this.time).toUTCString());
    const t0 = performance.now();
    this.handle(req, res, body);
    this.busyMs += performance.now() - t0;
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: unknown): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/^\/wp-json\/wc\/v3/, '');
    this.requests.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      ...(body === undefined ? {} : { body }),
    });
    const queued = this.faults.find((f) => f.times > 0 && f.match({ method, path, query: url.searchParams }));
    if (queued) {
      queued.times -= 1;
      if (queued.fault.applied) this.route(req, url, method, path, body, discard);
      if (queued.fault.kind === 'hang') {
        // Never answers by itself; the test ends it (onArrival), else the client's timeout or close() does.
        queued.fault.onArrival?.({
          apply: () => this.route(req, url, method, path, body, discard),
          drop: () => res.destroy(),
        });
        return;
      }
      const headers: Record<string, string> = queued.fault.retryAfter
        ? { 'retry-after': queued.fault.retryAfter }
        : {};
      return send(
        res,
        queued.fault.status,
        queued.fault.body ?? {
          code: 'internal_server_error',
          message: 'Simulated fault.',
          data: { status: queued.fault.status },
        },
        headers,
      );
    }
    this.route(req, url, method, path, body, res);
  }

  private route(
    req: IncomingMessage,
    url: URL,
    method: string,
    path: string,
    body: unknown,
    res: ServerResponse,
  ): void {
    if (!url.pathname.startsWith('/wp-json/wc/v3/'))
      return send(res, 404, {
        code: 'rest_no_route',
        message: 'No route was found matching the URL and request method.',
        data: { status: 404 },
      });
    const refused = this.authError(req, url, method);
    if (refused !== undefined) {
      return send(
        res,
        401,
        refused
          ? { code: 'woocommerce_rest_authentication_error', message: refused, data: { status: 401 } }
          : {
              code: 'woocommerce_rest_cannot_view',
              message: 'Sorry, you cannot list resources.',
              data: { status: 401 },
            },
      );
    }
    const m = /^\/orders\/(\d+)(\/notes)?$/.exec(path);
    if (path === '/orders' && method === 'GET') return this.listOrders(url, res);
    if (path === '/payment_gateways' && method === 'GET') return send(res, 200, GATEWAYS);
    if (m) {
      const order = this.orders.get(Number(m[1]));
      if (!order)
        return send(res, 404, {
          code: 'woocommerce_rest_shop_order_invalid_id',
          message: 'Invalid ID.',
          data: { status: 404 },
        });
      if (m[2] && method === 'POST') return this.addNote(order, body, res);
      if (m[2] && method === 'GET') return send(res, 200, this.presentNotes(order));
      if (!m[2] && method === 'GET') return send(res, 200, present(order));
      if (!m[2] && (method === 'PUT' || method === 'POST')) return this.updateOrder(order, body, res);
    }
    return send(res, 404, {
      code: 'rest_no_route',
      message: 'No route was found matching the URL and request method.',
      data: { status: 404 },
    });
  }

  /** Undefined when the request is authenticated; '' for no credentials at all; else WooCommerce's message. */
  private authError(req: IncomingMessage, url: URL, method: string): string | undefined {
    if (!this.options.behindTls) return this.oauthError(req, url, method);
    const header = this.options.dropAuthorizationHeader ? '' : (req.headers.authorization ?? '');
    if (header.startsWith('Basic ')) {
      const [key, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
      return key === this.consumerKey && rest.join(':') === this.consumerSecret ? undefined : '';
    }
    return url.searchParams.get('consumer_key') === this.consumerKey &&
      url.searchParams.get('consumer_secret') === this.consumerSecret
      ? undefined
      : '';
  }

  private readonly nonces = new Set<string>();

  /**
   * WC_REST_Authentication::perform_oauth_authentication, its checks and messages in its order, by the simulator's
   * own verifier (simulator-oauth.ts), never the client's signing code. Wall-clock time, as the real server's time().
   */
  private oauthError(req: IncomingMessage, url: URL, method: string): string | undefined {
    const result = checkWooOAuth(
      // REQUEST_URI's path as sent, not as the URL parser normalises it.
      { method, path: (req.url ?? '/').split('?')[0] ?? '/', query: url.searchParams },
      {
        homeUrl: this.homeUrl ?? `http://${req.headers.host ?? '127.0.0.1'}`,
        consumerKey: this.consumerKey,
        consumerSecret: this.consumerSecret,
        nowSeconds: Math.floor(Date.now() / 1000),
        nonces: this.nonces,
      },
    );
    return result === undefined ? '' : result || undefined;
  }

  private listOrders(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const perPage = Number(q.get('per_page') ?? 10);
    const page = Number(q.get('page') ?? 1);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
      return send(res, 400, {
        code: 'rest_invalid_param',
        message: 'Invalid parameter(s): per_page',
        data: {
          status: 400,
          params: { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' },
        },
      });
    }
    const statuses = (q.get('status') ?? 'any').split(',').filter(Boolean);
    const bad = statuses.find((s) => s !== 'any' && !(WOO_ORDER_STATUSES as readonly string[]).includes(s));
    if (bad)
      return send(res, 400, {
        code: 'rest_invalid_param',
        message: 'Invalid parameter(s): status',
        data: {
          status: 400,
          params: { status: `status[0] is not one of ${WOO_ORDER_STATUSES.join(', ')}, and any.` },
        },
      });
    const after = q.get('modified_after');
    // The simulated site runs on UTC, so local and GMT dates coincide whatever `dates_are_gmt` says.
    const afterMs = after ? Date.parse(`${after}Z`) : undefined;
    const include = q.get('include') ? new Set(q.get('include')?.split(',').map(Number)) : undefined;
    const matching = [...this.orders.values()].filter(
      (o) =>
        (include === undefined || include.has(o.id)) &&
        (statuses.includes('any') ? o.status !== 'trash' : statuses.includes(o.status)) &&
        (afterMs === undefined || gmtMs(o.date_modified_gmt) > afterMs),
    );
    const orderby = q.get('orderby') ?? 'date';
    // Documented values: date, id, include, title, slug; current core adds modified (the simulator sorts
    // include/title/slug by date).
    const allowed = ['date', 'id', 'include', 'title', 'slug'];
    if (this.options.orderbyModified !== false) allowed.push('modified');
    if (!allowed.includes(orderby)) {
      const reason = `orderby is not one of ${allowed.slice(0, -1).join(', ')}, and ${allowed.at(-1) ?? ''}.`;
      return send(res, 400, {
        code: 'rest_invalid_param',
        message: 'Invalid parameter(s): orderby',
        data: {
          status: 400,
          params: { orderby: reason },
          details: { orderby: { code: 'rest_not_in_enum', message: reason, data: null } },
        },
      });
    }
    const key = (o: SimOrder): number =>
      orderby === 'id' ? o.id : gmtMs(orderby === 'modified' ? o.date_modified_gmt : o.date_created_gmt);
    const dir = (q.get('order') ?? 'desc') === 'asc' ? 1 : -1;
    const keyed = matching.map((o) => ({ o, k: key(o) }));
    keyed.sort((a, b) => dir * (a.k - b.k || a.o.id - b.o.id));
    const list = keyed.map((x) => x.o);
    const total = list.length;
    const totalPages = Math.ceil(total / perPage);
    const slice = list.slice((page - 1) * perPage, page * perPage).map(present);
    const fields = q.get('_fields')?.split(',');
    const out = fields
      ? slice.map((o) => Object.fromEntries(fields.map((f) => [f, (o as Record<string, unknown>)[f]])))
      : slice;
    send(res, 200, out, { 'x-wp-total': String(total), 'x-wp-totalpages': String(totalPages) });
  }

  private updateOrder(order: SimOrder, body: unknown, res: ServerResponse): void {
    const update = (body ?? {}) as { status?: unknown; set_paid?: unknown };
    if (
      update.status !== undefined &&
      (typeof update.status !== 'string' ||
        !(WOO_ORDER_STATUSES as readonly string[]).includes(update.status))
    ) {
      return send(res, 400, {
        code: 'rest_invalid_param',
        message: 'Invalid parameter(s): status',
        data: { status: 400 },
      });
    }
    const at = wooDate(this.tick());
    // As WooCommerce core does it (WC_REST_Orders_V2_Controller::save_object): the status first; a change into a
    // paid status (processing, completed) sets date_paid when unset (WC_Order::maybe_set_date_paid). Then
    // set_paid, which runs payment_complete() only while the order needs payment (WC_Order::needs_payment:
    // pending or failed, total > 0): status processing, date_paid.
    if (typeof update.status === 'string') {
      order.status = update.status;
      if ((order.status === 'processing' || order.status === 'completed') && order.date_paid_gmt === null)
        order.date_paid_gmt = at;
    }
    if (
      update.set_paid === true &&
      (order.status === 'pending' || order.status === 'failed') &&
      Number(order.total) > 0
    ) {
      order.status = 'processing';
      order.date_paid_gmt ??= at;
    }
    order.date_modified_gmt = at;
    send(res, 200, present(order));
  }

  private addNote(order: SimOrder, body: unknown, res: ServerResponse): void {
    const note = (body as { note?: unknown } | undefined)?.note;
    if (typeof note !== 'string' || note === '') {
      return send(res, 400, {
        code: 'rest_missing_callback_param',
        message: 'Missing parameter(s): note',
        data: { status: 400 },
      });
    }
    order.notes.push(note);
    const meta = this.noteMeta.get(order.id) ?? [];
    meta[order.notes.length - 1] = { id: this.nextNoteId++, at: wooDate(this.time) };
    this.noteMeta.set(order.id, meta);
    send(res, 201, this.presentNotes(order)[0]);
  }

  private presentNotes(order: SimOrder) {
    const meta = this.noteMeta.get(order.id) ?? [];
    return order.notes
      .map((note, i) => {
        const { id, at } = meta[i] ?? { id: i + 1, at: order.date_created_gmt };
        return {
          id,
          author: 'WooCommerce',
          date_created: at,
          date_created_gmt: at,
          note,
          customer_note: false,
        };
      })
      .reverse();
  }
}

function present(order: SimOrder): Omit<SimOrder, 'notes'> & { date_created: string; date_modified: string } {
  const { notes: _notes, ...rest } = order;
  return { ...rest, date_created: order.date_created_gmt, date_modified: order.date_modified_gmt };
}

/** Where the answer to an `applied` fault's request goes: the shop did the work, the client never hears of it. */
const discard = { writeHead: () => discard, end: () => discard } as unknown as ServerResponse;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Fills a simulator with a mix of orders (different payment methods and statuses) for demos and benchmarks. */
export function seedWooOrders(sim: WooCommerceSimulator, count: number): void {
  const methods = ['bacs', 'bacs', 'bacs', 'invoice', 'cod', 'paypal'];
  const statuses = ['on-hold', 'on-hold', 'processing', 'completed', 'pending', 'cancelled'];
  for (let i = 0; i < count; i += 1) {
    const cents = 990 + ((i * 7919) % 50_000);
    sim.addOrder({
      status: statuses[i % statuses.length],
      payment_method: methods[i % methods.length],
      total: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
      billing: {
        first_name: `Kunde`,
        last_name: `Nr. ${i + 1}`,
        email: `kunde${i + 1}@example.org`,
        company: i % 5 === 0 ? 'Muster GmbH' : '',
        country: i % 9 === 0 ? 'AT' : 'DE',
      },
    });
  }
}

/** `kassenwart dev shop-sim woocommerce`: a simulator with demo orders, on the given port. */
export async function startWooCommerceSimulatorForCli(options: {
  port?: number;
  host?: string;
  seedOrders?: number;
}) {
  const sim = await new WooCommerceSimulator({ port: options.port, host: options.host }).start();
  seedWooOrders(sim, options.seedOrders ?? 25);
  return {
    url: sim.url,
    credentials: { key: sim.consumerKey, secret: sim.consumerSecret },
    close: () => sim.close(),
  };
}
