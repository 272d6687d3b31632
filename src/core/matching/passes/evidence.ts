/**
 * Evidence per posting, computed once per run: which orders the posting points at and why, independent of
 * amounts (those change as the passes assign). Lookups only: references, numbers (exact, core, joined, one
 * typo), payer name, learned IBAN / alias, and the orders with exactly the open amount.
 */
import { compareNames, nameKeysInText, nameTokens } from '../names.ts';
import { isProviderPayout, returnWords } from '../payment-nature.ts';
import { extractReferences, type Extraction, type Identifiers } from '../references-extract.ts';
import { hasDigit } from '../number-keys.ts';
import { agreesAsPayer } from '../scoring.ts';
import { epochDay } from '../../dates.ts';
import type { IndexedOrder, OrderIndex } from '../order-index.ts';
import type { Candidate, LearnedFacts, MatchPosting, PassName } from '../types.ts';
import { add } from './evidence-signals.ts';
import { shortNamesIn } from './names-in-text.ts';
import { SignalMap } from './signal-map.ts';
import { numberEvidence, referenceEvidence } from './number-evidence.ts';
import { companyNamed, payerEvidence, payerNames, payerSignal, surnameOnly } from './payer-evidence.ts';

export { payerNames } from './payer-evidence.ts';

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
  /** posting.currency as the index's one string for it (OrderIndex.currency): compared with IndexedOrder.currency. */
  currency: string;
  /** orderId -> identity and payer signals. */
  signals: SignalMap;
  /** Orders reached by a one-character typo (number or reference); undefined while there is none. */
  typoOrders: Set<number> | undefined;
  /** Orders with exactly the open amount (amount-only suggestions). */
  amountOrders: readonly number[];
  /** Booking day as days since 1970 (for date windows), or undefined. */
  day: number | undefined;
  /** Payer evidence (name, learned facts) is added lazily: most postings are decided on their reference. */
  payerDone: boolean;
  /** Cache of the matcher: the passes that can possibly assign this posting (a bit each); cleared when evidence is added. */
  possible: number | undefined;
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
        /** Undefined until the ranking is kept for a later pass. */
        opens: number[] | undefined;
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
  /**
   * Orders named only by a number in an identifier field (end-to-end id, EREF+, KREF+), while the free text writes
   * another document's number ("EREF+10023 SVWZ+RG 4711"): the payer's own reference, which a business's payment
   * run fills with its own document numbers. Undefined while there is none (most postings).
   */
  idOnly: Set<number> | undefined;
  /**
   * Orders named only in an abbreviated list ("10023/24", "10023, 24 u. 25": NumberCandidate.listed), and the keys of
   * each such list: they name orders only together (single.ts number_abbreviated, combined.ts). Undefined while there
   * is none (most postings).
   */
  abbreviated: { orders: Set<number>; lists: (readonly string[])[] } | undefined;
  /**
   * A number, payment reference or RF creditor reference in the text that is a recently closed (paid) order's
   * (MatchInput.closedNumbers), if any.
   */
  namesClosed: string | undefined;
  /**
   * A number in the text in the range of the open orders' numbers (OrderIndex.inNumberRange) that names no open
   * order, nor one by a typo: an order not synced yet, or closed long ago. Undefined while there is none.
   */
  namesUnknown: string | undefined;
  /**
   * Open orders (awaiting payment) whose order or invoice number the text writes under a label of another kind of
   * number ("Kundennr. 10023", "Beleg-Nr. 10023": Extraction.labelValues). No evidence for them, but the payer may
   * have put that order's number under the wrong label: then payer and amount do not tell which order was paid
   * (ranking.ts masked_number_names_other_order). Undefined while there is none (most postings).
   */
  labelNamed: Set<number> | undefined;
  /** Orders reached only by a one-typo variant of a closed order's number; undefined while there is none. */
  closedTypos: Set<number> | undefined;
  /**
   * Orders one typo away from a closed order's number that pruneClosedTypos took out of typoOrders (the payer does not
   * agree with them): no typo candidates of their own, but still orders one typo away from what the payer wrote, which
   * the rule "exactly one open order fits" (single.ts typosFitting, typo_ambiguous) must count. Undefined while there
   * is none (most postings).
   */
  closedNeighbours: Set<number> | undefined;
  /**
   * Orders reached only by a one-typo variant of a number above every known number of their shop
   * (OrderIndex.aboveKnownNumbers: the next order, not synced yet); undefined while there is none.
   */
  unsyncedTypos: Set<number> | undefined;
  /** counterpartyName and ultimateDebtor normalised (computed on first use; null when absent). */
  payerNames: { counterparty: PayerName | null; debtor: PayerName | null } | undefined;
};

