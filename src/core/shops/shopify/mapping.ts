/**
 * Shopify statuses as Kassenwart sees them, and the default mapping (issue 4 §3).
 *
 * Shopify has no custom order statuses. The status the connector reports is the order's
 * `displayFinancialStatus` (PENDING, PAID, PARTIALLY_PAID, ...; enum OrderDisplayFinancialStatus), or CANCELLED
 * when `cancelledAt` is set. Writing back: PAID marks the order paid (`orderMarkAsPaid`), and `tag:<name>` adds a
 * tag (`tagsAdd`), which is how overdue and debt collection become visible in the Shopify admin.
 */
import type { ShopMapping } from '../connector.ts';

export const FINANCIAL_STATUSES = [
  'PENDING',
  'AUTHORIZED',
  'PARTIALLY_PAID',
  'PAID',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'VOIDED',
  'EXPIRED',
] as const;
export const CANCELLED = 'CANCELLED';
export const TAG_PREFIX = 'tag:';

/**
 * Manual payment methods (https://help.shopify.com/en/manual/payments/additional-payment-methods/manual-payments):
 * their gateway names as they appear in `paymentGatewayNames` ("Bank Deposit", "Money Order",
 * "Cash on Delivery (COD)"), plus the names German merchants commonly give custom manual methods.
 */
export const defaultMapping: ShopMapping = {
  paymentMethods: {
    prepayment: ['Bank Deposit', 'Money Order', 'Vorkasse', 'Überweisung'],
    invoice: ['Rechnung', 'Kauf auf Rechnung', 'Invoice'],
    cod: ['Cash on Delivery (COD)', 'Nachnahme'],
  },
  // PARTIALLY_PAID: part of the money arrived, the rest is still awaited (OrderDisplayFinancialStatus,
  // https://shopify.dev/docs/api/admin-graphql/latest/enums/OrderDisplayFinancialStatus).
  openStatuses: {
    prepayment: ['PENDING', 'PARTIALLY_PAID'],
    invoice: ['PENDING', 'PARTIALLY_PAID'],
    cod: ['PENDING', 'PARTIALLY_PAID'],
  },
  paidStatus: { prepayment: 'PAID', invoice: 'PAID', cod: 'PAID' },
  cancelledStatuses: [CANCELLED],
  overdueStatus: `${TAG_PREFIX}Zahlung überfällig`,
  debtCollectionStatus: `${TAG_PREFIX}Inkasso`,
  // Order names are "#1001" by default (Settings > General > Order ID format may add a prefix/suffix).
  orderNumberPattern: '#?\\d{4,}',
  sendPaymentInformation: true,
};
