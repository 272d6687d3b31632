/** An order whose modified date lies in the future must not carry the incremental mark past later orders. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dealerNotifications, orders, shopSyncState } from '#core/db/schema/index.ts';
import { AFTER, connectWoo, setupWoo, type WooSetup } from './support.ts';
import { worded } from '../../helpers/notifications.ts';

const numbers = (s: WooSetup) =>
  s.db
    .select({ number: orders.number })
    .from(orders)
    .all()
    .map((o) => o.number)
    .sort();

const notices = (s: WooSetup) =>
  worded(
    s.db
      .select()
      .from(dealerNotifications)
      .where(eq(dealerNotifications.kind, 'order_modified_in_future'))
      .all(),
  );

describe('an order modified in the future (WooCommerce)', () => {
  it('keeps the mark at the shop time, imports later orders, and tells the dealer once', async () => {
    const s = await setupWoo();
    const shop = await connectWoo(s);
    s.sim.setTime(AFTER);
    const future = s.sim.addOrder({ date_modified_gmt: '2099-01-01T00:00:00' });
    await s.area.sync.run('Woo', 'new');
    const mark = s.area.sync.state(shop.id, 'new')?.highWaterMark;
    expect(Date.parse(mark ?? '')).toBeLessThanOrEqual(Date.parse(s.sim.now()));

    const later = s.sim.addOrder();
    const run = await s.area.sync.run('Woo', 'new');
    expect(run.state).toBe('ok');
    expect(numbers(s)).toEqual([String(future.id), String(later.id)].sort());
    const third = s.sim.addOrder();
    await s.area.sync.run('Woo', 'full');
    expect(numbers(s)).toContain(String(third.id));

    const told = notices(s);
    expect(told).toHaveLength(1);
    expect(told[0]?.title).toBe('Shop "Woo": orders modified in the future');
    expect(told[0]?.body).toContain(`order ${future.id}`);
    expect(told[0]?.body).toContain('2099-01-01T00:00:00');
    // The WooCommerce simulator sends its time as Date: the shop's clock is the one named.
    expect(told[0]?.body).toContain("the shop's own time");
    expect(told[0]?.orderId).not.toBeNull();
  });

  it('heals a mark stored in the future by an earlier version', async () => {
    const s = await setupWoo();
    const shop = await connectWoo(s);
    s.sim.setTime(AFTER);
    await s.area.sync.run('Woo', 'new');
    s.db
      .update(shopSyncState)
      .set({ highWaterMark: '2099-01-01T00:00:00.000Z' })
      .where(eq(shopSyncState.shopId, shop.id))
      .run();
    s.clock.set(AFTER);
    const order = s.sim.addOrder();
    await s.area.sync.run('Woo', 'new');
    expect(numbers(s)).toContain(String(order.id));
    expect(Date.parse(s.area.sync.state(shop.id, 'new')?.highWaterMark ?? '')).toBeLessThan(
      Date.parse('2099-01-01T00:00:00Z'),
    );
  });

  it('a shop clock hours ahead, then corrected: orders after the correction still arrive', async () => {
    const s = await setupWoo();
    await connectWoo(s);
    s.clock.set(AFTER);
    s.sim.setTime('2026-11-02T16:00:00Z');
    s.sim.addOrder();
    await s.area.sync.run('Woo', 'new');
    s.clock.advance(60_000);
    s.sim.setTime('2026-11-02T10:01:00Z');
    const order = s.sim.addOrder();
    await s.area.sync.run('Woo', 'new');
    expect(numbers(s)).toContain(String(order.id));
  });
});
