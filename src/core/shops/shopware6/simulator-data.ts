/**
 * Seed data and entity builders for the Shopware 6 simulator. Entities carry the fields the Admin API
 * OpenAPI document (adminApiSchema.json) marks as required, so simulator responses validate against it.
 */
import { createHash } from 'node:crypto';
import type { Entity } from './simulator-criteria.ts';

/** Deterministic 32-hex ids (Shopware uuids without dashes). */
export function swId(...parts: (string | number)[]): string {
  return createHash('md5').update(parts.join(':')).digest('hex');
}

/** Shopware's JSON date format: ISO 8601 with milliseconds and offset (`Y-m-d\TH:i:s.vP`). */
export function swDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

const ORDER_MACHINE = swId('machine', 'order.state');
const TX_MACHINE = swId('machine', 'order_transaction.state');

export const STATE_MACHINES: Entity[] = [
  { id: ORDER_MACHINE, technicalName: 'order.state', name: 'Order state' },
  { id: TX_MACHINE, technicalName: 'order_transaction.state', name: 'Payment state' },
];

const ORDER_STATE_NAMES: Record<string, string> = {
  open: 'Open',
  in_progress: 'In progress',
  completed: 'Done',
  cancelled: 'Cancelled',
};
const TX_STATE_NAMES: Record<string, string> = {
  open: 'Open',
  in_progress: 'In Progress',
  unconfirmed: 'Unconfirmed',
  authorized: 'Authorized',
  paid: 'Paid',
  paid_partially: 'Paid (partially)',
  reminded: 'Reminded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  refunded_partially: 'Refunded (partially)',
  chargeback: 'Chargeback',
};

function stateEntity(machine: string, technicalName: string, name: string): Entity {
  const machineEntity = STATE_MACHINES.find((m) => m.technicalName === machine)!;
  return {
    id: swId('state', machine, technicalName),
    technicalName,
    name,
    stateMachineId: machineEntity.id,
    stateMachine: machineEntity,
  };
}

export const STATES: Entity[] = [
  ...Object.entries(ORDER_STATE_NAMES).map(([t, n]) => stateEntity('order.state', t, n)),
  ...Object.entries(TX_STATE_NAMES).map(([t, n]) => stateEntity('order_transaction.state', t, n)),
];

export function state(machine: 'order.state' | 'order_transaction.state', technicalName: string): Entity {
  const found = STATES.find(
    (s) => s.technicalName === technicalName && (s.stateMachine as Entity).technicalName === machine,
  );
  if (!found) throw new Error(`unknown ${machine} state ${technicalName}`);
  const { stateMachine: _m, ...plain } = found;
  return plain;
}

/**
 * Transitions (action_name -> to state) per state, a subset of Shopware's migrations
 * (Migration1536233560BasicData and later ones adding `paid`/`paid_partially`/`reminded` actions).
 */
export const ORDER_TRANSITIONS: Record<string, Record<string, string>> = {
  open: { process: 'in_progress', cancel: 'cancelled' },
  in_progress: { complete: 'completed', cancel: 'cancelled', reopen: 'open' },
  completed: { reopen: 'open' },
  cancelled: { reopen: 'open' },
};
export const TRANSACTION_TRANSITIONS: Record<string, Record<string, string>> = {
  open: {
    paid: 'paid',
    paid_partially: 'paid_partially',
    do_pay: 'in_progress',
    remind: 'reminded',
    cancel: 'cancelled',
    fail: 'failed',
    authorize: 'authorized',
    process_unconfirmed: 'unconfirmed',
  },
  in_progress: {
    paid: 'paid',
    paid_partially: 'paid_partially',
    cancel: 'cancelled',
    fail: 'failed',
    authorize: 'authorized',
    reopen: 'open',
  },
  unconfirmed: {
    paid: 'paid',
    paid_partially: 'paid_partially',
    cancel: 'cancelled',
    fail: 'failed',
    authorize: 'authorized',
    reopen: 'open',
  },
  reminded: { paid: 'paid', paid_partially: 'paid_partially', cancel: 'cancelled', reopen: 'open' },
  paid_partially: {
    paid: 'paid',
    remind: 'reminded',
    refund: 'refunded',
    refund_partially: 'refunded_partially',
    cancel: 'cancelled',
  },
  authorized: { paid: 'paid', paid_partially: 'paid_partially', cancel: 'cancelled', fail: 'failed' },
  paid: {
    refund: 'refunded',
    refund_partially: 'refunded_partially',
    cancel: 'cancelled',
    chargeback: 'chargeback',
  },
  failed: { reopen: 'open', paid: 'paid', cancel: 'cancelled' },
  cancelled: { reopen: 'open' },
  refunded: { reopen: 'open' },
  refunded_partially: { refund: 'refunded', reopen: 'open' },
  chargeback: { paid: 'paid', cancel: 'cancelled', reopen: 'open' },
};

const rounding = { decimals: 2, interval: 0.01, roundForNet: true };

