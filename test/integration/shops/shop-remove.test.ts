/**
 * `shop remove` (newcomer review B5): a removed shop's orders are history only. They leave matching, search,
 * order resolution and the status counts; nothing more is assigned to them; their write-backs waiting to be sent
 * are cancelled and none are queued for them any more; their assignments and audit stay. Real encrypted database,
 * the real CSV shop, matcher and API handlers.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  assignments,
  auditLog,
  dealerNotifications,
  orders,
  postings,
  statusTransfers,
} from '#core/db/schema/index.ts';
import { loadOrders } from '#core/matching/match-loader.ts';
import { api } from '#shared/api.ts';
import { apiCaller } from '../../helpers/api.ts';
import { makeTestDb, tempDir, type TestDb } from '../../helpers/db.ts';
import { makePosting } from '../../helpers/factories.ts';
import { worded } from '../../helpers/notifications.ts';

const HEADER =
  'number,invoice_number,created_at,amount,currency,customer_name,customer_company,customer_email,country,payment_method,status\n';
const row = (n: string, amount: string, name: string) =>
  `${n},,2026-11-02T10:00:00Z,${amount},EUR,${name},,${n}@example.org,DE,prepayment,open\n`;
const FILE =
  HEADER +
  row('20001', '49.90', 'Erika Mustermann') +
  row('20005', '200.00', 'Karl Klein') +
  row('20006', '75.00', 'Ute Vogel');

type Setup = TestDb & { file: string; call: (method: string, input?: unknown) => Promise<unknown> };

async function connectedShop(): Promise<Setup> {
  const t = makeTestDb();
  const file = join(tempDir(), 'orders.csv');
  writeFileSync(file, FILE);
  await t.core.shops.add({ system: 'csv', name: 'CsvShop', filePath: file });
  await t.core.shops.sync.runAll({ kind: 'new' });
  return { ...t, file, call: apiCaller(t.core, t.path) };
}

const orderOf = (t: TestDb, number: string, shopId?: number) =>
  t.db
    .select()
    .from(orders)
    .where(
      shopId === undefined
        ? eq(orders.number, number)
        : and(eq(orders.number, number), eq(orders.shopId, shopId)),
    )
    .get();

/** Assigns a new posting of `amountMinor` to the order by hand (as `kassenwart assign`). */
function pay(t: TestDb, orderId: number, amountMinor: number, remittance = 'Danke'): number {
  const posting = makePosting(t.db, { amountMinor, remittance, counterpartyName: 'Jemand' });
  t.core.matching.assign({ postingId: posting.id, allocations: [{ orderId, amountMinor }], actor: 'user' });
  return posting.id;
}

