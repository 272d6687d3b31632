/**
 * Domain vocabulary shared by every layer (isomorphic: no Node, no DOM). The database schema, the API
 * contract and the UI all take their enumerations from here, so they cannot drift apart.
 */
export const ORDER_STATUSES = [
  'open',
  'not_managed',
  'partially_paid',
  'paid',
  'overdue',
  'debt_collection',
  'cancelled',
  'removed_externally',
  'refunded',
  'partially_refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_CODES = ['prepayment', 'invoice', 'cod'] as const;
export type PaymentCode = (typeof PAYMENT_CODES)[number];

export const SHOP_SYSTEMS = ['woocommerce', 'shopware6', 'shopify', 'csv'] as const;
export type ShopSystem = (typeof SHOP_SYSTEMS)[number];

export const POSTING_MATCH_STATES = [
  'unassigned',
  'partially_assigned',
  'assigned',
  'ignored',
  'debit',
] as const;
export type PostingMatchState = (typeof POSTING_MATCH_STATES)[number];
