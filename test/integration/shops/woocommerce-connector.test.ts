import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '#core/deps.ts';
import { WooCommerceConnector } from '#core/shops/woocommerce/connector.ts';
import { WooCommerceSimulator } from '#core/shops/woocommerce/simulator.ts';
import { FakeClock } from '../../helpers/clock.ts';

let sim: WooCommerceSimulator;
afterEach(async () => sim.close());

async function setup(options: ConstructorParameters<typeof WooCommerceSimulator>[0] = {}) {
  sim = await new WooCommerceSimulator(options).start();
  const connector = new WooCommerceConnector({
    shopName: 'Woo',
    url: sim.url,
    credentials: { key: sim.consumerKey, secret: sim.consumerSecret },
    http: { sleep: () => Promise.resolve() },
    clock: new FakeClock(),
    logger: silentLogger,
  });
  return connector;
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
    await setup();
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
    const connector = await setup({ dropAuthorizationHeader: true });
    sim.addOrder({ status: 'on-hold' });
    await expect(connector.testConnection()).resolves.toEqual({ ok: true });
    const page = await connector.listChangedOrders({});
    expect(page.orders).toHaveLength(1);
    // One failed header attempt, then query auth for everything: 3 requests in all.
    expect(sim.requests.map((r) => r.query['consumer_key'] !== undefined)).toEqual([false, true, true]);
    expect(connector.client.http.requestCount).toBe(3);
  });
});
