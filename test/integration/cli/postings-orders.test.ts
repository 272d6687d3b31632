/**
 * What a newcomer's walkthrough of the command line ran into: each case is the command as a user types it,
 * through the real `kassenwart` child process (test/helpers/cli.ts).
 */
import { describe, expect, it } from 'vitest';
import { makeBankAccount, makeOrder, makePosting, makeShop } from '../../helpers/factories.ts';
import { freshDb, json } from './support.ts';

describe('postings and orders', () => {
  it('refuses --from/--to that are no YYYY-MM-DD date with a usage error naming the option', () => {
    const { fill, cli } = freshDb();
    fill((db) => {
      const account = makeBankAccount(db);
      makePosting(db, { bankAccountId: account.id, bookingDate: '2026-11-02' });
      makePosting(db, { bankAccountId: account.id, bookingDate: '2026-10-02' });
    });
    for (const [option, value] of [
      ['--from', 'foo'],
      ['--to', '02.11.2026'],
      ['--from', '2026-02-30'],
      ['--to', '2026-1-5'],
    ] as const) {
      const r = cli('postings', option, value);
      expect(r.status, `${option} ${value}`).toBe(2);
      expect(r.stderr).toContain(option);
      expect(r.stderr).toContain('YYYY-MM-DD');
    }
    const page = json<{ total: number }>(
      cli('--json', 'postings', '--from', '2026-11-01', '--to', '2026-11-02'),
    );
    expect(page.total).toBe(1);
  });

  it('lists pending postings (no booking date yet) by their value date among the booked ones, newest first', () => {
    const { fill, cli } = freshDb();
    const ids = fill((db) => {
      const account = makeBankAccount(db);
      const booked = (date: string) =>
        makePosting(db, { bankAccountId: account.id, bookingDate: date, valueDate: date }).id;
      const pending = (date: string) =>
        makePosting(db, {
          bankAccountId: account.id,
          bookingDate: null,
          valueDate: date,
          bookingStatus: 'pending',
        }).id;
      // Inserted in an order unlike the dates, so the id (import order) cannot give the expected order.
      return {
        pendingNewest: pending('2026-11-20'),
        booked2019: booked('2019-03-01'),
        pending2019: pending('2019-02-01'),
        bookedNov: booked('2026-11-10'),
        pendingOct: pending('2026-10-15'),
      };
    });
    type Page = { total: number; items: { id: number }[] };
    const all = json<Page>(cli('--json', 'postings'));
    expect(all.items.map((p) => p.id)).toEqual([
      ids.pendingNewest,
      ids.bookedNov,
      ids.pendingOct,
      ids.booked2019,
      ids.pending2019,
    ]);
    const pending = json<Page>(cli('--json', 'postings', '--status', 'pending'));
    expect(pending.items.map((p) => p.id)).toEqual([ids.pendingNewest, ids.pendingOct, ids.pending2019]);
    const november = json<Page>(cli('--json', 'postings', '--from', '2026-11-01', '--limit', '1'));
    expect(november).toMatchObject({ total: 2, items: [{ id: ids.pendingNewest }] });

    // --limit 0 printed nothing but the total; it is a usage error now, as for queue.
    for (const command of ['postings', 'queue']) {
      const r = cli(command, '--limit', '0');
      expect(r.status, command).toBe(2);
      expect(r.stderr).toContain('--limit');
    }
  });

  it('shows the posting id (for assign / ignore) and the order id (for assign / assignments --order)', () => {
    const { fill, cli } = freshDb();
    const { posting, order, unmanaged } = fill((db) => {
      const shop = makeShop(db, { name: 'Laden' });
      return {
        posting: makePosting(db, { remittance: 'Danke' }),
        order: makeOrder(db, { shopId: shop.id, number: 'WC-7', customerName: 'Eva Koch' }),
        unmanaged: makeOrder(db, {
          shopId: shop.id,
          number: 'WC-8',
          status: 'not_managed',
          managed: false,
        }),
      };
    });
    const postings = cli('postings');
    expect(postings.stdout).toMatch(new RegExp(`^#${posting.id} `, 'm'));
    expect(postings.stdout).toContain('1 posting\n'); // singular
    const orders = cli('orders');
    expect(orders.stdout).toMatch(new RegExp(`^id:${order.id} +Laden +WC-7 `, 'm'));
    const line = orders.stdout.split('\n').find((l) => l.includes('WC-8')) ?? '';
    expect(line).toMatch(new RegExp(`^id:${unmanaged.id} `));
    expect(line.match(/not managed/gi)).toHaveLength(1);
  });
});
