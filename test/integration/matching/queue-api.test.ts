import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  assignments,
  auditLog,
  dealerNotifications,
  orders,
  payerFacts,
  postingReturns,
  postings,
  statusTransfers,
} from '#core/db/schema/index.ts';
import { apiCaller } from '../../helpers/api.ts';
import { makeTestDb, type TestDb } from '../../helpers/db.ts';
import { makeBankAccount, makeOrder, makePosting, makeShop } from '../../helpers/factories.ts';

function setup(): TestDb & { call: (method: string, input?: unknown) => Promise<unknown> } {
  const t = makeTestDb();
  return { ...t, call: apiCaller(t.core, t.path) };
}

const orderRow = (t: TestDb, id: number) => t.db.select().from(orders).where(eq(orders.id, id)).get();
const postingRow = (t: TestDb, id: number) => t.db.select().from(postings).where(eq(postings.id, id)).get();

describe('a decision the orders refuse', () => {
  it('is rolled back on its own (what it wrote before it failed too) and reported; the other postings of the run are still assigned', async () => {
    const t = setup();
    // One payment for two orders; the return of it undoes the first assignment, then fails on the second.
    const first = makeOrder(t.db, { number: '10090', totalMinor: 1000 });
    const bad = makeOrder(t.db, { number: '10091', totalMinor: 3000 });
    const paid = makePosting(t.db, { remittance: 'Danke', amountMinor: 4000, endToEndId: 'E2E-90' });
    await t.call('queue.assign', {
      postingId: paid.id,
      allocations: [{ orderId: first.id }, { orderId: bad.id }],
    });
    // An order whose paid amount no longer covers its assignment (as the lost update of an earlier sync left it).
    t.db.update(orders).set({ paidMinor: 0 }).where(eq(orders.id, bad.id)).run();
    const ret = makePosting(t.db, {
      remittance: 'RUECKLASTSCHRIFT AC04',
      amountMinor: -4000,
      endToEndId: 'E2E-90',
    });
    const good = makeOrder(t.db, { number: '10092', totalMinor: 1200 });
    const fine = makePosting(t.db, { remittance: 'Bestellung 10092', amountMinor: 1200 });
    const summary = (await t.call('matching.run')) as Record<string, number>;
    expect(summary).toMatchObject({ assignmentsCreated: 1 });
    expect(orderRow(t, good.id)).toMatchObject({ status: 'paid' });
    expect(postingRow(t, fine.id)).toMatchObject({ matchState: 'assigned' });
    // Nothing of the refused return stays: the first assignment it had undone is active again.
    const active = t.db
      .select()
      .from(assignments)
      .where(eq(assignments.postingId, paid.id))
      .all()
      .map((a) => [a.orderId, a.undoneAt]);
    expect(active).toEqual([
      [first.id, null],
      [bad.id, null],
    ]);
    expect(orderRow(t, first.id)).toMatchObject({ status: 'paid', paidMinor: 1000 });
    expect(postingRow(t, paid.id)).toMatchObject({ matchState: 'assigned', assignedMinor: 4000 });
    // The refused return keeps the state it was imported with.
    expect(postingRow(t, ret.id)?.matchState).toBe('unassigned');
    expect(t.db.select().from(postingReturns).all()).toEqual([]);
    const notes = t.db
      .select()
      .from(dealerNotifications)
      .all()
      .map((n) => n.kind);
    expect(notes).toContain('matching_decision_failed');
  });
});

describe('orders of a removed shop', () => {
  it('are not assigned automatically any more', async () => {
    const t = setup();
    const gone = makeShop(t.db, { removedAt: '2026-11-01T00:00:00.000Z', enabled: false });
    const account = makeBankAccount(t.db);
    const o = makeOrder(t.db, { shopId: gone.id, number: '10078', totalMinor: 2350 });
    const p = makePosting(t.db, {
      bankAccountId: account.id,
      remittance: 'Bestellung 10078',
      amountMinor: 2350,
    });
    const summary = (await t.call('matching.run')) as Record<string, number>;
    expect(summary).toMatchObject({ auto: 0 });
    expect(orderRow(t, o.id)).toMatchObject({ status: 'open', paidMinor: 0 });
    expect(postingRow(t, p.id)).toMatchObject({ matchState: 'unassigned' });
  });
});

