/**
 * Shopware 6 Admin API simulator: a loopback HTTP server implementing the subset the connector uses, per
 *   - Authentication: https://shopware.stoplight.io/docs/admin-api/docs/concepts/authentication-authorisation.md
 *     (`POST /api/oauth/token`, grant_type client_credentials, Bearer tokens with `expires_in`, JSON:API errors)
 *   - Search: https://developer.shopware.com/docs/guides/integrations-api/general-concepts/search-criteria.html
 *     (`POST /api/search/{entity}` for order, order-transaction, payment-method, state-machine-state; see
 *     simulator-criteria.ts)
 *   - State transitions: https://shopware.stoplight.io/docs/admin-api (operationIds orderTransactionStateTransition,
 *     orderStateTransition): 400 SYSTEM__ILLEGAL_STATE_TRANSITION for a transition not available from the
 *     current state (e.g. `paid` when already paid). A transition writes only the entity's stateId
 *     (StateMachineRegistry::transition updates `order_transaction.stateId` / `order.stateId`), so a payment
 *     transition moves the transaction's updatedAt and leaves the order's alone, in the API as in the admin
 *     (`editOrder` with only a transactionState).
 *   - the OpenAPI document in @shopware/api-client (api-types/adminApiSchema.json), which the tests validate
 *     every recorded response against.
 * Deliberate choices: Shopware answers `"updatedAt": null` for an order never changed since it was placed, but the
 * OpenAPI document types updatedAt as a string, so the simulator omits the key (the connector treats both alike);
 * `total-count-mode: next-pages` reports offset + min(rows left, 5 x limit + 1), like the DAL's pagination count.
 * Test control: seed/edit/delete orders, expire tokens, scripted faults (status codes, Retry-After, hangs), and a
 * log of every request and response. Also runnable via `kassenwart dev shop-sim shopware6`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { CriteriaError, search, type Entity } from './simulator-criteria.ts';
import {
  ASSOCIATION_KEYS,
  buildOrder,
  invoiceDocument,
  ORDER_TRANSITIONS,
  PAYMENT_METHODS,
  state,
  STATES,
  swDate,
  TRANSACTION_TRANSITIONS,
  type SeedOrder,
} from './simulator-data.ts';

export type SimFault = {
  path?: string | RegExp;
  method?: string;
  status?: number;
  retryAfter?: string;
  hang?: boolean;
  /** With `hang`: called when the request arrives (a test ends the client's attempt there: test/helpers/timeouts.ts). */
  onHang?: () => void;
  times?: number;
  /** Instead of failing: change the shop just before the request is handled (races with other users). */
  before?: () => void;
};
export type SimExchange = {
  method: string;
  path: string;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
};

export type Shopware6SimulatorOptions = {
  port?: number;
  /** Interface to listen on (default 127.0.0.1: loopback only). */
  host?: string;
  clientId?: string;
  clientSecret?: string;
  /** Token lifetime in seconds (Shopware's default is 600). */
  tokenLifetimeSeconds?: number;
  /** Clock for createdAt/updatedAt of edits and token expiry (default Date.now). */
  now?: () => number;
  /** Number of demo orders to seed (for `dev shop-sim`). */
  seedOrders?: number;
  /**
   * The transaction state machine of this Shopware version (default 6.7). Up to 6.6, `reminded -> paid` and
   * `paid_partially -> paid` exist only under the action name `pay` (shopware/shopware issue #5795; unified in
   * 6.7.0.0, PR #7652).
   */
  version?: '6.6' | '6.7';
};

