/**
 * Shopify Admin GraphQL API access over the official `@shopify/admin-api-client` (`createAdminApiClient`).
 *
 * Auth (https://shopify.dev/docs/apps/build/authentication-authorization): either an existing Admin API access
 * token of the merchant's own app, or the app's client ID and secret exchanged for a token with the client
 * credentials grant (`POST https://{shop}/admin/oauth/access_token`, form-encoded
 * grant_type=client_credentials; the token lives `expires_in` seconds, 24 h). We refresh it 5 minutes before it
 * expires (injected clock) and once more when the shop answers 401 anyway.
 *
 * Rate limits (https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits): a leaky bucket of cost
 * points per app and store; every response carries `extensions.cost` with `requestedQueryCost` and
 * `throttleStatus { maximumAvailable currentlyAvailable restoreRate }`. Before a request whose cost we know from
 * last time we wait (injectable sleep) until the bucket has refilled enough; a request answered with a THROTTLED
 * error waits for (requested - available) / restoreRate seconds and is sent again. HTTP-level failures (5xx, 429,
 * timeouts, network) are handled by the shared robust fetch (../http.ts), given to the library as customFetchApi.
 */
import { createAdminApiClient } from '@shopify/admin-api-client';
import type { Clock } from '../../deps.ts';
import { assertSecureUrl, createShopFetch, redact, ShopError, type HttpOptions } from '../http.ts';
import { SHOPIFY_API_VERSION } from './documents.ts';

/**
 * Where a merchant requests protected customer data for the app, after "Request access in the app's settings ":
 * the log warning of a run that met withheld fields and the dealer notification about it both end with it.
 */
export const PROTECTED_DATA_ACCESS_HINT =
  '(API access > Protected customer data access): https://shopify.dev/docs/apps/launch/protected-customer-data';

export type ShopifyAuth = { accessToken: string } | { clientId: string; clientSecret: string };

export type ShopifyClientOptions = HttpOptions & {
  /** https://{shop}.myshopify.com, or http://127.0.0.1:PORT for the simulator. */
  shopUrl: string;
  auth: ShopifyAuth;
  clock: Clock;
  label?: string;
  apiVersion?: string;
  /** How often a THROTTLED request is sent again before giving up (default 5). */
  maxThrottleRetries?: number;
};

type Cost = {
  requestedQueryCost?: number;
  actualQueryCost?: number | null;
  throttleStatus?: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
};
type GraphQLError = { message: string; path?: (string | number)[]; extensions?: { code?: string } };

export type RequestOptions = {
  /**
   * Fields we can do without (customer data on an order): an ACCESS_DENIED error at a path through one of them,
   * next to `data`, leaves that field null and the rest of the answer stands (see `request`).
   */
  optional?: readonly string[];
  /**
   * Told the path of every optional field Shopify withheld (ending in the field's name, e.g. ['orders', 'nodes', 3,
   * 'email']): the null there means "not shown to this app", not "empty", and the caller must not store it as such.
   */
  onWithheld?: (path: readonly (string | number)[]) => void;
};

