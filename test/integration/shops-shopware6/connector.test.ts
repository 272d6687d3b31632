import { afterEach, describe, expect, it } from 'vitest';
import { createShopware6Connector, defaultMapping } from '#core/shops/shopware6/index.ts';
import { startShopware6Simulator, type Shopware6Simulator } from '#core/shops/shopware6/simulator.ts';
import { loadShopwareSpec, specProblems } from './openapi.ts';
import { manualTimeouts } from '../../helpers/timeouts.ts';
import type { HttpOptions } from '#core/shops/http.ts';

const spec = loadShopwareSpec();
const T0 = Date.parse('2026-11-02T09:00:00.000Z');
let sims: Shopware6Simulator[] = [];
let now = T0;

async function setup(
  options: { orders?: number; retries?: number; version?: '6.6' | '6.7'; http?: HttpOptions } = {},
) {
  now = T0;
  const sim = await startShopware6Simulator({
    now: () => now,
    ...(options.version ? { version: options.version } : {}),
  });
  sims.push(sim);
  const sleeps: number[] = [];
  const timeouts = manualTimeouts();
  for (let i = 1; i <= (options.orders ?? 0); i += 1) {
    sim.addOrder({
      orderNumber: String(10000 + i),
      amount: `${i}.${String(i % 100).padStart(2, '0')}`,
      createdAtMs: T0 - (options.orders! - i) * 60_000,
    });
  }
  const connector = createShopware6Connector({
    baseUrl: sim.url,
    credentials: { clientId: sim.clientId, clientSecret: sim.clientSecret },
    label: 'Shopware shop "Test"',
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    timeoutMs: 5000,
    // A hang fault ends its attempt with `timeouts.expire` (no real timer that a slow machine could hit too).
    timeoutSignal: timeouts.timeoutSignal,
    retries: options.retries,
    ...options.http,
  });
  return { sim, connector, sleeps, timeouts };
}

/** Every exchange the connector had with the simulator must match the OpenAPI document (issue 4 §2). */
function expectSpecConform(sim: Shopware6Simulator) {
  expect(specProblems(spec, sim.log)).toEqual([]);
}

afterEach(async () => {
  for (const sim of sims) {
    expectSpecConform(sim);
    await sim.close();
  }
  sims = [];
});

