import { describe, expect, it } from 'vitest';
import {
  type OrderState,
  type OrderStatus,
  initialStatus,
  isAwaitingPayment,
  isFollowedUp,
  transition,
} from '#core/orders/state-machine.ts';

const base: OrderState = {
  status: 'open',
  managed: true,
  totalMinor: 10000,
  paidMinor: 0,
  refundedMinor: 0,
  overpaid: false,
};
const state = (over: Partial<OrderState> = {}): OrderState => ({ ...base, ...over });

function next(s: OrderState, event: Parameters<typeof transition>[1]) {
  const result = transition(s, event);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result;
}

describe('payments', () => {
  it('open -> paid on the full amount, with a write-back effect', () => {
    const r = next(state(), { type: 'payment_assigned', amountMinor: 10000 });
    expect(r.state).toMatchObject({ status: 'paid', paidMinor: 10000, overpaid: false });
    expect(r.effects).toEqual([{ type: 'transfer_paid' }]);
  });

  it('open -> partially paid -> paid as partial payments accumulate', () => {
    const a = next(state(), { type: 'payment_assigned', amountMinor: 4000 });
    expect(a.state.status).toBe('partially_paid');
    expect(a.effects).toEqual([]);
    const b = next(a.state, { type: 'payment_assigned', amountMinor: 6000 });
    expect(b.state.status).toBe('paid');
    expect(b.effects).toEqual([{ type: 'transfer_paid' }]);
  });

  it('overpayment is paid and flagged, and the dealer is told', () => {
    const r = next(state(), { type: 'payment_assigned', amountMinor: 10500 });
    expect(r.state).toMatchObject({ status: 'paid', overpaid: true });
    expect(r.effects).toContainEqual({ type: 'notify', kind: 'overpaid' });
  });

  it('not managed orders are still matched and paid, and stay unmanaged', () => {
    const r = next(state({ status: 'not_managed', managed: false }), {
      type: 'payment_assigned',
      amountMinor: 10000,
    });
    expect(r.state).toMatchObject({ status: 'paid', managed: false });
  });

  it('a late payment may still be assigned to an overdue order', () => {
    expect(
      next(state({ status: 'overdue' }), { type: 'payment_assigned', amountMinor: 10000 }).state.status,
    ).toBe('paid');
    expect(
      next(state({ status: 'overdue' }), { type: 'payment_assigned', amountMinor: 100 }).state.status,
    ).toBe('partially_paid');
    expect(
      next(state({ status: 'debt_collection' }), { type: 'payment_assigned', amountMinor: 10000 }).state
        .status,
    ).toBe('paid');
  });

  it('a late payment may still be assigned to a cancelled order: kept there, dealer notified', () => {
    const r = next(state({ status: 'cancelled' }), { type: 'payment_assigned', amountMinor: 10000 });
    expect(r.state).toMatchObject({ status: 'cancelled', paidMinor: 10000 });
    expect(r.effects).toEqual([{ type: 'notify', kind: 'paid_after_cancellation' }]);
  });

  it('a payment on a removed order is kept and reported', () => {
    const r = next(state({ status: 'removed_externally' }), { type: 'payment_assigned', amountMinor: 10000 });
    expect(r.state.status).toBe('removed_externally');
    expect(r.effects).toEqual([{ type: 'notify', kind: 'payment_on_removed_order' }]);
  });

  it('refunded orders take no payments; amounts must be positive integers', () => {
    expect(
      transition(state({ status: 'refunded', paidMinor: 10000 }), {
        type: 'payment_assigned',
        amountMinor: 1,
      }),
    ).toMatchObject({ ok: false, code: 'ORDER_REFUNDED' });
    expect(transition(state(), { type: 'payment_assigned', amountMinor: 0 })).toMatchObject({
      ok: false,
      code: 'AMOUNT_INVALID',
    });
    expect(transition(state(), { type: 'payment_assigned', amountMinor: 1.5 })).toMatchObject({
      ok: false,
      code: 'AMOUNT_INVALID',
    });
  });
});

