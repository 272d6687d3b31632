import { afterEach, describe, expect, it } from 'vitest';
import { createShopifyConnector, defaultMapping, SHOPIFY_DOCUMENTS } from '#core/shops/shopify/index.ts';
import {
  startShopifySimulator,
  type ShopifySimulator,
  type ShopifySimulatorOptions,
} from '#core/shops/shopify/simulator.ts';
import type { ShopifyAuth } from '#core/shops/shopify/client.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { manualTimeouts } from '../../helpers/timeouts.ts';

const T0 = '2026-11-02T09:00:00.000Z';
let sims: ShopifySimulator[] = [];
const DOCUMENTS = new Set<string>(Object.values(SHOPIFY_DOCUMENTS));

async function setup(
  options: {
    orders?: number;
    auth?: 'token' | 'client' | ShopifyAuth;
    sim?: ShopifySimulatorOptions;
    retries?: number;
  } = {},
) {
  const clock = new FakeClock(T0);
  const sim = await startShopifySimulator({ now: () => clock.now().getTime(), ...options.sim });
  sims.push(sim);
  for (let i = 1; i <= (options.orders ?? 0); i += 1) {
    sim.add({
      amount: `${i}.${String(i % 100).padStart(2, '0')}`,
      createdAtMs: clock.now().getTime() - (options.orders! - i) * 60_000,
    });
  }
  const sleeps: number[] = [];
  const auth: ShopifyAuth =
    options.auth === 'client'
      ? { clientId: sim.clientId, clientSecret: sim.clientSecret }
      : typeof options.auth === 'object'
        ? options.auth
        : { accessToken: sim.accessToken };
  const connector = createShopifyConnector({
    shopUrl: sim.url,
    auth,
    clock,
    label: 'Shopify shop "Test"',
    retries: options.retries,
    // Waiting moves the fake clock, so the simulator's bucket refills exactly as in real time.
    sleep: (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
      return Promise.resolve();
    },
  });
  return { sim, connector, clock, sleeps };
}

afterEach(async () => {
  for (const sim of sims) {
    // Every GraphQL document the connector sent is one of the exported (schema-validated) documents.
    for (const x of sim.log) if (x.query !== undefined) expect(DOCUMENTS.has(x.query)).toBe(true);
    await sim.close();
  }
  sims = [];
});