export type Shopware6Simulator = {
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly log: SimExchange[];
  addOrder(seed: SeedOrder): Entity;
  editOrder(
    orderNumber: string,
    change: {
      amount?: string;
      email?: string;
      orderState?: string;
      transactionState?: string;
      invoiceNumber?: string;
    },
  ): void;
  deleteOrder(orderNumber: string): void;
  order(orderNumber: string): Entity | undefined;
  fault(fault: SimFault): void;
  expireTokens(): void;
  setTokenLifetime(seconds: number): void;
  tokenRequests(): number;
  close(): Promise<void>;
};

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const swError = (
  status: number,
  code: string,
  title: string,
  detail: string,
  parameters: Record<string, unknown> = {},
) => ({
  errors: [{ status: String(status), code, title, detail, meta: { parameters } }],
});

/** The 6.7 transaction transitions as 6.6 names them: to `paid` from `reminded` and `paid_partially` only as `pay`. */
function transitionsOf66(
  table: Record<string, Record<string, string>>,
): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [from, actions] of Object.entries(table)) {
    const renamed = { ...actions };
    if ((from === 'reminded' || from === 'paid_partially') && renamed.paid) {
      renamed.pay = renamed.paid;
      delete renamed.paid;
    }
    out[from] = renamed;
  }
  return out;
}

/** Shopware's answer to a state transition of an entity id it does not know (400, state machine error). */
const invalidEntity = (res: ServerResponse, entity: string, id: string) =>
  json(
    res,
    400,
    swError(
      400,
      'SYSTEM__STATE_MACHINE_INVALID_ENTITY_ID',
      'Bad Request',
      `Unable to read entity "${entity}" with id "${id}".`,
    ),
  );