describe('undo', () => {
  it('paid -> open on undo, cancelling the write-back', () => {
    const r = next(state({ status: 'paid', paidMinor: 10000 }), {
      type: 'payment_unassigned',
      amountMinor: 10000,
    });
    expect(r.state).toMatchObject({ status: 'open', paidMinor: 0 });
    expect(r.effects).toEqual([{ type: 'cancel_transfer_paid' }]);
  });

  it('paid -> partially paid when one of two payments is undone', () => {
    const r = next(state({ status: 'paid', paidMinor: 10000 }), {
      type: 'payment_unassigned',
      amountMinor: 4000,
    });
    expect(r.state.status).toBe('partially_paid');
  });

  it('undo on an unmanaged order returns it to not managed', () => {
    const r = next(state({ status: 'paid', managed: false, paidMinor: 10000 }), {
      type: 'payment_unassigned',
      amountMinor: 10000,
    });
    expect(r.state.status).toBe('not_managed');
  });

  it('undo keeps an overdue order overdue', () => {
    const r = next(state({ status: 'partially_paid', paidMinor: 100 }), {
      type: 'payment_unassigned',
      amountMinor: 100,
    });
    expect(r.state.status).toBe('open');
    const o = next(state({ status: 'overdue', paidMinor: 100 }), {
      type: 'payment_unassigned',
      amountMinor: 100,
    });
    expect(o.state.status).toBe('overdue');
  });

  it('undo on a cancelled order only reduces the paid amount', () => {
    const r = next(state({ status: 'cancelled', paidMinor: 10000 }), {
      type: 'payment_unassigned',
      amountMinor: 10000,
    });
    expect(r.state).toMatchObject({ status: 'cancelled', paidMinor: 0 });
  });

  it('cannot take back more than was paid', () => {
    expect(
      transition(state({ paidMinor: 100 }), { type: 'payment_unassigned', amountMinor: 101 }),
    ).toMatchObject({ ok: false });
  });
});

describe('shop-driven transitions', () => {
  const awaiting: OrderStatus[] = ['open', 'not_managed', 'partially_paid', 'overdue', 'debt_collection'];

  it.each(awaiting)('%s -> removed externally when the shop no longer has it open', (status) => {
    expect(next(state({ status }), { type: 'removed_in_shop' }).state.status).toBe('removed_externally');
  });

  it.each(['paid', 'cancelled', 'refunded'] as OrderStatus[])(
    '%s cannot become removed externally',
    (status) => {
      expect(transition(state({ status }), { type: 'removed_in_shop' })).toMatchObject({
        ok: false,
        code: 'ORDER_NOT_OPEN',
      });
    },
  );

  it('a removed order that is open again in the shop comes back', () => {
    expect(next(state({ status: 'removed_externally' }), { type: 'reopened_in_shop' }).state.status).toBe(
      'open',
    );
    expect(
      next(state({ status: 'removed_externally', managed: false }), { type: 'reopened_in_shop' }).state
        .status,
    ).toBe('not_managed');
    expect(
      next(state({ status: 'removed_externally', paidMinor: 10 }), { type: 'reopened_in_shop' }).state.status,
    ).toBe('partially_paid');
  });

  it.each([...awaiting, 'removed_externally'] as OrderStatus[])('%s -> cancelled', (status) => {
    expect(next(state({ status }), { type: 'cancelled' }).state.status).toBe('cancelled');
  });

  it('a paid order cannot be cancelled here', () => {
    expect(transition(state({ status: 'paid' }), { type: 'cancelled' })).toMatchObject({
      ok: false,
      code: 'ORDER_PAID',
    });
  });

  it('amount changes re-evaluate the paid state', () => {
    const up = next(state({ status: 'paid', paidMinor: 10000 }), {
      type: 'amount_changed',
      totalMinor: 12000,
    });
    expect(up.state.status).toBe('partially_paid');
    expect(up.effects).toEqual([{ type: 'cancel_transfer_paid' }]);
    const down = next(state({ status: 'partially_paid', paidMinor: 8000 }), {
      type: 'amount_changed',
      totalMinor: 8000,
    });
    expect(down.state.status).toBe('paid');
    expect(down.effects).toEqual([{ type: 'transfer_paid' }]);
    const unpaid = next(state(), { type: 'amount_changed', totalMinor: 5000 });
    expect(unpaid.state).toMatchObject({ status: 'open', totalMinor: 5000 });
  });

  it('a lower total never makes a paid order unpaid (paid with a shortfall accepted within the fee tolerance)', () => {
    // 49.95 paid on 50.00, 0.05 short accepted; the shop lowers the total to 49.99.
    const r = next(state({ status: 'paid', paidMinor: 4995, totalMinor: 5000 }), {
      type: 'amount_changed',
      totalMinor: 4999,
    });
    expect(r.state).toMatchObject({ status: 'paid', totalMinor: 4999 });
    expect(r.effects).toEqual([]);
  });

  it('a total lowered below what was paid makes the order paid and overpaid, and tells the dealer', () => {
    const lowered = next(state({ status: 'partially_paid', paidMinor: 3000 }), {
      type: 'amount_changed',
      totalMinor: 2000,
    });
    expect(lowered.state).toMatchObject({ status: 'paid', overpaid: true });
    expect(lowered.effects).toEqual([{ type: 'transfer_paid' }, { type: 'notify', kind: 'overpaid' }]);
    // Down to 0 with a payment: paid (and overpaid), not "partially paid" of nothing.
    const zero = next(state({ status: 'partially_paid', paidMinor: 3000 }), {
      type: 'amount_changed',
      totalMinor: 0,
    });
    expect(zero.state).toMatchObject({ status: 'paid', overpaid: true });
    // Already overpaid: no second notification.
    const again = next(state({ status: 'paid', paidMinor: 3000, totalMinor: 2000, overpaid: true }), {
      type: 'amount_changed',
      totalMinor: 1000,
    });
    expect(again.effects).toEqual([]);
  });
});