const NO_ORDERS: readonly number[] = [];

const NONE: readonly string[] = Object.freeze([]);

/**
 * The posting's own hard rules (payment-nature.ts), once per posting: `all` apply to every candidate, even one
 * resting on our reference (returned money is no payment at all); `unlessReference` to all but those (our
 * reference in a provider's payout is a forwarded customer payment).
 */
export function postingNature(ev: Evidence): NonNullable<Evidence['nature']> {
  if (ev.nature) return ev.nature;
  const unlessReference: string[] = [];
  if (isProviderPayout(ev.posting.counterpartyName)) unlessReference.push('payer_is_payment_provider');
  const words = returnWords(ev.posting.remittance);
  const booked = words === 'booked';
  if (words === 'customer') unlessReference.push('credit_returns_a_transfer');
  else if (words === 'not_a_payment') unlessReference.push('credit_is_no_payment');
  return (ev.nature = {
    all: booked ? ['credit_returns_a_transfer'] : NONE,
    unlessReference: unlessReference.length > 0 ? unlessReference : NONE,
  });
}

/**
 * In dense order numbering many open orders are one typo away from what the payer wrote. Only those whose
 * amount or payer agrees can be meant ("exactly one open order fits"); the others are dropped, keeping a few
 * for the queue when none fits.
 */
function pruneTypos(out: Evidence, index: OrderIndex): void {
  if (out.closedTypos) pruneClosedTypos(out, out.closedTypos);
  const typos = out.typoOrders;
  if (!typos || typos.size <= 1) return;
  const fits = (id: number) => {
    const open = index.openMinor(id);
    const payer = agreesAsPayer(out.signals.get(id) ?? []);
    return payer || (open > 0 && Math.abs(open - out.openMinor) <= Math.max(100, Math.ceil(open * 0.02)));
  };
  const all = [...typos];
  const fitting = all.filter(fits);
  const keep = new Set(fitting.length > 0 ? fitting : all.slice(0, 3));
  for (const id of all) if (!keep.has(id)) dropTypo(out, typos, id);
}

/**
 * The text writes exactly the number of a paid (closed) order (MatchInput.closedNumbers): most likely that order paid
 * twice, or its banking template reused. An open order one typo away from that number is no more than a neighbour of
 * it, so it is no typo candidate — not even a suggestion, which would offer the dealer a stranger's order as the one
 * the payer meant — unless the payer agrees with it (typo-evidence.ts: where most orders are paid at once, a typo of
 * the payer's own open order often lands on a closed number; single.ts typo_of_closed_order_number). An order that
 * also has the posting's exact amount stays an amount-only suggestion. The pruned orders are kept in
 * closedNeighbours: a typo of the payer's own order is automatic only when no such neighbour fits as well.
 */
function pruneClosedTypos(out: Evidence, closedTypos: Set<number>): void {
  const typos = out.typoOrders;
  for (const id of [...closedTypos]) {
    if (agreesAsPayer(out.signals.get(id) ?? [])) continue;
    closedTypos.delete(id);
    (out.closedNeighbours ??= new Set()).add(id);
    if (typos) dropTypo(out, typos, id);
  }
  if (closedTypos.size === 0) out.closedTypos = undefined;
  if (typos?.size === 0) out.typoOrders = undefined;
}

