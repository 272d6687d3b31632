/**
 * Shopware order entity (Admin API JSON, `#/components/schemas/Order` of adminApiSchema.json) -> ShopOrder.
 */
import { minorUnitExponent, parseDecimalToMinor } from '../../money.ts';
import type { ShopOrder } from '../connector.ts';
import { ShopError } from '../http.ts';
import { compositeStatus } from './mapping.ts';

type State = { technicalName?: string } | null | undefined;
export type SwTransaction = {
  id: string;
  createdAt?: string;
  stateMachineState?: State;
  paymentMethod?: { technicalName?: string | null; name?: string } | null;
  paymentMethodId?: string;
};
export type SwOrder = {
  id: string;
  autoIncrement?: number;
  orderNumber?: string;
  orderDateTime?: string;
  createdAt?: string;
  updatedAt?: string | null;
  amountTotal?: number;
  primaryOrderTransactionId?: string | null;
  currency?: { isoCode?: string } | null;
  stateMachineState?: State;
  orderCustomer?: { firstName?: string; lastName?: string; email?: string; company?: string | null } | null;
  billingAddress?: {
    firstName?: string;
    lastName?: string;
    company?: string | null;
    country?: { iso?: string } | null;
  } | null;
  transactions?: SwTransaction[];
  documents?: {
    documentNumber?: string;
    config?: { documentNumber?: string };
    createdAt?: string;
    documentType?: { technicalName?: string } | null;
  }[];
};

/** Shopware writes DATETIME(3) in UTC and returns ISO 8601 with an offset ("2026-11-02T09:00:00.123+00:00"). */
export function toIsoInstant(value: string): string {
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms))
    throw new ShopError('SHOP_BAD_RESPONSE', `Shopware sent an unreadable date "${value}".`);
  return new Date(ms).toISOString();
}

/** The DAL's storage format for range filters on date fields: `Y-m-d H:i:s.v` in UTC. */
export function toShopwareDate(iso: string): string {
  return new Date(iso).toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * A JSON number from the Shopware API as minor units, without float arithmetic.
 *
 * Shopware serialises PHP floats with `serialize_precision = -1`, i.e. the shortest decimal string that
 * round-trips, and JSON.parse gives the nearest double; `String(n)` (ECMAScript Number::toString) again yields the
 * shortest round-tripping decimal, so "12.3" -> 12.3 -> "12.3" exactly. That string goes through the string/BigInt
 * parser. Two edge cases: exponent notation (|n| < 1e-6 or >= 1e21; no real order total) is rejected, and a total
 * carrying PHP float noise ("0.30000000000000004", more decimals than the currency has) is accepted only when it
 * lies within a few ULPs of a value with the currency's decimals; otherwise MONEY_TOO_PRECISE is raised rather than
 * rounding silently. `toFixed` alone is not used because it would hide a genuinely wrong amount such as 10.005 EUR.
 */
export function jsonNumberToMinor(value: number, currency: string): number {
  if (!Number.isFinite(value))
    throw new ShopError('SHOP_BAD_RESPONSE', `Shopware sent a non-finite amount for ${currency}.`);
  const text = String(value);
  if (/e/i.test(text))
    throw new ShopError(
      'SHOP_BAD_RESPONSE',
      `Shopware sent the amount ${text} ${currency}, which is not a plausible order total.`,
    );
  const exp = minorUnitExponent(currency);
  const decimals = text.split('.')[1]?.length ?? 0;
  if (decimals > exp) {
    const fixed = value.toFixed(exp);
    const ulps = Math.abs(value - Number(fixed)) / (Number.EPSILON * Math.max(1, Math.abs(value)));
    if (ulps <= 8) return parseDecimalToMinor(fixed, currency);
  }
  return parseDecimalToMinor(text, currency);
}

/**
 * The transaction that counts: the primary one (6.7 `primaryOrderTransactionId`), else the newest, which is how
 * the Administration shows an order whose customer switched the payment method.
 */
export function currentTransaction(order: SwOrder): SwTransaction | undefined {
  const txs = order.transactions ?? [];
  const primary = order.primaryOrderTransactionId
    ? txs.find((t) => t.id === order.primaryOrderTransactionId)
    : undefined;
  if (primary) return primary;
  return [...txs].sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '')).at(-1);
}

export function orderStatusOf(order: SwOrder): string {
  const tx = currentTransaction(order);
  return compositeStatus(
    order.stateMachineState?.technicalName ?? 'open',
    tx?.stateMachineState?.technicalName ?? 'open',
  );
}

function invoiceNumber(order: SwOrder): string | undefined {
  const invoices = (order.documents ?? [])
    .filter((d) => d.documentType?.technicalName === 'invoice')
    .sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
  const last = invoices.at(-1);
  return last?.documentNumber ?? last?.config?.documentNumber ?? undefined;
}

export function toShopOrder(order: SwOrder): ShopOrder {
  const currency = order.currency?.isoCode;
  if (!currency || order.amountTotal === undefined) {
    throw new ShopError(
      'SHOP_BAD_RESPONSE',
      `Shopware order ${order.orderNumber ?? order.id} came without amount or currency.`,
    );
  }
  const tx = currentTransaction(order);
  const customer = order.orderCustomer ?? undefined;
  const billing = order.billingAddress ?? undefined;
  const name = [customer?.firstName ?? billing?.firstName, customer?.lastName ?? billing?.lastName]
    .filter(Boolean)
    .join(' ');
  const createdRaw = order.orderDateTime ?? order.createdAt;
  if (!createdRaw)
    throw new ShopError('SHOP_BAD_RESPONSE', `Shopware order ${order.id} came without a date.`);
  const created = toIsoInstant(createdRaw);
  const result: ShopOrder = {
    externalId: order.id,
    number: order.orderNumber ?? order.id,
    createdAt: created,
    // Shopware leaves updatedAt empty until the order is first changed.
    updatedAt: order.updatedAt ? toIsoInstant(order.updatedAt) : toIsoInstant(order.createdAt ?? createdRaw),
    totalMinor: jsonNumberToMinor(order.amountTotal, currency),
    currency,
    status: orderStatusOf(order),
    extra: {
      orderState: order.stateMachineState?.technicalName,
      transactionState: tx?.stateMachineState?.technicalName,
      transactionId: tx?.id,
    },
  };
  const invoice = invoiceNumber(order);
  if (invoice) result.invoiceNumber = invoice;
  if (name) result.customerName = name;
  const company = customer?.company ?? billing?.company;
  if (company) result.company = company;
  if (customer?.email) result.email = customer.email;
  if (billing?.country?.iso) result.billingCountry = billing.country.iso;
  // technicalName exists since 6.5 (required since 6.7); before, discovery and orders both fall back to the id.
  const method = tx?.paymentMethod?.technicalName ?? tx?.paymentMethodId;
  if (method) result.paymentMethod = method;
  return result;
}
