/** The Shopify connector inside the real shop service and sync jobs (issue 4 §4, §6), against the simulator. */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dealerNotifications } from '#core/db/schema/index.ts';
import { shopifyInSync } from './support.ts';
import { worded } from '../../helpers/notifications.ts';

const AFTER = '2026-11-02T10:00:00.000Z';
/** The Shopify sync setup with two orders a page (test/integration/shops-shopify/support.ts). */
const setup = () => shopifyInSync({ pageSize: 2 });

describe('Shopify in the sync', () => {
  it('imports per the initial connection rules with the default mapping', async () => {
    const s = await setup();
    const at = () => s.clock.now().getTime();
    const openOld = s.sim.add({ amount: '19.99', createdAtMs: at() - 3_600_000, gateway: 'Bank Deposit' });
    const paidOld = s.sim.add({
      amount: '5.00',
      createdAtMs: at() - 3_600_000,
      gateway: 'Bank Deposit',
      financialStatus: 'PAID',
    });
    const cardOld = s.sim.add({ amount: '7.00', createdAtMs: at() - 3_600_000, gateway: 'shopify_payments' });
    await s.connect('client');
    s.clock.set(AFTER);
    const codNew = s.sim.add({ amount: '120.00', createdAtMs: at(), gateway: 'Cash on Delivery (COD)' });
    const run = await s.area.sync.run('SF', 'new');
    expect(run).toMatchObject({ state: 'ok', ordersSeen: 4, error: null });
    expect(s.row(openOld)).toMatchObject({
      status: 'not_managed',
      managed: false,
      totalMinor: 1999,
      paymentCode: 'prepayment',
      number: '#1001',
    });
    expect(s.row(paidOld)).toBeUndefined();
    expect(s.row(cardOld)).toBeUndefined();
    expect(s.row(codNew)).toMatchObject({
      status: 'open',
      managed: true,
      totalMinor: 12000,
      paymentCode: 'cod',
    });
  });

  it('detects e-mail and amount changes, payment and cancellation in the shop, and deletion', async () => {
    const s = await setup();
    await s.connect();
    s.clock.set(AFTER);
    const ids = ['a', 'b', 'c', 'd', 'e'].map(() =>
      s.sim.add({ amount: '49.90', createdAtMs: s.clock.now().getTime() }),
    );
    await s.area.sync.run('SF', 'new');
    for (const id of ids) expect(s.row(id)).toMatchObject({ status: 'open', managed: true });
    s.clock.advance(60_000);
    s.sim.edit(ids[0]!, { email: 'neu@example.de' });
    s.sim.edit(ids[1]!, { amount: '59.90' });
    s.sim.edit(ids[2]!, { financialStatus: 'PAID' });
    s.sim.edit(ids[3]!, { cancelled: true });
    s.sim.remove(ids[4]!);
    const run = await s.area.sync.run('SF', 'full');
    expect(run.state).toBe('ok');
    expect(s.events(ids[0]!)).toEqual(['email_changed']);
    expect(s.row(ids[1]!)).toMatchObject({ totalMinor: 5990, status: 'open' });
    expect(s.events(ids[1]!)).toEqual(['amount_changed']);
    expect(s.row(ids[2]!)?.status).toBe('removed_externally');
    expect(s.row(ids[3]!)?.status).toBe('cancelled'); // a cancelled status of the mapping
    expect(s.row(ids[4]!)?.status).toBe('removed_externally');
  });

  it('an order modified in the future does not hide the orders created after it; the dealer is told once', async () => {
    const s = await setup();
    await s.connect();
    s.clock.set(AFTER);
    const future = s.sim.add({ amount: '49.90', createdAtMs: s.clock.now().getTime() });
    s.clock.set('2099-01-01T00:00:00.000Z');
    s.sim.edit(future, { email: 'plugin@example.de' }); // stamped with the shop's wrong time
    s.clock.set(AFTER);
    s.clock.advance(60_000);
    await s.area.sync.run('SF', 'new');
    const later = s.sim.add({ amount: '19.90', createdAtMs: s.clock.now().getTime() });
    s.clock.advance(60_000);
    expect(await s.area.sync.run('SF', 'new')).toMatchObject({ state: 'ok', ordersNew: 1 });
    expect(s.row(later)).toMatchObject({ status: 'open', managed: true });
    const told = worded(
      s.db
        .select()
        .from(dealerNotifications)
        .where(eq(dealerNotifications.kind, 'order_modified_in_future'))
        .all(),
    );
    expect(told.map((n) => n.orderId)).toEqual([s.row(future)?.id]);
    // Shopify sends no shop time here: the notice names this computer's clock, not the shop's.
    expect(told[0]?.body).toContain("this computer's time");
  });

  it('a shop clock ahead of ours: one notice for all orders it dated ahead, not one per order', async () => {
    const s = await setup();
    await s.connect();
    s.clock.set(AFTER);
    // The shop stamps three orders 15 minutes ahead of our clock.
    s.clock.advance(15 * 60_000);
    const ahead = [1, 2, 3].map(() => s.sim.add({ amount: '9.90', createdAtMs: s.clock.now().getTime() }));
    s.clock.advance(-15 * 60_000);
    await s.area.sync.run('SF', 'new');
    const told = worded(
      s.db
        .select()
        .from(dealerNotifications)
        .where(eq(dealerNotifications.kind, 'order_modified_in_future'))
        .all(),
    );
    expect(told).toHaveLength(1);
    for (const id of ahead) expect(told[0]?.body).toContain(s.row(id)?.number ?? '?');
  });
});