describe('shop remove: the orders of a removed shop are history only', () => {
  it('cancels the waiting write-backs and leaves the status counts, search, resolution and matching', async () => {
    const t = await connectedShop();
    const shopId = t.core.shops.get('CsvShop').id;
    const paid = orderOf(t, '20001');
    const partly = orderOf(t, '20005');
    expect(paid && partly).toBeTruthy();
    pay(t, paid?.id ?? 0, 4990);
    pay(t, partly?.id ?? 0, 10000);
    const before = t.core.status.summary();
    expect(before).toMatchObject({ pendingTransfers: 1, shops: 1, ordersTotal: 3 });
    expect(before.orders).toMatchObject({ paid: 1, partially_paid: 1, not_managed: 0 });
    expect(t.core.matching.searchOrders({ query: 'klein' }).map((o) => o.number)).toEqual(['20005']);

    const result = await t.call('shops.remove', { shop: 'CsvShop' });
    expect(api['shops.remove'].output.parse(result)).toEqual({
      removed: true,
      openOrders: 2,
      cancelledTransfers: 1,
    });

    // The write-back is cancelled (audited), nothing waits, nothing of the shop is counted as open work.
    const transfers = t.db.select().from(statusTransfers).all();
    expect(transfers.map((x) => x.state)).toEqual(['cancelled']);
    const cancelAudit = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'transfer'), eq(auditLog.action, 'cancelled')))
      .all();
    expect(cancelAudit).toHaveLength(1);
    expect(JSON.stringify(cancelAudit[0]?.details)).toContain('shop removed');
    // The shop never learns that 20001 was paid: the dealer is told to mark it paid there by hand.
    const notSent = worded(
      t.db.select().from(dealerNotifications).where(eq(dealerNotifications.kind, 'paid_not_sent')).all(),
    );
    expect(notSent.map((n) => [n.orderId, n.level, n.title])).toEqual([
      [paid?.id, 'warning', 'Order 20001 is paid, but its shop was not told'],
    ]);
    const after = t.core.status.summary();
    expect(after).toMatchObject({ pendingTransfers: 0, failedTransfers: 0, shops: 0, ordersTotal: 0 });
    expect(Object.values(after.orders).every((n) => n === 0)).toBe(true);

    // Search for open orders no longer finds them; the history search (includeClosed) does, under the removed shop.
    expect(t.core.matching.searchOrders({ query: 'klein' })).toEqual([]);
    const history = t.core.matching.searchOrders({ query: 'klein', includeClosed: true });
    expect(history.map((o) => [o.number, o.status, o.shop, o.paidMinor])).toEqual([
      ['20005', 'partially_paid', `CsvShop (removed ${shopId})`, 10000],
    ]);

    // History stays: the orders keep their payments and the assignments are active.
    expect(orderOf(t, '20005')).toMatchObject({ status: 'partially_paid', paidMinor: 10000 });
    const active = t.db.select().from(assignments).all();
    expect(active.map((a) => [a.orderId, a.undoneAt])).toEqual([
      [paid?.id, null],
      [partly?.id, null],
    ]);

    // A payment naming an order of the removed shop is not matched to it.
    const payment = makePosting(t.db, {
      amountMinor: 7500,
      remittance: 'Bestellung 20006',
      counterpartyName: 'Ute Vogel',
    });
    t.core.matching.run();
    expect(t.db.select().from(postings).where(eq(postings.id, payment.id)).get()).toMatchObject({
      matchState: 'unassigned',
      assignedMinor: 0,
    });
    expect(loadOrders(t.db, t.clock.now())).toEqual([]);
  });

  it('refuses to assign a payment to an order of a removed shop (ORDER_SHOP_REMOVED), by number or id', async () => {
    const t = await connectedShop();
    const partly = orderOf(t, '20005');
    pay(t, partly?.id ?? 0, 10000);
    t.core.shops.remove('CsvShop');
    const posting = makePosting(t.db, { amountMinor: 1000, remittance: 'Rest 20005' });

    // The number still resolves (no connected shop has it) so that the refusal can say why.
    expect(t.core.matching.resolveOrder('20005')).toBe(partly?.id);
    const refused = t.call('queue.assign', {
      postingId: posting.id,
      allocations: [{ orderId: partly?.id, amountMinor: 1000 }],
    });
    await expect(refused).rejects.toMatchObject({ code: 'ORDER_SHOP_REMOVED' });
    await expect(refused).rejects.toThrow(
      /shop "CsvShop", which was removed on 2026-11-02.*kassenwart search 20005/,
    );
    // Nothing was written.
    expect(orderOf(t, '20005')).toMatchObject({ paidMinor: 10000 });
    expect(t.db.select().from(postings).where(eq(postings.id, posting.id)).get()).toMatchObject({
      matchState: 'unassigned',
      assignedMinor: 0,
    });
    expect(t.db.select().from(assignments).all()).toHaveLength(1);
  });

  it('undoing an assignment of a removed shop queues no write-back, not even the correction of a sent "paid" (the dealer is warned instead)', async () => {
    const t = await connectedShop();
    const a = orderOf(t, '20001');
    const b = orderOf(t, '20006');
    pay(t, a?.id ?? 0, 4990);
    pay(t, b?.id ?? 0, 7500);
    // The "paid" of 20001 was sent already (as the write-back worker marks it); that of 20006 still waits.
    t.db
      .update(statusTransfers)
      .set({ state: 'done' })
      .where(eq(statusTransfers.orderId, a?.id ?? 0))
      .run();
    t.core.shops.remove('CsvShop');
    const [first, second] = t.db.select().from(assignments).all();
    const undoneA = await t.call('assignments.undo', { assignmentId: first?.id });
    const undoneB = await t.call('assignments.undo', { assignmentId: second?.id });
    expect(undoneA).toMatchObject({ transfer: 'none', orderStatus: 'open' });
    expect(undoneB).toMatchObject({ transfer: 'none', orderStatus: 'open' });
    expect(
      t.db
        .select()
        .from(statusTransfers)
        .all()
        .map((x) => [x.orderId, x.targetStatus, x.state]),
    ).toEqual([
      [a?.id, 'paid', 'done'],
      [b?.id, 'paid', 'cancelled'],
    ]);
    // The shop still shows 20001 as paid and nothing can reset it from here: the dealer must hear of it (do not
    // ship); 20006's "paid" was never sent, so there is nothing to reset.
    const warned = worded(
      t.db
        .select()
        .from(dealerNotifications)
        .where(eq(dealerNotifications.kind, 'paid_status_corrected'))
        .all(),
    );
    expect(warned.map((n) => [n.orderId, n.level])).toEqual([[a?.id, 'warning']]);
    expect(warned[0]?.body).toContain('by hand');
    // The posting is free again and can pay the order of the shop added again.
    await t.core.shops.add({ system: 'csv', name: 'CsvShop', filePath: t.file });
    await t.core.shops.sync.runAll({ kind: 'new' });
    const newShop = t.core.shops.get('CsvShop').id;
    const again = orderOf(t, '20001', newShop);
    const result = t.core.matching.assign({
      postingId: first?.postingId ?? 0,
      allocations: [{ orderId: again?.id ?? 0 }],
      actor: 'user',
    });
    expect(result.assignments.map((x) => x.orderId)).toEqual([again?.id]);
    expect(orderOf(t, '20001', newShop)).toMatchObject({ status: 'paid' });
    expect(t.core.status.summary()).toMatchObject({ pendingTransfers: 1, ordersTotal: 3 });
  });

  it('after adding the shop again, its numbers resolve to the new orders, not ORDER_AMBIGUOUS, and match there', async () => {
    const t = await connectedShop();
    const old = orderOf(t, '20006');
    t.core.shops.remove('CsvShop');
    await t.core.shops.add({ system: 'csv', name: 'CsvShop', filePath: t.file });
    await t.core.shops.sync.runAll({ kind: 'new' });
    const newShop = t.core.shops.get('CsvShop').id;
    const fresh = orderOf(t, '20006', newShop);
    expect(fresh?.id).not.toBe(old?.id);
    expect(t.core.matching.resolveOrder('20006')).toBe(fresh?.id);
    expect(t.core.matching.searchOrders({ query: '20006' }).map((o) => o.id)).toEqual([fresh?.id]);
    expect(t.core.status.summary()).toMatchObject({ ordersTotal: 3, shops: 1 });
    // A payment for 20006 is matched to the order of the connected shop only.
    const payment = makePosting(t.db, {
      amountMinor: 7500,
      remittance: 'Bestellung 20006',
      counterpartyName: 'Ute Vogel',
    });
    t.core.matching.run();
    const made = t.db.select().from(assignments).where(eq(assignments.postingId, payment.id)).all();
    expect(made.map((a) => a.orderId)).toEqual([fresh?.id]);
  });
});

describe('shop remove: history can still be put back', () => {
  it('taking back a processed return restores the assignment to the removed shop order, with no write-back', async () => {
    const t = await connectedShop();
    const order = orderOf(t, '20001');
    const payment = makePosting(t.db, { amountMinor: 4990, remittance: 'Danke', endToEndId: 'E2E-7' });
    t.core.matching.assign({
      postingId: payment.id,
      allocations: [{ orderId: order?.id ?? 0 }],
      actor: 'user',
    });
    const ret = makePosting(t.db, {
      amountMinor: -4990,
      remittance: 'RUECKLASTSCHRIFT AC04',
      endToEndId: 'E2E-7',
    });
    t.core.matching.run();
    expect(orderOf(t, '20001')).toMatchObject({ status: 'open', paidMinor: 0 });
    t.core.shops.remove('CsvShop');

    const undone = t.core.matching.undoReturn({ postingId: ret.id });
    expect(undone.assignments.map((a) => a.orderId)).toEqual([order?.id]);
    expect(orderOf(t, '20001')).toMatchObject({ status: 'paid', paidMinor: 4990 });
    expect(t.db.select().from(statusTransfers).where(eq(statusTransfers.state, 'pending')).all()).toEqual([]);
  });
});
