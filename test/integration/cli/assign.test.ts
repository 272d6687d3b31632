/**
 * What a newcomer's walkthrough of the command line ran into: each case is the command as a user types it,
 * through the real `kassenwart` child process (test/helpers/cli.ts).
 */
import { describe, expect, it } from 'vitest';
import { makeOrder, makePosting, makeShop } from '../../helpers/factories.ts';
import { freshDb, json } from './support.ts';

describe('assign: naming orders, amounts, warnings', () => {
  it('names an order by id with id:N when its number is ambiguous, as the advice says', () => {
    const { fill, cli } = freshDb();
    const { posting, a, b, trap } = fill((db) => {
      const shopA = makeShop(db, { name: 'A' });
      const shopB = makeShop(db, { name: 'B' });
      const a = makeOrder(db, { shopId: shopA.id, number: '5001', totalMinor: 1000 });
      const b = makeOrder(db, { shopId: shopB.id, number: '5001', totalMinor: 1000 });
      // An order whose NUMBER is order a's id: "1" alone names this one, not order a.
      const trap = makeOrder(db, { shopId: shopB.id, number: String(a.id), totalMinor: 1000 });
      return { posting: makePosting(db, { amountMinor: 300 }), a, b, trap };
    });
    const ambiguous = cli('assign', String(posting.id), '5001:1,00');
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toContain('ORDER_AMBIGUOUS');
    expect(ambiguous.stderr).toContain(`id:${a.id} or id:${b.id}`);

    const byId = json<{ assignments: { orderId: number; amountMinor: number }[] }>(
      cli('--json', 'assign', String(posting.id), `id:${a.id}:1,00`, `id:${b.id}`),
    );
    expect(byId.assignments.map((x) => [x.orderId, x.amountMinor]).sort((x, y) => x[0]! - y[0]!)).toEqual([
      [a.id, 100],
      [b.id, 200],
    ]);
    expect(byId.assignments.map((x) => x.orderId)).not.toContain(trap.id);

    // assignments --order takes id:N; bare digits are an id as they always were, and refused when they are one
    // order's id and another order's number (here a's id is the trap's number); an unknown posting is said so.
    const forA = json<{ items: { orderId: number }[] }>(
      cli('--json', 'assignments', '--order', `id:${a.id}`),
    );
    expect(forA.items.map((x) => x.orderId)).toEqual([a.id]);
    const twoMeanings = cli('assignments', '--order', String(a.id));
    expect(twoMeanings.status).toBe(1);
    expect(twoMeanings.stderr).toContain('ORDER_AMBIGUOUS');
    expect(twoMeanings.stderr).toContain(`id:${a.id}`);
    const byBareId = json<{ items: { orderId: number }[] }>(
      cli('--json', 'assignments', '--order', String(b.id)),
    );
    expect(byBareId.items.map((x) => x.orderId)).toEqual([b.id]);
    const noPosting = cli('assignments', '--posting', '99999');
    expect(noPosting.status).toBe(1);
    expect(noPosting.stderr).toContain('POSTING_NOT_FOUND');
    const noOrder = cli('assignments', '--order', 'id:99999');
    expect(noOrder.status).toBe(1);
    expect(noOrder.stderr).toContain('ORDER_NOT_FOUND');
  });

  it('warns when a manual assignment pays a cancelled or paid order or more than open; refuses amounts <= 0', () => {
    const { fill, cli } = freshDb();
    const { posting, cancelled, paid, open } = fill((db) => {
      const shop = makeShop(db, { name: 'Laden' });
      return {
        posting: makePosting(db, { amountMinor: 10000 }),
        cancelled: makeOrder(db, { shopId: shop.id, number: 'C-1', status: 'cancelled', totalMinor: 1000 }),
        paid: makeOrder(db, {
          shopId: shop.id,
          number: 'P-1',
          status: 'paid',
          totalMinor: 1000,
          paidMinor: 1000,
        }),
        open: makeOrder(db, { shopId: shop.id, number: 'O-1', totalMinor: 1000 }),
      };
    });
    for (const amount of ['-5', '0', '0,00']) {
      const r = cli('assign', String(posting.id), `O-1:${amount}`);
      expect(r.status, amount).toBe(1);
      expect(r.stderr).toContain('ASSIGN_AMOUNT_INVALID');
      expect(r.stderr).toContain('more than zero');
    }
    const r = json<{
      assignments: unknown[];
      warnings: { code: string; orderId: number; message: string }[];
    }>(cli('--json', 'assign', String(posting.id), 'C-1:10', 'P-1:10', 'O-1:25'));
    expect(r.assignments).toHaveLength(3);
    expect(r.warnings.map((w) => [w.code, w.orderId])).toHaveLength(3);
    expect(r.warnings.map((w) => [w.code, w.orderId])).toEqual(
      expect.arrayContaining([
        ['ASSIGN_ORDER_NOT_AWAITING_PAYMENT', cancelled.id],
        ['ASSIGN_ORDER_ALREADY_PAID', paid.id],
        ['ASSIGN_MORE_THAN_OPEN', open.id],
      ]),
    );
    const more = r.warnings.find((w) => w.code === 'ASSIGN_MORE_THAN_OPEN');
    expect(more?.message).toContain('10.00 EUR open; 25.00 EUR were assigned');
    expect(more?.message).toMatch(/kassenwart unassign \d+/);

    const again = cli('assign', String(posting.id), 'O-1:5');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('warning ASSIGN_ORDER_ALREADY_PAID');
  });

  it('unreturn of a posting that returned nothing points to an option that exists (assignments --all)', () => {
    const { fill, cli } = freshDb();
    const debit = fill((db) => makePosting(db, { amountMinor: -4990, remittance: 'Miete' }));
    const r = cli('unreturn', String(debit.id));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('RETURN_NOT_PROCESSED');
    expect(r.stderr).toContain('kassenwart assignments --all');
    expect(cli('assignments', '--all').status).toBe(0);
  });
});
