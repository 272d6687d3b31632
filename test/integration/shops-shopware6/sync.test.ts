/** The Shopware 6 connector inside the real shop service and sync jobs (issue 4 §4, §6), against the simulator. */
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { orders } from '#core/db/schema/index.ts';
import { silentLogger } from '#core/deps.ts';
import { createShopsArea } from '#core/shops/shops-area.ts';
import { startShopware6Simulator, type Shopware6Simulator } from '#core/shops/shopware6/simulator.ts';
import { makeTestDb } from '../../helpers/db.ts';
import { eventKinds } from '../../helpers/factories.ts';
import { loadShopwareSpec, specProblems } from './openapi.ts';

const CONNECTED_AT = '2026-11-02T09:00:00.000Z';
const AFTER = '2026-11-02T10:00:00.000Z';
const sims: Shopware6Simulator[] = [];
const spec = loadShopwareSpec();
afterEach(async () => {
  for (const sim of sims) expect(specProblems(spec, sim.log)).toEqual([]);
  while (sims.length) await sims.pop()?.close();
});

async function setup() {
  const t = makeTestDb();
  const sim = await startShopware6Simulator({ now: () => t.clock.now().getTime() });
  sims.push(sim);
  const area = createShopsArea({
    db: t.db,
    clock: t.clock,
    logger: silentLogger,
    secrets: t.secrets,
    pageSize: 3,
    http: { sleep: () => Promise.resolve(), retries: 2 },
  });
  const connect = () =>
    area.add({
      system: 'shopware6',
      name: 'SW',
      url: sim.url,
      credentials: { key: sim.clientId, secret: sim.clientSecret },
    });
  const row = (number: string) => t.db.select().from(orders).where(eq(orders.number, number)).get();
  const events = (number: string) => eventKinds(t.db, row(number)?.id);
  return { ...t, sim, area, connect, row, events };
}

describe('Shopware 6 in the sync', () => {
  it('imports per the initial connection rules with the default mapping', async () => {
    const s = await setup();
    const at = () => s.clock.now().getTime();
    s.sim.addOrder({
      orderNumber: '10001',
      amount: '19.99',
      createdAtMs: at() - 3_600_000,
      paymentMethod: 'payment_prepayment',
    });
    s.sim.addOrder({
      orderNumber: '10002',
      amount: '5.00',
      createdAtMs: at() - 3_600_000,
      paymentMethod: 'payment_prepayment',
      transactionState: 'paid',
    });
    s.sim.addOrder({
      orderNumber: '10003',
      amount: '7.00',
      createdAtMs: at() - 3_600_000,
      paymentMethod: 'payment_debitpayment',
    });
    const shop = await s.connect();
    expect(shop.connectedAt).toBe(CONNECTED_AT);
    s.clock.set(AFTER);
    s.sim.addOrder({
      orderNumber: '10004',
      amount: '120',
      createdAtMs: at(),
      paymentMethod: 'payment_invoicepayment',
      orderState: 'completed',
      invoiceNumber: 'RE-7',
    });
    s.sim.addOrder({
      orderNumber: '10005',
      amount: '33.30',
      createdAtMs: at(),
      paymentMethod: 'payment_cashpayment',
      orderState: 'cancelled',
    });
    const run = await s.area.sync.run('SW', 'new');
    expect(run).toMatchObject({ state: 'ok', ordersSeen: 5, error: null });
    expect(s.row('10001')).toMatchObject({
      status: 'not_managed',
      managed: false,
      totalMinor: 1999,
      paymentCode: 'prepayment',
    });
    expect(s.row('10002')).toBeUndefined();
    expect(s.row('10003')).toBeUndefined();
    // An invoice order that is already shipped (completed) with an open payment is open.
    expect(s.row('10004')).toMatchObject({
      status: 'open',
      managed: true,
      totalMinor: 12000,
      paymentCode: 'invoice',
      invoiceNumber: 'RE-7',
    });
    expect(s.row('10005')).toMatchObject({ status: 'cancelled', managed: true, paymentCode: 'cod' }); // cancelled/open is a cancelled status
  });

  it('detects e-mail and amount changes, payment in the shop, and deletion in the full comparison', async () => {
    const s = await setup();
    await s.connect();
    s.clock.set(AFTER);
    const at = s.clock.now().getTime();
    for (const n of ['20001', '20002', '20003', '20004'])
      s.sim.addOrder({ orderNumber: n, amount: '49.90', createdAtMs: at });
    await s.area.sync.run('SW', 'new');
    expect(s.row('20001')).toMatchObject({ status: 'open', managed: true });

    s.clock.advance(60_000);
    s.sim.editOrder('20001', { email: 'neu@example.de' });
    s.sim.editOrder('20002', { amount: '59.90' });
    s.sim.editOrder('20003', { transactionState: 'paid' });
    s.sim.deleteOrder('20004');
    const run = await s.area.sync.run('SW', 'full');
    expect(run.state).toBe('ok');
    expect(s.events('20001')).toEqual(['email_changed']);
    expect(s.row('20002')).toMatchObject({ totalMinor: 5990, status: 'open' });
    expect(s.events('20002')).toEqual(['amount_changed']);
    expect(s.row('20003')?.status).toBe('removed_externally');
    expect(s.row('20004')?.status).toBe('removed_externally');
  });

  it('an order paid in the Shopware admin is found by the next incremental run (the transaction changed, not the order)', async () => {
    const s = await setup();
    await s.connect();
    s.clock.set(AFTER);
    const at = s.clock.now().getTime();
    for (const n of ['30001', '30002', '30003', '30004'])
      s.sim.addOrder({ orderNumber: n, amount: '49.90', createdAtMs: at });
    s.clock.advance(60_000);
    s.sim.editOrder('30004', { email: 'neu@example.de' }); // the order streams have a mark past the creations
    expect(await s.area.sync.run('SW', 'new')).toMatchObject({ state: 'ok', ordersNew: 4 });

    s.clock.advance(60_000);
    const updatedBefore = s.sim.order('30002')?.updatedAt;
    s.sim.editOrder('30002', { transactionState: 'paid' });
    // As in Shopware: the payment state lives on the transaction; the order's updatedAt stays.
    expect(s.sim.order('30002')?.updatedAt).toBe(updatedBefore);
    const run = await s.area.sync.run('SW', 'new');
    expect(run).toMatchObject({ state: 'ok' });
    expect(s.row('30002')?.shopStatus).toBe('open/paid');
    expect(s.row('30001')?.shopStatus).toBe('open/open');

    // The mark moved to the payment: the run after reads only the boundary again, not the payment forever.
    const again = await s.area.sync.run('SW', 'new');
    expect(again.ordersChanged + again.ordersRemoved).toBe(0);
  });

  it('an order modified in the future (a plugin writing 2099) does not hide the orders created after it', async () => {
    const s = await setup();
    await s.connect();
    s.clock.set(AFTER);
    const at = s.clock.now().getTime();
    const future = s.sim.addOrder({ orderNumber: '40001', amount: '49.90', createdAtMs: at });
    future.updatedAt = '2099-01-01T00:00:00.000+00:00';
    await s.area.sync.run('SW', 'new');
    s.clock.advance(60_000);
    s.sim.addOrder({ orderNumber: '40002', amount: '19.90', createdAtMs: s.clock.now().getTime() });
    expect(await s.area.sync.run('SW', 'new')).toMatchObject({ state: 'ok', ordersNew: 1 });
    expect(s.row('40002')).toMatchObject({ status: 'open', managed: true });
  });
});
