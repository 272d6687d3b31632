import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, orders } from '#core/db/schema/index.ts';
import { AFTER, CONNECTED_AT, connectWoo, setupWoo } from './support.ts';

describe('initial connection semantics (issue 4 §4) against the WooCommerce simulator', () => {
  it('stores the connection time; open old orders are not managed, closed old ones are skipped, new ones are managed', async () => {
    const s = await setupWoo();
    const openOld = s.sim.addOrder({ status: 'on-hold', payment_method: 'bacs', total: '19.99' });
    const closedOld = s.sim.addOrder({ status: 'completed', payment_method: 'bacs' });
    const paypalOld = s.sim.addOrder({ status: 'pending', payment_method: 'paypal' });
    const shop = await connectWoo(s);
    expect(shop.connectedAt).toBe(CONNECTED_AT);

    s.sim.setTime(AFTER);
    const openNew = s.sim.addOrder({ status: 'on-hold', payment_method: 'bacs', total: '120.00' });
    const paypalNew = s.sim.addOrder({ status: 'pending', payment_method: 'paypal' });
    const closedNew = s.sim.addOrder({ status: 'processing', payment_method: 'bacs' });

    const run = await s.area.sync.run('Woo', 'new');
    expect(run).toMatchObject({ state: 'ok', ordersSeen: 6, error: null });

    const rows = s.db.select().from(orders).all();
    const byExt = new Map(rows.map((r) => [r.externalId, r]));
    expect(byExt.get(String(openOld.id))).toMatchObject({
      status: 'not_managed',
      managed: false,
      totalMinor: 1999,
      paymentCode: 'prepayment',
    });
    expect(byExt.has(String(closedOld.id))).toBe(false);
    expect(byExt.has(String(paypalOld.id))).toBe(false);
    expect(byExt.has(String(paypalNew.id))).toBe(false);
    expect(byExt.get(String(openNew.id))).toMatchObject({ status: 'open', managed: true, totalMinor: 12000 });
    // Created after the connection but already closed: imported as managed, then "removed externally".
    const closed = byExt.get(String(closedNew.id));
    expect(closed).toMatchObject({ status: 'removed_externally', managed: true });
    const audit = s.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(closed?.id)))
      .all()
      .map((a) => a.action);
    expect(audit).toEqual(['imported', 'removed_in_shop']);
  });

  it('an open order that existed at connection stays "not managed" when it later changes', async () => {
    const s = await setupWoo();
    const old = s.sim.addOrder({ status: 'pending', payment_method: 'invoice', total: '10.00' });
    await connectWoo(s);
    await s.area.sync.run('Woo', 'new');
    s.sim.setTime(AFTER);
    s.sim.editOrder(old.id, { billing: { last_name: 'Musterfrau' } });
    await s.area.sync.run('Woo', 'new');
    const row = s.db.select().from(orders).get();
    expect(row).toMatchObject({
      status: 'not_managed',
      managed: false,
      customerName: 'Erika Musterfrau',
      paymentCode: 'invoice',
    });
  });
});