describe('matching.run persists automatic assignments', () => {
  it('assigns, marks the order paid via the state machine, enqueues the write-back and audits', async () => {
    const t = setup();
    const shop = makeShop(t.db);
    const account = makeBankAccount(t.db);
    const o = makeOrder(t.db, { shopId: shop.id, number: '10077', totalMinor: 2350 });
    const p = makePosting(t.db, {
      bankAccountId: account.id,
      remittance: 'Bestellung 10077',
      amountMinor: 2350,
      endToEndId: 'E2E-1',
    });
    const noise = makePosting(t.db, {
      bankAccountId: account.id,
      remittance: 'Gehalt',
      amountMinor: 250000,
      counterpartyName: 'Arbeitgeber GmbH',
    });
    const debit = makePosting(t.db, { bankAccountId: account.id, remittance: 'Miete', amountMinor: -90000 });

    const summary = (await t.call('matching.run')) as Record<string, number>;
    expect(summary).toMatchObject({ auto: 1, assignmentsCreated: 1, debits: 1 });

    const a = t.db.select().from(assignments).where(eq(assignments.postingId, p.id)).get();
    expect(a).toMatchObject({
      orderId: o.id,
      amountMinor: 2350,
      method: 'auto',
      pass: 'number',
      createdBy: 'matcher',
    });
    expect(a?.score).toBeGreaterThanOrEqual(0.9);
    expect(a?.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['number', 'amount_exact']));
    expect(orderRow(t, o.id)).toMatchObject({ status: 'paid', paidMinor: 2350 });
    expect(postingRow(t, p.id)).toMatchObject({ matchState: 'assigned', assignedMinor: 2350 });
    expect(postingRow(t, noise.id)?.matchState).toBe('unassigned');
    expect(postingRow(t, debit.id)?.matchState).toBe('debit');
    const transfer = t.db.select().from(statusTransfers).where(eq(statusTransfers.orderId, o.id)).get();
    expect(transfer).toMatchObject({
      state: 'pending',
      targetStatus: 'paid',
      giveUpAt: '2026-11-09T09:00:00.000Z',
    });
    const audit = t.db.select().from(auditLog).all();
    expect(audit.map((e) => `${e.entityType}:${e.action}`)).toEqual(
      expect.arrayContaining([
        'assignment:created',
        'order:payment_assigned',
        'posting:assigned',
        'transfer:enqueued',
        'posting:marked_debit',
      ]),
    );

    const listed = (await t.call('assignments.list', {})) as { items: Record<string, unknown>[] };
    expect(listed.items[0]).toMatchObject({
      postingId: p.id,
      endToEndId: 'E2E-1',
      shop: shop.name,
      orderNumber: '10077',
      amountMinor: 2350,
      method: 'auto',
      pass: 'number',
    });
    // A second run changes nothing.
    expect(await t.call('matching.run')).toMatchObject({ auto: 0, assignmentsCreated: 0 });
  });

  it('orders that arrive later match postings already waiting', async () => {
    const t = setup();
    const p = makePosting(t.db, { remittance: 'Auftrag 88001', amountMinor: 1000 });
    expect(await t.call('matching.run')).toMatchObject({ auto: 0 });
    const o = makeOrder(t.db, { number: '88001', totalMinor: 1000 });
    expect(await t.call('matching.run')).toMatchObject({ auto: 1 });
    expect(orderRow(t, o.id)?.status).toBe('paid');
    expect(postingRow(t, p.id)?.matchState).toBe('assigned');
  });

  it('partial payments accumulate across runs; a tolerated shortfall counts as paid', async () => {
    const t = setup();
    const o = makeOrder(t.db, { number: '77001', totalMinor: 10000, customerName: 'Ali Kaya' });
    makePosting(t.db, { remittance: '77001 Teil 1', amountMinor: 6000, counterpartyName: 'Ali Kaya' });
    await t.call('matching.run');
    expect(orderRow(t, o.id)).toMatchObject({ status: 'partially_paid', paidMinor: 6000 });
    makePosting(t.db, { remittance: '77001 Rest', amountMinor: 3950, counterpartyName: 'Ali Kaya' });
    await t.call('matching.run');
    expect(orderRow(t, o.id)).toMatchObject({ status: 'paid', paidMinor: 9950 });
  });
});

