/**
 * The kinds of dealer notification and the facts each one stores (`params`): no words, so every shell can word
 * them in the user's language when it shows them (notification-texts.ts). Amounts are integer minor units with
 * their ISO 4217 currency (design §3.1), instants UTC ISO strings (§3.2). A stored row is checked against its
 * kind's schema before it is worded; one that does not fit is shown with its stored text.
 */
import { z } from 'zod';

const Text = z.string();
const Minor = z.number().int();

/** An order and its money at the time of the notice (the state after the change that caused it). */
const OrderFacts = z.object({
  orderNumber: Text,
  totalMinor: Minor,
  paidMinor: Minor,
  currency: z.string().length(3),
});

/** Up to LISTED_ORDERS order numbers of a finding, and how many orders it has in all. */
const OrderList = { orderNumbers: z.array(Text), orderCount: z.number().int().nonnegative() };
export const LISTED_ORDERS = 10;

export const NOTIFICATION_KINDS = {
  overpaid: OrderFacts,
  paid_after_cancellation: OrderFacts,
  cancelled_in_shop_after_payment: OrderFacts,
  closed_in_shop_partially_paid: OrderFacts,
  currency_changed_after_payment: OrderFacts,
  payment_on_removed_order: OrderFacts,
  /** `shopConnected`: false when the shop was removed from Kassenwart (the dealer must reset it by hand). */
  paid_status_corrected: z.object({ orderNumber: Text, shopConnected: z.boolean() }),
  /** `reason`: why its write-back was cancelled (a fixed phrase of the code, e.g. "shop removed"). */
  paid_not_sent: z.object({ orderNumber: Text, reason: Text }),
  /** `errorMessage` is the error's own (English) message, like everywhere errors are shown. */
  sync_failed: z.object({ shopName: Text, errorCode: Text, errorMessage: Text }),
  order_out_of_reach: z.object({ shopName: Text, orderNumber: Text, errorMessage: Text }),
  /** `fields`: the order fields the shop withholds; `accessHint` (Shopify): where in the app's settings to ask for them. */
  customer_data_withheld: z.object({ shopName: Text, fields: z.array(Text), accessHint: Text.optional() }),
  /** One order's dates (`orderNumber`), and whose clock they are ahead of (`ourClock`: this computer's). */
  order_modified_in_future: z.object({
    shopName: Text,
    ...OrderList,
    orderNumber: Text,
    modifiedAt: Text,
    shopNow: Text,
    ourClock: z.boolean(),
  }),
  /** `command`: the `kassenwart shop mapping` call that would add it (a command line, the same in every language). */
  shop_status_unmapped: z.object({ shopName: Text, status: Text, ...OrderList, command: Text }),
  payment_method_unmapped: z.object({ shopName: Text, method: Text, ...OrderList, command: Text }),
  /** `pass`: the matcher pass that decided; `errorMessage`: why applying it failed. */
  matching_decision_failed: z.object({ postingId: z.number().int(), pass: Text, errorMessage: Text }),
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export type NotificationParamsOf<K extends NotificationKind> = z.infer<(typeof NOTIFICATION_KINDS)[K]>;

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, kind);
}

/** The first LISTED_ORDERS of a finding's order numbers, and their count: what OrderList stores. */
export function listedOrders(numbers: Iterable<string>): { orderNumbers: string[]; orderCount: number } {
  const all = [...numbers];
  return { orderNumbers: all.slice(0, LISTED_ORDERS), orderCount: all.length };
}
