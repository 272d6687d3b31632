/**
 * WooCommerce order -> ShopOrder, and the default mapping for WooCommerce shops (issue 4 §3).
 */
import { parseDecimalToMinor } from '../../money.ts';
import type { ShopDiscovery, ShopMapping, ShopOrder } from '../connector.ts';
import { fromWooGmt, type WooOrder } from './client.ts';

/**
 * Order meta keys where German invoice plugins keep the invoice number:
 *  - `_wcpdf_invoice_number`: "PDF Invoices & Packing Slips for WooCommerce" (WP Overnight), which also adds
 *    `wpo_wcpdf_invoice_number` to REST responses;
 *  - `_wp_wc_running_invoice_number`: German Market (MarketPress) running invoice number.
 */
export const INVOICE_NUMBER_META_KEYS = ['_wcpdf_invoice_number', '_wp_wc_running_invoice_number'] as const;

/**
 * Gateway ids of common "Kauf auf Rechnung" gateways: `invoice` (Germanized), `german_market_purchase_on_account`
 * (German Market). Core gateways: bacs (direct bank transfer), cheque, cod
 * (https://woocommerce.com/document/payment-gateway-api/ lists the core gateway ids).
 */
export const INVOICE_GATEWAY_IDS = ['invoice', 'german_market_purchase_on_account'] as const;

export function invoiceNumberOf(order: WooOrder): string | undefined {
  if (order.wpo_wcpdf_invoice_number) return order.wpo_wcpdf_invoice_number;
  for (const key of INVOICE_NUMBER_META_KEYS) {
    const meta = order.meta_data?.find((m) => m.key === key);
    if (
      meta &&
      (typeof meta.value === 'string' || typeof meta.value === 'number') &&
      String(meta.value) !== ''
    ) {
      return String(meta.value);
    }
  }
  return undefined;
}

export function toShopOrder(order: WooOrder): ShopOrder {
  const name = [order.billing?.first_name, order.billing?.last_name]
    .filter((p) => p && p.trim() !== '')
    .join(' ');
  const createdAt =
    fromWooGmt(order.date_created_gmt) ?? fromWooGmt(order.date_created) ?? new Date(0).toISOString();
  return {
    externalId: String(order.id),
    number: order.number,
    invoiceNumber: invoiceNumberOf(order),
    createdAt,
    updatedAt: fromWooGmt(order.date_modified_gmt) ?? createdAt,
    // "total: Grand total" is a decimal string (https://woocommerce.github.io/woocommerce-rest-api-docs/#order-properties).
    totalMinor: parseDecimalToMinor(order.total, order.currency, { excess: 'round-half-even' }),
    currency: order.currency.toUpperCase(),
    customerName: name || undefined,
    company: order.billing?.company || undefined,
    email: order.billing?.email || undefined,
    billingCountry: order.billing?.country || undefined,
    paymentMethod: order.payment_method || undefined,
    status: order.status,
    extra: order.date_paid_gmt ? { datePaid: fromWooGmt(order.date_paid_gmt) } : undefined,
  };
}

/**
 * Defaults: bank transfer (bacs) and cheque are prepayment, waiting in on-hold/pending and set to processing
 * when paid; invoice gateways wait in on-hold/pending/processing/completed (goods usually ship before the
 * money comes) and are set to completed; cash on delivery likewise (WooCommerce puts cod orders in processing).
 * Cancelled, failed and refunded orders wait for nothing. The dealer reviews these in the mapping screen.
 */
export function defaultWooMapping(discovery?: ShopDiscovery): ShopMapping {
  const found = new Set(discovery?.paymentMethods.map((m) => m.id) ?? []);
  const invoice = INVOICE_GATEWAY_IDS.filter((id) => !discovery || found.has(id));
  return {
    paymentMethods: {
      prepayment: ['bacs', 'cheque'],
      invoice: invoice.length ? [...invoice] : ['invoice'],
      cod: ['cod'],
    },
    openStatuses: {
      prepayment: ['on-hold', 'pending'],
      invoice: ['on-hold', 'pending', 'processing', 'completed'],
      cod: ['processing', 'completed', 'on-hold'],
    },
    paidStatus: { prepayment: 'processing', invoice: 'completed', cod: 'completed' },
    // "failed" (payment failed or declined, unpaid) and "refunded" end the wait as "cancelled" does; a failed order
    // the customer pays again goes back to pending, and is open again here too.
    cancelledStatuses: ['cancelled', 'failed', 'refunded'],
    sendPaymentInformation: true,
  };
}
