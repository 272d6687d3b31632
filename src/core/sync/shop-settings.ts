/**
 * Per-shop settings (issue 4 §3, §5), stored as JSON in shops.settings: the mapping of shop payment methods and
 * statuses onto ours, and the sync schedule. Validated with zod when read, so a damaged row gives a clear error.
 */
import { z } from 'zod';
import { PAYMENT_CODES, type PaymentCode } from '#shared/domain.ts';
import { ShopMappingDto } from '#shared/api/shops.ts';
import { ValidationError } from '../errors.ts';
import type { ShopMapping, ShopOrder } from '../shops/connector.ts';

/** The mapping's schema is the API contract's (one definition); it must describe the core's ShopMapping exactly. */
export const ShopMappingSchema = ShopMappingDto satisfies z.ZodType<ShopMapping>;

/** Sync schedule (issue 4 §5 defaults): new orders every 30 min, every 3 min where the shop cannot push new
 * orders and we send payment information, a full comparison twice a day. */
export const ScheduleSchema = z.object({
  newOrdersMinutes: z.number().int().min(1).default(30),
  fastPollMinutes: z.number().int().min(1).default(3),
  /** Fast polling costs the shop requests; the dealer can switch it off. */
  fastPolling: z.boolean().default(true),
  fullComparisonHours: z.number().min(1).max(168).default(12),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const ShopSettingsSchema = z.object({
  mapping: ShopMappingSchema,
  schedule: ScheduleSchema.default(ScheduleSchema.parse({})),
  /**
   * What the shop's API said the shop is when it was connected or last updated, where it names something that
   * survives a change of address (Shopify's shop id): `shop update` recognises the shop by it (shops/same-shop.ts).
   */
  shopIdentity: z.string().optional(),
});
export type ShopSettings = z.infer<typeof ShopSettingsSchema>;

export function readShopSettings(raw: unknown, shopName: string): ShopSettings {
  const parsed = ShopSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(
      'SHOP_SETTINGS_INVALID',
      `The settings of shop "${shopName}" are damaged (${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}). Change the mapping (in the app's shop settings, or with "kassenwart shop mapping NAME --…"): the change repairs the settings.`,
    );
  }
  return parsed.data;
}

export type Classification = { code: PaymentCode | undefined; open: boolean; cancelled: boolean };

/** What the mapping says about a shop order: its payment code, whether it is open, whether it is cancelled. */
export function classify(
  order: Pick<ShopOrder, 'paymentMethod' | 'status'>,
  mapping: ShopMapping,
): Classification {
  // Payment method names are compared regardless of case: typed by the dealer ("Vorkasse" for a file's
  // "vorkasse"), and no shop system tells two methods apart by case alone.
  const method = order.paymentMethod?.toLowerCase();
  const code = PAYMENT_CODES.find(
    (c) => method !== undefined && mapping.paymentMethods[c].some((m) => m.toLowerCase() === method),
  );
  return {
    code,
    open: code !== undefined && mapping.openStatuses[code].includes(order.status),
    cancelled: mapping.cancelledStatuses.includes(order.status),
  };
}

/**
 * Does `status` match a mapped status? A `*` part stands for any one part of a composite status: Shopware's default
 * paid status is any order state with the payment state `paid`.
 */
function statusMatches(pattern: string, status: string): boolean {
  if (!pattern.includes('*')) return pattern === status;
  const parts = pattern.split('/');
  const actual = status.split('/');
  return parts.length === actual.length && parts.every((p, i) => p === '*' || p === actual[i]);
}

/** Does the shop show the order in the status we would write for "paid" (its code's paid status)? */
export function showsPaid(order: Pick<ShopOrder, 'paymentMethod' | 'status'>, mapping: ShopMapping): boolean {
  const { code } = classify(order, mapping);
  return code !== undefined && statusMatches(mapping.paidStatus[code], order.status);
}

/**
 * Is `status` one the mapping knows: open for some code, a paid status we write, or cancelled? An order that leaves
 * "open" for any other status is taken as removed externally, and the dealer is told (it may still await money).
 */
export function isMappedStatus(status: string, mapping: ShopMapping): boolean {
  return (
    PAYMENT_CODES.some(
      (c) => mapping.openStatuses[c].includes(status) || statusMatches(mapping.paidStatus[c], status),
    ) || mapping.cancelledStatuses.includes(status)
  );
}

/**
 * Statuses open for every payment code: an order in one awaits money whatever its method (WooCommerce's on-hold,
 * Shopify's PENDING, the file's `open`). A status open for some codes only (WooCommerce's processing, open for
 * cash on delivery) says nothing about an order paid with PayPal.
 */
export function openForEveryCode(mapping: ShopMapping): string[] {
  const lists = PAYMENT_CODES.map((c) => mapping.openStatuses[c]).filter((l) => l.length > 0);
  return (lists[0] ?? []).filter((s) => lists.every((l) => l.includes(s)));
}

/** Every shop status that is open for some payment code (for the full comparison's listing). */
export function allOpenStatuses(mapping: ShopMapping): string[] {
  return [...new Set(PAYMENT_CODES.flatMap((c) => mapping.openStatuses[c]))];
}
