import { describe, expect, it } from 'vitest';
import { transition, type OrderState } from '#core/orders/state-machine.ts';

const base: OrderState = {
  status: 'open',
  managed: true,
  totalMinor: 10000,
  paidMinor: 0,
  refundedMinor: 0,
  overpaid: false,
};

describe('state machine: accepted shortfall (bank fees) and unchanged totals', () => {
  it('a payment short by an accepted shortfall makes the order paid and asks for the write-back', () => {
    const r = transition(base, { type: 'payment_assigned', amountMinor: 9950, acceptedShortfallMinor: 50 });
    expect(r.ok && r.state.status).toBe('paid');
    expect(r.ok && r.effects).toEqual([{ type: 'transfer_paid' }]);
    expect(r.ok && r.state.paidMinor).toBe(9950);
  });

  it('without the accepted shortfall the same payment is partial', () => {
    const r = transition(base, { type: 'payment_assigned', amountMinor: 9950 });
    expect(r.ok && r.state.status).toBe('partially_paid');
  });

  it('rejects a negative shortfall', () => {
    expect(
      transition(base, { type: 'payment_assigned', amountMinor: 9950, acceptedShortfallMinor: -1 }).ok,
    ).toBe(false);
  });

  it('undoing the short payment reopens the order and cancels the write-back', () => {
    const paid = transition(base, {
      type: 'payment_assigned',
      amountMinor: 9950,
      acceptedShortfallMinor: 50,
    });
    if (!paid.ok) throw new Error('unexpected');
    const r = transition(paid.state, { type: 'payment_unassigned', amountMinor: 9950 });
    expect(r.ok && r.state.status).toBe('open');
    expect(r.ok && r.effects).toEqual([{ type: 'cancel_transfer_paid' }]);
  });

  it('an unchanged total leaves a shortfall-paid order paid (no spurious cancel of the write-back)', () => {
    const paid = transition(base, {
      type: 'payment_assigned',
      amountMinor: 9950,
      acceptedShortfallMinor: 50,
    });
    if (!paid.ok) throw new Error('unexpected');
    const r = transition(paid.state, { type: 'amount_changed', totalMinor: 10000 });
    expect(r.ok && r.state.status).toBe('paid');
    expect(r.ok && r.effects).toEqual([]);
  });
});
