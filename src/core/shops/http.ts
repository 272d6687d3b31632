/**
 * Robust HTTP for every shop connector (issue 4 §7): TLS required except for loopback, a timeout per attempt
 * (AbortSignal.timeout), retries with exponential backoff (p-retry) for network errors, timeouts and 5xx,
 * 429 with `Retry-After` honoured (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), and typed `ShopError`s
 * whose messages never contain credentials. A connection refused or a host name that does not exist fails at once,
 * before the shop answered at all, unless `retryConnectErrors` is set; where someone waits, a timeout before the shop
 * answered anything in this run is not retried either (`retryTimeouts`, `contact`, see there).
 *
 * Two entry points:
 *   - `createShopFetch(options)`: a drop-in `fetch` for official client libraries (e.g. `customFetchApi` of
 *     @shopify/admin-api-client) that adds timeout, retries, TLS check and redaction. It resolves with the
 *     final Response for any status that is not retried (so the library sees 401/404/400 itself).
 *   - `createShopHttp(options)`: a small JSON client on top of it for hand-written connectors (WooCommerce):
 *     maps 401/403 to SHOP_AUTH_FAILED, other unexpected statuses to SHOP_REQUEST_REJECTED, bad JSON to
 *     SHOP_BAD_RESPONSE, and counts requests (sync runs record them).
 *
 * Delays are injectable (`sleep`), so tests exercise backoff and Retry-After without waiting.
 */
import pRetry, { AbortError } from 'p-retry';
import { KassenwartError } from '../errors.ts';
import type { Logger } from '../deps.ts';

/** Errors talking to a shop. Codes: SHOP_AUTH_FAILED, SHOP_UNREACHABLE, SHOP_RATE_LIMITED, SHOP_BAD_RESPONSE,
 * SHOP_REQUEST_REJECTED, SHOP_INSECURE_URL, SHOP_NOT_FOUND, SHOP_CONFIG. */
export class ShopError extends KassenwartError {}

export type HttpOptions = {
  /** The fetch implementation (default: global fetch). */
  fetch?: typeof fetch;
  /** How to wait between attempts; tests pass `() => Promise.resolve()`. */
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number;
  /**
   * Makes the signal that ends an attempt after `timeoutMs` (default AbortSignal.timeout). Tests pass one they abort
   * themselves when a simulated shop hangs (test/helpers/timeouts.ts), so no other request of a busy test machine
   * can run into a short real timeout.
   */
  timeoutSignal?: (ms: number) => AbortSignal;
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** First backoff delay (default 1 s), doubled per retry up to `maxBackoffMs` (default 30 s). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Current time in ms, for Retry-After given as an HTTP date (default Date.now; the core passes its clock). */
  now?: () => number;
  /** Longest Retry-After we are willing to wait inside one sync (default 120 s); longer -> SHOP_RATE_LIMITED. */
  maxRetryAfterMs?: number;
  /**
   * Retry an attempt whose connection was refused (ECONNREFUSED) or whose host name does not exist (ENOTFOUND) like
   * any other network error (default false). Both are answered at once and rarely go away within the ~15 s of
   * backoff: where someone waits for the answer (a command, "sync now", adding or testing a shop) they fail on the
   * first such attempt with one message saying what to check. The background scheduler sets it: it has time, and a
   * shop that restarts is briefly refused. A refusal after the shop answered at all in this run (`contact`: a 503
   * during a restart, or page 37 of a sync) is retried either way. Resets, 429 and 5xx are always retried within `retries`, timeouts unless
   * `retryTimeouts` is false.
   */
  retryConnectErrors?: boolean;
  /**
   * Retry an attempt that timed out (default true). A shop that accepts the connection and never answers (a hung
   * server, a proxy or firewall that holds the request) would keep someone waiting `retries` + 1 timeouts plus the
   * backoff: 5 × 30 s + 15 s by default. Where someone waits for the answer (a command, "sync now", adding, updating
   * or testing a shop) shop-service sets it false, so a timeout before the shop answered anything in this run
   * (`contact`) fails at once with one SHOP_UNREACHABLE saying the shop did not answer and what to do. Once the shop
   * has answered in the run, a timeout is a slow request of a shop that works (page 37 of a long sync) and is retried
   * either way. The background scheduler keeps the default: it has time.
   */
  retryTimeouts?: boolean;
  /**
   * Whether the shop has answered in this run: one object per connector (a sync run, a connection test, adding or
   * updating a shop), shared by every fetch made from these options, since a connector may make several (WooCommerce
   * one per way to authenticate, Shopware one per call). Without it, each fetch keeps its own.
   */
  contact?: ShopContact;
  /**
   * What to do when the address leads nowhere (refused, unknown host), appended to that SHOP_UNREACHABLE message;
   * for a stored shop, how to give it a new address (`kassenwart shop update NAME --url`).
   */
  addressHint?: string;
};

