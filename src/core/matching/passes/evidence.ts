/**
 * Evidence per posting, computed once per run: which orders the posting points at and why, independent of
 * amounts (those change as the passes assign). Lookups only: references, numbers (exact, core, joined, one
 * typo), payer name, learned IBAN / alias, and the orders with exactly the open amount.
 */
import { compareNames, isSingleWordName, nameKeysInText, normaliseIban } from '../names.ts';
import { isProviderPayout, isReturnedCredit } from '../payment-nature.ts';
import {
  extractReferences,
  lettersAgree,
  type Extraction,
  type NumberCandidate,
} from '../references-extract.ts';
import { REFERENCE_ALPHABET, isValidReference } from '../references.ts';
import { signal } from '../scoring.ts';
import { epochDay, type OrderIndex } from '../order-index.ts';
import type { Candidate, LearnedFacts, MatchOrder, MatchPosting, PassName, Signal } from '../types.ts';

/** A payer name of the posting, normalised once per posting (names.ts nameTokens / nameKey). */
export type PayerName = { name: string; tokens: readonly string[]; key: string };

/*
 * One Evidence per credit posting lives for the whole run (100 000 in the speed benchmark), so it holds only
 * what the passes read later: the extraction is dropped after the lookups, and the sets and caches that most
 * postings never need are allocated on first use (less to allocate, less for the garbage collector to copy).
 */
export type Evidence = {
  posting: MatchPosting;
  /** Unassigned part of the posting. */
  openMinor: number;
  /** orderId -> identity and payer signals. */
  signals: Map<number, Signal[]>;
  /** Orders reached by a one-character typo (number or reference); undefined while there is none. */
  typoOrders: Set<number> | undefined;
  /** Orders with exactly the open amount (amount-only suggestions). */
  amountOrders: readonly number[];
  /** Booking day as days since 1970 (for date windows), or undefined. */
  day: number | undefined;
  /** Payer evidence (name, learned facts) is added lazily: most postings are decided on their reference. */
  payerDone: boolean;
  /** Cache: the pass each order's evidence belongs to; cleared when evidence is added. */
  passes: Map<number, PassName> | undefined;
  /** Cache of the matcher: the passes that can possibly assign this posting; cleared when evidence is added. */
  possible: Set<PassName> | undefined;
  /**
   * Cache of the matcher: the last ranking of the automatic passes, with the open amounts it was made for. Only
   * what an automatic decision keeps: the best candidate first (for the queue, the first maxCandidates), the
   * runner-up's score and pass, and the band.
   */
  ranked:
    | {
        top: Candidate[];
        runnerUp: { score: number; pass: PassName } | undefined;
        band: 'auto' | 'suggest' | 'none';
        opens: number[];
        payerDone: boolean;
      }
    | undefined;
  /**
   * Orders named only by a bare 4–5 digit number followed by a word, which may be a postcode and its place
   * ("80331 MUENCHEN"): orderId -> the word. Undefined while there is none (most postings).
   */
  places: Map<number, string> | undefined;
  /**
   * Blockers every candidate of this posting gets from the posting alone (payment-nature.ts: a provider's
   * payout, a returned transfer), computed on first use; an empty list for most postings.
   */
  nature: { all: readonly string[]; unlessReference: readonly string[] } | undefined;
  /**
   * Customer names (nameKey form) of open orders that the remittance writes out in full ("fuer Julia Weber"),
   * computed when a payer-pass candidate first needs them (textNamesOf); null when there is none.
   */
  textNames: Set<string> | null | undefined;
  /**
   * Open orders named only by a number that is also a closed order's (MatchInput.closedNumbers: two shops with
   * the same number, one order paid already). Undefined while there is none (most postings).
   */
  closedNamed: Set<number> | undefined;
  /**
   * Orders named only by the digits of a number written with other letters ("RE-10023" for order WC-10023:
   * the shop's separately counted invoice, a voucher). Undefined while there is none (most postings).
   */
  otherLetters: Set<number> | undefined;
  /** A number in the text that is a recently closed (paid) order's (MatchInput.closedNumbers), if any. */
  namesClosed: string | undefined;
  /** counterpartyName and ultimateDebtor normalised (computed on first use; null when absent). */
  payerNames: { counterparty: PayerName | null; debtor: PayerName | null } | undefined;
};

