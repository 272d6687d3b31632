/**
 * The loader hands the matcher the numbers and payment references of recently closed orders
 * (MatchInput.closedNumbers): a payer who writes the number of an order that is paid already pays it twice, and that
 * number is no typo of an open order; a payer whose text carries a paid order's reference pays it twice or reused its
 * banking template for the next order.
 */
import { describe, expect, it } from 'vitest';
import { loadMatchInput } from '#core/matching/match-loader.ts';
import { runMatcher } from '#core/matching/matcher.ts';
import { seededRandomInt } from '#core/matching/random.ts';
import { generateReference, toCreditorReference } from '#core/matching/references.ts';
import { makeTestDb } from '../../helpers/db.ts';
import { makeBankAccount, makeOrder, makePosting, makeShop } from '../../helpers/factories.ts';

describe('closed order numbers (double payments)', () => {
  it('loads the numbers of recently paid orders, not those of long ago, and no typo goes to an open order', () => {
    const t = makeTestDb();
    const shop = makeShop(t.db);
    const account = makeBankAccount(t.db);
    const paidAt = '2026-10-30T10:00:00.000Z';
    makeOrder(t.db, {
      shopId: shop.id,
      number: '10023',
      invoiceNumber: 'RE-2026-0815',
      totalMinor: 2490,
      paidMinor: 2490,
      status: 'paid',
      statusChangedAt: paidAt,
      customerName: 'Greta Voss',
    });
    makeOrder(t.db, {
      shopId: shop.id,
      number: '9001',
      status: 'paid',
      paidMinor: 4990,
      statusChangedAt: '2025-11-01T10:00:00.000Z',
    });
    const stranger = makeOrder(t.db, {
      shopId: shop.id,
      number: '10028',
      totalMinor: 2490,
      customerName: 'Timo Rau',
    });
    const twice = makePosting(t.db, {
      bankAccountId: account.id,
      amountMinor: 2490,
      counterpartyName: 'Greta Voss',
      remittance: 'Bestellung 10023',
    });
    const typo = makePosting(t.db, {
      bankAccountId: account.id,
      amountMinor: 2490,
      counterpartyName: 'Timo Rau',
      remittance: 'Bestellung 10082',
    });

    const input = loadMatchInput(t.db, t.clock.now());
    expect([...(input.closedNumbers ?? [])].sort()).toEqual(['10023', 'RE20260815']);
    const result = runMatcher(input);
    const of = (id: number) => result.decisions.find((d) => d.postingId === id);
    expect(of(twice.id)?.band).not.toBe('auto');
    // A real typo of the open order (no closed order has that number) is still assigned.
    expect(of(typo.id)).toMatchObject({ band: 'auto', candidates: [{ orderIds: [stranger.id] }] });
  });

  it("loads the payment references of recently paid orders: a reused template of one is not the payer's new order", () => {
    const rnd = seededRandomInt(20100);
    const paidRef = generateReference(rnd);
    const t = makeTestDb();
    const shop = makeShop(t.db);
    const account = makeBankAccount(t.db);
    makeOrder(t.db, {
      shopId: shop.id,
      number: '20100',
      paymentReference: paidRef,
      totalMinor: 2490,
      paidMinor: 2490,
      status: 'paid',
      statusChangedAt: '2026-10-30T10:00:00.000Z',
      customerName: 'Greta Voss',
    });
    makeOrder(t.db, {
      shopId: shop.id,
      number: '9001',
      paymentReference: generateReference(rnd),
      status: 'paid',
      paidMinor: 4990,
      statusChangedAt: '2025-11-01T10:00:00.000Z',
    });
    const fresh = makeOrder(t.db, {
      shopId: shop.id,
      number: '20133',
      paymentReference: generateReference(rnd),
      totalMinor: 2490,
      customerName: 'Greta Voss',
    });
    const template = makePosting(t.db, {
      bankAccountId: account.id,
      amountMinor: 2490,
      counterpartyName: 'Greta Voss',
      remittance: `${paidRef} Greta Voss`,
    });
    const structured = makePosting(t.db, {
      bankAccountId: account.id,
      amountMinor: 2490,
      counterpartyName: 'Greta Voss',
      creditorReference: toCreditorReference(paidRef),
    });

    const input = loadMatchInput(t.db, t.clock.now());
    expect([...(input.closedNumbers ?? [])].sort()).toEqual(['20100', paidRef]);
    const result = runMatcher(input);
    for (const p of [template, structured]) {
      const d = result.decisions.find((x) => x.postingId === p.id);
      expect(d?.band).toBe('suggest');
      expect(d?.candidates[0]?.orderIds).toEqual([fresh.id]);
      expect(d?.reasons).toContain('text_names_paid_order');
    }
  });
});