describe('Shopify connector against the simulator', () => {
  it('tests the connection, and reports a wrong token clearly without it', async () => {
    const { sim, connector, clock } = await setup();
    await expect(connector.testConnection()).resolves.toEqual({
      ok: true,
      shopName: 'Kassenwart Simulator',
      shopIdentity: 'gid://shopify/Shop/1',
    });
    const wrong = createShopifyConnector({
      shopUrl: sim.url,
      auth: { accessToken: 'shpat_wrong_token_value' },
      clock,
      sleep: () => Promise.resolve(),
    });
    const result = await wrong.testConnection();
    expect(result).toMatchObject({ ok: false, code: 'SHOP_AUTH_FAILED' });
    if (result.ok) return;
    expect(result.message).toContain('Invalid API key or access token');
    expect(result.message).not.toContain('shpat_wrong_token_value');
  });

  it('gets a client-credentials token, refreshes it before 24 h are over and after a 401', async () => {
    const { sim, connector, clock } = await setup({ orders: 1, auth: 'client' });
    await connector.listChangedOrders({});
    expect(sim.tokenRequests()).toBe(1);
    clock.advance(23 * 3_600_000);
    await connector.listChangedOrders({});
    expect(sim.tokenRequests()).toBe(1);
    clock.advance(3_600_000 - 4 * 60_000); // within the 5-minute margin before expiry
    await connector.listChangedOrders({});
    expect(sim.tokenRequests()).toBe(2);
    sim.expireTokens();
    await expect(connector.listChangedOrders({})).resolves.toMatchObject({
      orders: [expect.objectContaining({ number: '#1001' })],
    });
    expect(sim.tokenRequests()).toBe(3);
  });

  it('reports wrong client credentials clearly', async () => {
    const { sim } = await setup();
    const { connector } = await setup({
      auth: { clientId: sim.clientId, clientSecret: 'shpss_wrong_secret' },
    });
    const result = await connector.testConnection();
    expect(result).toMatchObject({
      ok: false,
      code: 'SHOP_AUTH_FAILED',
      message: expect.stringContaining('invalid_client'),
    });
    if (!result.ok) expect(result.message).not.toContain('shpss_wrong_secret');
  });

  it('maps an order: Decimal string amount, billing name, company, country, gateway, status', async () => {
    const { sim, connector } = await setup();
    const id = sim.add({
      amount: '119.90',
      createdAtMs: Date.parse(T0),
      gateway: 'Cash on Delivery (COD)',
      firstName: 'Max',
      lastName: 'Muster',
      company: 'Muster GmbH',
      country: 'AT',
      email: 'max@example.at',
    });
    await expect(connector.getOrder(id)).resolves.toEqual({
      externalId: id,
      number: '#1001',
      createdAt: T0,
      updatedAt: T0,
      totalMinor: 11990,
      currency: 'EUR',
      customerName: 'Max Muster',
      company: 'Muster GmbH',
      email: 'max@example.at',
      billingCountry: 'AT',
      paymentMethod: 'Cash on Delivery (COD)',
      status: 'PENDING',
      extra: { financialStatus: 'PENDING', canMarkAsPaid: true, tags: [], test: false },
    });
  });

  it('takes the amount the customer was billed in their currency (Markets: presentmentMoney), not the shop currency', async () => {
    const { sim, connector } = await setup();
    const id = sim.add({
      amount: '102.35',
      currency: 'EUR',
      presentment: { amount: '99.90', currency: 'CHF' },
      createdAtMs: Date.parse(T0),
    });
    const order = await connector.getOrder(id);
    expect(order).toMatchObject({ totalMinor: 9990, currency: 'CHF', extra: { shopTotal: '102.35 EUR' } });
  });

  it('discovers payment gateways (defaults plus those seen on orders) and statuses', async () => {
    const { sim, connector } = await setup();
    sim.add({ amount: '1.00', createdAtMs: Date.parse(T0), gateway: 'Vorkasse per Überweisung' });
    const found = await connector.discover();
    expect(found.paymentMethods.map((p) => p.id)).toEqual(
      expect.arrayContaining(['Bank Deposit', 'Cash on Delivery (COD)', 'Vorkasse per Überweisung']),
    );
    expect(found.statuses.map((s) => s.id)).toEqual(
      expect.arrayContaining(['PENDING', 'PAID', 'CANCELLED', defaultMapping.overdueStatus]),
    );
  });

  it('pages through changed orders with cursors, oldest first, honouring since', async () => {
    const { sim, connector, clock } = await setup({ orders: 45 });
    clock.advance(3_600_000);
    const ids = sim.ids();
    sim.edit(ids[2]!, { email: 'neu@example.de' });
    const since = new Date(Date.parse(T0) - 10 * 60_000).toISOString(); // orders 35..45 + the edit
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await connector.listChangedOrders({ since, cursor, pageSize: 4 });
      expect(page.requests).toBe(1);
      seen.push(...page.orders.map((o) => o.number));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual([...Array.from({ length: 11 }, (_, i) => `#${1035 + i}`), '#1003']);
    expect(pages).toBe(3);
  });

  it('lists open order ids (pending, not cancelled) across pages', async () => {
    const { sim, connector } = await setup({ orders: 260 });
    const ids = sim.ids();
    sim.edit(ids[0]!, { financialStatus: 'PAID' });
    sim.edit(ids[1]!, { cancelled: true });
    const result = await connector.listOpenOrderIds({ openStatuses: ['PENDING'] });
    expect(result.ids).toHaveLength(258);
    expect(result.ids).not.toContain(ids[0]);
    expect(result.ids).not.toContain(ids[1]);
    expect(result.requests).toBe(2);
  });

  it('returns undefined for a deleted order', async () => {
    const { sim, connector } = await setup({ orders: 1 });
    const id = sim.ids()[0]!;
    sim.remove(id);
    await expect(connector.getOrder(id)).resolves.toBeUndefined();
  });

  it('marks paid guarded by canMarkAsPaid, treats already-paid as success, tags overdue orders', async () => {
    const { sim, connector } = await setup({ orders: 3 });
    const [a, b, c] = sim.ids() as [string, string, string];
    await connector.setOrderStatus(a, { status: 'PAID', paid: true });
    expect(sim.get(a)?.financialStatus).toBe('PAID');
    const mutations = () => sim.log.filter((x) => x.query?.includes('orderMarkAsPaid')).length;
    await connector.setOrderStatus(a, { status: 'PAID', paid: true });
    expect(mutations()).toBe(1);
    sim.edit(b, { cancelled: true });
    await expect(connector.setOrderStatus(b, { status: 'PAID', paid: true })).rejects.toMatchObject({
      code: 'SHOP_REQUEST_REJECTED',
    });
    expect(mutations()).toBe(1);
    await connector.setOrderStatus(c, { status: defaultMapping.overdueStatus! });
    expect(sim.get(c)?.tags).toEqual(['Zahlung überfällig']);
    expect((await connector.getOrder(c))?.status).toBe('PENDING'); // a tag keeps the order open
    await expect(connector.setOrderStatus(c, { status: 'on-hold' })).rejects.toMatchObject({
      code: 'SHOP_CONFIG',
    });
  });

  it('waits for the cost bucket before a request it cannot afford, and retries THROTTLED responses', async () => {
    const { sim, connector, sleeps, clock } = await setup({
      orders: 30,
      sim: { maximumAvailable: 120, restoreRate: 10 },
    });
    // Each page of 20 costs 2 + 20 x 5 = 102 points; the bucket holds 120 and refills 10 per second.
    await connector.listChangedOrders({ pageSize: 20 });
    expect(sleeps).toEqual([]);
    await connector.listChangedOrders({ pageSize: 20 });
    expect(sleeps.length).toBe(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(8000);
    expect(sim.log.some((x) => JSON.stringify(x.response).includes('THROTTLED'))).toBe(false);
    // Later, another app of the merchant has emptied the bucket: the shop answers THROTTLED, we wait and retry.
    clock.advance(10_000);
    sim.drainBucket(0);
    const page = await connector.listChangedOrders({ pageSize: 20 });
    expect(page.orders).toHaveLength(20);
    expect(sim.log.filter((x) => JSON.stringify(x.response).includes('THROTTLED'))).toHaveLength(1);
    // (102 requested - what the THROTTLED answer says is available) / 10 per second.
    const throttled = sim.log.find((x) => JSON.stringify(x.response).includes('THROTTLED'));
    const available = (
      throttled?.response as { extensions?: { cost?: { throttleStatus?: { currentlyAvailable?: number } } } }
    ).extensions?.cost?.throttleStatus?.currentlyAvailable;
    expect(available).toBeLessThan(102);
    expect(sleeps.at(-1)).toBe(((102 - (available ?? 0)) / 10) * 1000);
  });

  it('retries 500s and honours 429 Retry-After without sleeping for real', async () => {
    const { sim, connector, sleeps } = await setup({ orders: 2 });
    sim.fault({ status: 500, times: 2 });
    sim.fault({ status: 429, retryAfter: '3' });
    await expect(connector.listChangedOrders({})).resolves.toMatchObject({
      orders: [expect.anything(), expect.anything()],
    });
    expect(sleeps).toEqual([1000, 2000, 3000]);
  });

  it('gives up with a clear error when the shop keeps failing', async () => {
    const { sim, connector } = await setup({ orders: 1, retries: 1 });
    sim.fault({ status: 502, times: 2 });
    await expect(connector.listChangedOrders({})).rejects.toMatchObject({ code: 'SHOP_UNREACHABLE' });
  });
});

describe('Shopify connector timeouts and cursors', () => {
  it('keeps the first page query for the whole listing, whatever since the caller passes later', async () => {
    const { sim, connector, clock } = await setup({ orders: 6 });
    const since = new Date(clock.now().getTime() - 3 * 60_000).toISOString(); // the last 4 orders
    const first = await connector.listChangedOrders({ since, pageSize: 2 });
    const second = await connector.listChangedOrders({
      since: new Date(clock.now().getTime() + 3_600_000).toISOString(),
      cursor: first.nextCursor,
      pageSize: 2,
    });
    expect([...first.orders, ...second.orders].map((o) => o.number)).toEqual([
      '#1003',
      '#1004',
      '#1005',
      '#1006',
    ]);
    expect(second.nextCursor).toBeUndefined();
    expect(new Set(sim.log.map((x) => JSON.stringify(x.variables?.query))).size).toBe(1);
  });

  it('times out a hanging shop and tries again', async () => {
    const clock = new FakeClock(T0);
    const sim = await startShopifySimulator({ now: () => clock.now().getTime() });
    sims.push(sim);
    sim.add({ amount: '1.00', createdAtMs: clock.now().getTime() });
    const timeouts = manualTimeouts();
    const sleeps: number[] = [];
    const connector = createShopifyConnector({
      shopUrl: sim.url,
      auth: { accessToken: sim.accessToken },
      clock,
      timeoutSignal: timeouts.timeoutSignal,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    });
    // The attempt times out when the shop has caught it (no real timer that a slow machine could hit too).
    sim.fault({ hang: true, onHang: timeouts.expire });
    await expect(connector.listChangedOrders({})).resolves.toMatchObject({
      orders: [expect.objectContaining({ number: '#1001' })],
    });
    // One attempt timed out and was retried after one backoff.
    expect(sleeps).toEqual([1000]);
  });
});