export const CURRENCIES: Entity[] = [
  {
    id: swId('currency', 'EUR'),
    isoCode: 'EUR',
    symbol: '€',
    shortName: 'EUR',
    name: 'Euro',
    factor: 1,
    itemRounding: rounding,
    totalRounding: rounding,
  },
  {
    id: swId('currency', 'CHF'),
    isoCode: 'CHF',
    symbol: 'CHF',
    shortName: 'CHF',
    name: 'Swiss franc',
    factor: 0.95,
    itemRounding: rounding,
    totalRounding: { ...rounding, interval: 0.05 },
  },
];

export const PAYMENT_METHODS: Entity[] = [
  ['payment_prepayment', 'Paid in advance', 1],
  ['payment_invoicepayment', 'Invoice', 2],
  ['payment_cashpayment', 'Cash on delivery', 3],
  ['payment_debitpayment', 'Direct Debit', 4],
].map(([technicalName, name, position]) => ({
  id: swId('payment', technicalName as string),
  technicalName,
  name,
  position,
  active: true,
  afterOrderEnabled: true,
  translated: { name },
}));

const COUNTRY_NAMES: Record<string, string> = {
  DE: 'Germany',
  AT: 'Austria',
  CH: 'Switzerland',
  NL: 'Netherlands',
};

export function country(iso: string): Entity {
  return { id: swId('country', iso), iso, name: COUNTRY_NAMES[iso] ?? iso, addressFormat: {} };
}

export type SeedOrder = {
  orderNumber: string;
  /** Decimal string, e.g. "119.90"; stored as the JSON number Shopware would send. */
  amount: string;
  currency?: string;
  createdAtMs: number;
  updatedAtMs?: number;
  firstName?: string;
  lastName?: string;
  email?: string;
  company?: string;
  country?: string;
  paymentMethod?: string;
  orderState?: string;
  transactionState?: string;
  invoiceNumber?: string;
};

/** A complete order entity with every association the connector may ask for. */
export function buildOrder(seed: SeedOrder, autoIncrement: number): Entity {
  const id = swId('order', seed.orderNumber);
  const currency = CURRENCIES.find((c) => c.isoCode === (seed.currency ?? 'EUR')) ?? CURRENCIES[0]!;
  const method =
    PAYMENT_METHODS.find((p) => p.technicalName === (seed.paymentMethod ?? 'payment_prepayment')) ??
    PAYMENT_METHODS[0]!;
  const amount = Number(seed.amount);
  const billingAddressId = swId('address', id);
  const countryEntity = country(seed.country ?? 'DE');
  const orderState = state('order.state', seed.orderState ?? 'open');
  const txState = state('order_transaction.state', seed.transactionState ?? 'open');
  const firstName = seed.firstName ?? 'Erika';
  const lastName = seed.lastName ?? 'Mustermann';
  const transaction: Entity = {
    id: swId('transaction', id, 1),
    orderId: id,
    paymentMethodId: method.id,
    paymentMethod: method,
    amount: { unitPrice: amount, totalPrice: amount, quantity: 1 },
    stateId: txState.id,
    stateMachineState: txState,
    createdAt: swDate(seed.createdAtMs),
  };
  const order: Entity = {
    id,
    versionId: swId('version', 'live'),
    autoIncrement,
    orderNumber: seed.orderNumber,
    billingAddressId,
    currencyId: currency.id,
    languageId: swId('language', 'de-DE'),
    salesChannelId: swId('sales-channel', 'storefront'),
    orderDateTime: swDate(seed.createdAtMs),
    amountTotal: amount,
    currencyFactor: currency.factor,
    stateId: orderState.id,
    itemRounding: currency.itemRounding,
    totalRounding: currency.totalRounding,
    primaryOrderTransactionId: transaction.id,
    createdAt: swDate(seed.createdAtMs),
    stateMachineState: orderState,
    currency,
    orderCustomer: {
      id: swId('customer', id),
      orderId: id,
      email: seed.email ?? `${firstName}.${lastName}@example.de`.toLowerCase(),
      firstName,
      lastName,
      company: seed.company,
    },
    billingAddress: {
      id: billingAddressId,
      orderId: id,
      countryId: countryEntity.id,
      country: countryEntity,
      firstName,
      lastName,
      street: 'Musterstraße 1',
      city: 'Berlin',
      company: seed.company,
    },
    transactions: [transaction],
    documents: seed.invoiceNumber ? [invoiceDocument(id, seed.invoiceNumber, seed.createdAtMs)] : [],
  };
  if (seed.updatedAtMs !== undefined) order.updatedAt = swDate(seed.updatedAtMs);
  return order;
}

export function invoiceDocument(orderId: string, number: string, atMs: number): Entity {
  return {
    id: swId('document', orderId, number),
    documentTypeId: swId('document-type', 'invoice'),
    documentType: { id: swId('document-type', 'invoice'), technicalName: 'invoice', name: 'Invoice' },
    orderId,
    config: { documentNumber: number },
    documentNumber: number,
    deepLinkCode: swId('deeplink', orderId, number).slice(0, 16),
    createdAt: swDate(atMs),
  };
}

/** Association keys the simulator strips unless a criteria requests them. */
export const ASSOCIATION_KEYS: ReadonlySet<string> = new Set([
  'stateMachineState',
  'currency',
  'orderCustomer',
  'billingAddress',
  'country',
  'transactions',
  'paymentMethod',
  'documents',
  'documentType',
  'stateMachine',
]);