/** Takes an order out of the orders reached by a typo, with its typo signals (and the order, if nothing else is left). */
function dropTypo(out: Evidence, typos: Set<number>, id: number): void {
  typos.delete(id);
  const rest = (out.signals.get(id) ?? []).filter(
    (s) => s.kind !== 'number_typo' && s.kind !== 'reference_typo',
  );
  if (rest.length > 0) out.signals.set(id, rest);
  else out.signals.delete(id);
}

/** Reference and number evidence of a posting (payer evidence follows lazily, see addPayerEvidence). */
export function collectEvidence(
  posting: MatchPosting,
  index: OrderIndex,
  patterns: readonly RegExp[],
  closedNumbers?: ReadonlySet<string>,
  /** readIdentifiers(posting), when the caller read them already (they are consumed). */
  identifiers?: Identifiers,
): Evidence {
  const extraction = extractReferences(posting, patterns, identifiers);
  const out: Evidence = {
    posting,
    openMinor: posting.amountMinor - posting.assignedMinor,
    currency: index.currency(posting.currency),
    signals: new SignalMap(),
    typoOrders: undefined,
    amountOrders: NO_ORDERS,
    day: epochDay(posting.bookingDate),
    payerDone: false,
    possible: undefined,
    payerNames: undefined,
    nature: undefined,
    textNames: undefined,
    closedNamed: undefined,
    otherLetters: undefined,
    idOnly: undefined,
    abbreviated: undefined,
    namesClosed: undefined,
    namesUnknown: undefined,
    labelNamed: undefined,
    closedTypos: undefined,
    closedNeighbours: undefined,
    unsyncedTypos: undefined,
    ranked: undefined,
    places: undefined,
  };
  referenceEvidence(extraction, index, out, closedNumbers);
  numberEvidence(extraction, index, out, closedNumbers);
  if (out.signals.size > 0) identityPayer(out, index);
  return out;
}

/**
 * Does the posting carry our payment reference or an RF creditor reference of an open order, i.e. can the reference
 * pass assign it? The same lookups referenceEvidence makes for its `reference` and `creditor_reference` signals,
 * from the identifiers alone (no number candidates, no payer).
 */
export function namesOurReference(ex: Extraction, index: OrderIndex): boolean {
  for (const ref of ex.references) if (index.byReference.get(ref)) return true;
  for (const body of ex.creditorBodies) if (index.byReference.get(body)) return true;
  return false;
}

/** Does the payer agree with the orders the posting names? A direct comparison, no name index needed. */
function identityPayer(out: Evidence, index: OrderIndex): void {
  const names = payerNames(out, index);
  if (names.counterparty) identityPayerOf(out, index, names.counterparty);
  if (names.debtor) identityPayerOf(out, index, names.debtor);
}

/** identityPayer for one payer name (the counterparty, then the ultimate debtor). */
function identityPayerOf(out: Evidence, index: OrderIndex, payer: PayerName): void {
  const { name, tokens } = payer;
  // add() below only extends the lists of orders already here: the ids stay as they are while this reads them.
  const all = out.signals;
  for (let i = 0; i < all.size; i++) {
    const id = all.idAt(i);
    const e = index.byId.get(id);
    if (!e) continue;
    if (
      e.companyTokens.length > 0 &&
      compareNames(tokens, e.companyTokens) === 'exact' &&
      companyNamed(name, e)
    )
      add(out.signals, id, payerSignal('company', name));
    else {
      const agreement = compareNames(tokens, e.tokens);
      if (agreement !== 'none')
        add(
          out.signals,
          id,
          payerSignal(
            agreement === 'exact' && !surnameOnly(tokens, name, e.order.customerName)
              ? 'name_exact'
              : 'name_partial',
            name,
          ),
        );
    }
  }
}

