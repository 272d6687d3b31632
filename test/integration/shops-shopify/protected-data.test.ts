/**
 * Protected customer data (https://shopify.dev/docs/apps/launch/protected-customer-data): an app without approval
 * gets `data` with the customer fields null and ACCESS_DENIED errors beside it. The orders are still read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, dealerNotifications } from '#core/db/schema/index.ts';
import type { Logger } from '#core/deps.ts';
import { createShopifyGraphQL } from '#core/shops/shopify/client.ts';
import { ORDER_QUERY } from '#core/shops/shopify/documents.ts';
import { createShopifyConnector } from '#core/shops/shopify/index.ts';
import { startShopifySimulator, type ShopifySimulator } from '#core/shops/shopify/simulator.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { shopifyInSync } from './support.ts';
import { worded } from '../../helpers/notifications.ts';

const T0 = '2026-11-02T09:00:00.000Z';
let sims: ShopifySimulator[] = [];
afterEach(async () => {
  for (const sim of sims) await sim.close();
  sims = [];
});

async function setup(protectedCustomerData: boolean) {
  const clock = new FakeClock(T0);
  const sim = await startShopifySimulator({ now: () => clock.now().getTime(), protectedCustomerData });
  sims.push(sim);
  const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    log: (level, message, fields) => {
      if (level === 'warn') warnings.push({ message, fields });
    },
  };
  const options = {
    shopUrl: sim.url,
    auth: { accessToken: sim.accessToken },
    clock,
    label: 'Shopify shop "Test"',
    logger,
    sleep: () => Promise.resolve(),
  };
  return { sim, connector: createShopifyConnector(options), options, warnings };
}

const seed = (sim: ShopifySimulator, n: number) =>
  Array.from({ length: n }, (_, i) =>
    sim.add({
      amount: '49.90',
      createdAtMs: Date.parse(T0) - (n - i) * 60_000,
      firstName: 'Max',
      lastName: 'Muster',
      email: `max${i}@example.at`,
      country: 'AT',
    }),
  );

describe('Shopify without protected customer data approval', () => {
  it('the simulator answers as Shopify does: null fields in data, ACCESS_DENIED errors at their paths', async () => {
    const { sim } = await setup(false);
    const [id] = seed(sim, 1);
    const response = await fetch(`${sim.url}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': sim.accessToken },
      body: JSON.stringify({ query: ORDER_QUERY, variables: { id } }),
    });
    const body = (await response.json()) as {
      data: { order: Record<string, unknown> };
      errors: { path: unknown[]; extensions: { code: string } }[];
    };
    expect(body.data.order).toMatchObject({ id, email: null, billingAddress: null, name: '#1001' });
    expect(body.errors.map((e) => [e.extensions.code, e.path])).toEqual([
      ['ACCESS_DENIED', ['order', 'email']],
      ['ACCESS_DENIED', ['order', 'billingAddress']],
    ]);
  });

  it('reads orders without the withheld customer fields and warns once', async () => {
    const { sim, connector, warnings } = await setup(false);
    const ids = seed(sim, 3);
    const page = await connector.listChangedOrders({});
    expect(page.orders.map((o) => o.externalId)).toEqual(ids);
    expect(page.orders[0]).toMatchObject({ number: '#1001', totalMinor: 4990, status: 'PENDING' });
    expect(page.orders[0]).not.toHaveProperty('email');
    expect(page.orders[0]).not.toHaveProperty('customerName');
    for (const order of page.orders)
      expect(order.withheld).toEqual(['email', 'customerName', 'company', 'billingCountry']);
    const one = await connector.getOrder(ids[1] ?? '');
    expect(one).toMatchObject({ externalId: ids[1], totalMinor: 4990 });
    expect(one?.withheld).toEqual(['email', 'customerName', 'company', 'billingCountry']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(
      /protected customer data.*shopify\.dev\/docs\/apps\/launch\/protected-customer-data/,
    );
    expect(warnings[0]?.fields).toMatchObject({ fields: ['email', 'billingAddress'] });
  });

  it('with approval nothing changes: the customer fields are read, no warning', async () => {
    const { sim, connector, warnings } = await setup(true);
    seed(sim, 1);
    const page = await connector.listChangedOrders({});
    expect(page.orders[0]).toMatchObject({ email: 'max0@example.at', customerName: 'Max Muster' });
    expect(page.orders[0]).not.toHaveProperty('withheld');
    expect(warnings).toEqual([]);
  });

  it('other partial errors stay errors: a denied field we did not mark optional, or another error code', async () => {
    const { sim, options } = await setup(false);
    const [id] = seed(sim, 1);
    const gql = createShopifyGraphQL(options);
    await expect(gql.request(ORDER_QUERY, { id })).rejects.toMatchObject({
      code: 'SHOP_REQUEST_REJECTED',
      message: expect.stringContaining('not approved to use the email field') as unknown,
    });
    await expect(gql.request(ORDER_QUERY, { id }, { optional: ['email'] })).rejects.toMatchObject({
      code: 'SHOP_REQUEST_REJECTED',
      message: expect.stringContaining('MailingAddress') as unknown,
    });
    sim.fault({
      status: 200,
      body: {
        data: { order: null },
        errors: [
          {
            message: 'Internal error',
            path: ['order', 'email'],
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ],
      },
    });
    await expect(
      gql.request(ORDER_QUERY, { id }, { optional: ['email', 'billingAddress'] }),
    ).rejects.toMatchObject({
      code: 'SHOP_REQUEST_REJECTED',
    });
  });
});

describe('Shopify withholding customer data in the sync', () => {
  async function syncSetup() {
    const s = await shopifyInSync();
    s.clock.set(T0);
    await s.connect();
    s.clock.advance(60_000);
    const updates = (externalId: string) =>
      s.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entityId, String(s.row(externalId)?.id ?? -1)),
            eq(auditLog.action, 'updated_from_shop'),
          ),
        )
        .all();
    const notices = () =>
      worded(
        s.db
          .select()
          .from(dealerNotifications)
          .where(eq(dealerNotifications.kind, 'customer_data_withheld'))
          .all(),
      );
    return { ...s, kinds: s.events, updates, notices };
  }

  it('keeps the stored name and email when Shopify withholds them later, and tells the dealer once', async () => {
    const s = await syncSetup();
    const id = s.sim.add({
      amount: '49.90',
      createdAtMs: s.clock.now().getTime(),
      firstName: 'Max',
      lastName: 'Muster',
      company: 'Muster GmbH',
      email: 'max@example.at',
      country: 'AT',
    });
    expect(await s.area.sync.run('SF', 'new')).toMatchObject({ state: 'ok', ordersNew: 1 });
    const stored = {
      customerName: 'Max Muster',
      company: 'Muster GmbH',
      email: 'max@example.at',
      country: 'AT',
    };
    expect(s.row(id)).toMatchObject(stored);

    // The app loses its approval; the order changes in the shop, so the next runs read it again.
    s.sim.setProtectedCustomerData(false);
    s.clock.advance(60_000);
    s.sim.edit(id, { amount: '59.90' });
    expect(await s.area.sync.run('SF', 'new')).toMatchObject({ state: 'ok', ordersChanged: 1 });
    expect(await s.area.sync.run('SF', 'full')).toMatchObject({ state: 'ok' });
    expect(s.row(id)).toMatchObject({ ...stored, totalMinor: 5990 });
    expect(s.kinds(id)).not.toContain('email_changed');
    expect(s.updates(id)).toEqual([]);
    expect(s.notices()).toHaveLength(1);
    expect(s.notices()[0]?.body).toMatch(/protected-customer-data/);

    // A new order read without them stores null, as there is nothing to keep.
    const fresh = s.sim.add({ amount: '10.00', createdAtMs: s.clock.now().getTime() });
    expect(await s.area.sync.run('SF', 'new')).toMatchObject({ state: 'ok', ordersNew: 1 });
    expect(s.row(fresh)).toMatchObject({ customerName: null, email: null, company: null, country: null });
    expect(s.notices()).toHaveLength(1);
  });
});