describe('Shopware 6 connector against the simulator', () => {
  it('tests the connection, and reports wrong credentials clearly without the secret', async () => {
    const { sim, connector } = await setup();
    await expect(connector.testConnection()).resolves.toEqual({ ok: true, shopName: 'Shopware 6.7.10.1' });
    const wrong = createShopware6Connector({
      baseUrl: sim.url,
      credentials: { clientId: sim.clientId, clientSecret: 'wrong-secret-value' },
      sleep: () => Promise.resolve(),
    });
    const result = await wrong.testConnection();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('SHOP_AUTH_FAILED');
    expect(result.message).toMatch(/Integrations/);
    expect(result.message).not.toContain('wrong-secret-value');
  });

  it('refuses plain http to a non-loopback host', () => {
    expect(() =>
      createShopware6Connector({
        baseUrl: 'http://shop.example.de',
        credentials: { clientId: 'a', clientSecret: 'b' },
      }),
    ).toThrow(expect.objectContaining({ code: 'SHOP_INSECURE_URL' }));
  });

  it('discovers payment methods by technical name and the composite statuses', async () => {
    const { connector } = await setup();
    const found = await connector.discover();
    expect(found.paymentMethods.map((p) => p.id)).toEqual([
      'payment_prepayment',
      'payment_invoicepayment',
      'payment_cashpayment',
      'payment_debitpayment',
    ]);
    const ids = found.statuses.map((s) => s.id);
    expect(ids).toContain('open/open');
    expect(ids).toContain('completed/paid');
    expect(ids).toHaveLength(4 * 12);
    // Every default open status is one the shop can actually report.
    for (const list of Object.values(defaultMapping.openStatuses))
      for (const s of list) expect(ids).toContain(s);
  });

  it('maps an order: amount via decimal string, customer, country, method, invoice number, composite status', async () => {
    const { sim, connector } = await setup();
    sim.addOrder({
      orderNumber: '20001',
      amount: '119.9',
      createdAtMs: T0,
      firstName: 'Max',
      lastName: 'Muster',
      company: 'Muster GmbH',
      country: 'AT',
      email: 'max@example.at',
      paymentMethod: 'payment_invoicepayment',
      invoiceNumber: 'RE-1001',
    });
    const order = sim.order('20001')!;
    const mapped = await connector.getOrder(order.id as string);
    expect(mapped).toMatchObject({
      externalId: order.id,
      number: '20001',
      invoiceNumber: 'RE-1001',
      createdAt: '2026-11-02T09:00:00.000Z',
      updatedAt: '2026-11-02T09:00:00.000Z',
      totalMinor: 11990,
      currency: 'EUR',
      customerName: 'Max Muster',
      company: 'Muster GmbH',
      email: 'max@example.at',
      billingCountry: 'AT',
      paymentMethod: 'payment_invoicepayment',
      status: 'open/open',
    });
  });

  it('pages through changed orders oldest first, merging never-updated and updated orders, honouring since', async () => {
    const { sim, connector } = await setup({ orders: 57 });
    // Orders 1..57 were created at T0-56min .. T0. Edit a few old ones (they move to "now").
    now = T0 + 3_600_000;
    sim.editOrder('10003', { email: 'new@example.de' });
    sim.editOrder('10010', { amount: '99.99' });
    const since = new Date(T0 - 20 * 60_000).toISOString(); // orders 37..57 plus the two edits
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    let requests = 0;
    do {
      const page = await connector.listChangedOrders({ since, cursor, pageSize: 5 });
      seen.push(...page.orders.map((o) => o.number));
      requests += page.requests;
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    const expected = [...Array.from({ length: 21 }, (_, i) => String(10037 + i)), '10003', '10010'];
    expect(seen).toEqual(expected);
    expect(pages).toBe(5);
    expect(requests).toBeGreaterThanOrEqual(pages);
    // Two order streams per page; the token and the (empty, so finished) transactions stream on the first.
    expect(requests).toBeLessThanOrEqual(2 * pages + 2);
  });

  it('does not lose an order that changes while we page: this run or the next one from the high-water mark sees it', async () => {
    const { sim, connector } = await setup({ orders: 30 });
    now = T0 - 40 * 60_000;
    sim.editOrder('10025', { email: 'early@example.de' }); // the updated stream has something from the start
    const first = await connector.listChangedOrders({ pageSize: 10 });
    now = T0 + 60_000;
    sim.editOrder('10002', { transactionState: 'paid' }); // already returned once
    sim.editOrder('10029', { amount: '1.00' }); // not returned yet: must not be skipped by a shifted page
    const seen = first.orders.map((o) => o.number);
    const stamps = first.orders.map((o) => o.listedAt!);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await connector.listChangedOrders({ cursor, pageSize: 10 });
      seen.push(...page.orders.map((o) => o.number));
      stamps.push(...page.orders.map((o) => o.listedAt!));
      cursor = page.nextCursor;
    }
    expect([...stamps].sort()).toEqual(stamps); // oldest first across both streams
    // The next incremental run starts at the newest change this run stored.
    const next = await connector.listChangedOrders({ since: stamps.at(-1)! });
    expect(new Set([...seen, ...next.orders.map((o) => o.number)]).size).toBe(30);
    expect(next.orders.map((o) => o.number)).toEqual(expect.arrayContaining(['10002', '10029']));
  });

  it("a payment transition moves the transaction's updatedAt, not the order's, and the changed listing finds it", async () => {
    const { sim, connector } = await setup({ orders: 3 });
    const order = sim.order('10001')!;
    now = T0 + 60_000;
    await connector.setOrderStatus(order.id as string, { status: 'open/paid', paid: true });
    const tx = (sim.order('10001')!.transactions as Record<string, unknown>[])[0]!;
    // StateMachineRegistry::transition writes order_transaction.stateId only.
    expect(sim.order('10001')!.updatedAt).toBeUndefined();
    expect(tx.updatedAt).toEqual(expect.any(String));
    const since = new Date(T0 + 30_000).toISOString();
    const page = await connector.listChangedOrders({ since });
    expect(page.orders.map((o) => [o.number, o.status])).toEqual([['10001', 'open/paid']]);
    // It carries the payment's time as listedAt, so the high-water mark moves past it; updatedAt stays the order's
    // own (never updated: its creation time), as getOrder reads it.
    expect(Date.parse(page.orders[0]!.listedAt!)).toBeGreaterThanOrEqual(T0 + 60_000);
    expect(page.orders[0]!.updatedAt).toBe((await connector.getOrder(order.id as string))?.updatedAt);
    expect(Date.parse(page.orders[0]!.updatedAt!)).toBeLessThan(T0 + 60_000);
    expect(sim.log.some((x) => x.path === '/api/search/order-transaction')).toBe(true);
  });

  it('lists the ids of open orders per composite status across pages', async () => {
    const { sim, connector } = await setup({ orders: 260 });
    sim.editOrder('10001', { transactionState: 'paid' });
    sim.editOrder('10002', { orderState: 'cancelled' });
    sim.editOrder('10003', { orderState: 'completed' });
    const { ids, requests } = await connector.listOpenOrderIds({
      openStatuses: defaultMapping.openStatuses.prepayment,
    });
    expect(ids).toHaveLength(257);
    expect(ids).not.toContain(sim.order('10001')!.id);
    expect(ids).not.toContain(sim.order('10003')!.id);
    expect(requests).toBeGreaterThanOrEqual(2);
  });

  it('returns undefined for a deleted order', async () => {
    const { sim, connector } = await setup({ orders: 2 });
    const id = sim.order('10001')!.id as string;
    sim.deleteOrder('10001');
    await expect(connector.getOrder(id)).resolves.toBeUndefined();
  });

  it('marks paid via the transaction transition, treating already-paid as success', async () => {
    const { sim, connector } = await setup({ orders: 2 });
    const id = sim.order('10001')!.id as string;
    await connector.setOrderStatus(id, {
      status: defaultMapping.paidStatus.prepayment,
      paid: true,
      note: 'Zahlung 2026-11-02',
    });
    expect((await connector.getOrder(id))?.status).toBe('open/paid');
    const transitions = () => sim.log.filter((x) => x.path.includes('/_action/order_transaction/')).length;
    expect(transitions()).toBe(1);
    await connector.setOrderStatus(id, { status: '*/paid', paid: true });
    expect(transitions()).toBe(1); // re-read showed "paid": nothing sent
  });

  it('treats "already paid" as success when someone else marks it paid between our read and our transition', async () => {
    const { sim, connector } = await setup({ orders: 1 });
    const id = sim.order('10001')!.id as string;
    sim.fault({
      path: /\/_action\/order_transaction\//,
      before: () => sim.editOrder('10001', { transactionState: 'paid' }),
    });
    await expect(connector.setOrderStatus(id, { status: '*/paid', paid: true })).resolves.toBeUndefined();
    const transition = sim.log.find((x) => x.path.includes('/_action/order_transaction/'));
    expect(transition).toMatchObject({
      status: 400,
      responseBody: { errors: [expect.objectContaining({ code: 'SYSTEM__ILLEGAL_STATE_TRANSITION' })] },
    });
    expect((await connector.getOrder(id))?.status).toBe('open/paid');
  });

  it('marks a reminded or partially paid order paid on Shopware 6.6, where that transition is named "pay"', async () => {
    for (const from of ['reminded', 'paid_partially']) {
      const { sim, connector } = await setup({ orders: 1, version: '6.6' });
      const id = sim.order('10001')!.id as string;
      sim.editOrder('10001', { transactionState: from });
      await connector.setOrderStatus(id, { status: '*/paid', paid: true });
      expect((await connector.getOrder(id))?.status, from).toBe('open/paid');
      const actions = sim.log
        .filter((x) => x.path.includes('/_action/order_transaction/'))
        .map((x) => [x.path.split('/').pop(), x.status]);
      expect(actions, from).toEqual([
        ['paid', 400],
        ['pay', 200],
      ]);
      expectSpecConform(sim);
    }
  });

  it('reports a transition the state machine does not allow, and sets order states', async () => {
    const { sim, connector } = await setup({ orders: 1 });
    const id = sim.order('10001')!.id as string;
    sim.editOrder('10001', { transactionState: 'refunded' });
    await expect(connector.setOrderStatus(id, { status: '*/paid' })).rejects.toMatchObject({
      code: 'SHOP_REQUEST_REJECTED',
      message: expect.stringContaining('SYSTEM__ILLEGAL_STATE_TRANSITION'),
    });
    await connector.setOrderStatus(id, { status: 'cancelled/*' });
    expect((await connector.getOrder(id))?.status).toBe('cancelled/refunded');
    await expect(connector.setOrderStatus('0'.repeat(32), { status: '*/paid' })).rejects.toMatchObject({
      code: 'SHOP_NOT_FOUND',
    });
  });

  it('answers a transition of an unknown entity id as Shopware does (400, state machine error)', async () => {
    const { sim } = await setup();
    const tokenResponse = await fetch(`${sim.url}/api/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: sim.clientId,
        client_secret: sim.clientSecret,
      }),
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const unknown = 'a'.repeat(32);
    for (const entity of ['order_transaction', 'order']) {
      const r = await fetch(`${sim.url}/api/_action/${entity}/${unknown}/state/paid`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({
        errors: [
          {
            code: 'SYSTEM__STATE_MACHINE_INVALID_ENTITY_ID',
            detail: `Unable to read entity "${entity}" with id "${unknown}".`,
          },
        ],
      });
    }
  });

  it('fetches a new token when the shop revokes one early, and when it expires', async () => {
    const { sim, connector } = await setup({ orders: 1 });
    await connector.listChangedOrders({});
    expect(sim.tokenRequests()).toBe(1);
    sim.expireTokens();
    await expect(connector.listChangedOrders({})).resolves.toMatchObject({
      orders: [expect.objectContaining({ number: '10001' })],
    });
    expect(sim.tokenRequests()).toBe(2);
    // A token announced with expires_in 0 is expired at once for the client library, which then asks for a new
    // one before each request (the simulator's clock stands still, so the shop still accepts it once).
    sim.setTokenLifetime(0);
    sim.expireTokens();
    await connector.getOrder(sim.order('10001')!.id as string);
    await connector.getOrder(sim.order('10001')!.id as string);
    expect(sim.tokenRequests()).toBeGreaterThanOrEqual(4);
  });

  it('retries 500s with backoff and honours 429 Retry-After without sleeping for real', async () => {
    const { sim, connector, sleeps } = await setup({ orders: 3 });
    sim.fault({ path: '/api/search/order', status: 500, times: 2 });
    sim.fault({ path: '/api/search/order', status: 429, retryAfter: '7' });
    const page = await connector.listChangedOrders({});
    expect(page.orders).toHaveLength(3);
    expect(sleeps).toEqual([1000, 2000, 7000]);
  });

  it('gives up with a clear error after repeated failures, and times out a hanging shop', async () => {
    const { sim, connector, timeouts } = await setup({ orders: 1, retries: 2 });
    sim.fault({ path: '/api/search/order', status: 503, times: 3 });
    await expect(connector.listChangedOrders({})).rejects.toMatchObject({ code: 'SHOP_UNREACHABLE' });
    sim.fault({ path: '/api/search/order', hang: true, times: 1, onHang: timeouts.expire });
    await expect(connector.listChangedOrders({})).resolves.toMatchObject({
      orders: [expect.objectContaining({ number: '10001' })],
    });
  });

  it('where someone waits, a timeout fails at once until the shop answered in the run, then is retried', async () => {
    // As shop-service builds it for a command: one contact for the connector, shared by the fetch of every call.
    const interactive = () => ({ retryTimeouts: false, contact: { answered: false } });
    const fresh = await setup({ orders: 1, http: interactive() });
    fresh.sim.fault({ path: '/api/oauth/token', hang: true, times: 1, onHang: fresh.timeouts.expire });
    await expect(fresh.connector.listChangedOrders({})).rejects.toMatchObject({
      code: 'SHOP_UNREACHABLE',
      message: expect.stringContaining('did not answer within 5 s') as string,
    });
    expect(fresh.sleeps).toEqual([]);

    const { sim, connector, sleeps, timeouts } = await setup({ orders: 1, http: interactive() });
    await connector.listChangedOrders({});
    sim.fault({ path: '/api/search/order', hang: true, times: 1, onHang: timeouts.expire });
    await expect(connector.listChangedOrders({})).resolves.toMatchObject({
      orders: [expect.objectContaining({ number: '10001' })],
    });
    expect(sleeps).toEqual([1000]);
  });

  it('times out a hanging token request too (a fresh connector has no token yet)', async () => {
    const { sim, connector, sleeps, timeouts } = await setup({ orders: 1, retries: 2 });
    sim.fault({ path: '/api/oauth/token', hang: true, times: 1, onHang: timeouts.expire });
    await expect(connector.listChangedOrders({})).resolves.toMatchObject({
      orders: [expect.objectContaining({ number: '10001' })],
    });
    // The unanswered attempt timed out and was retried once (one backoff); the retry got the one token issued.
    expect(sleeps).toEqual([1000]);
    expect(sim.tokenRequests()).toBe(1);
    // Without the shared timeout it would wait for good: the test's own limit says so quickly.
  }, 3_000);
});
