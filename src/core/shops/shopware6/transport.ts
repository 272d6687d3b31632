/**
 * Shopware 6 Admin API transport over the official `@shopware/api-client` (`createAdminAPIClient`).
 *
 * Auth: OAuth 2 client credentials of an integration (Settings > System > Integrations), `POST /api/oauth/token`
 * (https://shopware.stoplight.io/docs/admin-api/docs/concepts/authentication-authorisation.md). The library fetches a
 * token before the first request and again when `expires_in` has passed; when the shop rejects a token early
 * (HTTP 401, e.g. the integration's secret was rotated or the token revoked) we drop the session and try once more.
 *
 * Robustness: the library talks through ofetch over the global fetch and has no fetch hook, so each `invoke` runs
 * inside the shared robust fetch (`createShopFetch`, ../http.ts) as its "fetch": the invoke's outcome is turned
 * into a Response, and timeouts, retries with backoff for 5xx and network errors, 429/Retry-After, TLS checks and
 * secret redaction are the same as for every other connector. ofetch's own retries are switched off.
 */
import { ApiClientError, createAdminAPIClient } from '@shopware/api-client';
import { assertSecureUrl, createShopFetch, redact, ShopError, type HttpOptions } from '../http.ts';

export type Shopware6Credentials = { clientId: string; clientSecret: string };

export type Shopware6TransportOptions = HttpOptions & {
  /** Shop address without `/api`, e.g. https://shop.example.de */
  baseUrl: string;
  credentials: Shopware6Credentials;
  label?: string;
};

export type ShopwareCall = {
  method: 'GET' | 'POST';
  /** Path below /api, e.g. `/search/order`. */
  path: string;
  body?: unknown;
};

/** A Shopware error body (JSON:API `failure` object, see adminApiSchema.json `#/components/schemas/failure`). */
export type ShopwareErrorBody = {
  errors?: {
    code?: string;
    status?: string;
    title?: string;
    detail?: string;
    /**
     * SYSTEM__ILLEGAL_STATE_TRANSITION: `parameters.possibleTransitions`, the action names (a list), and
     * `parameters.possibleTransitionsString`, the same joined by ", ".
     */
    meta?: { parameters?: Record<string, unknown> };
  }[];
};

export class ShopwareApiError extends ShopError {
  constructor(
    readonly status: number,
    readonly body: ShopwareErrorBody,
    message: string,
  ) {
    super(
      status === 401 || status === 403
        ? 'SHOP_AUTH_FAILED'
        : status === 404
          ? 'SHOP_NOT_FOUND'
          : 'SHOP_REQUEST_REJECTED',
      message,
    );
  }
  get shopwareCode(): string | undefined {
    return this.body.errors?.[0]?.code;
  }
}

export type ShopwareTransport = {
  call<T>(call: ShopwareCall): Promise<T>;
  /** HTTP requests sent so far (API calls, token requests and retries). */
  readonly requestCount: number;
  readonly label: string;
};

type Invoke = (op: string, params: Record<string, unknown>) => Promise<{ data: unknown; status: number }>;

export function createShopware6Transport(options: Shopware6TransportOptions): ShopwareTransport {
  const label = options.label ?? `Shopware shop ${options.baseUrl}`;
  const base = assertSecureUrl(options.baseUrl, label);
  const apiBase = `${base.origin}${base.pathname.replace(/\/$/, '')}/api`;
  const secrets = [options.credentials.clientSecret, options.credentials.clientId];
  const client = createAdminAPIClient({
    baseURL: apiBase,
    credentials: {
      grant_type: 'client_credentials',
      client_id: options.credentials.clientId,
      client_secret: options.credentials.clientSecret,
    },
    // Retries and timeouts are the shared module's job (see file comment).
    fetchOptions: { retry: 0 },
  });
  let requestCount = 0;
  client.hook('onAuthChange', () => {
    requestCount += 1; // the token request
  });
  const invoke = client.invoke as unknown as Invoke;

  /** Runs one invoke and reports its outcome as a Response, so the shared retry policy can judge it. */
  async function invokeAsResponse(
    call: ShopwareCall,
    signal: AbortSignal | null | undefined,
  ): Promise<Response> {
    requestCount += 1;
    try {
      const op = `op ${call.method.toLowerCase()} ${call.path}`;
      // The api-client fetches a token in its request hook with an ofetch call of its own, which gets neither
      // this signal nor a timeout; createShopFetch does not wait beyond its timeout for a fetch that ignores it.
      const { data, status } = await invoke(op, {
        body: call.body,
        fetchOptions: { signal: signal ?? undefined, retry: 0 },
      });
      return new Response(data === undefined ? null : JSON.stringify(data), {
        status: status === 204 ? 200 : status,
        headers: { 'content-type': 'application/json' },
      });
    } catch (error) {
      if (error instanceof ApiClientError) {
        const e = error as ApiClientError<{ errors: [] }>;
        const isToken = e.url.includes('/oauth/token');
        // A rejected token request is reported as 401 whatever Shopware answered (400/401), so callers see auth.
        return new Response(JSON.stringify({ ...(e.details as object), tokenRequest: isToken }), {
          status: isToken && e.status < 500 && e.status !== 429 ? 401 : e.status,
          headers: e.headers,
        });
      }
      // ofetch wraps network errors and timeouts in a FetchError; hand the cause to the retry policy.
      if (error instanceof Error && error.cause instanceof Error) throw error.cause;
      throw error;
    }
  }

  async function once(call: ShopwareCall): Promise<{ status: number; body: unknown }> {
    const url = `${apiBase}${call.path}`;
    const shopFetch = createShopFetch({
      ...options,
      label,
      secrets,
      fetch: (_input, init) => invokeAsResponse(call, init?.signal),
    });
    const response = await shopFetch(url, { method: call.method });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  }

  return {
    label,
    get requestCount() {
      return requestCount;
    },
    async call<T>(call: ShopwareCall): Promise<T> {
      let result = await once(call);
      const tokenRejected = (result.body as { tokenRequest?: boolean } | undefined)?.tokenRequest === true;
      if (result.status === 401 && !tokenRejected) {
        // The token expired or was revoked before its announced lifetime: fetch a new one and try once more.
        client.setSessionData({ accessToken: '', expirationTime: 0 });
        result = await once(call);
      }
      if (result.status >= 200 && result.status < 300) return result.body as T;
      throw toApiError(result.status, result.body ?? {}, call, label, secrets);
    },
  };
}

function toApiError(
  status: number,
  body: ShopwareErrorBody & { tokenRequest?: boolean },
  call: ShopwareCall,
  label: string,
  secrets: string[],
): ShopwareApiError {
  const first = body.errors?.[0];
  const detail = first ? `: ${[first.code, first.detail ?? first.title].filter(Boolean).join(' – ')}` : '';
  if (status === 401 || status === 403) {
    const what = body.tokenRequest ? 'rejected the integration credentials' : 'refused access';
    return new ShopwareApiError(
      status,
      body,
      redact(
        `${label} ${what} (HTTP ${status}${detail}). Check the access key ID and secret access key of the integration in Shopware (Settings > System > Integrations; it needs read access to orders and write access to order transactions), then give them again: "kassenwart shop update NAME --credentials" for a connected shop, "kassenwart shop add" for a new one.`,
        secrets,
      ),
    );
  }
  return new ShopwareApiError(
    status,
    body,
    redact(`${label} rejected ${call.method} /api${call.path} with HTTP ${status}${detail}.`, secrets),
  );
}