/** What the requests of one run have seen of the shop (HttpOptions.contact): any HTTP answer at all. */
export type ShopContact = { answered: boolean };

export type ShopFetchOptions = HttpOptions & {
  /** Shown in error messages, e.g. 'WooCommerce shop "Mein Laden"'. */
  label: string;
  /** Values that must never appear in messages or logs (keys, secrets, tokens). */
  secrets: string[];
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type RetrySettings = {
  retries: number;
  minBackoffMs: number;
  maxBackoffMs: number;
  sleep: (ms: number) => Promise<void>;
};

/**
 * The retry settings of `options` with their defaults filled in (4 retries, 1 s doubling up to 30 s, a real timer):
 * the http layer's, and those of a caller that retries by hand what the layer must not (WooClient.addOrderNote).
 */
export function retrySettings(options: HttpOptions): RetrySettings {
  return {
    retries: options.retries ?? 4,
    minBackoffMs: options.minBackoffMs ?? 1000,
    maxBackoffMs: options.maxBackoffMs ?? 30_000,
    sleep: options.sleep ?? defaultSleep,
  };
}

/** The backoff before retry `attempt` (1 = after the first failed attempt): `minBackoffMs` doubled per retry, at most `maxBackoffMs`. */
export function backoffMs(
  settings: Pick<RetrySettings, 'minBackoffMs' | 'maxBackoffMs'>,
  attempt: number,
): number {
  return Math.min(settings.maxBackoffMs, settings.minBackoffMs * 2 ** (attempt - 1));
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Parses and checks a shop URL: https, or http only for loopback (tests, the simulators, `dev shop-sim`). */
export function assertSecureUrl(raw: string, label: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ShopError(
      'SHOP_CONFIG',
      `${label}: "${raw}" is not a URL. Give the shop address like https://shop.example.de.`,
    );
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url;
  throw new ShopError(
    'SHOP_INSECURE_URL',
    `${label}: ${url.protocol}//${url.host} is not encrypted. Credentials are only sent over HTTPS; use the https:// address of the shop.`,
  );
}

const SECRET_PARAM =
  /((?:consumer_key|consumer_secret|client_secret|access_token|token|password|oauth_signature)=)[^&\s"']+/gi;
const AUTH_HEADER =
  /((?:authorization|x-shopify-access-token)["']?\s*[:=]\s*["']?)(?:basic|bearer)?\s*[^\s"',}]+/gi;

/** Removes credentials from any text that might end up in an error, a log line or a sync run record. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(SECRET_PARAM, '$1[redacted]').replace(AUTH_HEADER, '$1[redacted]');
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** Retry-After as milliseconds (RFC 9110 §10.2.3), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Describes a URL for messages: origin and path only, never the query (it may carry credentials). */
function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

class RetryableStatus extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`HTTP ${status}`);
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** An attempt that timed out where it is not retried (HttpOptions.retryTimeouts false): the shop did not answer. */
class NoAnswer extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
  }
}

/**
 * Network errors that say the shop's address leads nowhere, answered at once (Node's error codes, found on the
 * `cause` of undici's "fetch failed"): why, in words a merchant can check.
 */
const ADDRESS_FAILURES: Record<string, (host: string) => string> = {
  ECONNREFUSED: () =>
    'the connection was refused (ECONNREFUSED; nothing accepts connections at that address and port)',
  ENOTFOUND: (host) =>
    `the host name ${host} does not exist (ENOTFOUND; a typo in the address, or the domain is gone)`,
};