const NO_ORDERS: readonly number[] = [];

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

const NONE: readonly string[] = Object.freeze([]);

/**
 * The posting's own hard rules (payment-nature.ts), once per posting: `all` apply to every candidate, even one
 * resting on our reference (returned money is no payment at all); `unlessReference` to all but those (our
 * reference in a provider's payout is a forwarded customer payment).
 */
export function postingNature(ev: Evidence): NonNullable<Evidence['nature']> {
  return (ev.nature ??= {
    all: isReturnedCredit(ev.posting.remittance) ? ['credit_returns_a_transfer'] : NONE,
    unlessReference: isProviderPayout(ev.posting.counterpartyName) ? ['payer_is_payment_provider'] : NONE,
  });
}

function addTypo(out: Evidence, orderId: number): void {
  (out.typoOrders ??= new Set()).add(orderId);
}

/**
 * A very common name matches many open orders; only the ones whose amount can explain the posting (alone or
 * as part of a combined payment) are worth ranking. Bounds the work per posting whatever the data.
 */
const PAYER_CAP = 16;

function add(map: Map<number, Signal[]>, orderId: number, s: Signal): void {
  const list = map.get(orderId);
  if (!list) map.set(orderId, [s]);
  else if (!list.some((x) => x.kind === s.kind)) list.push(s);
}

/** Single substitutions and adjacent transpositions of a string over an alphabet. */
export function oneEditVariants(text: string, alphabet: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const head = text.slice(0, i);
    const tail = text.slice(i + 1);
    for (const ch of alphabet) if (ch !== text[i]) out.push(head + ch + tail);
    if (i + 1 < text.length && text[i] !== text[i + 1])
      out.push(head + text[i + 1] + text[i] + text.slice(i + 2));
  }
  return out;
}

/**
 * oneEditVariants(digits, '0123456789') as numbers, in the same order, without those with a leading zero (no number
 * of ours): `digits` has no leading zero itself (a digit core), so each variant's string is String(value).
 * Stops at the first variant for which `visit` returns true, and then returns true.
 */
export function digitVariants(digits: string, visit: (value: number) => boolean | void): boolean {
  const n = digits.length;
  const d: number[] = [];
  for (let i = 0; i < n; i++) d.push(digits.charCodeAt(i) - 48);
  const value = Number(digits);
  let pow = 10 ** (n - 1);
  for (let i = 0; i < n; i++) {
    const di = d[i] ?? 0;
    for (let ch = 0; ch <= 9; ch++)
      if (ch !== di && !(i === 0 && ch === 0) && visit(value + (ch - di) * pow) === true) return true;
    const next = d[i + 1];
    if (
      next !== undefined &&
      next !== di &&
      !(i === 0 && next === 0) &&
      visit(value + (next - di) * pow + (di - next) * (pow / 10)) === true
    )
      return true;
    pow /= 10;
  }
  return false;
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
      add(
        out.signals,
        hit.entry.order.id,
        signal(hit.field === 'number' ? 'number' : 'invoice_number', `RF creditor reference with ${body}`),
      );
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
    addTypo(out, id);
  }
}

function typoHit(
  out: Evidence,
  written: string,
  hit: { entry: { order: MatchOrder }; field: 'number' | 'invoice' },
  place: string | undefined,
): void {
  const order = hit.entry.order;
  // A postcode and its place ("80331 Muenchen") one digit away from an order number is no more an order
  // number than the postcode itself: the same hard rule as for an exact hit (single.ts number_may_be_postcode).
  if (place !== undefined) (out.places ??= new Map()).set(order.id, place);
  const target =
    hit.field === 'number' ? `order number ${order.number}` : `invoice number ${order.invoiceNumber ?? ''}`;
  add(out.signals, order.id, signal('number_typo', `${written} is one typo away from ${target}`));
  addTypo(out, order.id);
}