describe('undo and returns', () => {
  it('undo restores the order, cancels a pending write-back, and the posting is not auto-assigned again', async () => {
    const t = setup();
    const o = makeOrder(t.db, { number: '10078', totalMinor: 2350 });
    const p = makePosting(t.db, { remittance: 'Bestellung 10078', amountMinor: 2350 });
    await t.call('matching.run');
    const a = t.db.select().from(assignments).where(eq(assignments.postingId, p.id)).get();
    if (!a) throw new Error('not assigned');
    const r = (await t.call('assignments.undo', { assignmentId: a.id, reason: 'wrong customer' })) as Record<
      string,
      unknown
    >;
    expect(r).toMatchObject({ orderStatus: 'open', transfer: 'cancelled_pending' });
    expect(orderRow(t, o.id)).toMatchObject({ status: 'open', paidMinor: 0 });
    expect(postingRow(t, p.id)).toMatchObject({ matchState: 'unassigned', assignedMinor: 0 });
    expect(t.db.select().from(statusTransfers).where(eq(statusTransfers.orderId, o.id)).get()?.state).toBe(
      'cancelled',
    );
    expect(await t.call('matching.run')).toMatchObject({ auto: 0, suggested: 1 });
    const queue = (await t.call('queue.list', {})) as {
      items: { posting: { id: number }; reasons: string[] }[];
    };
    expect(queue.items[0]?.reasons).toContain('assignment_undone_before');
    await expect(t.call('assignments.undo', { assignmentId: a.id })).rejects.toMatchObject({
      code: 'ASSIGNMENT_ALREADY_UNDONE',
    });
  });

  it('undo after the write-back was done enqueues a correction and tells the dealer', async () => {
    const t = setup();
    const o = makeOrder(t.db, { number: '10079', totalMinor: 2350, status: 'not_managed', managed: false });
    makePosting(t.db, { remittance: 'Bestellung 10079', amountMinor: 2350 });
    await t.call('matching.run');
    t.db.update(statusTransfers).set({ state: 'done' }).where(eq(statusTransfers.orderId, o.id)).run();
    const [a] = ((await t.call('assignments.list', {})) as { items: { id: number }[] }).items;
    const r = await t.call('assignments.undo', { assignmentId: a?.id });
    expect(r).toMatchObject({ orderStatus: 'not_managed', transfer: 'enqueued_correction' });
    const corrective = t.db
      .select()
      .from(statusTransfers)
      .where(and(eq(statusTransfers.orderId, o.id), eq(statusTransfers.state, 'pending')))
      .get();
    expect(corrective?.targetStatus).toBe('unpaid');
    expect(
      t.db
        .select()
        .from(dealerNotifications)
        .all()
        .map((n) => n.kind),
    ).toContain('paid_status_corrected');
  });

  it('queue.assign tells the UI what the dealer may not have meant: a cancelled order, a paid one, more than open', async () => {
    const t = setup();
    const cancelled = makeOrder(t.db, { number: '10071', totalMinor: 2000, status: 'cancelled' });
    const small = makeOrder(t.db, { number: '10072', totalMinor: 1000 });
    const fine = makeOrder(t.db, { number: '10073', totalMinor: 1000 });
    const assign = async (orderId: number, amountMinor: number) =>
      (await t.call('queue.assign', {
        postingId: makePosting(t.db, { remittance: 'Danke', amountMinor }).id,
        allocations: [{ orderId }],
      })) as { assignments: unknown[]; warnings: { code: string; orderId: number }[] };
    expect((await assign(cancelled.id, 2000)).warnings).toEqual([
      expect.objectContaining({ code: 'ASSIGN_ORDER_NOT_AWAITING_PAYMENT', orderId: cancelled.id }),
    ]);
    expect((await assign(small.id, 1500)).warnings).toEqual([
      expect.objectContaining({ code: 'ASSIGN_MORE_THAN_OPEN', orderId: small.id }),
    ]);
    expect((await assign(small.id, 500)).warnings).toEqual([
      expect.objectContaining({ code: 'ASSIGN_ORDER_ALREADY_PAID', orderId: small.id }),
    ]);
    const ok = await assign(fine.id, 1000);
    expect(ok.assignments).toHaveLength(1);
    expect(ok.warnings).toEqual([]);
  });

  it('paid again while the correction to "unpaid" waits: the two cancel out, and "paid" is never queued twice', async () => {
    const t = setup();
    const o = makeOrder(t.db, { number: '10081', totalMinor: 2350 });
    const first = makePosting(t.db, { remittance: 'Danke', amountMinor: 2350 });
    await t.call('queue.assign', { postingId: first.id, allocations: [{ orderId: o.id }] });
    t.db.update(statusTransfers).set({ state: 'done' }).where(eq(statusTransfers.orderId, o.id)).run();
    const [a] = ((await t.call('assignments.list', {})) as { items: { id: number }[] }).items;
    await t.call('assignments.undo', { assignmentId: a?.id });
    const second = makePosting(t.db, { remittance: 'Danke', amountMinor: 2350 });
    await t.call('queue.assign', { postingId: second.id, allocations: [{ orderId: o.id }] });
    const transfers = () =>
      t.db
        .select()
        .from(statusTransfers)
        .where(eq(statusTransfers.orderId, o.id))
        .all()
        .map((x) => [x.targetStatus, x.state]);
    // The shop still shows "paid" (the first write-back was done): nothing is left to send.
    expect(transfers()).toEqual([
      ['paid', 'done'],
      ['unpaid', 'cancelled'],
    ]);
    expect(orderRow(t, o.id)).toMatchObject({ status: 'paid', paidMinor: 2350 });
  });

  it('a return undoes the assignment it reverses and reopens the order', async () => {
    const t = setup();
    const o = makeOrder(t.db, { number: '10080', totalMinor: 4990 });
    const original = makePosting(t.db, {
      remittance: 'Bestellung 10080',
      amountMinor: 4990,
      endToEndId: 'E2E-RET-1',
    });
    await t.call('matching.run');
    expect(orderRow(t, o.id)?.status).toBe('paid');
    const ret = makePosting(t.db, {
      amountMinor: -4990,
      endToEndId: 'E2E-RET-1',
      bankTxCode: 'PMNT-RCDT-RRTN',
      remittance: 'RETOURE AC04 Konto erloschen',
      matchState: 'debit',
    });
    const summary = await t.call('matching.run');
    expect(summary).toMatchObject({ returns: 1, assignmentsUndone: 1 });
    expect(orderRow(t, o.id)).toMatchObject({ status: 'open', paidMinor: 0 });
    expect(postingRow(t, original.id)?.matchState).toBe('ignored');
    expect(postingRow(t, ret.id)?.matchState).toBe('assigned');
    expect(t.db.select().from(postingReturns).all()).toHaveLength(1);
    expect(
      t.db.select().from(assignments).where(eq(assignments.postingId, original.id)).get()?.undoReason,
    ).toContain(`posting ${ret.id}`);
    expect(await t.call('matching.run')).toMatchObject({ returns: 0, auto: 0 });
  });
});

