import { afterEach, describe, expect, it } from 'vitest';
import { WooCommerceSimulator } from '#core/shops/woocommerce/simulator.ts';
import { signWithOAuth1 } from '#core/shops/woocommerce/oauth1.ts';
import { wooConnector } from './support.ts';

let sim: WooCommerceSimulator;
afterEach(async () => sim.close());

async function setup(options: ConstructorParameters<typeof WooCommerceSimulator>[0] = {}) {
  sim = await new WooCommerceSimulator(options).start();
  return wooConnector(sim);
}

const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

describe('WooCommerce connector and simulator (https://woocommerce.github.io/woocommerce-rest-api-docs/)', () => {
  it('marks an order paid: PUT status + set_paid, then an order note', async () => {
    const connector = await setup();
    const order = sim.addOrder({ status: 'on-hold' });
    await connector.setOrderStatus(String(order.id), {
      status: 'processing',
      paid: true,
      note: 'Zahlung erhalten (Kassenwart)',
    });
    expect(sim.order(order.id)).toMatchObject({
      status: 'processing',
      notes: ['Zahlung erhalten (Kassenwart)'],
    });
    expect(sim.order(order.id)?.date_paid_gmt).not.toBeNull();
    const put = sim.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/orders/${order.id}`);
    const read = await connector.getOrder(String(order.id));
    expect(read).toMatchObject({ status: 'processing', extra: { datePaid: expect.any(String) as unknown } });
  });

  it('a pending order is marked paid by set_paid on its own (payment_complete), then its mapped status', async () => {
    const connector = await setup();
    const order = sim.addOrder({ status: 'pending' });
    await connector.setOrderStatus(String(order.id), { status: 'completed', paid: true });
    const puts = sim.requests.filter((r) => r.method === 'PUT').map((r) => r.body as Record<string, unknown>);
    // set_paid alone: WooCommerce applies a status sent with it first, and set_paid then finds nothing to pay.
    expect(puts).toEqual([{ set_paid: true }, { status: 'completed' }]);
    expect(sim.order(order.id)).toMatchObject({ status: 'completed' });
    expect(sim.order(order.id)?.date_paid_gmt).not.toBeNull();
    // An on-hold order (bank transfer awaiting payment) does not need payment in WooCommerce's sense: set_paid is
    // a no-op there, and the status change marks it paid.
    const onHold = sim.addOrder({ status: 'on-hold' });
    await connector.setOrderStatus(String(onHold.id), { status: 'processing', paid: true });
    expect(sim.order(onHold.id)).toMatchObject({ status: 'processing' });
    expect(sim.order(onHold.id)?.date_paid_gmt).not.toBeNull();
  });

  it('discovers payment gateways and the documented statuses; reads deleted orders as undefined', async () => {
    const connector = await setup();
    const discovery = await connector.discover();
    expect(discovery.paymentMethods.map((m) => m.id)).toEqual(['bacs', 'cheque', 'cod', 'invoice', 'paypal']);
    expect(discovery.statuses.map((s) => s.id)).toEqual([
      'pending',
      'processing',
      'on-hold',
      'completed',
      'cancelled',
      'refunded',
      'failed',
      'trash',
      'checkout-draft',
    ]);
    const order = sim.addOrder();
    sim.deleteOrder(order.id);
    await expect(connector.getOrder(String(order.id))).resolves.toBeUndefined();
  });

  it('lists open order ids per status over several pages (orderby=id, _fields=id)', async () => {
    const connector = await setup();
    const open = Array.from({ length: 150 }, (_, i) =>
      sim.addOrder({ status: i % 2 ? 'on-hold' : 'pending' }),
    );
    sim.addOrder({ status: 'completed' });
    const { ids, requests } = await connector.listOpenOrderIds({ openStatuses: ['on-hold', 'pending'] });
    expect(ids).toEqual(open.map((o) => String(o.id)));
    expect(requests).toBe(2);
    expect(sim.requests.at(-1)?.query).toMatchObject({
      status: 'on-hold,pending',
      _fields: 'id',
      orderby: 'id',
      page: '2',
    });
  });

  it('the simulator answers like WooCommerce: 401 body, per_page limit, X-WP-Total headers, 404 body', async () => {
    await setup({ behindTls: true });
    const unauth = await fetch(`${sim.url}/wp-json/wc/v3/orders`, {
      headers: { authorization: basic('ck_x', 'cs_y') },
    });
    expect(unauth.status).toBe(401);
    expect(await unauth.json()).toEqual({
      code: 'woocommerce_rest_cannot_view',
      message: 'Sorry, you cannot list resources.',
      data: { status: 401 },
    });
    const auth = { authorization: basic(sim.consumerKey, sim.consumerSecret) };
    const tooMany = await fetch(`${sim.url}/wp-json/wc/v3/orders?per_page=101`, { headers: auth });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ code: 'rest_invalid_param' });
    for (let i = 0; i < 25; i += 1) sim.addOrder();
    const page = await fetch(`${sim.url}/wp-json/wc/v3/orders?per_page=10&page=3`, { headers: auth });
    expect(page.headers.get('x-wp-total')).toBe('25');
    expect(page.headers.get('x-wp-totalpages')).toBe('3');
    expect(await page.json()).toHaveLength(5);
    const viaQuery = await fetch(
      `${sim.url}/wp-json/wc/v3/orders?consumer_key=${sim.consumerKey}&consumer_secret=${sim.consumerSecret}`,
    );
    expect(viaQuery.status).toBe(200);
    const missing = await fetch(`${sim.url}/wp-json/wc/v3/orders/999999`, { headers: auth });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      code: 'woocommerce_rest_shop_order_invalid_id',
      message: 'Invalid ID.',
      data: { status: 404 },
    });
  });

  it('falls back to query-string credentials where the server drops the Authorization header (documented)', async () => {
    const connector = await setup({ behindTls: true, dropAuthorizationHeader: true });
    sim.addOrder({ status: 'on-hold' });
    await expect(connector.testConnection()).resolves.toEqual({ ok: true });
    const page = await connector.listChangedOrders({});
    expect(page.orders).toHaveLength(1);
    // Over plain HTTP OAuth first, which a shop behind TLS does not take, then the header, then query auth for
    // everything: 4 requests in all.
    expect(sim.requests.map((r) => authOf(r.query))).toEqual(['oauth', 'none', 'query', 'query']);
    expect(connector.client.http.requestCount).toBe(4);
  });

  it('signs every request with OAuth 1.0a over plain HTTP, as WooCommerce requires there (documented)', async () => {
    const connector = await setup();
    const order = sim.addOrder({ status: 'on-hold' });
    sim.fault({ kind: 'status', status: 503 }, { match: (r) => r.path === '/orders' });
    await expect(connector.testConnection()).resolves.toEqual({ ok: true });
    expect((await connector.listChangedOrders({})).orders).toHaveLength(1);
    await connector.setOrderStatus(String(order.id), { status: 'processing', paid: true, note: 'bezahlt' });
    expect(sim.order(order.id)).toMatchObject({ status: 'processing', notes: ['bezahlt'] });
    expect(sim.requests.length).toBeGreaterThanOrEqual(5); // so `every` below checks something
    expect(sim.requests.map((r) => authOf(r.query)).every((a) => a === 'oauth')).toBe(true);
    // The retry after the 503 was signed again: no nonce twice (the shop refuses a nonce it has seen).
    const nonces = sim.requests.map((r) => r.query['oauth_nonce']);
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it('the simulator refuses what WooCommerce refuses over plain HTTP: Basic, a bad signature, a nonce twice', async () => {
    await setup();
    const orders = `${sim.url}/wp-json/wc/v3/orders`;
    const basicOverHttp = await fetch(orders, {
      headers: { authorization: basic(sim.consumerKey, sim.consumerSecret) },
    });
    expect(basicOverHttp.status).toBe(401);
    const signed = signWithOAuth1('GET', new URL(orders), sim.consumerKey, sim.consumerSecret, Date.now());
    expect((await fetch(signed)).status).toBe(200);
    const again = await fetch(signed);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ message: 'Invalid nonce - nonce has already been used.' });
    const wrong = signWithOAuth1('GET', new URL(orders), sim.consumerKey, 'cs_wrong', Date.now());
    expect(await (await fetch(wrong)).json()).toMatchObject({
      code: 'woocommerce_rest_authentication_error',
      message: 'Invalid signature - provided signature does not match.',
    });
    const old = signWithOAuth1(
      'GET',
      new URL(orders),
      sim.consumerKey,
      sim.consumerSecret,
      Date.now() - 16 * 60_000,
    );
    expect(await (await fetch(old)).json()).toMatchObject({ message: 'Invalid timestamp.' });
  });

  it('the simulator checks signatures as WC_REST_Authentication does, not with the client code', async () => {
    await setup();
    const orders = `${sim.url}/wp-json/wc/v3/orders`;
    const sign = (url: string, nowMs = Date.now()) =>
      signWithOAuth1('GET', new URL(url), sim.consumerKey, sim.consumerSecret, nowMs);
    // The parameters we send sort alike either way and pass.
    expect((await fetch(sign(`${orders}?per_page=10&_fields=id,status&orderby=modified`))).status).toBe(200);
    // WooCommerce sorts the raw names (uksort strcmp: 'a0' before 'a:'), RFC 5849 the encoded ones ('a%3A' before
    // 'a0'): the shop refuses what the RFC's order signs, and so does the simulator now.
    expect(await (await fetch(sign(`${orders}?a0=1&a:=2`))).json()).toMatchObject({
      message: 'Invalid signature - provided signature does not match.',
    });
    // The 15 minutes' window holds both ways (a clock ahead of the shop's).
    expect(await (await fetch(sign(orders, Date.now() + 16 * 60_000))).json()).toMatchObject({
      message: 'Invalid timestamp.',
    });
  });

  it('reports a wrong secret over plain HTTP as rejected credentials, after trying each way once', async () => {
    sim = await new WooCommerceSimulator().start();
    const connector = wooConnector(sim, { credentials: { key: sim.consumerKey, secret: 'cs_wrong' } });
    await expect(connector.testConnection()).resolves.toMatchObject({ ok: false, code: 'SHOP_AUTH_FAILED' });
    expect(sim.requests.map((r) => authOf(r.query))).toEqual(['oauth', 'none', 'query']);
  });

  it('when every way is refused over plain HTTP, reports the OAuth answer and that the address must be the home URL', async () => {
    const connector = await setup();
    // WordPress was set up as http://localhost:PORT; the dealer gave http://127.0.0.1:PORT. The secret is right.
    sim.homeUrl = sim.url.replace('127.0.0.1', 'localhost');
    const result = await connector.testConnection();
    expect(result).toMatchObject({ ok: false, code: 'SHOP_AUTH_FAILED' });
    const message = result.ok ? '' : result.message;
    expect(message).toContain('Invalid signature - provided signature does not match.');
    expect(message).toMatch(/home URL.*exactly, host and port/);
    expect(message).not.toContain('Sorry, you cannot list resources.');
    expect(message).not.toContain(sim.consumerSecret);
    expect(sim.requests.map((r) => authOf(r.query))).toEqual(['oauth', 'none', 'query']);
  });
});

/** How a logged request authenticated: OAuth query parameters, key and secret as query, or neither (a header). */
function authOf(query: Record<string, string>): 'oauth' | 'query' | 'none' {
  return query['oauth_signature'] ? 'oauth' : query['consumer_key'] ? 'query' : 'none';
}

describe('WooCommerce getOrder: only "Invalid ID." means deleted', () => {
  it('a 404 rest_no_route (WooCommerce deactivated, another site) is an error, not a deleted order', async () => {
    const connector = await setup();
    const order = sim.addOrder();
    sim.fault(
      {
        kind: 'status',
        status: 404,
        body: {
          code: 'rest_no_route',
          message: 'No route was found matching the URL and request method.',
          data: { status: 404 },
        },
      },
      { match: (r) => r.path === `/orders/${order.id}` },
    );
    const error = await connector.getOrder(String(order.id)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SHOP_NOT_FOUND' });
    expect((error as Error).message).toMatch(
      new RegExp(
        `HTTP 404 \\(rest_no_route\\).*order ${order.id}.*Check that WooCommerce is active.*No order was marked as deleted`,
      ),
    );
    // The order itself is still there, and a real "Invalid ID." is still read as deleted.
    await expect(connector.getOrder(String(order.id))).resolves.toMatchObject({
      externalId: String(order.id),
    });
    sim.deleteOrder(order.id);
    await expect(connector.getOrder(String(order.id))).resolves.toBeUndefined();
  });
});
