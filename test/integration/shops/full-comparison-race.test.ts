/**
 * The full comparison asks the shop about every order we wait for, then applies what it learned. A payment
 * assigned meanwhile (the dealer in the app, an import and its matcher run in the same process) must survive:
 * found by the lifecycle probe, where the order ended "removed externally" with its payment wiped.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { assignments, orders } from '#core/db/schema/index.ts';
import { makeBankAccount, makePosting } from '../../helpers/factories.ts';
import { AFTER, connectWoo, setupWoo } from './support.ts';

describe('full comparison while a payment is assigned', () => {
  it('keeps the payment of an order deleted in the shop and assigned while the shop was asked', async () => {
    const s = await setupWoo();
    await connectWoo(s);
    s.sim.setTime(AFTER);
    const gone = s.sim.addOrder({ status: 'on-hold', payment_method: 'bacs', total: '40.00' });
    await s.area.sync.run('Woo', 'new');
    const row = () =>
      s.db
        .select()
        .from(orders)
        .where(eq(orders.externalId, String(gone.id)))
        .get();
    const orderId = row()?.id as number;
    s.sim.deleteOrder(gone.id);
    const account = makeBankAccount(s.db);
    const posting = makePosting(s.db, { bankAccountId: account.id, amountMinor: 4000, remittance: 'Danke' });
    // The dealer assigns the payment while the comparison's request is on its way (a fault queue entry that
    // matches nothing serves as the hook: it runs for each request the simulator receives).
    let assigned = false;
    s.sim.fault(
      { kind: 'status', status: 500 },
      {
        match: (req) => {
          if (!assigned && req.method === 'GET' && req.query.has('include')) {
            assigned = true;
            s.core.matching.assign({ postingId: posting.id, allocations: [{ orderId }] });
          }
          return false;
        },
      },
    );
    const run = await s.area.sync.run('Woo', 'full');
    expect(assigned).toBe(true);
    expect(run.state).toBe('ok');
    const active = s.db.select().from(assignments).where(eq(assignments.orderId, orderId)).all();
    expect(active.filter((a) => !a.undoneAt).map((a) => a.amountMinor)).toEqual([4000]);
    // The payment stays on the order, whatever the shop's deletion made of its status; and it can be undone.
    expect(row()?.paidMinor).toBe(4000);
    const [a] = s.core.matching.assignments({ orderId });
    expect(() => s.core.matching.undo({ assignmentId: a?.id as number })).not.toThrow();
  });
});