describe('manual assignment and bank fees', () => {
  it('a posting that pays its last order short by a tolerated fee pays it; a larger gap or a split does not', async () => {
    const t = setup();
    const shop = makeShop(t.db, { settings: { matching: { toleranceAbsMinor: 100, tolerancePercent: 0 } } });
    const fee = makeOrder(t.db, { shopId: shop.id, number: '10090', totalMinor: 5000 });
    const gap = makeOrder(t.db, { shopId: shop.id, number: '10091', totalMinor: 5000 });
    const a = makeOrder(t.db, { shopId: shop.id, number: '10092', totalMinor: 1000 });
    const b = makeOrder(t.db, { shopId: shop.id, number: '10093', totalMinor: 2000 });
    const split = makeOrder(t.db, { shopId: shop.id, number: '10094', totalMinor: 3000 });
    const p1 = makePosting(t.db, { remittance: 'Danke', amountMinor: 4900 });
    const p2 = makePosting(t.db, { remittance: 'Danke', amountMinor: 4899 });
    const p3 = makePosting(t.db, { remittance: 'Danke', amountMinor: 2950 });
    const p4 = makePosting(t.db, { remittance: 'Danke', amountMinor: 3000 });
    const assign = (postingId: number, allocations: { orderId: number; amountMinor?: number }[]) =>
      t.call('queue.assign', { postingId, allocations }) as Promise<{
        assignments: { reasons: { kind: string; detail: string }[] }[];
      }>;
    const r1 = await assign(p1.id, [{ orderId: fee.id }]);
    expect(orderRow(t, fee.id)).toMatchObject({ status: 'paid', paidMinor: 4900 });
    expect(r1.assignments[0]?.reasons).toContainEqual({
      kind: 'shortfall_accepted',
      detail: '100 short, within tolerance',
      params: null,
    });
    await assign(p2.id, [{ orderId: gap.id }]);
    expect(orderRow(t, gap.id)).toMatchObject({ status: 'partially_paid', paidMinor: 4899 });
    // One transfer for two orders, short by the fee: the first gets its open amount, the last the rest.
    await assign(p3.id, [{ orderId: a.id }, { orderId: b.id }]);
    expect(orderRow(t, a.id)).toMatchObject({ status: 'paid', paidMinor: 1000 });
    expect(orderRow(t, b.id)).toMatchObject({ status: 'paid', paidMinor: 1950 });
    // Amounts that leave part of the posting unassigned are a split the dealer chose: no fee accepted.
    await assign(p4.id, [{ orderId: split.id, amountMinor: 2950 }]);
    expect(orderRow(t, split.id)).toMatchObject({ status: 'partially_paid', paidMinor: 2950 });
  });
});

