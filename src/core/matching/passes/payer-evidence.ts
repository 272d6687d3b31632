/**
 * Payer evidence of a posting (issue 5 §3, §4): the payer's name (counterparty, ultimate debtor) against the
 * customers and companies of open orders, and what confirmed assignments taught (IBAN, name alias). A common
 * name reaches many orders; only the ones the amount can explain are kept (PayerPicker).
 */
import { isSingleWordName, normaliseIban } from '../names.ts';
import { signal } from '../scoring.ts';
import type { OrderIndex } from '../order-index.ts';
import type { LearnedFacts, MatchPosting, Signal } from '../types.ts';
import type { Evidence, PayerName } from './evidence.ts';
import { add } from './evidence-signals.ts';
function payerName(name: string | null | undefined, index: OrderIndex): PayerName | null {
  if (!name) return null;
  const { tokens, key } = index.normalised(name);
  return { name, tokens, key };
}

/** The payer names of a posting, each normalised once however many passes and orders look at them. */
export function payerNames(
  ev: Evidence,
  index: OrderIndex,
): { counterparty: PayerName | null; debtor: PayerName | null } {
  return (ev.payerNames ??= {
    counterparty: payerName(ev.posting.counterpartyName, index),
    debtor: payerName(ev.posting.ultimateDebtor, index),
  });
}

/**
 * A very common name matches many open orders; only the ones whose amount can explain the posting (alone or
 * as part of a combined payment) are worth ranking. Bounds the work per posting whatever the data.
 */
const PAYER_CAP = 16;

/**
 * A person's name of one token is a surname alone ("Familie Schneider", "HERR SCHNEIDER", or "Schneider GmbH"
 * with its legal form dropped): equal to a customer's one-token name it is a shared surname, which is not
 * agreement (names.ts compareNames) — partial. One-word companies still agree through the company field.
 */
export const surnameOnly = (tokens: readonly string[], payer: string, customer: string | null | undefined) =>
  tokens.length < 2 && (isSingleWordName(payer) || isSingleWordName(customer));

type PayerKind = 'name_exact' | 'name_partial' | 'company';
type PayerHit = { kind: PayerKind; name: string; signal: Signal | undefined } | undefined;

/*
 * A common payer name reaches many open orders, and the evidence of a posting that is not decided at once lives
 * through several passes. The signal for "payer X" is the same for every order it reaches, so one (read-only)
 * signal object per payer and kind is shared instead of one per order: same content, far fewer objects.
 */
export function payerEvidence(
  posting: MatchPosting,
  index: OrderIndex,
  learned: LearnedFacts,
  out: Evidence,
): void {
  const names = payerNames(out, index);
  const learnedSignals = learnedFor(posting, names.counterparty, index, learned);
  // Which orders were offered already: only needed when a second source may repeat one (the ultimate debtor
  // reaches orders the counterparty reached; a learned fact names an order a name reached): the first counts.
  const seen = names.debtor || learnedSignals ? new Set<number>() : undefined;
  const picker = new PayerPicker(out);
  for (const payer of [names.counterparty, names.debtor]) {
    if (!payer) continue;
    const { name, key } = payer;
    let exact: PayerHit;
    let partial: PayerHit;
    let company: PayerHit;
    index.forPayerName(payer.tokens, key, (e, agreement) => {
      if (seen) {
        if (seen.has(e.id)) return;
        seen.add(e.id);
      }
      const hit =
        e.companyKey !== '' && e.companyKey === key
          ? (company ??= { kind: 'company', name, signal: undefined })
          : agreement === 'exact' && !surnameOnly(payer.tokens, name, e.order.customerName)
            ? (exact ??= { kind: 'name_exact', name, signal: undefined })
            : (partial ??= { kind: 'name_partial', name, signal: undefined });
      picker.offer(e.id, e.open, hit);
    });
  }
  if (learnedSignals)
    for (const id of learnedSignals.keys())
      if (!seen?.has(id)) picker.offer(id, index.openMinor(id), undefined);
  for (const { id, hit } of picker.picked()) {
    if (hit)
      add(
        out.signals,
        id,
        (hit.signal ??= signal(
          hit.kind,
          hit.kind === 'company' ? `payer ${hit.name} is the customer's company` : `payer ${hit.name}`,
        )),
      );
    const l = learnedSignals?.get(id);
    if (l) add(out.signals, id, l);
  }
}

