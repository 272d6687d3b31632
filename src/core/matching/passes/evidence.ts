/**
 * Evidence per posting, computed once per run: which orders the posting points at and why, independent of
 * amounts (those change as the passes assign). Lookups only: references, numbers (exact, core, joined, one
 * typo), payer name, learned IBAN / alias, and the orders with exactly the open amount.
 */
import { nameKey, nameTokens, normaliseIban } from '../names.ts';
import type { OrderIndex } from '../order-index.ts';
import { extractReferences, type Extraction } from '../references-extract.ts';
import { REFERENCE_ALPHABET, isValidReference } from '../references.ts';
import { signal } from '../scoring.ts';
import type { LearnedFacts, MatchPosting, Signal } from '../types.ts';

export type Evidence = {
  posting: MatchPosting;
  /** Unassigned part of the posting. */
  openMinor: number;
  extraction: Extraction;
  /** orderId -> identity and payer signals. */
  signals: Map<number, Signal[]>;
  /** Orders reached by a one-character typo (number or reference). */
  typoOrders: Set<number>;
  /** Orders with exactly the open amount (amount-only suggestions). */
  amountOrders: number[];
};

function add(map: Map<number, Signal[]>, orderId: number, s: Signal): void {
  const list = map.get(orderId);
  if (!list) map.set(orderId, [s]);
  else if (!list.some((x) => x.kind === s.kind)) list.push(s);
}

const DIGITS = '0123456789';

/** Single substitutions and adjacent transpositions of a string over an alphabet. */
export function oneEditVariants(text: string, alphabet: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    for (const ch of alphabet) if (ch !== text[i]) out.push(text.slice(0, i) + ch + text.slice(i + 1));
    if (i + 1 < text.length && text[i] !== text[i + 1]) out.push(text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2));
  }
  return out;
}

function referenceEvidence(ex: Extraction, index: OrderIndex, out: Evidence): void {
  for (const ref of ex.references) {
    const e = index.byReference.get(ref);
    if (e) add(out.signals, e.order.id, signal('reference', `payment reference ${ref}`));
  }
  for (const body of ex.creditorBodies) {
    const e = index.byReference.get(body);
    if (e) add(out.signals, e.order.id, signal('creditor_reference', `RF creditor reference with ${body}`));
    for (const hit of index.byKey.get(body) ?? []) {
      add(out.signals, hit.entry.order.id, signal(hit.field === 'number' ? 'number' : 'invoice_number', `RF creditor reference with ${body}`));
    }
  }
  if (ex.references.length > 0) return;
  // A broken reference is repaired only when exactly one valid one-edit variant is a reference of ours.
  const repaired = new Set<number>();
  for (const broken of ex.brokenReferences) {
    for (const v of oneEditVariants(broken, REFERENCE_ALPHABET)) {
      if (!isValidReference(v)) continue;
      const e = index.byReference.get(v);
      if (e) repaired.add(e.order.id);
    }
  }
  for (const id of repaired) {
    add(out.signals, id, signal('reference_typo', 'payment reference with one typo'));
    out.typoOrders.add(id);
  }
}

function numberEvidence(ex: Extraction, index: OrderIndex, out: Evidence): void {
  let hits = 0;
  for (const c of ex.numbers) {
    const kw = c.keyword ? ' after an order keyword' : '';
    for (const hit of index.byKey.get(c.key) ?? []) {
      hits++;
      const kind = c.joined ? 'number_joined' : hit.field === 'number' ? 'number' : 'invoice_number';
      add(out.signals, hit.entry.order.id, signal(kind, `${hit.field === 'number' ? 'order' : 'invoice'} number ${hit.entry.order[hit.field === 'number' ? 'number' : 'invoiceNumber'] ?? ''}${kw}`));
    }
    const core = c.core || '';
    if (core.length >= 3) {
      for (const hit of index.byCore.get(core) ?? []) {
        hits++;
        // Short cores ("123") are weak: many texts contain three digits.
        const weight = core.length >= 5 ? 0.75 : core.length === 4 ? 0.65 : 0.4;
        const written = hit.field === 'number' ? hit.entry.order.number : (hit.entry.order.invoiceNumber ?? '');
        add(out.signals, hit.entry.order.id, signal('number_core', `${hit.field} number ${written} written as ${c.key}`, weight));
      }
    }
  }
  if (hits > 0 || out.signals.size > 0) return;
  // One-character typo or transposition in a number of at least 4 digits (issue 5 §3): digits only, so
  // the variants stay few (≤ 10 per position) and every lookup is a Map get.
  for (const c of ex.numbers) {
    const core = c.core;
    if (core.length < 4 || c.joined) continue;
    for (const v of oneEditVariants(core, DIGITS)) {
      if (v.startsWith('0')) continue;
      for (const hit of [...(index.byKey.get(v) ?? []), ...(index.byCore.get(v) ?? [])]) {
        add(out.signals, hit.entry.order.id, signal('number_typo', `${c.key} is one typo away from ${hit.field} number ${hit.field === 'number' ? hit.entry.order.number : (hit.entry.order.invoiceNumber ?? '')}`));
        out.typoOrders.add(hit.entry.order.id);
      }
    }
  }
}

function payerEvidence(posting: MatchPosting, index: OrderIndex, learned: LearnedFacts, out: Evidence): void {
  for (const name of [posting.counterpartyName, posting.ultimateDebtor]) {
    const tokens = nameTokens(name);
    for (const [orderId, agreement] of index.byPayerName(tokens)) {
      const e = index.byId.get(orderId);
      const viaCompany = e !== undefined && e.companyTokens.length > 0 && e.companyTokens.join(' ') === tokens.join(' ');
      if (viaCompany) add(out.signals, orderId, signal('company', `payer ${name ?? ''} is the customer's company`));
      else add(out.signals, orderId, signal(agreement === 'exact' ? 'name_exact' : 'name_partial', `payer ${name ?? ''}`));
    }
  }
  const iban = normaliseIban(posting.counterpartyIban);
  for (const ck of (iban && learned.ibanToCustomers.get(iban)) || []) {
    for (const e of index.byCustomer.get(ck) ?? []) add(out.signals, e.order.id, signal('iban_learned', `IBAN ${iban ?? ''} paid for this customer before`));
  }
  const alias = nameKey(posting.counterpartyName);
  for (const ck of (alias && learned.aliasToCustomers.get(alias)) || []) {
    for (const e of index.byCustomer.get(ck) ?? []) add(out.signals, e.order.id, signal('alias_learned', `payer name ${alias} confirmed for this customer before`));
  }
}

export function collectEvidence(posting: MatchPosting, index: OrderIndex, learned: LearnedFacts, patterns: readonly RegExp[]): Evidence {
  const extraction = extractReferences(posting, patterns);
  const out: Evidence = {
    posting,
    openMinor: posting.amountMinor - posting.assignedMinor,
    extraction,
    signals: new Map(),
    typoOrders: new Set(),
    amountOrders: [],
  };
  referenceEvidence(extraction, index, out);
  numberEvidence(extraction, index, out);
  payerEvidence(posting, index, learned, out);
  const same = index.byAmount.get(`${posting.currency}:${out.openMinor}`) ?? [];
  // Amount-only candidates are suggestions; a very common amount says nothing, so the list is capped.
  out.amountOrders = same.slice(0, 20).map((e) => e.order.id);
  return out;
}
