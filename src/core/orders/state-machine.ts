/**
 * The order state machine: every status an order can have in Kassenwart and every allowed transition, as
 * pure functions. Persistence and audit happen elsewhere (orders/order-service.ts); this file only decides.
 *
 * Statuses (German in the UI): open (offen), not_managed (nicht verwaltet), partially_paid (teilbezahlt),
 * paid (bezahlt; `overpaid` flags überbezahlt), overdue (überfällig), debt_collection (Inkasso), cancelled
 * (storniert), removed_externally (extern entfernt), refunded / partially_refunded ((teil)erstattet).
 */
import type { OrderStatus } from '../db/schema/orders.ts';

export type { OrderStatus };

export type OrderState = {
  status: OrderStatus;
  /** False for orders open at the shop's first connection: matched, but no customer messages by default. */
  managed: boolean;
  totalMinor: number;
  paidMinor: number;
  refundedMinor: number;
  overpaid: boolean;
};

export type OrderEvent =
  /**
   * A payment (or part of one) was assigned; late payments to cancelled/overdue orders are allowed.
   * `acceptedShortfallMinor`: a shortfall within the shop's tolerance (bank fees deducted, issue 5 §3) that
   * the matcher accepted, so the order counts as paid although `paidMinor` stays below the total.
   */
  | { type: 'payment_assigned'; amountMinor: number; acceptedShortfallMinor?: number }
  /** An assignment was undone, or its posting was returned (chargeback). */
  | { type: 'payment_unassigned'; amountMinor: number }
  /** The shop no longer reports the order as open per the mapping, or deleted it. */
  | { type: 'removed_in_shop' }
  /** The order is open in the shop again (e.g. a removed order reappears). */
  | { type: 'reopened_in_shop' }
  | { type: 'cancelled' }
  | { type: 'due_date_passed' }
  | { type: 'debt_collection_started' }
  /** The shop changed the order total. */
  | { type: 'amount_changed'; totalMinor: number }
  | { type: 'refunded'; amountMinor: number };

export type TransitionResult =
  { ok: true; state: OrderState; effects: OrderEffect[] } | { ok: false; code: string; message: string };

/** Side effects the caller must carry out (write-back, notify); the state machine only names them. */
export type OrderEffect =
  | { type: 'transfer_paid' }
  | { type: 'cancel_transfer_paid' }
  | {
      type: 'notify';
      kind:
        | 'overpaid'
        | 'paid_after_cancellation'
        | 'payment_on_removed_order'
        | 'cancelled_in_shop_after_payment'
        | 'closed_in_shop_partially_paid'
        | 'currency_changed_after_payment';
    };

/** Statuses in which an order is still waiting for money and is a candidate for automatic matching. */
export const AWAITING_PAYMENT: readonly OrderStatus[] = [
  'open',
  'not_managed',
  'partially_paid',
  'overdue',
  'debt_collection',
];

/** Statuses in which customer follow-up (messages, reminders) may happen. */
export function isFollowedUp(state: Pick<OrderState, 'status' | 'managed'>): boolean {
  return state.managed && ['open', 'partially_paid', 'overdue', 'debt_collection'].includes(state.status);
}

const AWAITING = new Set<OrderStatus>(AWAITING_PAYMENT);

export function isAwaitingPayment(status: OrderStatus): boolean {
  // A set: the matcher asks this for every candidate it ranks.
  return AWAITING.has(status);
}

/** The status an unpaid order falls back to: "not managed" orders stay outside follow-up. */
function unpaidBase(state: OrderState, fallback: OrderStatus): OrderStatus {
  if (!state.managed && (fallback === 'open' || fallback === 'overdue')) return 'not_managed';
  return fallback;
}

/** Status after the paid amount changed, for an order that is waiting for money. */
function statusForPayment(
  state: OrderState,
  paidMinor: number,
  unpaidStatus: OrderStatus,
  shortfallMinor = 0,
): OrderStatus {
  // A total of 0 is paid by any payment (then overpaid), and by none only once it was paid before.
  if (paidMinor + shortfallMinor >= state.totalMinor && (state.totalMinor > 0 || paidMinor > 0))
    return 'paid';
  if (paidMinor > 0) return 'partially_paid';
  return unpaidBase(state, unpaidStatus);
}

