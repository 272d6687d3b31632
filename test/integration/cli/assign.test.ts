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
      // An order whose NUMBER is order a's id: bare digits are refused as ambiguous, in assign as in assignments.
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

  it('bare digits fit a number written with a prefix, "#" or leading zeros: refused when another order has them as its id', () => {
    const { fill, cli } = freshDb();
    const { posting, first, shopify, woo, padded } = fill((db) => {
      const shopifyShop = makeShop(db, { name: 'Shopify' });
      const wooShop = makeShop(db, { name: 'Woo' });
      const first = makeOrder(db, { shopId: wooShop.id, number: 'WC-7001', totalMinor: 1000 });
      // Shopify's order names start with "#": "#<first's id>" is what a bookkeeper types as bare digits.
      const shopify = makeOrder(db, { shopId: shopifyShop.id, number: `#${first.id}`, totalMinor: 1000 });
      const woo = makeOrder(db, { shopId: wooShop.id, number: 'WC-88123', totalMinor: 1000 });
      const padded = makeOrder(db, { shopId: shopifyShop.id, number: '00099321', totalMinor: 1000 });
      return { posting: makePosting(db, { amountMinor: 1000 }), first, shopify, woo, padded };
    });
    const both = cli('assign', String(posting.id), String(first.id));
    expect(both.status).toBe(1);
    expect(both.stderr).toContain('ORDER_AMBIGUOUS');
    expect(both.stderr).toContain(`id:${first.id} or id:${shopify.id}`);
    // Digits that only one order's number has name it, whatever its prefix or leading zeros.
    for (const [typed, order] of [
      ['88123', woo],
      ['99321', padded],
      ['0099321', padded],
    ] as const) {
      const r = json<{ assignments: { id: number; orderId: number }[] }>(
        cli('--json', 'assign', String(posting.id), `${typed}:1,00`),
      );
      expect(
        r.assignments.map((a) => a.orderId),
        typed,
      ).toEqual([order.id]);
    }
  });

  it("assign resolves bare digits like assignments --order: one order's id and another's number is refused", () => {
    const { fill, cli } = freshDb();
    const { posting, woo, other, plain } = fill((db) => {
      const wooShop = makeShop(db, { name: 'Woo' });
      const otherShop = makeShop(db, { name: 'Rechnungen' });
      const woo = makeOrder(db, { shopId: wooShop.id, number: '1003', totalMinor: 1000 });
      // The other shop numbers its orders 1, 2, 3, ...: its order "<woo's id>" is another order.
      const plain = makeOrder(db, { shopId: otherShop.id, number: 'R-1', totalMinor: 1000 });
      const other = makeOrder(db, { shopId: otherShop.id, number: String(woo.id), totalMinor: 1000 });
      return { posting: makePosting(db, { amountMinor: 1000 }), woo, other, plain };
    });
    expect(other.id).not.toBe(woo.id);
    for (const args of [
      ['assign', String(posting.id), String(woo.id)],
      ['assign', String(posting.id), `${woo.id}:5,00`],
      ['assignments', '--order', String(woo.id)],
    ]) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toContain('ORDER_AMBIGUOUS');
      // "R-1" of the other shop is written with the same digits: all three are named.
      expect(r.stderr).toContain(`id:${woo.id} or id:${plain.id} or id:${other.id}`);
    }
    expect(json<{ items: unknown[] }>(cli('--json', 'assignments', '--all')).items).toEqual([]);

    // Written unambiguously, each names its order; an id nobody uses as a number stays the id.
    const byId = json<{ assignments: { orderId: number; amountMinor: number }[] }>(
      cli(
        '--json',
        'assign',
        String(posting.id),
        `id:${woo.id}:4,00`,
        `id:${other.id}:1,00`,
        String(plain.id),
      ),
    );
    expect(byId.assignments.map((a) => [a.orderId, a.amountMinor]).sort((x, y) => x[0]! - y[0]!)).toEqual(
      [
        [woo.id, 400],
        [other.id, 100],
        [plain.id, 500],
      ].sort((x, y) => x[0]! - y[0]!),
    );
  });

  it('amounts: a thousands dot or comma before three digits is refused as ambiguous; clear writings work', () => {
    const { fill, cli } = freshDb();
    const { posting } = fill((db) => {
      const shop = makeShop(db, { name: 'Laden' });
      makeOrder(db, { shopId: shop.id, number: '10001', totalMinor: 150000 });
      makeOrder(db, {
        shopId: shop.id,
        number: '10002',
        totalMinor: 15000,
        status: 'paid',
        paidMinor: 15000,
      });
      for (const number of ['A-1', 'A-2', 'A-3'])
        makeOrder(db, { shopId: shop.id, number, totalMinor: 100000 });
      return { posting: makePosting(db, { amountMinor: 500000 }) };
    });
    for (const amount of ['1.000', '1,000', '1.234']) {
      const r = cli('assign', String(posting.id), `10001:${amount}`);
      expect(r.status, amount).toBe(1);
      expect(r.stderr).toContain('MONEY_AMBIGUOUS');
      expect(r.stderr).toMatch(/Write 1\d\d\d or 1\d\d\d,00/);
    }
    const search = cli('search', '--all', '--amount', '150.000');
    expect(search.status).toBe(1);
    expect(search.stderr).toContain('MONEY_AMBIGUOUS');
    expect(search.stderr).toContain('Write 150000 or 150000,00 for the first, 150,00 for the second');
    const found = (amount: string) =>
      json<{ items: { number: string }[] }>(cli('--json', 'search', '--all', '--amount', amount)).items.map(
        (o) => o.number,
      );
    expect(found('1.500,00')).toEqual(['10001']);
    expect(found('1,500.00')).toEqual(['10001']);
    expect(found('1500')).toEqual(['10001']);
    expect(found('150,00')).toEqual(['10002']);
    expect(found('150.0')).toEqual(['10002']);

    const r = json<{ assignments: { orderNumber: string; amountMinor: number }[] }>(
      cli('--json', 'assign', String(posting.id), '10001:1.000,00', 'A-1:1,000.00', 'A-2:10,5', 'A-3:10.50'),
    );
    expect(Object.fromEntries(r.assignments.map((a) => [a.orderNumber, a.amountMinor]))).toEqual({
      '10001': 100000,
      'A-1': 100000,
      'A-2': 1050,
      'A-3': 1050,
    });
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