const isExactNumber = (s: Signal) =>
  s.kind === 'number' || s.kind === 'invoice_number' || s.kind === 'number_joined';

function numberEvidence(
  ex: Extraction,
  index: OrderIndex,
  out: Evidence,
  closed: ReadonlySet<string> | undefined,
): void {
  let hits = 0;
  // Orders named by a number that may be a postcode, unless another number names them as well.
  let places: Map<number, string> | undefined;
  let plain: Set<number> | undefined;
  // Orders named only by the number of a closed order (two shops, one number), unless another number names them.
  let closedNamed: Set<number> | undefined;
  let openNamed: Set<number> | undefined;
  // Orders reached by digits only, written with other letters ("RE-10023" for WC-10023), unless also otherwise.
  let otherLetters: Set<number> | undefined;
  let sameLetters: Set<number> | undefined;
  const named = (c: NumberCandidate, orderId: number) => {
    if (c.place !== undefined) (places ??= new Map()).set(orderId, c.place);
    else (plain ??= new Set()).add(orderId);
    if (closed?.has(c.key)) (closedNamed ??= new Set()).add(orderId);
    else (openNamed ??= new Set()).add(orderId);
  };
  for (const c of ex.numbers) {
    if (closed?.has(c.key)) out.namesClosed = c.key;
    const kw = c.keyword ? ' after an order keyword' : '';
    const exact = index.byKey.get(c.key);
    for (const hit of exact ?? []) {
      hits++;
      named(c, hit.entry.id);
      const kind = c.joined ? 'number_joined' : hit.field === 'number' ? 'number' : 'invoice_number';
      add(
        out.signals,
        hit.entry.order.id,
        signal(
          kind,
          `${hit.field === 'number' ? 'order' : 'invoice'} number ${hit.entry.order[hit.field === 'number' ? 'number' : 'invoiceNumber'] ?? ''}${kw}`,
        ),
      );
    }
    const core = c.core || '';
    if (core.length >= 3) {
      for (const hit of index.byCore.get(core) ?? []) {
        const written =
          hit.field === 'number' ? hit.entry.order.number : (hit.entry.order.invoiceNumber ?? '');
        const agree = lettersAgree(c.key, written, hit.field);
        // "WC-77297" names order WC-77297 exactly; that its digits are also those of invoice RE-2026-77297 is
        // no evidence for the invoice's order at all.
        if (!agree && exact) continue;
        hits++;
        named(c, hit.entry.id);
        if (!agree) (otherLetters ??= new Set()).add(hit.entry.id);
        else (sameLetters ??= new Set()).add(hit.entry.id);
        // Short cores ("123") are weak: many texts contain three digits.
        const weight = core.length >= 5 ? 0.75 : core.length === 4 ? 0.65 : 0.4;
        add(
          out.signals,
          hit.entry.order.id,
          signal(
            'number_core',
            `${hit.field === 'number' ? 'order' : 'invoice'} number ${written} written as ${c.key}`,
            weight,
          ),
        );
      }
    }
  }
  if (places) {
    for (const id of plain ?? []) places.delete(id);
    if (places.size > 0) out.places = places;
  }
  if (closedNamed) {
    for (const id of openNamed ?? []) closedNamed.delete(id);
    if (closedNamed.size > 0) out.closedNamed = closedNamed;
  }
  if (otherLetters) {
    for (const id of sameLetters ?? []) otherLetters.delete(id);
    for (const id of otherLetters) if (out.signals.get(id)?.some(isExactNumber)) otherLetters.delete(id);
    if (otherLetters.size > 0) out.otherLetters = otherLetters;
  }
  if (hits > 0 || out.signals.size > 0) return;
  // One-character typo or transposition in a number of at least 4 digits (issue 5 §3): digits only, so
  // the variants stay few (≤ 10 per position) and every lookup is a Map get.
  for (const c of ex.numbers) {
    const core = c.core;
    // Only what looks like a written order number: after an order keyword, or a bare number of 4–8 digits.
    if (core.length < 4 || core.length > 8 || c.joined || !(c.keyword || /^\d+$/.test(c.key))) continue;
    // A bare year ("Weihnachten 2026", "Beitrag 2026") is a year, not a mistyped order number: a young shop's
    // orders 2016, 2025, 2027, 2036 … are one digit away from it. After an order keyword it may be one.
    if (!c.keyword && /^(?:19|20)\d{2}$/.test(c.key)) continue;
    // The number of an order that is paid already (or otherwise closed) is that order's number, not a typo of
    // another one: a customer who pays order 10023 a second time must not pay a stranger's open order 10028
    // of the same price (MatchInput.closedNumbers).
    if (closed && (closed.has(c.key) || closed.has(core))) continue;
    // The variants have the core's 4–8 digits and no leading zero: byKey/byCore by numeric value.
    digitVariants(core, (value) => {
      if (!index.mayBeDigitKey(value)) return;
      const byKey = index.byDigitKey.get(value);
      const byCore = index.byDigitCore.get(value);
      if (byKey) for (const hit of byKey) typoHit(out, c.key, hit, c.place);
      if (byCore) for (const hit of byCore) typoHit(out, c.key, hit, c.place);
    });
  }
}

