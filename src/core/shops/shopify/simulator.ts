/**
 * Shopify Admin GraphQL API simulator: a loopback HTTP server executing real GraphQL (graphql-js) against a
 * subset of the Admin schema (simulator-schema.ts), per
 *   - https://shopify.dev/docs/api/admin-graphql (POST /admin/api/{version}/graphql.json, `orders`, `order`,
 *     `orderMarkAsPaid`, `tagsAdd`; Decimal amounts as strings; gid://shopify/Order/N ids; cursor paging)
 *   - https://shopify.dev/docs/api/usage/authentication (X-Shopify-Access-Token; 401 body
 *     `{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}`)
 *   - https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/client-credentials-grant
 *     (POST /admin/oauth/access_token, grant_type=client_credentials, expires_in 86399)
 *   - https://shopify.dev/docs/api/usage/limits (leaky bucket: 2000 points, 100/s restore, THROTTLED errors,
 *     `extensions.cost` with requestedQueryCost, actualQueryCost and throttleStatus; 1000 max per query)
 *   - https://shopify.dev/docs/apps/launch/protected-customer-data (`protectedCustomerData: false`, an app without
 *     approval: the order's `email` and `billingAddress` resolve to null, each with an ACCESS_DENIED error at its
 *     path next to the rest of `data`, with the messages Shopify sends: "This app is not approved to use the email
 *     field." / "This app is not approved to access the MailingAddress object.")
 *   - https://shopify.dev/docs/api/admin-graphql/latest/objects/Order ("Only the last 60 days' worth of orders from
 *     a store are accessible from the Order object by default"; https://shopify.dev/docs/api/usage/access-scopes:
 *     `read_all_orders` for older ones): without that scope in `scopes`, `order` answers null and `orders` leaves
 *     out orders created more than 60 days ago; `currentAppInstallation { accessScopes { handle } }` lists `scopes`.
 * Test control: seed/edit/delete orders, drain the bucket, scripted HTTP faults, a log of every GraphQL request.
 * Also runnable via `kassenwart dev shop-sim shopify`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { execute, GraphQLError, parse, validate } from 'graphql';
import { buildSimulatorSchema, parseSearch, requestedCost } from './simulator-schema.ts';
import { createOrderStore, type SimOrderSeed, type SimOrderStore } from './simulator-store.ts';

export type ShopifySimFault = {
  path?: string | RegExp;
  status?: number;
  retryAfter?: string;
  hang?: boolean;
  /** With `hang`: called when the request arrives (a test ends the client's attempt there: test/helpers/timeouts.ts). */
  onHang?: () => void;
  times?: number;
  /** The answer's body (default `{ errors: 'Scripted simulator fault.' }`), e.g. a partial GraphQL answer. */
  body?: unknown;
};
export type ShopifyExchange = {
  path: string;
  query?: string;
  variables?: Record<string, unknown>;
  status: number;
  response: unknown;
};

export type ShopifySimulatorOptions = {
  port?: number;
  host?: string;
  /** A fixed Admin API access token the simulator accepts (like a custom app's token). */
  accessToken?: string;
  clientId?: string;
  clientSecret?: string;
  now?: () => number;
  /** Leaky bucket (Shopify standard plan: 2000 points, 100 points/s). */
  maximumAvailable?: number;
  restoreRate?: number;
  seedOrders?: number;
  /** The app's access scopes (default read_orders, write_orders: orders of the last 60 days only). */
  scopes?: string[];
  /** False: the app is not approved for protected customer data (email and billing address are denied). */
  protectedCustomerData?: boolean;
  /** Which store this is (`shop { id name myshopifyDomain }`); default gid://shopify/Shop/1, a second store differs. */
  shop?: { id: string; name: string; myshopifyDomain: string };
};

export type ShopifySimulator = SimOrderStore & {
  readonly url: string;
  readonly accessToken: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly log: ShopifyExchange[];
  fault(fault: ShopifySimFault): void;
  /** Sets the bucket's currently available points (to provoke throttling). */
  drainBucket(toPoints: number): void;
  expireTokens(): void;
  tokenRequests(): number;
  /** Grants or withdraws the app's approval for protected customer data (see the option). */
  setProtectedCustomerData(approved: boolean): void;
  close(): Promise<void>;
};

const SUPPORTED_VERSIONS = new Set(['2025-10', '2026-01', '2026-04', '2026-07', '2026-10']);
const MAX_QUERY_COST = 1000;