export async function startShopware6Simulator(
  options: Shopware6SimulatorOptions = {},
): Promise<Shopware6Simulator> {
  const now = options.now ?? Date.now;
  const transactionTransitions =
    options.version === '6.6' ? transitionsOf66(TRANSACTION_TRANSITIONS) : TRANSACTION_TRANSITIONS;
  const clientId = options.clientId ?? 'SWIASIMULATORCLIENTID';
  const clientSecret = options.clientSecret ?? 'simulator-secret-0123456789';
  let lifetime = options.tokenLifetimeSeconds ?? 600;
  const tokens = new Map<string, number>();
  const orders: Entity[] = [];
  const faults: (SimFault & { left: number })[] = [];
  const log: SimExchange[] = [];
  let tokenCount = 0;
  let autoIncrement = 0;
  let lastStamp = 0;
  /** Strictly increasing change times, so every edit is visible to an `updatedAt >=` poll. */
  const stamp = () => (lastStamp = Math.max(now(), lastStamp + 1));

  const find = (orderNumber: string) => orders.find((o) => o.orderNumber === orderNumber);

  function addOrder(seed: SeedOrder): Entity {
    autoIncrement += 1;
    const order = buildOrder(seed, autoIncrement);
    orders.push(order);
    return order;
  }

  for (let i = 1; i <= (options.seedOrders ?? 0); i += 1) {
    const methods = ['payment_prepayment', 'payment_invoicepayment', 'payment_cashpayment'];
    addOrder({
      orderNumber: String(10000 + i),
      amount: `${(i * 7) % 300}.${String((i * 13) % 100).padStart(2, '0')}`,
      createdAtMs: now() - (1000 - i) * 60_000,
      paymentMethod: methods[i % 3],
    });
  }

  function touch(entity: Entity) {
    entity.updatedAt = swDate(stamp());
  }

  function transition(
    res: ServerResponse,
    entity: Entity,
    machine: 'order.state' | 'order_transaction.state',
    action: string,
  ) {
    const table = machine === 'order.state' ? ORDER_TRANSITIONS : transactionTransitions;
    const current = (entity.stateMachineState as Entity).technicalName as string;
    const to = table[current]?.[action];
    if (!to) {
      const possible = Object.keys(table[current] ?? {});
      return json(
        res,
        400,
        swError(
          400,
          'SYSTEM__ILLEGAL_STATE_TRANSITION',
          'Bad Request',
          `Illegal transition "${action}" from state "${current}". Possible transitions are: ${possible.join(', ')}`,
          {
            transition: action,
            currentState: current,
            // As IllegalTransitionException passes them: the list, and the list joined for the message.
            possibleTransitionsString: possible.join(', '),
            possibleTransitions: possible,
          },
        ),
      );
    }
    const next = state(machine, to);
    entity.stateMachineState = next;
    entity.stateId = next.id;
    touch(entity);
    return json(res, 200, next);
  }

  async function readBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (text === '') return undefined;
    const type = req.headers['content-type'] ?? '';
    if (type.includes('application/x-www-form-urlencoded'))
      return Object.fromEntries(new URLSearchParams(text));
    return JSON.parse(text) as unknown;
  }

  function authorised(req: IncomingMessage): boolean {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const expires = token ? tokens.get(token) : undefined;
    return expires !== undefined && expires >= now();
  }

  function route(req: IncomingMessage, res: ServerResponse, path: string, body: unknown): void {
    if (req.method === 'POST' && path === '/api/oauth/token') {
      const b = (body ?? {}) as Record<string, string>;
      if (
        b.grant_type !== 'client_credentials' ||
        b.client_id !== clientId ||
        b.client_secret !== clientSecret
      ) {
        // league/oauth2-server "invalid_client" (error code 4) as Shopware renders it.
        return json(res, 401, swError(401, '4', 'Unauthorized', 'Client authentication failed', {}));
      }
      const token = randomBytes(24).toString('hex');
      tokens.set(token, now() + lifetime * 1000);
      tokenCount += 1;
      return json(res, 200, { token_type: 'Bearer', expires_in: lifetime, access_token: token });
    }
    if (!authorised(req)) {
      return json(
        res,
        401,
        swError(
          401,
          '9',
          'Unauthorized',
          'The resource owner or authorization server denied the request.',
          {},
        ),
      );
    }
    if (req.method === 'GET' && path === '/api/_info/version') return json(res, 200, { version: '6.7.10.1' });
    const searchMatch = /^\/api\/search\/([a-z-]+)$/.exec(path);
    if (req.method === 'POST' && searchMatch) {
      const collections: Record<string, Entity[]> = {
        order: orders,
        'order-transaction': orders.flatMap((o) => o.transactions as Entity[]),
        'payment-method': PAYMENT_METHODS,
        'state-machine-state': STATES,
      };
      const collection = collections[searchMatch[1]!];
      if (!collection)
        return json(
          res,
          404,
          swError(
            404,
            'FRAMEWORK__DEFINITION_NOT_FOUND',
            'Not Found',
            `Definition for entity "${searchMatch[1]}" does not exist.`,
          ),
        );
      try {
        return json(res, 200, search(collection, body ?? {}, ASSOCIATION_KEYS));
      } catch (error) {
        if (error instanceof CriteriaError)
          return json(res, 400, swError(400, error.code, 'Bad Request', error.message));
        throw error;
      }
    }
    const tx = /^\/api\/_action\/order_transaction\/([0-9a-f]{32})\/state\/([a-z_]+)$/.exec(path);
    if (req.method === 'POST' && tx) {
      for (const order of orders) {
        const found = (order.transactions as Entity[]).find((t) => t.id === tx[1]);
        if (found) return transition(res, found, 'order_transaction.state', tx[2]!);
      }
      return invalidEntity(res, 'order_transaction', tx[1] ?? '');
    }
    const ord = /^\/api\/_action\/order\/([0-9a-f]{32})\/state\/([a-z_]+)$/.exec(path);
    if (req.method === 'POST' && ord) {
      const order = orders.find((o) => o.id === ord[1]);
      if (order) return transition(res, order, 'order.state', ord[2]!);
      return invalidEntity(res, 'order', ord[1] ?? '');
    }
    return json(
      res,
      404,
      swError(404, 'FRAMEWORK__ROUTE_NOT_FOUND', 'Not Found', `No route found for "${req.method} ${path}".`),
    );
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const fault = faults.find(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method === req.method) &&
        (!f.path || (typeof f.path === 'string' ? f.path === path : f.path.test(path))),
    );
    void (async () => {
      const body = await readBody(req).catch(() => undefined);
      // Record what went out, whatever happens below.
      const originalEnd = res.end.bind(res);
      res.end = ((chunk?: unknown) => {
        const text = typeof chunk === 'string' ? chunk : '';
        log.push({
          method: req.method ?? '',
          path,
          requestBody: body,
          status: res.statusCode,
          responseBody: text ? (JSON.parse(text) as unknown) : undefined,
        });
        return originalEnd(chunk as string);
      }) as typeof res.end;
      if (fault?.before) {
        fault.left -= 1;
        fault.before();
      } else if (fault) {
        fault.left -= 1;
        if (fault.hang) {
          // Never answers: the client's timeout must fire.
          fault.onHang?.();
          return;
        }
        const status = fault.status ?? 500;
        const headers: Record<string, string> = fault.retryAfter ? { 'retry-after': fault.retryAfter } : {};
        return json(
          res,
          status,
          swError(
            status,
            status === 429 ? 'FRAMEWORK__RATE_LIMIT_EXCEEDED' : 'FRAMEWORK__INTERNAL',
            status === 429 ? 'Too Many Requests' : 'Internal Server Error',
            'Scripted simulator fault.',
          ),
          headers,
        );
      }
      route(req, res, path, body);
    })().catch((error: unknown) => {
      if (!res.headersSent)
        json(res, 500, swError(500, 'FRAMEWORK__INTERNAL', 'Internal Server Error', String(error)));
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${!options.host || options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
    clientId,
    clientSecret,
    log,
    addOrder,
    order: find,
    editOrder(orderNumber, change) {
      const order = find(orderNumber);
      if (!order) throw new Error(`no order ${orderNumber}`);
      const tx = (order.transactions as Entity[])[0]!;
      if (change.amount !== undefined) {
        order.amountTotal = Number(change.amount);
        tx.amount = { unitPrice: Number(change.amount), totalPrice: Number(change.amount), quantity: 1 };
      }
      if (change.email !== undefined) (order.orderCustomer as Entity).email = change.email;
      if (change.orderState)
        Object.assign(order, { stateMachineState: state('order.state', change.orderState) });
      if (change.transactionState)
        Object.assign(tx, { stateMachineState: state('order_transaction.state', change.transactionState) });
      if (change.invoiceNumber)
        (order.documents as Entity[]).push(invoiceDocument(order.id as string, change.invoiceNumber, now()));
      // A payment state change alone is a state machine transition of the transaction (see the file comment).
      const orderChanged = Object.entries(change).some(
        ([key, value]) => value !== undefined && key !== 'transactionState',
      );
      if (change.transactionState !== undefined) touch(tx);
      if (orderChanged) touch(order);
    },
    deleteOrder(orderNumber) {
      const index = orders.findIndex((o) => o.orderNumber === orderNumber);
      if (index >= 0) orders.splice(index, 1);
    },
    fault(f) {
      faults.push({ ...f, left: f.times ?? 1 });
    },
    expireTokens() {
      tokens.clear();
    },
    setTokenLifetime(seconds) {
      lifetime = seconds;
    },
    tokenRequests: () => tokenCount,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `kassenwart dev shop-sim shopware6` (../simulators.ts): a simulator with demo orders and its credentials. */
export async function startShopware6SimulatorForCli(options: {
  port?: number;
  host?: string;
  seedOrders?: number;
}) {
  const sim = await startShopware6Simulator({
    port: options.port,
    host: options.host,
    seedOrders: options.seedOrders ?? 25,
  });
  return {
    url: sim.url,
    credentials: { key: sim.clientId, secret: sim.clientSecret },
    close: () => sim.close(),
  };
}