function fail(code: string, message: string): TransitionResult {
  return { ok: false, code, message };
}

function ok(state: OrderState, effects: OrderEffect[] = []): TransitionResult {
  return { ok: true, state, effects };
}

export function transition(state: OrderState, event: OrderEvent): TransitionResult {
  switch (event.type) {
    case 'payment_assigned':
      return onPaymentAssigned(state, event.amountMinor, event.acceptedShortfallMinor ?? 0);
    case 'payment_unassigned':
      return onPaymentUnassigned(state, event.amountMinor);
    case 'removed_in_shop':
      if (['open', 'not_managed', 'partially_paid', 'overdue', 'debt_collection'].includes(state.status)) {
        return ok({ ...state, status: 'removed_externally' });
      }
      if (state.status === 'removed_externally') return ok(state);
      return fail('ORDER_NOT_OPEN', `An order that is ${state.status} cannot become "removed externally".`);
    case 'reopened_in_shop': {
      // A removed order that reappears, or a cancelled one the dealer reactivated in the shop (as the
      // paid_after_cancellation notification asks): open again by what is paid, and written back when paid.
      if (state.status !== 'removed_externally' && state.status !== 'cancelled') return ok(state);
      const status = statusForPayment(state, state.paidMinor, 'open');
      return ok({ ...state, status }, status === 'paid' ? [{ type: 'transfer_paid' }] : []);
    }
    case 'cancelled':
      if (
        [
          'open',
          'not_managed',
          'partially_paid',
          'overdue',
          'debt_collection',
          'removed_externally',
        ].includes(state.status)
      ) {
        return ok({ ...state, status: 'cancelled' });
      }
      if (state.status === 'cancelled') return ok(state);
      return fail(
        'ORDER_PAID',
        `A ${state.status} order cannot be cancelled here; refund it in the shop first.`,
      );
    case 'due_date_passed':
      if (!state.managed) return ok(state);
      if (state.status === 'open' || state.status === 'partially_paid')
        return ok({ ...state, status: 'overdue' });
      return fail(
        'ORDER_NOT_DUE',
        `Only open or partially paid orders become overdue, not ${state.status} ones.`,
      );
    case 'debt_collection_started':
      if (state.status === 'overdue') return ok({ ...state, status: 'debt_collection' });
      return fail(
        'ORDER_NOT_OVERDUE',
        `Only overdue orders go to debt collection, not ${state.status} ones.`,
      );
    case 'amount_changed':
      return onAmountChanged(state, event.totalMinor);
    case 'refunded':
      return onRefunded(state, event.amountMinor);
  }
}

function onPaymentAssigned(state: OrderState, amountMinor: number, shortfallMinor: number): TransitionResult {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
    return fail('AMOUNT_INVALID', 'An assigned amount must be a positive whole number of minor units.');
  }
  if (!Number.isSafeInteger(shortfallMinor) || shortfallMinor < 0) {
    return fail('AMOUNT_INVALID', 'An accepted shortfall must be a whole number of minor units ≥ 0.');
  }
  const paidMinor = state.paidMinor + amountMinor;
  const overpaid = paidMinor > state.totalMinor;
  if (state.status === 'cancelled') {
    // A late payment after cancellation is kept on the order; the dealer decides (refund or reactivate).
    return ok({ ...state, paidMinor, overpaid }, [{ type: 'notify', kind: 'paid_after_cancellation' }]);
  }
  if (state.status === 'removed_externally') {
    return ok({ ...state, paidMinor, overpaid }, [{ type: 'notify', kind: 'payment_on_removed_order' }]);
  }
  if (state.status === 'refunded' || state.status === 'partially_refunded') {
    return fail(
      'ORDER_REFUNDED',
      'A refunded order takes no further payments; assign the posting elsewhere.',
    );
  }
  const unpaid = state.status === 'paid' ? 'open' : state.status;
  const status = statusForPayment(
    state,
    paidMinor,
    unpaid === 'partially_paid' ? 'open' : unpaid,
    shortfallMinor,
  );
  const effects: OrderEffect[] = [];
  if (status === 'paid' && state.status !== 'paid') effects.push({ type: 'transfer_paid' });
  if (overpaid && !state.overpaid) effects.push({ type: 'notify', kind: 'overpaid' });
  return ok({ ...state, status, paidMinor, overpaid }, effects);
}