/** A network error (not an HTTP status) of one attempt: the message, and Node's code where the cause chain has one. */
class NetworkFailure extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** How to say why, when `error` is a network failure whose code says the address leads nowhere. */
function addressFailure(error: unknown): ((host: string) => string) | undefined {
  if (!(error instanceof NetworkFailure) || error.code === undefined) return undefined;
  return Object.hasOwn(ADDRESS_FAILURES, error.code) ? ADDRESS_FAILURES[error.code] : undefined;
}

/** Node's error code (ECONNREFUSED, ENOTFOUND, …) anywhere in the cause chain, or in a happy-eyeballs AggregateError. */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const first: unknown = current instanceof AggregateError ? current.errors[0] : undefined;
    const firstCode = first instanceof Error ? (first as { code?: unknown }).code : undefined;
    if (typeof firstCode === 'string') return firstCode;
    current = current.cause;
  }
  return undefined;
}

/** A fetch with timeout, retries, Retry-After, TLS check and redacted errors (see the file comment). */
export function createShopFetch(options: ShopFetchOptions): typeof fetch {
  const doFetch = options.fetch ?? globalThis.fetch;
  const settings = retrySettings(options);
  const { sleep, retries } = settings;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const timeoutSignal = options.timeoutSignal ?? ((ms: number) => AbortSignal.timeout(ms));
  const maxRetryAfter = options.maxRetryAfterMs ?? 120_000;
  const { label, secrets } = options;
  const contact = options.contact ?? { answered: false };

  const shopFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const target = assertSecureUrl(url, label);
    const place = where(url);
    let lastStatus: RetryableStatus | undefined;
    try {
      return await pRetry(
        async () => {
          let response: Response;
          try {
            const signal = init?.signal
              ? AbortSignal.any([init.signal, timeoutSignal(timeoutMs)])
              : timeoutSignal(timeoutMs);
            response = await untilAborted(doFetch(input, { ...init, signal }), signal);
          } catch (error) {
            if (init?.signal?.aborted) throw new AbortError(error instanceof Error ? error : String(error));
            if (isTimeout(error)) {
              // Where someone waits, one timeout of a shop that has not answered in this run is the answer
              // (HttpOptions.retryTimeouts); once it has, a slow request is retried.
              if (options.retryTimeouts === false && !contact.answered)
                throw new AbortError(new NoAnswer(timeoutMs));
              throw new Error(`timed out after ${timeoutMs} ms`, { cause: error });
            }
            // Network errors are retried (p-retry passes network TypeErrors through), except an address that
            // leads nowhere before the shop answered at all in this run, where someone waits
            // (HttpOptions.retryConnectErrors): a refusal at page 37 is a shop that restarts, not a wrong address.
            const failure = toNetworkFailure(error, secrets);
            if (addressFailure(failure) && !lastStatus && !contact.answered && !options.retryConnectErrors)
              throw new AbortError(failure);
            throw failure;
          }
          contact.answered = true;
          if (response.status === 429 || response.status >= 500) {
            // Drain the body so the connection can be reused.
            await response.arrayBuffer().catch(() => undefined);
            const retryAfter = parseRetryAfter(
              response.headers.get('retry-after'),
              (options.now ?? Date.now)(),
            );
            lastStatus = new RetryableStatus(response.status, retryAfter);
            if (response.status === 429 && retryAfter !== undefined && retryAfter > maxRetryAfter)
              throw new AbortError(lastStatus);
            throw lastStatus;
          }
          return response;
        },
        {
          retries,
          // p-retry's own timer is switched off; we wait in onFailedAttempt with the injectable sleep so a
          // 429 waits exactly Retry-After and tests never sleep for real.
          minTimeout: 0,
          maxTimeout: 0,
          randomize: false,
          onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
            if (retriesLeft <= 0) return;
            const backoff = backoffMs(settings, attemptNumber);
            const delay =
              error instanceof RetryableStatus && error.retryAfterMs !== undefined
                ? error.retryAfterMs
                : backoff;
            // 'info': the attempts are no news for the dealer (only the run's outcome is); each would repeat the
            // error that the outcome reports once.
            options.logger?.log('info', 'shop request failed, retrying', {
              shop: label,
              url: place,
              attempt: attemptNumber,
              error: redact(error.message, secrets),
              delayMs: delay,
            });
            await sleep(delay);
          },
        },
      );
    } catch (error) {
      throw toShopError(
        error,
        { label, place, host: target, secrets, addressHint: options.addressHint },
        lastStatus,
      );
    }
  };
  return shopFetch;
}

