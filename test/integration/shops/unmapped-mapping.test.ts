/**
 * Statuses and payment methods the mapping does not know: the dealer is told once, and after the mapping is
 * fixed, the orders skipped or closed because of it arrive or reopen with the next sync.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dealerNotifications, orders } from '#core/db/schema/index.ts';
import { AFTER, connectWoo, setupWoo, type WooSetup } from './support.ts';
import { worded } from '../../helpers/notifications.ts';

const notices = (s: WooSetup, kind: string) =>
  worded(s.db.select().from(dealerNotifications).where(eq(dealerNotifications.kind, kind)).all());
const row = (s: WooSetup, id: number) =>
  s.db
    .select()
    .from(orders)
    .where(eq(orders.externalId, String(id)))
    .get();

describe('a mapping that lacks a status or a payment method (WooCommerce)', () => {
  it('an unmapped status closes waiting orders with one notification; mapped as open, they reopen', async () => {
    const s = await setupWoo();
    await connectWoo(s);
    s.sim.setTime(AFTER);
    const a = s.sim.addOrder({ status: 'on-hold' });
    const b = s.sim.addOrder({ status: 'on-hold' });
    await s.area.sync.run('Woo', 'new');
    s.sim.editOrder(a.id, { status: 'awaiting-payment' });
    s.sim.editOrder(b.id, { status: 'awaiting-payment' });
    await s.area.sync.run('Woo', 'new');
    expect(row(s, a.id)?.status).toBe('removed_externally');
    const c = s.sim.addOrder({ status: 'awaiting-payment' });
    await s.area.sync.run('Woo', 'full');

    const told = notices(s, 'shop_status_unmapped');
    expect(told).toHaveLength(1);
    expect(told[0]?.title).toContain('"awaiting-payment"');
    expect(told[0]?.body).toContain('2 order(s)');
    expect(told[0]?.body).toContain(
      'kassenwart shop mapping "Woo" --open prepayment=on-hold,pending,awaiting-payment',
    );

    s.area.setMapping('Woo', {
      openStatuses: {
        ...s.area.getMapping('Woo').openStatuses,
        prepayment: ['on-hold', 'pending', 'awaiting-payment'],
      },
    });
    await s.area.sync.run('Woo', 'full');
    for (const id of [a.id, b.id, c.id]) expect(row(s, id)?.status).toBe('open');
  });

  it('an unmapped payment method of an open order is told once; mapped, its orders arrive', async () => {
    const s = await setupWoo();
    await connectWoo(s);
    s.sim.setTime(AFTER);
    const klarna = s.sim.addOrder({ status: 'on-hold', payment_method: 'klarna_pay_later' });
    s.sim.addOrder({ status: 'processing', payment_method: 'paypal' }); // paid already: nothing to tell
    await s.area.sync.run('Woo', 'new');
    await s.area.sync.run('Woo', 'full');
    expect(row(s, klarna.id)).toBeUndefined();
    const told = notices(s, 'payment_method_unmapped');
    expect(told.map((n) => n.title)).toEqual([
      'Shop "Woo": payment method "klarna_pay_later" is not in the mapping',
    ]);
    expect(told[0]?.body).toContain('--payment prepayment=bacs,cheque,klarna_pay_later');

    s.area.setMapping('Woo', {
      paymentMethods: {
        ...s.area.getMapping('Woo').paymentMethods,
        prepayment: ['bacs', 'cheque', 'Klarna_Pay_Later'],
      },
    });
    await s.area.sync.run('Woo', 'new');
    expect(row(s, klarna.id)).toMatchObject({ status: 'open', managed: true, paymentCode: 'prepayment' });
  });
});