describe('taking back a processed return', () => {
  /** An order paid automatically (with an accepted fee shortfall), then returned by a debit the matcher processed. */
  async function returned(t: ReturnType<typeof setup>) {
    const o = makeOrder(t.db, { number: '10082', totalMinor: 5000, customerName: 'Jana Berg' });
    const payment = makePosting(t.db, {
      remittance: 'Bestellung 10082',
      amountMinor: 4950,
      counterpartyName: 'Jana Berg',
      endToEndId: 'E2E-RET-2',
    });
    await t.call('matching.run');
    expect(orderRow(t, o.id)).toMatchObject({ status: 'paid', paidMinor: 4950 });
    const debit = makePosting(t.db, {
      amountMinor: -4950,
      endToEndId: 'E2E-RET-2',
      remittance: 'RUECKLASTSCHRIFT AC04',
      matchState: 'debit',
    });
    expect(await t.call('matching.run')).toMatchObject({ returns: 1, assignmentsUndone: 1 });
    expect(orderRow(t, o.id)).toMatchObject({ status: 'open', paidMinor: 0 });
    const original = t.db.select().from(assignments).where(eq(assignments.postingId, payment.id)).get();
    if (!original) throw new Error('not assigned');
    return { o, payment, debit, original };
  }

  it('assigns the reversed payment again as it was, pays the order again, and sets the debit aside', async () => {
    const t = setup();
    const { o, payment, debit, original } = await returned(t);
    const r = (await t.call('returns.undo', { postingId: debit.id, reason: 'our own refund' })) as {
      postingId: number;
      matchState: string;
      assignments: Record<string, unknown>[];
    };
    expect(r).toMatchObject({ postingId: debit.id, matchState: 'ignored' });
    expect(r.assignments).toHaveLength(1);
    expect(r.assignments[0]).toMatchObject({
      postingId: payment.id,
      orderId: o.id,
      amountMinor: 4950,
      method: original.method,
      pass: original.pass,
      score: original.score,
      undoneAt: null,
    });
    expect(r.assignments[0]?.['id']).not.toBe(original.id);
    // The fee shortfall the first assignment accepted is accepted again: paid, not partially paid.
    expect(orderRow(t, o.id)).toMatchObject({ status: 'paid', paidMinor: 4950 });
    expect(postingRow(t, payment.id)).toMatchObject({ matchState: 'assigned', assignedMinor: 4950 });
    expect(postingRow(t, debit.id)?.matchState).toBe('ignored');
    expect(t.db.select().from(postingReturns).all()).toHaveLength(0);
    const kinds = t.db
      .select()
      .from(assignments)
      .where(eq(assignments.postingId, payment.id))
      .all()
      .map((a) => [a.undoneAt === null, a.reasons.map((s) => s.kind)]);
    expect(kinds).toEqual([
      [false, expect.arrayContaining(['number', 'shortfall_accepted'])],
      [true, expect.arrayContaining(['number', 'shortfall_accepted', 'return_taken_back'])],
    ]);
    // "paid" goes to the shop again (the return had cancelled the pending write-back).
    const pending = t.db
      .select()
      .from(statusTransfers)
      .where(and(eq(statusTransfers.orderId, o.id), eq(statusTransfers.state, 'pending')))
      .all();
    expect(pending.map((x) => x.targetStatus)).toEqual(['paid']);
    const audit = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'posting'), eq(auditLog.entityId, String(debit.id))))
      .all()
      .map((a) => a.action);
    expect(audit).toContain('return_taken_back');
    // The next run reads the debit as a return no more, and leaves the payment assigned.
    expect(await t.call('matching.run')).toMatchObject({ returns: 0, auto: 0, assignmentsUndone: 0 });
    expect(orderRow(t, o.id)?.status).toBe('paid');
    // Put back for matching by the dealer, the debit is that return again.
    await t.call('queue.ignore', { postingId: debit.id, undo: true });
    // Back to what the import made of it: a debit, not an incoming payment waiting for an order.
    expect(postingRow(t, debit.id)?.matchState).toBe('debit');
    expect(await t.call('matching.run')).toMatchObject({ returns: 1, assignmentsUndone: 1 });
    expect(orderRow(t, o.id)).toMatchObject({ status: 'open', paidMinor: 0 });
  });

  it('refuses a posting that returned nothing, and a payment assigned otherwise since (changing nothing)', async () => {
    const t = setup();
    const { o, payment, debit } = await returned(t);
    await expect(t.call('returns.undo', { postingId: payment.id })).rejects.toMatchObject({
      code: 'RETURN_NOT_PROCESSED',
    });
    await expect(t.call('returns.undo', { postingId: 999999 })).rejects.toMatchObject({
      code: 'POSTING_NOT_FOUND',
    });
    // The dealer put the payment back and assigned it to another order in the meantime.
    const other = makeOrder(t.db, { number: '10083', totalMinor: 4950 });
    await t.call('queue.ignore', { postingId: payment.id, undo: true });
    await t.call('queue.assign', { postingId: payment.id, allocations: [{ orderId: other.id }] });
    await expect(t.call('returns.undo', { postingId: debit.id })).rejects.toMatchObject({
      code: 'RETURN_PAYMENT_REASSIGNED',
      message: expect.stringContaining(`Posting ${payment.id}`),
    });
    expect(postingRow(t, debit.id)?.matchState).toBe('assigned');
    expect(t.db.select().from(postingReturns).all()).toHaveLength(1);
    expect(orderRow(t, o.id)).toMatchObject({ status: 'open', paidMinor: 0 });
    await expect(t.call('returns.undo', { postingId: 'x' })).rejects.toMatchObject({
      code: 'API_INVALID_INPUT',
    });
  });
});

