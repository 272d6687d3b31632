/**
 * Which payment a return sends back when the payer paid more than once at the same price (repeat customers paying
 * by direct debit): from the third matcher probe. A return undid the older, long-shipped payment of the same IBAN
 * while the payment that bounced paid a new order, which would then ship unpaid.
 */
import { describe, expect, it } from 'vitest';
import type { MatchAssignment } from '#core/matching/types.ts';
import { decisionOf, match, order, posting } from './fixtures.ts';

const IBAN = 'DE89370400440532013000';

function repeatCustomer(e2e: { old?: string; credit?: string; back?: string }) {
  const paidBefore = order({
    number: '10023',
    totalMinor: 4990,
    customerName: 'Hans Müller',
    paidMinor: 4990,
    status: 'paid',
  });
  const open = order({ number: '10031', totalMinor: 4990, customerName: 'Hans Müller' });
  const assignments: MatchAssignment[] = [
    {
      id: 1,
      postingId: 1,
      orderId: paidBefore.id,
      amountMinor: 4990,
      counterpartyIban: IBAN,
      bookingDate: '2026-10-05',
      orderNumber: '10023',
      ...(e2e.old ? { endToEndId: e2e.old } : {}),
    },
  ];
  const credit = posting({
    amountMinor: 4990,
    counterpartyName: 'Hans Mueller',
    counterpartyIban: IBAN,
    remittance: 'Lastschrift Bestellung 10031',
    bookingDate: '2026-11-03',
    ...(e2e.credit ? { endToEndId: e2e.credit } : {}),
  });
  const back = posting({
    amountMinor: -4990,
    counterpartyName: 'Hans Mueller',
    counterpartyIban: IBAN,
    remittance: 'RUECKLASTSCHRIFT MD06',
    bankTxCode: 'PMNT-RDDT-UPDD',
    bookingDate: '2026-11-06',
    ...(e2e.back ? { endToEndId: e2e.back } : {}),
  });
  return { open, credit, back, assignments };
}

describe('a return of a repeat customer who paid the same price before', () => {
  it('with end-to-end ids: returns the payment of this run it names, not the older one of the same IBAN', () => {
    const { open, credit, back, assignments } = repeatCustomer({
      old: 'E2E-OLD-1',
      credit: 'E2E-NEW-2',
      back: 'E2E-NEW-2',
    });
    const res = match([open], [credit, back], { assignments });
    const d = decisionOf(res, back.id);
    expect(d.band).not.toBe('auto');
    expect(d.reverses ?? []).toEqual([]);
    expect(d.reasons).toEqual(['returns_a_payment_of_this_run']);
    const paid = decisionOf(res, credit.id);
    expect(paid.band).not.toBe('auto');
    expect(paid.reasons).toContain('returned_in_this_run');
  });

  it("a return whose end-to-end id is another payment's does not take an assignment by IBAN or text", () => {
    const { back, assignments } = repeatCustomer({ old: 'E2E-OLD-1', back: 'E2E-ELSEWHERE-9' });
    const named = { ...back, remittance: 'RUECKLASTSCHRIFT MD06 Bestellung 10023' };
    for (const p of [back, named]) {
      const d = decisionOf(match([], [p], { assignments }), p.id);
      expect(d.band, p.remittance ?? '').not.toBe('auto');
      expect(d.reverses ?? []).toEqual([]);
    }
  });

  it('without end-to-end ids: both payments fit, so neither is undone or assigned automatically', () => {
    const { open, credit, back, assignments } = repeatCustomer({});
    const res = match([open], [credit, back], { assignments });
    const d = decisionOf(res, back.id);
    expect(d.band).toBe('suggest');
    expect(d.reverses ?? []).toEqual([]);
    expect(d.reasons).toContain('may_return_a_payment_of_this_run');
    expect(decisionOf(res, credit.id).band).not.toBe('auto');
    // Without the payment of this run, the older one is the return's: undone as before.
    const alone = decisionOf(match([open], [back], { assignments }), back.id);
    expect(alone.band).toBe('auto');
    expect(alone.reverses?.map((r) => r.assignmentId)).toEqual([1]);
  });

  it('two older payments without end-to-end ids do not hide the payment of this run the return names', () => {
    const { open, credit, back, assignments } = repeatCustomer({ credit: 'E2E-NEW', back: 'E2E-NEW' });
    const older = { ...assignments[0]!, id: 2, postingId: 2, bookingDate: '2026-10-20' };
    const res = match([open], [credit, back], { assignments: [...assignments, older] });
    const d = decisionOf(res, back.id);
    expect(d.band).not.toBe('auto');
    expect(d.reasons).toEqual(['returns_a_payment_of_this_run']);
    const paid = decisionOf(res, credit.id);
    expect(paid.band).not.toBe('auto');
    expect(paid.reasons).toContain('returned_in_this_run');
  });

  it('a return naming the older order in its text undoes that one, next to a new payment of this run', () => {
    const { open, credit, back, assignments } = repeatCustomer({});
    const named = { ...back, remittance: 'RUECKLASTSCHRIFT MD06 Bestellung 10023' };
    const res = match([open], [credit, named], { assignments });
    const d = decisionOf(res, named.id);
    expect(d.band).toBe('auto');
    expect(d.reverses?.map((r) => r.assignmentId)).toEqual([1]);
    expect(decisionOf(res, credit.id).band).toBe('auto');
  });

  it('a return with an end-to-end id of its own is suggested for the payment it fits, not undone', () => {
    const { back, assignments } = repeatCustomer({ old: 'SHOP-10023', back: 'RTN2026111000123' });
    const named = { ...back, remittance: 'RUECKLASTSCHRIFT MD06 Bestellung 10023' };
    for (const p of [back, named]) {
      const d = decisionOf(match([], [p], { assignments }), p.id);
      expect(d.band, p.remittance ?? '').toBe('suggest');
      expect(d.reasons).toEqual(['end_to_end_id_differs']);
      expect(d.candidates[0]?.orderIds).toEqual([assignments[0]?.orderId]);
      expect(d.reverses ?? []).toEqual([]);
    }
  });

  it('of two payments of this run from the IBAN, the return holds the later one', () => {
    const { open, credit, back } = repeatCustomer({});
    const earlier = { ...credit, id: credit.id + 100, bookingDate: '2026-11-01', remittance: 'Danke' };
    const res = match([open], [earlier, credit, back]);
    expect(decisionOf(res, back.id).reasons).toEqual(['returns_a_payment_of_this_run']);
    expect(decisionOf(res, credit.id).reasons).toContain('returned_in_this_run');
    expect(decisionOf(res, earlier.id).reasons).not.toContain('returned_in_this_run');
  });

  it('an assignment without an end-to-end id is still found by IBAN for a return that carries one', () => {
    const { back, assignments } = repeatCustomer({ back: 'E2E-NEW-2' });
    const d = decisionOf(match([], [back], { assignments }), back.id);
    expect(d.band).toBe('auto');
    expect(d.reverses?.map((r) => r.assignmentId)).toEqual([1]);
  });
});