describe('follow-up transitions', () => {
  it('open and partially paid managed orders become overdue', () => {
    expect(next(state(), { type: 'due_date_passed' }).state.status).toBe('overdue');
    expect(
      next(state({ status: 'partially_paid', paidMinor: 1 }), { type: 'due_date_passed' }).state.status,
    ).toBe('overdue');
  });

  it('not managed orders are not followed up', () => {
    const r = next(state({ status: 'not_managed', managed: false }), { type: 'due_date_passed' });
    expect(r.state.status).toBe('not_managed');
    expect(isFollowedUp(r.state)).toBe(false);
  });

  it('only overdue orders go to debt collection', () => {
    expect(next(state({ status: 'overdue' }), { type: 'debt_collection_started' }).state.status).toBe(
      'debt_collection',
    );
    expect(transition(state(), { type: 'debt_collection_started' })).toMatchObject({ ok: false });
    expect(transition(state({ status: 'paid' }), { type: 'due_date_passed' })).toMatchObject({ ok: false });
  });

  it('refunds: partial then full', () => {
    const p = next(state({ status: 'paid', paidMinor: 10000 }), { type: 'refunded', amountMinor: 3000 });
    expect(p.state.status).toBe('partially_refunded');
    const f = next(p.state, { type: 'refunded', amountMinor: 7000 });
    expect(f.state.status).toBe('refunded');
    expect(transition(f.state, { type: 'refunded', amountMinor: 1 })).toMatchObject({
      ok: false,
      code: 'ORDER_NOT_PAID',
    });
    expect(transition(state(), { type: 'refunded', amountMinor: 1 })).toMatchObject({
      ok: false,
      code: 'ORDER_NOT_PAID',
    });
  });

  it('removed and cancelled orders are not followed up; awaiting statuses are matched', () => {
    expect(isFollowedUp(state({ status: 'removed_externally' }))).toBe(false);
    expect(isFollowedUp(state({ status: 'cancelled' }))).toBe(false);
    expect(isAwaitingPayment('removed_externally')).toBe(false);
    expect(isAwaitingPayment('not_managed')).toBe(true);
  });
});

describe('initial connection', () => {
  const connectedAt = '2026-11-01T10:00:00.000Z';

  it('an order open at the first connection is imported as not managed', () => {
    expect(initialStatus({ createdAt: '2026-10-30T10:00:00Z', connectedAt, openInShop: true })).toEqual({
      import: true,
      status: 'not_managed',
      managed: false,
    });
  });

  it('an order that existed and is not open is not imported', () => {
    expect(initialStatus({ createdAt: '2026-10-30T10:00:00Z', connectedAt, openInShop: false })).toEqual({
      import: false,
    });
  });

  it('orders created from the connection on are managed (timestamps compared as instants, not strings)', () => {
    expect(
      initialStatus({ createdAt: '2026-11-01T11:00:00+01:00', connectedAt, openInShop: true }),
    ).toMatchObject({ status: 'open', managed: true });
    expect(initialStatus({ createdAt: '2026-11-01T10:00:00Z', connectedAt, openInShop: true })).toMatchObject(
      { managed: true },
    );
  });
});