export type ShopifyGraphQL = {
  request<T>(document: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<T>;
  readonly requestCount: number;
  readonly label: string;
};

const REFRESH_MARGIN_MS = 5 * 60_000;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createShopifyGraphQL(options: ShopifyClientOptions): ShopifyGraphQL {
  const label = options.label ?? `Shopify shop ${options.shopUrl}`;
  const url = assertSecureUrl(options.shopUrl, label);
  // The library always builds an https URL from the domain; plain http is only ever allowed for loopback
  // (assertSecureUrl above), where we switch the scheme back for the simulator.
  const plainLoopback = url.protocol === 'http:';
  const sleep = options.sleep ?? defaultSleep;
  const secrets =
    'accessToken' in options.auth
      ? [options.auth.accessToken]
      : [options.auth.clientSecret, options.auth.clientId];
  let requestCount = 0;
  let lastShopError: ShopError | undefined;
  const shopFetch = createShopFetch({ ...options, label, secrets });
  const fetchForLibrary: typeof fetch = async (input, init) => {
    requestCount += 1;
    const target = plainLoopback
      ? String(input instanceof Request ? input.url : input).replace(/^https:/, 'http:')
      : input;
    try {
      return await shopFetch(target, init);
    } catch (error) {
      // The library turns thrown errors into plain messages; keep ours (with its code) to rethrow.
      if (error instanceof ShopError) lastShopError = error;
      throw error;
    }
  };

  let token: { value: string; expiresAt?: number } | undefined =
    'accessToken' in options.auth ? { value: options.auth.accessToken } : undefined;
  let client: ReturnType<typeof createAdminApiClient> | undefined;
  const bucket: { status?: Cost['throttleStatus']; at?: number } = {};
  const lastCost = new Map<string, number>();

  async function fetchToken(): Promise<void> {
    const auth = options.auth as { clientId: string; clientSecret: string };
    const response = await fetchForLibrary(`${url.origin}/admin/oauth/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: auth.clientId,
        client_secret: auth.clientSecret,
      }).toString(),
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!response.ok || !body.access_token) {
      const reason = body.error
        ? `: ${body.error}${body.error_description ? ` – ${body.error_description}` : ''}`
        : '';
      throw new ShopError(
        'SHOP_AUTH_FAILED',
        redact(
          `${label} rejected the app's client ID and secret (HTTP ${response.status}${reason}). Check them in the Dev Dashboard (Apps > your app > Settings) and that the app is installed on this store, then give them again: "kassenwart shop update NAME --credentials" for a connected shop, "kassenwart shop add" for a new one.`,
          secrets,
        ),
      );
    }
    token = {
      value: body.access_token,
      expiresAt: options.clock.now().getTime() + (body.expires_in ?? 86_399) * 1000,
    };
    client = undefined;
  }

  async function currentClient() {
    const stale =
      token?.expiresAt !== undefined && options.clock.now().getTime() >= token.expiresAt - REFRESH_MARGIN_MS;
    if (!token || stale) await fetchToken();
    client ??= createAdminApiClient({
      storeDomain: url.host,
      apiVersion: options.apiVersion ?? SHOPIFY_API_VERSION,
      accessToken: token!.value,
      customFetchApi: fetchForLibrary,
      retries: 0,
      logger: (entry) => {
        if (
          entry.type === 'Unsupported_Api_Version' ||
          entry.type === 'HTTP-Response-GraphQL-Deprecation-Notice'
        ) {
          options.logger?.log('warn', 'Shopify API notice', { shop: label, notice: entry.type });
        }
      },
    });
    return client;
  }

  /** Waits until the bucket (as last reported, refilled at restoreRate per second since) can pay `cost`. */
  async function waitForBudget(cost: number | undefined): Promise<void> {
    const status = bucket.status;
    if (!status || cost === undefined || bucket.at === undefined) return;
    const elapsed = (options.clock.now().getTime() - bucket.at) / 1000;
    const available = Math.min(
      status.maximumAvailable,
      status.currentlyAvailable + elapsed * status.restoreRate,
    );
    if (cost > available) await sleep(Math.ceil(((cost - available) / status.restoreRate) * 1000));
  }

  let warnedWithheld = false;
  /** One warning per client (one sync run): every order of the run would repeat it. */
  function warnWithheld(errors: GraphQLError[], optional: readonly string[]): void {
    if (warnedWithheld) return;
    warnedWithheld = true;
    const fields = [
      ...new Set(errors.map((e) => e.path?.find((p) => typeof p === 'string' && optional.includes(p)))),
    ];
    options.logger?.log(
      'warn',
      `Shopify withholds protected customer data from this app: orders are read without it, which leaves the matcher fewer signals (customer name, email). Request access in the app's settings ${PROTECTED_DATA_ACCESS_HINT}`,
      { shop: label, fields },
    );
  }

  const authFailed = (status: number, detail: string) =>
    new ShopError(
      'SHOP_AUTH_FAILED',
      redact(
        `${label} rejected the access token (HTTP ${status}${detail}). Check the app's Admin API access token or client credentials and its scopes (read_orders, write_orders), then give them again: "kassenwart shop update NAME --credentials" for a connected shop, "kassenwart shop add" for a new one.`,
        secrets,
      ),
    );

  return {
    label,
    get requestCount() {
      return requestCount;
    },
    async request<T>(
      document: string,
      variables?: Record<string, unknown>,
      requestOptions: RequestOptions = {},
    ): Promise<T> {
      const maxThrottleRetries = options.maxThrottleRetries ?? 5;
      let refreshed = false;
      for (let attempt = 0; ; attempt += 1) {
        await waitForBudget(lastCost.get(document));
        lastShopError = undefined;
        const result = await (await currentClient()).request(document, { variables });
        if (lastShopError) throw lastShopError;
        const cost = (result.extensions as { cost?: Cost } | undefined)?.cost;
        if (cost?.throttleStatus) {
          bucket.status = cost.throttleStatus;
          bucket.at = options.clock.now().getTime();
        }
        if (cost?.requestedQueryCost !== undefined) lastCost.set(document, cost.requestedQueryCost);
        const errors = result.errors;
        if (!errors) return result.data as T;
        const status = errors.networkStatusCode;
        if (status === 401 || status === 403) {
          const body = (await errors.response?.json().catch(() => undefined)) as
            { errors?: unknown } | undefined;
          const detail = typeof body?.errors === 'string' ? `: ${body.errors}` : '';
          if (status === 401 && !refreshed && !('accessToken' in options.auth)) {
            refreshed = true;
            token = undefined;
            continue;
          }
          throw authFailed(status, detail);
        }
        const graphQLErrors = (errors.graphQLErrors ?? []) as GraphQLError[];
        if (graphQLErrors.some((e) => e.extensions?.code === 'THROTTLED') && attempt < maxThrottleRetries) {
          const s = cost?.throttleStatus;
          const need = (cost?.requestedQueryCost ?? 0) - (s?.currentlyAvailable ?? 0);
          await sleep(s ? Math.max(1000, Math.ceil((need / s.restoreRate) * 1000)) : 1000);
          continue;
        }
        if (graphQLErrors.some((e) => e.extensions?.code === 'THROTTLED')) {
          throw new ShopError(
            'SHOP_RATE_LIMITED',
            `${label} kept throttling our requests (query cost limit). The next sync will try again.`,
          );
        }
        const data = result.data as Record<string, unknown> | undefined;
        if (data && withheldOnly(graphQLErrors, requestOptions.optional ?? [])) {
          for (const e of graphQLErrors) {
            const path = nullAt(data, e.path ?? [], requestOptions.optional ?? []);
            if (path) requestOptions.onWithheld?.(path);
          }
          warnWithheld(graphQLErrors, requestOptions.optional ?? []);
          return data as T;
        }
        const messages = graphQLErrors.map((e) => e.message).join('; ') || errors.message || 'unknown error';
        throw new ShopError(
          'SHOP_REQUEST_REJECTED',
          redact(
            `${label} rejected a GraphQL request${status ? ` (HTTP ${status})` : ''}: ${messages}`,
            secrets,
          ),
        );
      }
    },
  };
}