/** Orders a learned fact names for this payer (IBAN, then name alias), with the signal; undefined when none. */
function learnedFor(
  posting: MatchPosting,
  counterparty: PayerName | null,
  index: OrderIndex,
  learned: LearnedFacts,
): Map<number, Signal> | undefined {
  let out: Map<number, Signal> | undefined;
  const iban = learned.ibanToCustomers.size > 0 ? normaliseIban(posting.counterpartyIban) : undefined;
  let ibanSignal: Signal | undefined;
  for (const ck of (iban && learned.ibanToCustomers.get(iban)) || []) {
    for (const e of index.byCustomer.get(ck) ?? [])
      (out ??= new Map()).set(
        e.order.id,
        (ibanSignal ??= signal('iban_learned', `IBAN ${iban ?? ''} paid for this customer before`)),
      );
  }
  const alias = learned.aliasToCustomers.size > 0 ? (counterparty?.key ?? '') : '';
  let aliasSignal: Signal | undefined;
  for (const ck of (alias && learned.aliasToCustomers.get(alias)) || []) {
    for (const e of index.byCustomer.get(ck) ?? []) {
      if (!out?.has(e.order.id))
        (out ??= new Map()).set(
          e.order.id,
          (aliasSignal ??= signal('alias_learned', `payer name ${alias} confirmed for this customer before`)),
        );
    }
  }
  return out;
}

type Picked = { id: number; hit: PayerHit; distance: number };

/**
 * The payer's orders worth ranking, picked as they are found: those the amount can pay alone (within tolerance)
 * or as part of a combined payment, and those already named by number (the PAYER_CAP closest amounts), plus
 * the two others with the closest amounts for the queue; all of them when there are at most four. A common
 * name that reaches a hundred open orders so costs one comparison per order, and no more memory than a rare one.
 */
class PayerPicker {
  private count = 0;
  /** The first four in the order found (all of them are kept when there are no more). */
  private readonly first: Picked[] = [];
  /** Best first by (distance, order id), at most PAYER_CAP and 2. */
  private readonly fits: Picked[] = [];
  private readonly others: Picked[] = [];
  private readonly paid: number;
  private readonly limit: number;

  constructor(private readonly out: Evidence) {
    this.paid = out.openMinor;
    this.limit = this.paid + Math.max(100, Math.ceil(this.paid * 0.05));
  }

  offer(id: number, open: number, hit: PayerHit): void {
    const distance = Math.abs(open - this.paid);
    this.count++;
    if (this.first.length < 4) this.first.push({ id, hit, distance });
    const fits = this.out.signals.has(id) || (open > 0 && open <= this.limit);
    insertBounded(fits ? this.fits : this.others, fits ? PAYER_CAP : 2, id, hit, distance);
  }

  picked(): readonly Picked[] {
    return this.count <= 4 ? this.first : [...this.fits, ...this.others];
  }
}

/** Does (distance, id) come before `p`? (A module function: called once per order a payer name reaches.) */
function ranksBefore(distance: number, id: number, p: Picked): boolean {
  return distance < p.distance || (distance === p.distance && id < p.id);
}

/** Inserts into a list kept sorted by (distance, id) and cut at `cap`; most offers lose to the last at once. */
function insertBounded(list: Picked[], cap: number, id: number, hit: PayerHit, distance: number): void {
  const last = list[list.length - 1];
  if (list.length >= cap && last && !ranksBefore(distance, id, last)) return;
  let at = list.length;
  while (at > 0 && ranksBefore(distance, id, list[at - 1] as Picked)) at--;
  list.splice(at, 0, { id, hit, distance });
  if (list.length > cap) list.pop();
}
