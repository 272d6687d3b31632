import { describe, expect, it } from 'vitest';
import {
  assertSecureUrl,
  createShopFetch,
  createShopHttp,
  parseRetryAfter,
  redact,
} from '#core/shops/http.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function scripted(responses: (Response | Error)[]) {
  const calls: { url: string; headers: Headers }[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    calls.push({
      url: input instanceof Request ? input.url : String(input),
      headers: new Headers(init?.headers),
    });
    const next = responses.shift();
    if (!next) return Promise.reject(new Error('no more responses'));
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { fetchImpl, calls };
}

const SECRET = 'cs_0123456789abcdef';

function client(responses: (Response | Error)[], now?: () => number) {
  const sleeps: number[] = [];
  const s = scripted(responses);
  const http = createShopHttp({
    baseUrl: 'https://shop.example.de/wp-json/wc/v3/',
    label: 'Test shop',
    secrets: [SECRET],
    headers: { authorization: `Basic ${Buffer.from(`ck_x:${SECRET}`).toString('base64')}` },
    authHint: 'the shop admin',
    fetch: s.fetchImpl,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    retries: 3,
    now,
  });
  return { http, sleeps, calls: s.calls };
}

describe('shop HTTP', () => {
  it('requires TLS except for loopback', () => {
    expect(assertSecureUrl('https://shop.example.de', 'x').host).toBe('shop.example.de');
    expect(assertSecureUrl('http://127.0.0.1:8080', 'x').port).toBe('8080');
    expect(assertSecureUrl('http://localhost:1', 'x').hostname).toBe('localhost');
    expect(() => assertSecureUrl('http://shop.example.de', 'x')).toThrow(
      expect.objectContaining({ code: 'SHOP_INSECURE_URL' }),
    );
    expect(() => assertSecureUrl('ftp://shop.example.de', 'x')).toThrow(
      expect.objectContaining({ code: 'SHOP_INSECURE_URL' }),
    );
    expect(() => assertSecureUrl('not a url', 'x')).toThrow(expect.objectContaining({ code: 'SHOP_CONFIG' }));
  });

  it('redacts credentials in query strings, headers and known values', () => {
    expect(redact('GET /orders?consumer_key=ck_1&consumer_secret=cs_2&page=1')).toBe(
      'GET /orders?consumer_key=[redacted]&consumer_secret=[redacted]&page=1',
    );
    expect(redact('Authorization: Basic Y2tfeDpjc195')).toBe('Authorization: [redacted]');
    expect(redact('{"X-Shopify-Access-Token":"shpat_abc"}')).toBe('{"X-Shopify-Access-Token":"[redacted]"}');
    expect(redact(`failed with ${SECRET} inside`, [SECRET])).toBe('failed with [redacted] inside');
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('2026-10-21T07:28:00Z'))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('retries 5xx and network errors with exponential backoff, then succeeds', async () => {
    const c = client([json(502, {}), new TypeError('fetch failed'), json(503, {}), json(200, [{ id: 1 }])]);
    const result = await c.http.request('GET', 'orders', { query: { page: 1, status: undefined } });
    expect(result.body).toEqual([{ id: 1 }]);
    expect(c.sleeps).toEqual([1000, 2000, 4000]);
    expect(c.http.requestCount).toBe(4);
    expect(c.calls[0]?.url).toBe('https://shop.example.de/wp-json/wc/v3/orders?page=1');
  });

  it('does not wait beyond the timeout for a fetch that ignores the abort signal', async () => {
    // A client library's own request (the Shopware api-client's token request) never sees our signal.
    let calls = 0;
    const shopFetch = createShopFetch({
      label: 'Test shop',
      secrets: [],
      timeoutMs: 20,
      sleep: () => Promise.resolve(),
      fetch: () => (++calls === 1 ? new Promise<Response>(() => undefined) : Promise.resolve(json(200, {}))),
    });
    const response = await shopFetch('https://shop.example.de/api/search/order');
    expect(response.status).toBe(200);
    expect(calls).toBe(2);
    // Without the race it would wait for good: the test's own limit says so quickly.
  }, 2_000);

  it('gives up after the retries with SHOP_UNREACHABLE, the message free of secrets', async () => {
    const err = new TypeError('fetch failed', { cause: new Error(`read ECONNRESET (${SECRET})`) });
    const c = client([err, err, err, err]);
    const error = (await c.http.request('GET', 'orders').catch((e: unknown) => e)) as Error & {
      code: string;
    };
    expect(error.code).toBe('SHOP_UNREACHABLE');
    expect(error.message).toMatch(
      /Test shop could not be reached at https:\/\/shop\.example\.de\/wp-json\/wc\/v3\/orders/,
    );
    expect(error.message).not.toContain(SECRET);
    expect(c.sleeps).toHaveLength(3);
  });

  it('a refused connection or an unknown host fails at once, unless retried on purpose or the shop had answered', async () => {
    const refused = () =>
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED 203.0.113.7:443'), { code: 'ECONNREFUSED' }),
      });
    const once = client([refused(), json(200, [])]);
    const error = (await once.http.request('GET', 'orders').catch((e: unknown) => e)) as Error & {
      code: string;
    };
    expect(error.code).toBe('SHOP_UNREACHABLE');
    expect(error.message).toBe(
      'Test shop is not reachable at https://shop.example.de: the connection was refused (ECONNREFUSED; nothing ' +
        'accepts connections at that address and port). Check the address and that the shop is online.',
    );
    expect(once.http.requestCount).toBe(1);
    expect(once.sleeps).toEqual([]);

    // Node's resolver: getaddrinfo ENOTFOUND, the code on the cause.
    const dns = client([
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND shop.example.de'), { code: 'ENOTFOUND' }),
      }),
    ]);
    await expect(dns.http.request('GET', 'orders')).rejects.toMatchObject({
      code: 'SHOP_UNREACHABLE',
      message: expect.stringContaining('the host name shop.example.de does not exist (ENOTFOUND;') as unknown,
    });
    expect(dns.http.requestCount).toBe(1);

    // A shop that answered 503 and then refuses is restarting: the refusal is retried.
    const restarting = client([json(503, {}), refused(), json(200, [{ id: 1 }])]);
    await expect(restarting.http.request('GET', 'orders')).resolves.toMatchObject({ body: [{ id: 1 }] });
    expect(restarting.sleeps).toEqual([1000, 2000]);

    // The background scheduler retries it like any network error.
    const sleeps: number[] = [];
    const s = scripted([refused(), refused(), json(200, [])]);
    const patient = createShopHttp({
      baseUrl: 'https://shop.example.de/wp-json/wc/v3/',
      label: 'Test shop',
      secrets: [],
      authHint: 'the shop admin',
      fetch: s.fetchImpl,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      retryConnectErrors: true,
    });
    await expect(patient.request('GET', 'orders')).resolves.toMatchObject({ status: 200 });
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('401 is SHOP_AUTH_FAILED at once (no retries) and points to where the key is fixed', async () => {
    const c = client([
      json(401, { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.' }),
    ]);
    const error = (await c.http.request('GET', 'orders').catch((e: unknown) => e)) as Error & {
      code: string;
    };
    expect(error.code).toBe('SHOP_AUTH_FAILED');
    expect(error.message).toContain('Check the API key in the shop admin');
    expect(error.message).toContain('kassenwart shop update NAME --credentials');
    expect(c.sleeps).toEqual([]);
  });

  it('other 4xx are SHOP_REQUEST_REJECTED, allowed statuses pass, non-JSON is SHOP_BAD_RESPONSE', async () => {
    const bad = client([
      json(400, { code: 'rest_invalid_param', message: 'Invalid parameter(s): per_page' }),
    ]);
    await expect(bad.http.request('GET', 'orders')).rejects.toMatchObject({
      code: 'SHOP_REQUEST_REJECTED',
      message: expect.stringContaining('rest_invalid_param') as unknown,
    });
    const missing = client([json(404, { code: 'woocommerce_rest_shop_order_invalid_id' })]);
    await expect(missing.http.request('GET', 'orders/1', { allow: [404] })).resolves.toMatchObject({
      status: 404,
    });
    const html = client([new Response('<html>', { status: 200 })]);
    await expect(html.http.request('GET', 'orders')).rejects.toMatchObject({ code: 'SHOP_BAD_RESPONSE' });
  });

  it('honours Retry-After on 429 and refuses waits longer than allowed', async () => {
    const c = client([json(429, {}, { 'retry-after': '3' }), json(200, [])]);
    await c.http.request('GET', 'orders');
    expect(c.sleeps).toEqual([3000]);
    const long = client([json(429, {}, { 'retry-after': '3600' })]);
    await expect(long.http.request('GET', 'orders')).rejects.toMatchObject({
      code: 'SHOP_RATE_LIMITED',
      message: expect.stringContaining('3600 s') as unknown,
    });
    expect(long.sleeps).toEqual([]);
  });

  it('reads a Retry-After HTTP date against the injected clock, not the machine time', async () => {
    const now = Date.parse('2026-11-02T09:00:00Z');
    const c = client(
      [json(429, {}, { 'retry-after': 'Mon, 02 Nov 2026 09:00:07 GMT' }), json(200, [])],
      () => now,
    );
    await c.http.request('GET', 'orders');
    expect(c.sleeps).toEqual([7000]);
  });
});