/**
 * Partial answers: Shopify answers fields of protected customer data an app is not approved for
 * (https://shopify.dev/docs/apps/launch/protected-customer-data) with null in `data` and an ACCESS_DENIED error at
 * the field's path. When every error is of that kind and lies on a field the caller can do without, the answer
 * stands; any other error, or one on a field we need, keeps the whole request failed.
 */
function withheldOnly(errors: GraphQLError[], optional: readonly string[]): boolean {
  return (
    errors.length > 0 &&
    errors.every(
      (e) =>
        e.extensions?.code === 'ACCESS_DENIED' &&
        (e.path ?? []).some((p) => typeof p === 'string' && optional.includes(p)),
    )
  );
}

/**
 * Sets the first optional field on `path` to null (Shopify sends null there already; we do not rely on it) and
 * returns the path up to that field, or undefined when `data` has nothing there (a null parent).
 */
function nullAt(
  data: Record<string, unknown>,
  path: (string | number)[],
  optional: readonly string[],
): (string | number)[] | undefined {
  let node: unknown = data;
  for (const [i, segment] of path.entries()) {
    if (typeof node !== 'object' || node === null) return undefined;
    const holder = node as Record<string | number, unknown>;
    if (typeof segment === 'string' && optional.includes(segment)) {
      holder[segment] = null;
      return path.slice(0, i + 1);
    }
    node = holder[segment];
  }
  return undefined;
}