/**
 * A person's name of one token is a surname alone ("Familie Schneider", "HERR SCHNEIDER", or "Schneider GmbH"
 * with its legal form dropped): equal to a customer's one-token name it is a shared surname, which is not
 * agreement (names.ts compareNames) — partial. One-word companies still agree through the company field.
 */
const surnameOnly = (tokens: readonly string[], payer: string, customer: string | null | undefined) =>
  tokens.length < 2 && (isSingleWordName(payer) || isSingleWordName(customer));

type PayerKind = 'name_exact' | 'name_partial' | 'company';
type PayerHit = { kind: PayerKind; name: string; signal: Signal | undefined } | undefined;

/*
 * A common payer name reaches many open orders, and the evidence of a posting that is not decided at once lives
 * through several passes. The signal for "payer X" is the same for every order it reaches, so one (read-only)
 * signal object per payer and kind is shared instead of one per order: same content, far fewer objects.
 */
function payerEvidence(posting: MatchPosting, index: OrderIndex, learned: LearnedFacts, out: Evidence): void {
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

/** Inserts into a list kept sorted by (distance, id) and cut at `cap`; most offers lose to the last at once. */
function insertBounded(list: Picked[], cap: number, id: number, hit: PayerHit, distance: number): void {
  const before = (p: Picked) => distance < p.distance || (distance === p.distance && id < p.id);
  const last = list[list.length - 1];
  if (list.length >= cap && last && !before(last)) return;
  let at = list.length;
  while (at > 0 && before(list[at - 1] as Picked)) at--;
  list.splice(at, 0, { id, hit, distance });
  if (list.length > cap) list.pop();
}

/**
 * In dense order numbering many open orders are one typo away from what the payer wrote. Only those whose
 * amount or payer agrees can be meant ("exactly one open order fits"); the others are dropped, keeping a few
 * for the queue when none fits.
 */
function pruneTypos(out: Evidence, index: OrderIndex): void {
  const typos = out.typoOrders;
  if (!typos || typos.size <= 1) return;
  const fits = (id: number) => {
    const open = index.openMinor(id);
    const payer = (out.signals.get(id) ?? []).some(
      (s) =>
        s.kind === 'name_exact' ||
        s.kind === 'company' ||
        s.kind === 'iban_learned' ||
        s.kind === 'alias_learned',
    );
    return payer || (open > 0 && Math.abs(open - out.openMinor) <= Math.max(100, Math.ceil(open * 0.02)));
  };
  const all = [...typos];
  const fitting = all.filter(fits);
  const keep = new Set(fitting.length > 0 ? fitting : all.slice(0, 3));
  for (const id of all) {
    if (keep.has(id)) continue;
    typos.delete(id);
    const rest = (out.signals.get(id) ?? []).filter(
      (s) => s.kind !== 'number_typo' && s.kind !== 'reference_typo',
    );
    if (rest.length > 0) out.signals.set(id, rest);
    else out.signals.delete(id);
  }
}

/** Reference and number evidence of a posting (payer evidence follows lazily, see addPayerEvidence). */
export function collectEvidence(
  posting: MatchPosting,
  index: OrderIndex,
  patterns: readonly RegExp[],
  closedNumbers?: ReadonlySet<string>,
): Evidence {
  const extraction = extractReferences(posting, patterns);
  const out: Evidence = {
    posting,
    openMinor: posting.amountMinor - posting.assignedMinor,
    signals: new Map(),
    typoOrders: undefined,
    amountOrders: NO_ORDERS,
    day: epochDay(posting.bookingDate),
    payerDone: false,
    passes: undefined,
    possible: undefined,
    payerNames: undefined,
    nature: undefined,
    textNames: undefined,
    closedNamed: undefined,
    otherLetters: undefined,
    namesClosed: undefined,
    ranked: undefined,
    places: undefined,
  };
  referenceEvidence(extraction, index, out);
  numberEvidence(extraction, index, out, closedNumbers);
  if (out.signals.size > 0) identityPayer(out, index);
  return out;
}

/** Does the payer agree with the orders the posting names? A direct comparison, no name index needed. */
function identityPayer(out: Evidence, index: OrderIndex): void {
  const names = payerNames(out, index);
  for (const payer of [names.counterparty, names.debtor]) {
    if (!payer) continue;
    const { name, tokens } = payer;
    for (const id of out.signals.keys()) {
      const e = index.byId.get(id);
      if (!e) continue;
      if (e.companyTokens.length > 0 && compareNames(tokens, e.companyTokens) === 'exact')
        add(out.signals, id, signal('company', `payer ${name} is the customer's company`));
      else {
        const agreement = compareNames(tokens, e.tokens);
        if (agreement !== 'none')
          add(
            out.signals,
            id,
            signal(
              agreement === 'exact' && !surnameOnly(tokens, name, e.order.customerName)
                ? 'name_exact'
                : 'name_partial',
              `payer ${name}`,
            ),
          );
      }
    }
  }
}

/**
 * Full customer names (of open orders) the remittance writes out, except the payer's own or a part of it
 * ("Anna Maria Schmidt" contains the customer "Maria Schmidt"), which say nothing about someone else. Computed
 * once per posting, on first use (only payer-pass candidates ask).
 */
export function textNamesOf(ev: Evidence, index: OrderIndex): ReadonlySet<string> | null {
  if (ev.textNames !== undefined) return ev.textNames;
  let found: Set<string> | null = null;
  const keys = nameKeysInText(ev.posting.remittance);
  if (keys.length > 0) {
    const names = payerNames(ev, index);
    const payers = [names.counterparty?.tokens ?? [], names.debtor?.tokens ?? []];
    for (const key of keys)
      if (index.byName.has(key) && !payers.some((p) => tokensWithin(key, p))) (found ??= new Set()).add(key);
  }
  return (ev.textNames = found);
}

/** Are all tokens of a name key (tokens joined by one space) among `tokens`? */
export function tokensWithin(key: string, tokens: readonly string[]): boolean {
  return tokens.length > 0 && key.split(' ').every((t) => tokens.includes(t));
}

/** Adds payer-name and learned-fact evidence and the amount-only candidates (idempotent). */
export function addPayerEvidence(out: Evidence, index: OrderIndex, learned: LearnedFacts): void {
  if (out.payerDone) return;
  out.payerDone = true;
  out.passes = undefined;
  payerEvidence(out.posting, index, learned, out);
  pruneTypos(out, index);
  const same = index.byAmount.get(out.posting.currency)?.get(out.openMinor) ?? [];
  // Amount-only candidates are suggestions for the queue (never automatic, and they cannot block an automatic
  // decision: their score stays below the threshold minus the margin). An amount that many orders share
  // says nothing, so it suggests nothing.
  out.amountOrders = same.length <= 10 ? same.slice(0, 5).map((e) => e.order.id) : NO_ORDERS;
}
