/**
 * Shopware 6 statuses as Kassenwart sees them, and the default mapping (issue 4 §3).
 *
 * An order's payment situation in Shopware lives in two state machines
 * (https://developer.shopware.com/docs/concepts/commerce/checkout-concept/orders.html#state-management):
 * the order (`order.state`: open, in_progress, completed, cancelled) and its payment transaction
 * (`order_transaction.state`: open, in_progress, paid, paid_partially, authorized, reminded, failed, cancelled,
 * refunded, refunded_partially, chargeback, unconfirmed). The connector therefore reports one composite status
 * `"<order state>/<transaction state>"`, e.g. `open/open` or `completed/paid`, so the mapping can say exactly
 * which combinations are open. When we write a status, `*` on one side leaves that machine alone: the paid
 * status `* /paid` (without the space) only moves the transaction.
 */
import type { ShopMapping } from '../connector.ts';

export const ORDER_STATES = ['open', 'in_progress', 'completed', 'cancelled'] as const;
export const TRANSACTION_STATES = [
  'open',
  'in_progress',
  'unconfirmed',
  'authorized',
  'paid',
  'paid_partially',
  'reminded',
  'failed',
  'cancelled',
  'refunded',
  'refunded_partially',
  'chargeback',
] as const;

export function compositeStatus(orderState: string, transactionState: string): string {
  return `${orderState}/${transactionState}`;
}

export function parseCompositeStatus(status: string): { order?: string; transaction?: string } {
  const [order = '*', transaction = '*'] = status.includes('/') ? status.split('/', 2) : ['*', status];
  return {
    order: order === '*' || order === '' ? undefined : order,
    transaction: transaction === '*' || transaction === '' ? undefined : transaction,
  };
}

/**
 * Transition action names (`state_machine_transition.action_name`, Shopware's StateMachineTransitionActions) that
 * lead to a target state, the names tried first (other versions' names: TRANSACTION_ACTION_ALIASES).
 */
export const ORDER_ACTION_TO: Readonly<Record<string, string>> = {
  in_progress: 'process',
  completed: 'complete',
  cancelled: 'cancel',
  open: 'reopen',
};
export const TRANSACTION_ACTION_TO: Readonly<Record<string, string>> = {
  paid: 'paid',
  paid_partially: 'paid_partially',
  in_progress: 'do_pay',
  reminded: 'remind',
  cancelled: 'cancel',
  failed: 'fail',
  open: 'reopen',
  refunded: 'refund',
  refunded_partially: 'refund_partially',
  authorized: 'authorize',
  chargeback: 'chargeback',
  unconfirmed: 'process_unconfirmed',
};

/**
 * Other versions' action names of the same transitions, tried when Shopware names them as possible: up to 6.6,
 * `reminded -> paid` and `paid_partially -> paid` exist only as `pay` (shopware/shopware issue #5795, unified in
 * 6.7.0.0 by PR #7652) and `-> paid_partially` partly as `pay_partially`; `-> in_progress` is `do_pay` up to 6.6
 * (tried first) and `process` from 6.7.
 */
export const TRANSACTION_ACTION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  paid: ['pay'],
  paid_partially: ['pay_partially'],
  in_progress: ['process'],
};

const both = (orders: readonly string[], transactions: readonly string[]) =>
  orders.flatMap((o) => transactions.map((t) => compositeStatus(o, t)));

/**
 * Defaults: the payment methods Shopware installs (technical names since 6.5: `payment_prepayment`,
 * `payment_invoicepayment`, `payment_cashpayment`). Open = order open or in progress with the transaction still
 * open (or `reminded`, which is our own overdue status, so a reminder never makes an order look settled, or
 * `paid_partially`: part of the money arrived, the rest is still awaited).
 * Invoice and cash-on-delivery orders are usually shipped and completed before the money arrives, so for those
 * codes `completed` with an open transaction is open as well.
 */
export const defaultMapping: ShopMapping = {
  paymentMethods: {
    prepayment: ['payment_prepayment'],
    invoice: ['payment_invoicepayment'],
    cod: ['payment_cashpayment'],
  },
  openStatuses: {
    prepayment: both(['open', 'in_progress'], ['open', 'reminded', 'paid_partially']),
    invoice: both(['open', 'in_progress', 'completed'], ['open', 'reminded', 'paid_partially']),
    cod: both(['open', 'in_progress', 'completed'], ['open', 'reminded', 'paid_partially']),
  },
  paidStatus: { prepayment: '*/paid', invoice: '*/paid', cod: '*/paid' },
  // Any cancelled order or cancelled payment. The first entry cancels both machines, should it ever be written.
  cancelledStatuses: [
    'cancelled/cancelled',
    ...both(
      ['cancelled'],
      TRANSACTION_STATES.filter((t) => t !== 'cancelled'),
    ),
    ...both(['open', 'in_progress', 'completed'], ['cancelled']),
  ],
  overdueStatus: '*/reminded',
  orderNumberPattern: '\\d{5,}',
  sendPaymentInformation: true,
};
