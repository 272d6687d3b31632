/**
 * Reference and number evidence of a posting (issue 5 §1–§3): our payment references (and a broken one, through
 * its valid one-edit variants that are ours), RF creditor references, order and invoice numbers as written,
 * by their digit core, joined across a break, and with one typo (typo-evidence.ts). Lookups in the order index only.
 */
import { EMPTY_LIST } from '../lists.ts';
import { digitsEndNumber, isDigitAt } from '../number-keys.ts';
import { lettersAgree, splitsDigitRun, type NumberCandidate } from '../number-candidates.ts';
import type { Extraction } from '../references-extract.ts';
import { REFERENCE_ALPHABET, isValidReference } from '../references.ts';
import {
  creditorReferenceSignal,
  numberListSignal,
  numberSignal,
  referenceSignal,
  signal,
  writtenAsSignal,
} from '../scoring.ts';
import type { NumberHit, OrderIndex } from '../order-index.ts';
import type { Signal } from '../types.ts';
import type { Evidence } from './evidence.ts';
import { add, addTypo } from './evidence-signals.ts';
import { typoEvidence } from './typo-evidence.ts';
import { allDigits, BARE_YEAR, writtenOf } from './written-numbers.ts';

/** Single substitutions and adjacent transpositions of a string over an alphabet. */
function oneEditVariants(text: string, alphabet: string): string[] {
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

export function referenceEvidence(
  ex: Extraction,
  index: OrderIndex,
  out: Evidence,
  closed: ReadonlySet<string> | undefined,
): void {
  for (const ref of ex.references) {
    const e = index.byReference.get(ref);
    if (e) add(out.signals, e.order.id, referenceSignal(ref));
    // Our reference of a paid (closed) order: a banking template reused for the next order, or that order paid
    // twice. The same as its number in the text (single.ts text_names_paid_order).
    else if (closed?.has(ref)) out.namesClosed = ref;
  }
  for (const body of ex.creditorBodies) {
    const e = index.byReference.get(body);
    if (e) add(out.signals, e.order.id, creditorReferenceSignal('creditor_reference', body));
    const hits = index.byKey.get(body);
    for (const hit of hits ?? EMPTY_LIST) {
      add(
        out.signals,
        hit.entry.order.id,
        creditorReferenceSignal(hit.field === 'number' ? 'number' : 'invoice_number', body),
      );
    }
    // An RF creditor reference made of a closed order's reference or number: as above.
    if (!e && !hits && closed?.has(body)) out.namesClosed = body;
  }
  if (ex.references.length > 0 || ex.brokenReferences.length === 0) return;
  // A broken reference (its check character fails) names every order whose reference is a valid one-edit variant
  // of it, as a typo (reference_typo, in typoOrders): the typo rules of single.ts then assign automatically only
  // when exactly one of those orders fits the amount or the payer (typo_ambiguous otherwise).
  const repaired = new Set<number>();
  let repairedClosed: string | undefined;
  for (const broken of ex.brokenReferences) {
    for (const v of oneEditVariants(broken, REFERENCE_ALPHABET)) {
      if (!isValidReference(v)) continue;
      const e = index.byReference.get(v);
      if (e) repaired.add(e.order.id);
      else if (closed?.has(v)) repairedClosed = v;
    }
  }
  // Repaired to a paid order's reference only: that order's reference with a slip, not an open order's.
  if (repaired.size === 0 && repairedClosed !== undefined) out.namesClosed = repairedClosed;
  for (const id of repaired) {
    add(out.signals, id, signal('reference_typo', 'payment reference with one typo'));
    addTypo(out, id);
  }
}

/** Which numbers named an order, for the rules about numbers that may be something else. */
class NamedBy {
  /** Orders named by a number that may be a postcode, unless another number names them as well. */
  private places: Map<number, string> | undefined;
  private plain: Set<number> | undefined;
  /** Orders named only by the number of a closed order (two shops, one number), unless another names them. */
  private closedNamed: Set<number> | undefined;
  private openNamed: Set<number> | undefined;

  constructor(private readonly closed: ReadonlySet<string> | undefined) {}

  add(c: NumberCandidate, orderId: number): void {
    if (c.place !== undefined) (this.places ??= new Map()).set(orderId, c.place);
    else (this.plain ??= new Set()).add(orderId);
    if (this.closed?.has(c.key)) (this.closedNamed ??= new Set()).add(orderId);
    else (this.openNamed ??= new Set()).add(orderId);
  }

  into(out: Evidence): void {
    const { places, closedNamed } = this;
    if (places) {
      for (const id of this.plain ?? []) places.delete(id);
      if (places.size > 0) out.places = places;
    }
    if (closedNamed) {
      for (const id of this.openNamed ?? []) closedNamed.delete(id);
      if (closedNamed.size > 0) out.closedNamed = closedNamed;
    }
  }
}

/** The field a number was written for, when the hits hold both kinds and the word before it says which. */
function meantField(c: NumberCandidate, hits: readonly NumberHit[]): NumberHit['field'] | undefined {
  const field = c.invoiceWord ? 'invoice' : c.orderWord ? 'number' : undefined;
  if (field === undefined) return undefined;
  let wanted = false;
  let other = false;
  for (let i = 0; i < hits.length; i++) {
    if ((hits[i] as NumberHit).field === field) wanted = true;
    else other = true;
  }
  return wanted && other ? field : undefined;
}

/**
 * The hits of a number written as digits in groups without the number's letters ("Rechnung 2026-0042" for invoice
 * RE-2026-0042, "2026-000123" for WC-2026-000123): the key after each of the shops' number prefixes. Undefined for
 * every other token (most): one whose key is its core, or that has letters or a leading zero of its own.
 */
function prefixedHits(c: NumberCandidate, index: OrderIndex): NumberHit[] | undefined {
  if ((c.joined && !c.keyword) || c.key === c.core || !unpaddedDigits(c.key)) return undefined;
  let out: NumberHit[] | undefined;
  for (const prefix of index.numberPrefixes) {
    const hits = index.byKey.get(prefix + c.key);
    if (hits) (out ??= []).push(...hits);
  }
  return out;
}

/** Digits only, not starting with a zero ("1234", not "01067" or "WC1234"). */
const unpaddedDigits = (key: string) => key.charCodeAt(0) !== 48 && allDigits(key);

/** Is one of the numbers in the shape of a postcode, or a closed order's number (see NamedBy)? */
function mayBeOtherNumber(
  numbers: readonly NumberCandidate[],
  closed: ReadonlySet<string> | undefined,
): boolean {
  for (let i = 0; i < numbers.length; i++) {
    const c = numbers[i] as NumberCandidate;
    if (c.place !== undefined || closed?.has(c.key)) return true;
  }
  return false;
}

/**
 * The orders whose numbers an abbreviated list writes by their last digits ("10023/24", "10023, 24 u. 25":
 * NumberCandidate.listed), by their order number as a whole (an abbreviation of digits is no invoice's or prefixed
 * number). An order no other number or reference named is named only by the list (Evidence.abbreviated). No closed
 * or unknown number is noted from a list: its digits may be a year or a quantity as well.
 */
function listedEvidence(listed: readonly NumberCandidate[], index: OrderIndex, out: Evidence): void {
  for (const c of listed) {
    const keys = c.listed as readonly string[];
    for (const hit of index.byKey.get(c.key) ?? EMPTY_LIST) {
      if (hit.field !== 'number') continue;
      const id = hit.entry.order.id;
      const abbreviated = (out.abbreviated ??= { orders: new Set(), lists: [] });
      if (!out.signals.get(id)) abbreviated.orders.add(id);
      if (!abbreviated.lists.includes(keys)) abbreviated.lists.push(keys);
      add(out.signals, id, numberListSignal(hit, keys, c.keyword));
    }
  }
}

/**
 * The open orders (awaiting payment) whose number or invoice number is a value the text writes under a label of
 * another kind of number (Extraction.labelValues: "Kundennr. 10023", "Beleg-Nr. 10023"), into Evidence.labelNamed.
 * Looked up as a bare number would be: by its key, and digits alone also by an order number's digit core ("10023" for
 * WC-10023). Only for the postings with such a value (few).
 */
function labelledEvidence(values: readonly string[], index: OrderIndex, out: Evidence): void {
  let named: Set<number> | undefined;
  for (const key of values) {
    const byKey = index.byKey.get(key);
    const byCore = unpaddedDigits(key) ? index.byCore.get(key) : undefined;
    for (const hits of [byKey, byCore])
      for (const hit of hits ?? EMPTY_LIST) if (hit.entry.awaiting) (named ??= new Set()).add(hit.entry.id);
  }
  if (named) out.labelNamed = named;
}

const isExactNumber = (s: Signal) =>
  s.kind === 'number' || s.kind === 'invoice_number' || s.kind === 'number_joined';

export function numberEvidence(
  ex: Extraction,
  index: OrderIndex,
  out: Evidence,
  closed: ReadonlySet<string> | undefined,
): void {
  if (ex.labelValues.length > 0) labelledEvidence(ex.labelValues, index, out);
  let hits = 0;
  // Only a number in the shape of a postcode, or a closed order's number, makes these rules look at which numbers
  // named which order; most postings have neither, and skip the bookkeeping.
  const named = mayBeOtherNumber(ex.numbers, closed) ? new NamedBy(closed) : undefined;
  // Orders reached by digits only, written with other letters ("RE-10023" for WC-10023), unless also otherwise.
  let otherLetters: Set<number> | undefined;
  // (sameLetters only takes orders out of otherLetters at the end: a list, in which an order may stand twice.)
  let sameLetters: number[] | undefined;
  // Orders named only by an identifier field's number (end-to-end id, EREF, KREF): those candidates come after the
  // free text's, so an order with signals by then was named otherwise as well. They count as Evidence.idOnly only
  // when the free text writes a number of its own after an order or invoice word that names no open order.
  let idOnly: Set<number> | undefined;
  let otherDocument = false;
  // A number in the range of the order numbers that named no open order (the first; see Evidence.namesUnknown).
  let unknown: string | undefined;
  // Numbers named only in an abbreviated list ("10023/24"), read after the others (see listedEvidence).
  let listed: NumberCandidate[] | undefined;
  for (const c of ex.numbers) {
    if (c.listed !== undefined) {
      (listed ??= []).push(c);
      continue;
    }
    // Joined from tokens whose first is a closed order's number by itself: "Bestellung 10023 1 Stueck" writes the
    // paid order 10023 and a quantity, not a wrapped 100231 of another shop. (An open order's number competes with
    // the joined reading instead: both are candidates, and neither is clearly ahead.)
    if (c.head !== undefined && closed?.has(c.head)) continue;
    const hitsBefore = hits;
    // A closed order's number written in the text (not in the shape of a postcode or a bare year, which say
    // nothing about an order): see single.ts text_names_paid_order.
    if (closed?.has(c.key) && c.place === undefined && (c.keyword || !BARE_YEAR.test(c.key)))
      out.namesClosed = c.key;
    const exact = index.byKey.get(c.key);
    // Tokens joined across blanks into four characters or fewer ("10 11") are as weak as a short core.
    const joinedWeight = c.key.length >= 5 ? undefined : 0.4;
    // Written as an invoice's ("Rechnung 10019") or an order's number, while the key is one order's invoice number
    // and another's order number (the ranges overlap, as in Shopware): only the kind the payer wrote counts.
    const meant = exact && exact.length > 1 ? meantField(c, exact) : undefined;
    for (const hit of exact ?? EMPTY_LIST) {
      if (meant !== undefined && hit.field !== meant) continue;
      // "10023-1" or "10023/2" (a part delivery, an instalment, a second number) does not name order 100231.
      if (c.splitAt !== undefined && splitsDigitRun(c.splitAt, writtenOf(hit))) continue;
      hits++;
      named?.add(c, hit.entry.id);
      if (c.fromId && !out.signals.get(hit.entry.id)) (idOnly ??= new Set()).add(hit.entry.id);
      const kind = c.joined ? 'number_joined' : hit.field === 'number' ? 'number' : 'invoice_number';
      add(
        out.signals,
        hit.entry.order.id,
        numberSignal(kind, hit, c.keyword, c.joined ? joinedWeight : undefined),
      );
    }
    // Digits in groups written without the number's letters: the core ("42") says nothing, the digits together are
    // the number after its prefix. Looked up before the core, which then adds nothing weaker for the same order.
    const prefixed = hits === hitsBefore ? prefixedHits(c, index) : undefined;
    for (const hit of prefixed ?? EMPTY_LIST) {
      hits++;
      named?.add(c, hit.entry.id);
      (sameLetters ??= []).push(hit.entry.id);
      add(
        out.signals,
        hit.entry.order.id,
        writtenAsSignal('number_core', hit, c.key, false, c.key.length >= 5 ? 0.75 : 0.65),
      );
    }
    const core = c.core || '';
    if (core.length >= 3 && !prefixed) {
      // byCore holds the cores of numbers written with more than their digits ("WC-10023"); a number that is its
      // core ("10023") is only in byKey. A token that writes more than such a number ("BESTELLNR10023",
      // "10023A", "0010023") reaches it here, by its core; the letters rule below judges the extra letters.
      const byCore = index.byCore.get(core);
      const digitsOnly = c.key !== core && !c.joined ? index.byKey.get(core) : undefined;
      // The hits of byCore, then of digitsOnly, read in place (the two lists never share a hit: a core that is
      // the whole key is not put into byCore, order-index.ts addNumber).
      const fromCore = byCore?.length ?? 0;
      const count = fromCore + (digitsOnly?.length ?? 0);
      for (let i = 0; i < count; i++) {
        const viaDigitsOnly = i >= fromCore;
        const hit = (viaDigitsOnly ? digitsOnly?.[i - fromCore] : byCore?.[i]) as NumberHit;
        const written = writtenOf(hit);
        // Other digits before the core ("4711-10023", "030-10023") make it another identifier's end.
        if (!digitsEndNumber(c.key, written)) continue;
        const agree = lettersAgree(c.key, written, hit.field);
        // Letters before an all-digit number that are no order keyword write another identifier ("KUNDENNR10500",
        // "R0012345"): only letters after it ("10023A", "10023/SCHMIDT") still name the order, weakly.
        if (!agree && viaDigitsOnly && !isDigitAt(c.key, 0)) continue;
        // "WC-77297" names order WC-77297 exactly; that its digits are also those of invoice RE-2026-77297 is
        // no evidence for the invoice's order at all.
        if (!agree && exact) continue;
        hits++;
        named?.add(c, hit.entry.id);
        if (!agree) (otherLetters ??= new Set()).add(hit.entry.id);
        else (sameLetters ??= []).push(hit.entry.id);
        // Digits only on both sides, the order's with leading zeros ("1234" for Magento's 000001234): the number
        // itself, written without its padding. Not for three digits (a young Magento shop's 000000150 is no more
        // named by "Zimmer 150" than by any three digits), nor for a written number with a leading zero of its own
        // ("01067" is a Dresden postcode, not order 000001067).
        if (core.length >= 4 && unpaddedDigits(c.key) && allDigits(written)) {
          add(
            out.signals,
            hit.entry.order.id,
            writtenAsSignal(hit.field === 'number' ? 'number' : 'invoice_number', hit, c.key, c.keyword),
          );
          continue;
        }
        // Short cores ("123") are weak: many texts contain three digits.
        const weight = core.length >= 5 ? 0.75 : core.length === 4 ? 0.65 : 0.4;
        add(out.signals, hit.entry.order.id, writtenAsSignal('number_core', hit, c.key, false, weight));
      }
    }
    if (hits === hitsBefore && c.keyword && !c.fromId) otherDocument = true;
    // Only a number written as an order's ("Bestellung 10099", "Order #10099"): a bare number or one after
    // "Rechnung" or "Ref" is as often a customer, invoice or phone number the shop does not know.
    if (
      hits === hitsBefore &&
      unknown === undefined &&
      c.orderWord &&
      !c.joined &&
      !closed?.has(c.key) &&
      index.inNumberRange(c.core)
    )
      unknown = c.core;
  }
  named?.into(out);
  if (listed) listedEvidence(listed, index, out);
  if (idOnly && otherDocument) out.idOnly = idOnly;
  if (otherLetters) {
    for (const id of sameLetters ?? []) otherLetters.delete(id);
    for (const id of otherLetters) if (out.signals.get(id)?.some(isExactNumber)) otherLetters.delete(id);
    if (otherLetters.size > 0) out.otherLetters = otherLetters;
  }
  if (hits > 0 || out.signals.size > 0) {
    out.namesUnknown = unknown;
    return;
  }
  // A number one typo away from an open order is that order's typo (typo pass), not an unknown order.
  if (!typoEvidence(ex, index, out, closed)) out.namesUnknown = unknown;
}