/**
 * `work`, or the signal's reason once it aborts, whichever comes first. A fetch that ignores the signal (a client
 * library's own request, such as the token request @shopware/api-client makes in its request hook) would
 * otherwise hang the sync for good, and a job never overlaps itself, so every later run of it too. The abandoned
 * request ends when the shop closes the connection.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: Error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function toNetworkFailure(error: unknown, secrets: readonly string[]): NetworkFailure {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const message = error instanceof Error ? `${error.message}${cause}` : String(error);
  // Not a TypeError: p-retry retries every error except non-network TypeErrors.
  return new NetworkFailure(redact(message, secrets), networkCode(error));
}

type ErrorPlace = {
  label: string;
  /** Origin and path of the request. */
  place: string;
  host: URL;
  secrets: readonly string[];
  addressHint: string | undefined;
};

function toShopError(error: unknown, at: ErrorPlace, last?: RetryableStatus): ShopError {
  const { label, place, secrets } = at;
  if (error instanceof ShopError) return error;
  const why = addressFailure(error);
  if (why) {
    // What, where, why and what to do, once: the address as the dealer gave it (origin), not the API path.
    return new ShopError(
      'SHOP_UNREACHABLE',
      `${label} is not reachable at ${at.host.origin}: ${why(at.host.hostname)}. Check the address and that the shop is online.${at.addressHint ? ` ${at.addressHint}` : ''}`,
      { network: (error as NetworkFailure).code },
    );
  }
  if (error instanceof NoAnswer) {
    const within =
      error.timeoutMs >= 1000 ? `${Math.round(error.timeoutMs / 1000)} s` : `${error.timeoutMs} ms`;
    return new ShopError(
      'SHOP_UNREACHABLE',
      `${label} did not answer within ${within} at ${at.host.origin} (the shop's server may be overloaded or hanging, or a proxy or firewall holds the request). Check that the shop's website opens in a browser, then try again.${at.addressHint ? ` ${at.addressHint}` : ''}`,
      { network: 'TIMEOUT' },
    );
  }
  const inner = error instanceof RetryableStatus ? error : last && error === last ? last : undefined;
  if (inner?.status === 429) {
    const wait =
      inner.retryAfterMs !== undefined ? ` (it asks to wait ${Math.ceil(inner.retryAfterMs / 1000)} s)` : '';
    return new ShopError(
      'SHOP_RATE_LIMITED',
      `${label} is rate-limiting requests to ${place}${wait}. The next sync will try again.`,
    );
  }
  if (inner) {
    return new ShopError(
      'SHOP_UNREACHABLE',
      `${label} answered HTTP ${inner.status} at ${place} repeatedly. The shop server has a problem; the next sync will try again.`,
    );
  }
  const message = redact(error instanceof Error ? error.message : String(error), secrets);
  return new ShopError(
    'SHOP_UNREACHABLE',
    `${label} could not be reached at ${place} (${message}). Check the address and the internet connection; the next sync will try again.`,
  );
}

export type JsonResponse<T = unknown> = { status: number; headers: Headers; body: T };

export type ShopHttpOptions = ShopFetchOptions & {
  baseUrl: string;
  /** Headers sent with every request (e.g. Authorization). Never logged. */
  headers?: Record<string, string>;
  /** Query parameters sent with every request (e.g. credentials where a server drops Authorization). Never logged. */
  query?: Record<string, string>;
  /**
   * Signs each attempt's URL (WooCommerce's OAuth 1.0a over plain HTTP): called per attempt, so a retry carries a
   * new nonce and timestamp. What it adds is never logged (messages show origin and path only).
   */
  sign?: (method: string, url: URL) => URL;
  /** Where the merchant fixes wrong credentials, for SHOP_AUTH_FAILED ("WooCommerce > Settings > Advanced > REST API"). */
  authHint: string;
};

export type ShopHttp = {
  request<T = unknown>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    params?: {
      query?: Record<string, string | number | boolean | undefined>;
      body?: unknown;
      allow?: number[];
      /**
       * Send once, never retry: for a request that is not idempotent (a POST that creates something), where a
       * timeout or a 5xx does not say whether the shop carried it out. The caller finds out and decides.
       */
      once?: boolean;
    },
  ): Promise<JsonResponse<T>>;
  /** Requests sent so far, including retries. */
  readonly requestCount: number;
};

