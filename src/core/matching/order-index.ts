/**
 * Maps over the open orders so the matcher looks candidates up instead of comparing every posting with every
 * order (issue 5: ~linear in orders + postings). Built once per run; `remaining` is the only mutable part
 * (partial payments accumulate as the passes assign).
 */
import { compareNames, customerKey, nameKey, nameTokens, tokenPairs } from './names.ts';
import { numberCore, numberKey } from './references-extract.ts';
import type { MatchOrder } from './types.ts';

export type IndexedOrder = {
  order: MatchOrder;
  tokens: string[];
  companyTokens: string[];
  customerKey: string | undefined;
  nameKeys: string[];
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class OrderIndex {
  readonly byId = new Map<number, IndexedOrder>();
  readonly byReference = new Map<string, IndexedOrder>();
  /** Full number key (`WC10023`) -> orders (number and invoice number, which field in `field`). */
  readonly byKey = new Map<string, { entry: IndexedOrder; field: 'number' | 'invoice' }[]>();
  /** Digit core (`10023`, `123`) -> orders. */
  readonly byCore = new Map<string, { entry: IndexedOrder; field: 'number' | 'invoice' }[]>();
  /** Normalised full name / company key -> orders. */
  readonly byName = new Map<string, IndexedOrder[]>();
  /** Token pair of a name -> orders (for partial name agreement). */
  readonly byNamePair = new Map<string, IndexedOrder[]>();
  /** Customer key (`email:…`/`name:…`) -> orders, for learned facts. */
  readonly byCustomer = new Map<string, IndexedOrder[]>();
  /** `currency:openMinor` -> orders (amount-only suggestions). */
  readonly byAmount = new Map<string, IndexedOrder[]>();
  /** Open amount per order, updated as the passes assign. */
  readonly remaining = new Map<number, number>();

  constructor(orders: readonly MatchOrder[]) {
    for (const order of orders) this.add(order);
  }

  private add(order: MatchOrder): void {
    const tokens = nameTokens(order.customerName);
    const companyTokens = nameTokens(order.company);
    const entry: IndexedOrder = {
      order,
      tokens,
      companyTokens,
      customerKey: customerKey(order),
      nameKeys: [tokens.join(' '), companyTokens.join(' ')].filter((k) => k !== ''),
    };
    this.byId.set(order.id, entry);
    this.remaining.set(order.id, order.totalMinor - order.paidMinor);
    if (order.paymentReference) this.byReference.set(order.paymentReference.toUpperCase(), entry);
    for (const [value, field] of [
      [order.number, 'number'],
      [order.invoiceNumber, 'invoice'],
    ] as const) {
      if (!value) continue;
      const key = numberKey(value);
      if (key) push(this.byKey, key, { entry, field });
      const core = numberCore(value);
      if (core.length >= 3 && core !== key) push(this.byCore, core, { entry, field });
    }
    for (const k of new Set(entry.nameKeys)) push(this.byName, k, entry);
    for (const t of [tokens, companyTokens]) for (const p of tokenPairs(t)) push(this.byNamePair, p, entry);
    if (entry.customerKey) push(this.byCustomer, entry.customerKey, entry);
    const nk = nameKey(order.customerName);
    if (nk && entry.customerKey !== `name:${nk}`) push(this.byCustomer, `name:${nk}`, entry);
    push(this.byAmount, `${order.currency}:${order.totalMinor - order.paidMinor}`, entry);
  }

  openMinor(orderId: number): number {
    return this.remaining.get(orderId) ?? 0;
  }

  /** Orders whose customer or company name agrees with the payer (exact or partial), with the agreement. */
  byPayerName(payerTokens: readonly string[]): Map<number, 'exact' | 'partial'> {
    const out = new Map<number, 'exact' | 'partial'>();
    if (payerTokens.length === 0) return out;
    for (const e of this.byName.get(payerTokens.join(' ')) ?? []) out.set(e.order.id, 'exact');
    if (payerTokens.length > 6) return out;
    for (const pair of tokenPairs(payerTokens)) {
      for (const e of this.byNamePair.get(pair) ?? []) {
        if (out.has(e.order.id)) continue;
        const best = [compareNames(payerTokens, e.tokens), compareNames(payerTokens, e.companyTokens)];
        if (best.includes('exact')) out.set(e.order.id, 'exact');
        else if (best.includes('partial')) out.set(e.order.id, 'partial');
      }
    }
    return out;
  }
}