export async function startShopifySimulator(
  options: ShopifySimulatorOptions = {},
): Promise<ShopifySimulator> {
  const now = options.now ?? Date.now;
  const schema = buildSimulatorSchema();
  const store = createOrderStore(now);
  const staticToken = options.accessToken ?? 'shpat_simulator_0123456789abcdef';
  const clientId = options.clientId ?? 'simulator-client-id';
  const clientSecret = options.clientSecret ?? 'shpss_simulator_secret_0123456789';
  const tokens = new Map<string, number>([[staticToken, Number.POSITIVE_INFINITY]]);
  const maximumAvailable = options.maximumAvailable ?? 2000;
  const restoreRate = options.restoreRate ?? 100;
  const bucket = { available: maximumAvailable, at: now() };
  const faults: (ShopifySimFault & { left: number })[] = [];
  const log: ShopifyExchange[] = [];
  let tokenCount = 0;

  for (let i = 1; i <= (options.seedOrders ?? 0); i += 1) {
    const gateways = ['Bank Deposit', 'Cash on Delivery (COD)', 'Money Order'];
    store.add({
      amount: `${(i * 7) % 300}.${String((i * 13) % 100).padStart(2, '0')}`,
      createdAtMs: now() - (1000 - i) * 60_000,
      gateway: gateways[i % 3]!,
    });
  }

  function restore(): number {
    const t = now();
    bucket.available = Math.min(maximumAvailable, bucket.available + ((t - bucket.at) / 1000) * restoreRate);
    bucket.at = t;
    return bucket.available;
  }
  const throttleStatus = () => ({
    maximumAvailable,
    currentlyAvailable: Math.floor(bucket.available),
    restoreRate,
  });

  // Protected customer data without approval: the field resolves with an ACCESS_DENIED error, so graphql-js puts
  // null at its path in `data` and the error beside it, as Shopify answers.
  const denied = (message: string) => () => {
    throw new GraphQLError(
      `${message} See https://shopify.dev/docs/apps/launch/protected-customer-data for more details.`,
      {
        extensions: {
          code: 'ACCESS_DENIED',
          documentation: 'https://shopify.dev/docs/apps/launch/protected-customer-data',
        },
      },
    );
  };
  let customerDataApproved = options.protectedCustomerData !== false;
  const guard = (order: Record<string, unknown> | null) =>
    order && !customerDataApproved
      ? {
          ...order,
          email: denied('This app is not approved to use the email field.'),
          billingAddress: denied('This app is not approved to access the MailingAddress object.'),
        }
      : order;

  const scopes = options.scopes ?? ['read_orders', 'write_orders'];
  const allOrders = scopes.includes('read_all_orders');
  const reachable = () => `created_at:>='${new Date(now() - 60 * 86_400_000).toISOString()}'`;
  const visible = (order: Record<string, unknown> | null) =>
    order && (allOrders || Date.parse(String(order.createdAt)) >= now() - 60 * 86_400_000) ? order : null;

  const rootValue = {
    currentAppInstallation: {
      accessScopes: scopes.map((handle) => ({ handle, description: handle })),
    },
    shop: {
      ...(options.shop ?? {
        id: 'gid://shopify/Shop/1',
        name: 'Kassenwart Simulator',
        myshopifyDomain: 'kassenwart-sim.myshopify.com',
      }),
      currencyCode: 'EUR',
    },
    order: ({ id }: { id: string }) => guard(visible(store.view(id))),
    orders: (args: {
      first?: number | null;
      after?: string | null;
      query?: string | null;
      sortKey?: string;
      reverse?: boolean;
    }) => {
      const connection = store.connection({
        ...args,
        terms: parseSearch([args.query ?? '', allOrders ? '' : reachable()].join(' ').trim()),
      }) as Record<string, unknown> & {
        nodes: Record<string, unknown>[];
        edges: { cursor: string; node: Record<string, unknown> }[];
      };
      return {
        ...connection,
        nodes: connection.nodes.map(guard),
        edges: connection.edges.map((e) => ({ ...e, node: guard(e.node) })),
      };
    },
    orderMarkAsPaid: ({ input }: { input: { id: string } }) => store.markAsPaid(input.id),
    tagsAdd: ({ id, tags }: { id: string; tags: string[] }) => store.addTags(id, tags),
  };

  function graphql(body: { query?: unknown; variables?: unknown }): { status: number; payload: unknown } {
    if (typeof body.query !== 'string')
      return {
        status: 400,
        payload: {
          errors: [{ message: 'Parameter Missing or Invalid', extensions: { code: 'BAD_REQUEST' } }],
        },
      };
    const variables = (body.variables ?? {}) as Record<string, unknown>;
    let document;
    try {
      document = parse(body.query);
    } catch (error) {
      return { status: 200, payload: { errors: [{ message: (error as GraphQLError).message }] } };
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0)
      return {
        status: 200,
        payload: { errors: invalid.map((e) => ({ message: e.message, locations: e.locations })) },
      };
    const cost = requestedCost(schema, document, variables);
    if (cost > MAX_QUERY_COST) {
      const message = `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`;
      return {
        status: 200,
        payload: {
          errors: [{ message, extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: MAX_QUERY_COST } }],
        },
      };
    }
    if (cost > restore()) {
      return {
        status: 200,
        payload: {
          errors: [
            {
              message: 'Throttled',
              extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
            },
          ],
          extensions: {
            cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: throttleStatus() },
          },
        },
      };
    }
    const result = execute({ schema, document, rootValue, variableValues: variables }) as {
      data?: Record<string, unknown> | null;
      errors?: readonly GraphQLError[];
    };
    // Actual cost: connections cost only the nodes they returned.
    const returned = Object.values(result.data ?? {}).reduce<number>(
      (n, v) => n + ((v as { nodes?: unknown[] } | null)?.nodes?.length ?? 0),
      0,
    );
    const firstArg = Number(variables.first ?? 0);
    const actual = Math.max(
      1,
      cost -
        (firstArg > returned ? (firstArg - returned) * Math.max(0, (cost - 2) / Math.max(1, firstArg)) : 0),
    );
    bucket.available -= Math.round(actual);
    return {
      status: 200,
      payload: {
        ...(result.errors
          ? {
              errors: result.errors.map((e) => ({
                message: e.message,
                locations: e.locations,
                path: e.path,
                ...(e.extensions.code ? { extensions: e.extensions } : {}),
              })),
            }
          : {}),
        data: result.data ?? null,
        extensions: {
          cost: {
            requestedQueryCost: cost,
            actualQueryCost: Math.round(actual),
            throttleStatus: throttleStatus(),
          },
        },
      },
    };
  }

  async function readBody(req: IncomingMessage): Promise<{ text: string; json: Record<string, unknown> }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded'))
      return { text, json: Object.fromEntries(new URLSearchParams(text)) };
    try {
      return { text, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    } catch {
      return { text, json: {} };
    }
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const { json } = await readBody(req);
    const exchange: ShopifyExchange = { path, status: 0, response: undefined };
    if (typeof json.query === 'string') exchange.query = json.query;
    if (json.variables && typeof json.variables === 'object')
      exchange.variables = json.variables as Record<string, unknown>;
    const reply = (status: number, body: unknown, headers?: Record<string, string>) => {
      Object.assign(exchange, { status, response: body });
      log.push(exchange);
      send(res, status, body, headers);
    };
    const fault = faults.find(
      (f) => f.left > 0 && (!f.path || (typeof f.path === 'string' ? f.path === path : f.path.test(path))),
    );
    if (fault) {
      fault.left -= 1;
      if (fault.hang) {
        fault.onHang?.();
        return;
      }
      return reply(
        fault.status ?? 500,
        fault.body ?? { errors: 'Scripted simulator fault.' },
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    }
    if (req.method === 'POST' && path === '/admin/oauth/access_token') {
      if (
        json.grant_type !== 'client_credentials' ||
        json.client_id !== clientId ||
        json.client_secret !== clientSecret
      ) {
        return reply(400, {
          error: 'invalid_client',
          error_description:
            'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
        });
      }
      const token = `shpat_${randomBytes(16).toString('hex')}`;
      tokens.set(token, now() + 86_399_000);
      tokenCount += 1;
      return reply(200, { access_token: token, scope: scopes.join(','), expires_in: 86_399 });
    }
    const gql = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(path);
    if (req.method !== 'POST' || !gql) return reply(404, { errors: 'Not Found' });
    const token = req.headers['x-shopify-access-token'];
    const expires = typeof token === 'string' ? tokens.get(token) : undefined;
    if (expires === undefined || expires <= now())
      return reply(401, {
        errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
      });
    if (!SUPPORTED_VERSIONS.has(gql[1]!)) return reply(404, { errors: 'Not Found' });
    const { status, payload } = graphql(json);
    return reply(status, payload, { 'x-shopify-api-version': gql[1]! });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { errors: String(error) });
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const port = (server.address() as AddressInfo).port;
  const host = !options.host || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;

  return {
    ...store,
    url: `http://${host}:${port}`,
    accessToken: staticToken,
    clientId,
    clientSecret,
    log,
    fault: (f) => faults.push({ ...f, left: f.times ?? 1 }),
    drainBucket(toPoints) {
      restore();
      bucket.available = toPoints;
    },
    expireTokens() {
      for (const key of [...tokens.keys()]) if (key !== staticToken) tokens.delete(key);
    },
    tokenRequests: () => tokenCount,
    setProtectedCustomerData(approved: boolean) {
      customerDataApproved = approved;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `kassenwart dev shop-sim shopify` (../simulators.ts): a simulator with demo orders and its credentials. */
export async function startShopifySimulatorForCli(options: {
  port?: number;
  host?: string;
  seedOrders?: number;
}) {
  const sim = await startShopifySimulator({
    port: options.port,
    host: options.host,
    seedOrders: options.seedOrders ?? 25,
  });
  return {
    url: sim.url,
    credentials: { token: sim.accessToken, key: sim.clientId, secret: sim.clientSecret },
    close: () => sim.close(),
  };
}

export type { SimOrderSeed };