/** A JSON client for one shop (see the file comment). */
export function createShopHttp(options: ShopHttpOptions): ShopHttp {
  const base = assertSecureUrl(options.baseUrl, options.label);
  let requestCount = 0;
  const { sign } = options;
  // request() always passes a URL; signing works on a copy, so each attempt signs the unsigned URL afresh.
  const countingFetch = (input: URL, init?: RequestInit): Promise<Response> => {
    requestCount += 1;
    const target = sign ? sign(init?.method ?? 'GET', new URL(input)) : input;
    return (options.fetch ?? globalThis.fetch)(target, init);
  };
  const counted = { ...options, fetch: countingFetch as typeof fetch };
  const shopFetch = createShopFetch(counted);
  /** For `once` requests; made on the first (most clients never send one). */
  let fetchOnce: typeof fetch | undefined;
  return {
    get requestCount() {
      return requestCount;
    },
    async request<T>(
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      path: string,
      params: {
        query?: Record<string, string | number | boolean | undefined>;
        body?: unknown;
        allow?: number[];
        once?: boolean;
      } = {},
    ): Promise<JsonResponse<T>> {
      const url = new URL(path.replace(/^\//, ''), base.href.endsWith('/') ? base.href : `${base.href}/`);
      for (const [k, v] of Object.entries({ ...options.query, ...params.query }))
        if (v !== undefined) url.searchParams.set(k, String(v));
      const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
      if (params.body !== undefined) headers['content-type'] = 'application/json';
      const send = params.once ? (fetchOnce ??= createShopFetch({ ...counted, retries: 0 })) : shopFetch;
      const response = await send(url, {
        method,
        headers,
        body: params.body === undefined ? undefined : JSON.stringify(params.body),
      });
      const place = `${url.origin}${url.pathname}`;
      const text = await response.text();
      if (response.status === 401 || response.status === 403) {
        throw new ShopError(
          'SHOP_AUTH_FAILED',
          redact(
            `${options.label} rejected the credentials (HTTP ${response.status} at ${place}${shopErrorCode(text)}). Check the API key in ${options.authHint}, then give it again: "kassenwart shop update NAME --credentials" for a connected shop, "kassenwart shop add" for a new one.`,
            options.secrets,
          ),
        );
      }
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        throw new ShopError(
          'SHOP_BAD_RESPONSE',
          `${options.label} did not answer with JSON at ${place} (HTTP ${response.status}). Is the address the shop's own address?`,
        );
      }
      const ok =
        (response.status >= 200 && response.status < 300) || (params.allow ?? []).includes(response.status);
      if (!ok) {
        throw new ShopError(
          'SHOP_REQUEST_REJECTED',
          redact(
            `${options.label} rejected ${method} ${place} with HTTP ${response.status}${shopErrorCode(text)}.`,
            options.secrets,
          ),
          rejectionDetails(response.status, body),
        );
      }
      return { status: response.status, headers: response.headers, body: body as T };
    },
  };
}

/** What a rejection says, for callers that react to one (never the request): the status, the WordPress/WooCommerce
 * error `code`, and the parameters a `rest_invalid_param` names (`data.params`, keyed by parameter). */
export type RejectionDetails = { status: number; shopCode?: string; invalidParams?: string[] };

function rejectionDetails(status: number, body: unknown): RejectionDetails {
  const parsed = (typeof body === 'object' && body !== null ? body : {}) as {
    code?: unknown;
    data?: { params?: unknown };
  };
  const params = parsed.data?.params;
  return {
    status,
    ...(typeof parsed.code === 'string' ? { shopCode: parsed.code } : {}),
    ...(typeof params === 'object' && params !== null ? { invalidParams: Object.keys(params) } : {}),
  };
}

/** The `code`/`message` of a WordPress/WooCommerce style error body, for messages (never the request). */
function shopErrorCode(text: string): string {
  try {
    const parsed = JSON.parse(text) as { code?: unknown; message?: unknown };
    if (typeof parsed.code === 'string')
      return `: ${parsed.code}${typeof parsed.message === 'string' ? ` – ${parsed.message}` : ''}`;
  } catch {
    // not JSON: say nothing more
  }
  return '';
}