describe('returns found by text', () => {
  it('a Rücklastschrift naming the (paid, no longer open) order reverses its assignment', async () => {
    const t = setup();
    const o = makeOrder(t.db, { number: '10081', totalMinor: 1500, customerName: 'Eva Roth' });
    const original = makePosting(t.db, {
      remittance: 'Bestellung 10081',
      amountMinor: 1500,
      counterpartyName: 'Eva Roth',
    });
    await t.call('matching.run');
    expect(orderRow(t, o.id)?.status).toBe('paid');
    makePosting(t.db, {
      amountMinor: -1500,
      bankTxCode: '109',
      remittance: 'RUECKLASTSCHRIFT Bestellung 10081 MD06',
      endToEndId: 'NOTPROVIDED',
    });
    expect(await t.call('matching.run')).toMatchObject({ returns: 1 });
    expect(orderRow(t, o.id)).toMatchObject({ status: 'open', paidMinor: 0 });
    expect(postingRow(t, original.id)?.matchState).toBe('ignored');
  });
});

describe('manual queue', () => {
  it('lists unassigned postings with ranked candidates and reasons', async () => {
    const t = setup();
    const a = makeOrder(t.db, { customerName: 'Thomas Müller', totalMinor: 2990 });
    const b = makeOrder(t.db, { customerName: 'Thomas Müller', totalMinor: 2990 });
    const p = makePosting(t.db, {
      counterpartyName: 'MUELLER THOMAS',
      amountMinor: 2990,
      remittance: 'Danke',
    });
    await t.call('matching.run');
    const q = (await t.call('queue.list', { limit: 10 })) as {
      total: number;
      items: {
        posting: { id: number };
        band: string;
        reasons: string[];
        candidates: { orderIds: number[]; signals: { kind: string }[]; orders: { number: string }[] }[];
      }[];
    };
    expect(q.total).toBe(1);
    const item = q.items[0];
    expect(item?.posting.id).toBe(p.id);
    expect(item?.band).toBe('suggest');
    expect(item?.reasons).toContain('ambiguous_same_amount_same_name');
    expect(item?.candidates.map((c) => c.orderIds[0]).sort()).toEqual([a.id, b.id].sort());
    expect(item?.candidates[0]?.signals.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['name_exact', 'amount_exact']),
    );
    // The candidate's order summary is the order it names.
    const first = item?.candidates[0];
    expect(first?.orders[0]?.number).toBe([a, b].find((o) => o.id === first?.orderIds[0])?.number);
  });

  it('learns nothing from a payment through a money transfer service (its collection account is shared)', async () => {
    const t = setup();
    const shop = makeShop(t.db);
    // A new order of John Smith's over `totalMinor`, paid in full by a posting from `payer`, assigned by hand.
    const payByHand = async (
      totalMinor: number,
      payer: { counterpartyName: string; counterpartyIban: string; remittance: string },
    ) => {
      const order = makeOrder(t.db, {
        shopId: shop.id,
        customerName: 'John Smith',
        email: 'john@example.org',
        totalMinor,
      });
      const posting = makePosting(t.db, { ...payer, amountMinor: totalMinor });
      await t.call('queue.assign', { postingId: posting.id, allocations: [{ orderId: order.id }] });
      expect(orderRow(t, order.id)?.status).toBe('paid');
    };
    await payByHand(4990, {
      counterpartyName: 'TransferWise Europe SA',
      counterpartyIban: 'BE48967040785427',
      remittance: 'Payment',
    });
    expect(t.db.select().from(payerFacts).all()).toEqual([]);
    // The customer's own account teaches as before.
    await payByHand(1990, {
      counterpartyName: 'Anna Smith',
      counterpartyIban: 'DE02120300000000202051',
      remittance: 'Danke',
    });
    expect(
      t.db
        .select()
        .from(payerFacts)
        .all()
        .map((f) => f.kind)
        .sort(),
    ).toEqual(['alias', 'iban']);
  });

  it('assigns one posting to several orders with amounts, learns the IBAN, and uses it next time', async () => {
    const t = setup();
    const shop = makeShop(t.db);
    const o1 = makeOrder(t.db, {
      shopId: shop.id,
      customerName: 'Lena Vogel',
      email: 'lena@example.org',
      totalMinor: 1000,
    });
    const o2 = makeOrder(t.db, {
      shopId: shop.id,
      customerName: 'Lena Vogel',
      email: 'lena@example.org',
      totalMinor: 2000,
    });
    const o3 = makeOrder(t.db, {
      shopId: shop.id,
      customerName: 'Lena Vogel',
      email: 'lena@example.org',
      totalMinor: 4444,
      number: 'X-1',
    });
    const p = makePosting(t.db, {
      counterpartyName: 'Hans Vogel',
      counterpartyIban: 'DE02120300000000202051',
      amountMinor: 3000,
      remittance: 'Danke',
    });
    const res = (await t.call('queue.assign', {
      postingId: p.id,
      allocations: [{ orderId: o1.id, amountMinor: 1000 }, { orderId: o2.id }],
    })) as { assignments: { orderId: number; amountMinor: number; method: string }[] };
    expect(res.assignments.map((x) => [x.orderId, x.amountMinor, x.method]).sort()).toEqual(
      [
        [o1.id, 1000, 'manual'],
        [o2.id, 2000, 'manual'],
      ].sort(),
    );
    expect(orderRow(t, o1.id)?.status).toBe('paid');
    expect(orderRow(t, o2.id)?.status).toBe('paid');
    expect(postingRow(t, p.id)?.matchState).toBe('assigned');
    const facts = t.db.select().from(payerFacts).all();
    expect(facts.map((f) => `${f.kind}:${f.payerKey}:${f.customerKey}:${f.confirmations}`).sort()).toEqual([
      'alias:hans vogel:email:lena@example.org:2',
      'iban:DE02120300000000202051:email:lena@example.org:2',
    ]);
    // Next payment from the same IBAN, other payer name, exact amount of the third order: automatic.
    const next = makePosting(t.db, {
      counterpartyName: 'H. Vogel',
      counterpartyIban: 'DE02 1203 0000 0000 2020 51',
      amountMinor: 4444,
      remittance: 'Gruss',
    });
    await t.call('matching.run');
    const auto = t.db.select().from(assignments).where(eq(assignments.postingId, next.id)).get();
    expect(auto).toMatchObject({ orderId: o3.id, method: 'auto', pass: 'payer' });
    expect(auto?.reasons.map((r) => r.kind)).toContain('iban_learned');
    // Undoing a manual assignment takes the lesson back.
    const manual = t.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.postingId, p.id), eq(assignments.orderId, o1.id)))
      .get();
    await t.call('assignments.undo', { assignmentId: manual?.id });
    expect(
      t.db
        .select()
        .from(payerFacts)
        .all()
        .every((f) => f.confirmations === 1),
    ).toBe(true);
    expect(orderRow(t, o1.id)?.status).toBe('open');
    expect(postingRow(t, p.id)).toMatchObject({ matchState: 'partially_assigned', assignedMinor: 2000 });
  });

  it('rejects inconsistent manual assignments with actionable codes', async () => {
    const t = setup();
    const o = makeOrder(t.db, { totalMinor: 1000 });
    const chf = makeOrder(t.db, { totalMinor: 1000, currency: 'CHF' });
    const p = makePosting(t.db, { amountMinor: 1000 });
    const debit = makePosting(t.db, { amountMinor: -1000 });
    await expect(
      t.call('queue.assign', { postingId: p.id, allocations: [{ orderId: o.id, amountMinor: 1500 }] }),
    ).rejects.toMatchObject({
      code: 'ASSIGN_EXCEEDS_POSTING',
      // In the posting's currency, not in minor units.
      message: expect.stringContaining('has 10.00 EUR left to assign; 15.00 EUR were requested') as unknown,
    });
    await expect(
      t.call('queue.assign', { postingId: p.id, allocations: [{ orderId: chf.id }] }),
    ).rejects.toMatchObject({ code: 'ASSIGN_CURRENCY_MISMATCH' });
    await expect(
      t.call('queue.assign', { postingId: debit.id, allocations: [{ orderId: o.id }] }),
    ).rejects.toMatchObject({ code: 'POSTING_NOT_CREDIT' });
    await expect(
      t.call('queue.assign', { postingId: p.id, allocations: [{ orderId: 999999 }] }),
    ).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
    // Nothing was half-written.
    expect(t.db.select().from(assignments).all()).toHaveLength(0);
    expect(postingRow(t, p.id)?.assignedMinor).toBe(0);
  });

  it('marks a posting "not an order payment" and takes it back', async () => {
    const t = setup();
    makeOrder(t.db, { totalMinor: 1000 });
    const p = makePosting(t.db, { amountMinor: 1000 });
    expect(await t.call('queue.ignore', { postingId: p.id, note: 'Privateinlage' })).toEqual({
      postingId: p.id,
      matchState: 'ignored',
    });
    expect(((await t.call('queue.list', {})) as { total: number }).total).toBe(0);
    await expect(
      t.call('queue.assign', { postingId: p.id, allocations: [{ orderId: 1 }] }),
    ).rejects.toMatchObject({ code: 'POSTING_IGNORED' });
    expect(await t.call('queue.ignore', { postingId: p.id, undo: true })).toEqual({
      postingId: p.id,
      matchState: 'unassigned',
    });
    expect(((await t.call('queue.list', {})) as { total: number }).total).toBe(1);
  });

  it('searches open orders by number, name (umlauts), e-mail and amount', async () => {
    const t = setup();
    const a = makeOrder(t.db, { number: 'WC-4711', customerName: 'Jürgen Müller', totalMinor: 4990 });
    const b = makeOrder(t.db, {
      number: 'WC-4712',
      customerName: 'Anna Schmidt',
      email: 'anna@shop.de',
      totalMinor: 1234,
    });
    makeOrder(t.db, {
      number: 'WC-4713',
      customerName: 'Jürgen Müller',
      totalMinor: 4990,
      status: 'paid',
      paidMinor: 4990,
    });
    const ids = async (input: unknown) =>
      ((await t.call('orders.search', input)) as { items: { id: number }[] }).items.map((i) => i.id);
    expect(await ids({ query: 'wc4711' })).toEqual([a.id]);
    expect(await ids({ query: 'juergen mueller' })).toEqual([a.id]);
    expect(await ids({ query: 'anna@shop' })).toEqual([b.id]);
    expect(await ids({ amountMinor: 1234 })).toEqual([b.id]);
    expect((await ids({ query: 'Müller', includeClosed: true })).length).toBe(2);
    // A short name is no part of a reference: "Max" does not find an order whose reference contains MAX.
    const c = makeOrder(t.db, { number: 'WC-4714', customerName: 'Eva Koch', paymentReference: 'KW7MAXR2Q' });
    expect(await ids({ query: 'max' })).toEqual([]);
    expect(await ids({ query: 'kw7max' })).toEqual([c.id]);
    expect(await ids({ query: '7MAXR' })).toEqual([c.id]);
    expect(await ids({ query: '4714' })).toEqual([c.id]);
  });

  it('validates input with zod before any handler runs', async () => {
    const t = setup();
    await expect(t.call('queue.assign', { postingId: 1, allocations: [] })).rejects.toMatchObject({
      code: 'API_INVALID_INPUT',
    });
    await expect(
      t.call('queue.assign', { postingId: 'x', allocations: [{ orderId: 1 }] }),
    ).rejects.toMatchObject({ code: 'API_INVALID_INPUT' });
    await expect(t.call('queue.list', { limit: 0 })).rejects.toMatchObject({ code: 'API_INVALID_INPUT' });
    await expect(t.call('assignments.undo', { assignmentId: -1 })).rejects.toMatchObject({
      code: 'API_INVALID_INPUT',
    });
    await expect(t.call('orders.search', { unknown: 1 })).rejects.toMatchObject({
      code: 'API_INVALID_INPUT',
    });
  });

  it('gives each order a unique payment reference once', () => {
    const t = setup();
    const o = makeOrder(t.db);
    const ref = t.core.matching.ensurePaymentReference(o.id);
    expect(t.core.matching.ensurePaymentReference(o.id)).toBe(ref);
    makeOrder(t.db);
    makeOrder(t.db, { status: 'paid' });
    expect(t.core.matching.assignMissingReferences()).toBe(1);
    const refs = t.db
      .select()
      .from(orders)
      .all()
      .map((r) => r.paymentReference)
      .filter(Boolean);
    expect(new Set(refs).size).toBe(refs.length);
  });
});