/**
 * Full customer names (of open orders) the remittance writes out, except the payer's own or a part of it
 * ("Anna Maria Schmidt" contains the customer "Maria Schmidt"), which say nothing about someone else; and words of
 * customers' names that the text says it pays for ("fuer Frau Roth": names-in-text.ts). Computed once per posting, on
 * first use (only payer-pass candidates ask).
 */
export function textNamesOf(ev: Evidence, index: OrderIndex): ReadonlySet<string> | null {
  if (ev.textNames !== undefined) return ev.textNames;
  const text = ev.posting.remittance;
  let found: Set<string> | null = null;
  const keys = nameKeysInText(text);
  if (keys.length > 0) {
    const payers = payerTokens(ev, index);
    found = fullNamesIn(keys, payers, index);
    // One word of a name after "fuer", "von", "im Auftrag von" …: "fuer Frau Roth", "Zahlung fuer Eva R.".
    for (const word of shortNamesIn(text, payers, index)) (found ??= new Set()).add(word);
    // A first name alone, of a customer who shares the payer's surname ("fuer Julia" from Klaus Weber, while
    // Julia Weber has an open order): the family member's order, written as the family writes it.
    let words: string[] | undefined;
    for (const payer of payers) {
      if (payer.length !== 2) continue;
      for (const word of (words ??= nameTokens(text))) {
        if (word.length < 3 || payer.includes(word) || hasDigit(word)) continue;
        for (const kept of payer) {
          const key = word < kept ? `${word} ${kept}` : `${kept} ${word}`;
          if (index.byName.has(key)) (found ??= new Set()).add(key);
        }
      }
    }
  }
  return (ev.textNames = found);
}

/**
 * The full customer names (of open orders) the remittance writes out, except the payer's own or a part of it:
 * textNamesOf without the family members named by first name alone. Not cached (asked of a few candidates only).
 */
export function fullTextNamesOf(ev: Evidence, index: OrderIndex): Set<string> | null {
  const keys = nameKeysInText(ev.posting.remittance);
  return keys.length > 0 ? fullNamesIn(keys, payerTokens(ev, index), index) : null;
}

function payerTokens(ev: Evidence, index: OrderIndex): (readonly string[])[] {
  const names = payerNames(ev, index);
  return [names.counterparty?.tokens ?? [], names.debtor?.tokens ?? []];
}

function fullNamesIn(
  keys: readonly string[],
  payers: readonly (readonly string[])[],
  index: OrderIndex,
): Set<string> | null {
  let found: Set<string> | null = null;
  for (const key of keys)
    if (index.byName.has(key) && !payers.some((p) => tokensWithin(key, p))) (found ??= new Set()).add(key);
  return found;
}

/** Are all tokens of a name key (tokens joined by one space) among `tokens`? */
export function tokensWithin(key: string, tokens: readonly string[]): boolean {
  return tokens.length > 0 && key.split(' ').every((t) => tokens.includes(t));
}

/** The order ids of the first `max` entries (the entry's own id: its order object need not be read). */
function idsOf(entries: readonly IndexedOrder[], max: number): number[] {
  const n = Math.min(max, entries.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = (entries[i] as IndexedOrder).id;
  return out;
}

/** Adds payer-name and learned-fact evidence and the amount-only candidates (idempotent). */
export function addPayerEvidence(out: Evidence, index: OrderIndex, learned: LearnedFacts): void {
  if (out.payerDone) return;
  out.payerDone = true;
  payerEvidence(out.posting, index, learned, out);
  pruneTypos(out, index);
  const same = index.byAmount.get(out.posting.currency)?.get(out.openMinor) ?? [];
  // Amount-only candidates are suggestions for the queue (never automatic, and they cannot block an automatic
  // decision: their score stays below the threshold minus the margin). An amount that many orders share
  // says nothing, so it suggests nothing.
  out.amountOrders = same.length > 0 && same.length <= 10 ? idsOf(same, 5) : NO_ORDERS;
}