function onPaymentUnassigned(state: OrderState, amountMinor: number): TransitionResult {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0 || amountMinor > state.paidMinor) {
    return fail('AMOUNT_INVALID', `Cannot take back ${amountMinor}; only ${state.paidMinor} was assigned.`);
  }
  const paidMinor = state.paidMinor - amountMinor;
  const overpaid = paidMinor > state.totalMinor;
  if (['cancelled', 'removed_externally', 'refunded', 'partially_refunded'].includes(state.status)) {
    return ok({ ...state, paidMinor, overpaid });
  }
  const status = statusForPayment(
    state,
    paidMinor,
    state.status === 'overdue' || state.status === 'debt_collection' ? state.status : 'open',
  );
  const effects: OrderEffect[] =
    state.status === 'paid' && status !== 'paid' ? [{ type: 'cancel_transfer_paid' }] : [];
  return ok({ ...state, status, paidMinor, overpaid }, effects);
}

function onAmountChanged(state: OrderState, totalMinor: number): TransitionResult {
  if (!Number.isSafeInteger(totalMinor) || totalMinor < 0)
    return fail('AMOUNT_INVALID', 'An order total must be a whole number ≥ 0.');
  // An unchanged total changes nothing (it must not re-derive the status: an order paid with an accepted
  // shortfall would otherwise fall back to partially paid and cancel its write-back).
  if (totalMinor === state.totalMinor) return ok(state);
  const next = { ...state, totalMinor, overpaid: state.paidMinor > totalMinor };
  if (!isAwaitingPayment(state.status) && state.status !== 'paid') return ok(next);
  const unpaid = state.status === 'overdue' || state.status === 'debt_collection' ? state.status : 'open';
  // A lower total never makes a paid order unpaid (one paid with a shortfall accepted within the fee tolerance
  // would otherwise fall back to partially paid: the shortfall is not part of the order's state).
  const status =
    state.status === 'paid' && totalMinor < state.totalMinor
      ? 'paid'
      : statusForPayment(next, state.paidMinor, unpaid);
  const effects: OrderEffect[] = [];
  if (status === 'paid' && state.status !== 'paid') effects.push({ type: 'transfer_paid' });
  if (state.status === 'paid' && status !== 'paid') effects.push({ type: 'cancel_transfer_paid' });
  // The shop lowered the total below what was paid: the dealer owes the customer the difference.
  if (next.overpaid && !state.overpaid) effects.push({ type: 'notify', kind: 'overpaid' });
  return ok({ ...next, status }, effects);
}

function onRefunded(state: OrderState, amountMinor: number): TransitionResult {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0)
    return fail('AMOUNT_INVALID', 'A refund must be a positive amount.');
  if (state.status !== 'paid' && state.status !== 'partially_refunded') {
    return fail('ORDER_NOT_PAID', `Only paid orders can be refunded, not ${state.status} ones.`);
  }
  const refundedMinor = state.refundedMinor + amountMinor;
  if (refundedMinor > state.paidMinor)
    return fail('REFUND_TOO_LARGE', 'More would be refunded than was paid.');
  const status =
    refundedMinor >= Math.min(state.paidMinor, state.totalMinor) ? 'refunded' : 'partially_refunded';
  return ok({ ...state, status, refundedMinor });
}

/** Initial status of an order seen for the first time (issue 4 §4). */
export function initialStatus(params: {
  createdAt: string;
  connectedAt: string;
  openInShop: boolean;
}): { import: false } | { import: true; status: 'open' | 'not_managed'; managed: boolean } {
  const existedAtConnection = Date.parse(params.createdAt) < Date.parse(params.connectedAt);
  if (existedAtConnection) {
    if (!params.openInShop) return { import: false };
    return { import: true, status: 'not_managed', managed: false };
  }
  // Orders created after the connection are managed even if they are already closed again; the sync
  // then applies "removed in shop" so the history shows what happened.
  return { import: true, status: 'open', managed: true };
}
