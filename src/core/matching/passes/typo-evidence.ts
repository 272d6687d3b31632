/**
 * Number evidence by one typo (issue 5 §3): the one-digit and adjacent-swap variants of a written number's digits,
 * looked up in the order index; every order one typo away gets a number_typo signal (single.ts decides what they
 * may prove).
 */
import { digitsEndNumber } from '../number-keys.ts';
import { lettersAgree, type NumberCandidate } from '../number-candidates.ts';
import type { Extraction } from '../references-extract.ts';
import { typoSignal } from '../scoring.ts';
import type { OrderIndex } from '../order-index.ts';
import type { Evidence } from './evidence.ts';
import { add, addTypo } from './evidence-signals.ts';
import { allDigits, BARE_YEAR, writtenOf, type HitOf } from './written-numbers.ts';

/**
 * number-evidence.ts oneEditVariants(digits, '0123456789') as numbers, in the same order, without those with a leading zero (no number
 * of ours): `digits` has no leading zero itself (a digit core), so each variant's string is String(value). Written
 * into `out` (cleared first; callers pass a scratch list they own): about 50 variants per number, looked up in a
 * loop by the caller, without a callback per variant.
 */
export function digitVariants(digits: string, out: number[]): number[] {
  out.length = 0;
  const n = digits.length;
  const value = Number(digits);
  let pow = 10 ** (n - 1);
  for (let i = 0; i < n; i++) {
    const di = digits.charCodeAt(i) - 48;
    for (let ch = i === 0 ? 1 : 0; ch <= 9; ch++) if (ch !== di) out.push(value + (ch - di) * pow);
    if (i + 1 < n) {
      const next = digits.charCodeAt(i + 1) - 48;
      if (next !== di && !(i === 0 && next === 0))
        out.push(value + (next - di) * pow + (di - next) * (pow / 10));
    }
    pow /= 10;
  }
  return out;
}

/** digitVariants' scratch list for typoEvidence (not re-entered). */
const VARIANTS: number[] = [];

/**
 * The orders typoEvidence reached by a typo of a number that is no closed order's (typoHit), and those reached by
 * a typo of a number not above their shop's known numbers: scratch lists, as VARIANTS, cleared per posting (an
 * order may be in one twice). Only a few postings reach any order by a typo.
 */
const PLAIN_TYPOS: number[] = [];
const KNOWN_TYPOS: number[] = [];

function typoHit(
  out: Evidence,
  index: OrderIndex,
  c: NumberCandidate,
  hit: HitOf,
  closed: ReadonlySet<string> | undefined,
  fromClosed: boolean,
): void {
  const written = c.key;
  const order = hit.entry.order;
  // Letters written with the digits must fit the order's number, as for an exact core ("R0012345", another
  // system's invoice, is no typo of order 10345).
  const number = writtenOf(hit);
  if (!lettersAgree(written, number, hit.field)) return;
  // Orders reached only by a typo of a closed order's number (MatchInput.closedNumbers): see single.ts.
  if (fromClosed) (out.closedTypos ??= new Set()).add(order.id);
  else PLAIN_TYPOS.push(order.id);
  // Orders reached only by a typo of a number just above every known order number of their shop: see single.ts.
  // (Invoice numbers are counted apart; the shop's range is that of its order numbers.)
  if (hit.field === 'number' && index.aboveKnownNumbers(order.shopId, Number(c.core), closed))
    (out.unsyncedTypos ??= new Set()).add(order.id);
  else KNOWN_TYPOS.push(order.id);
  // A postcode and its place ("80331 Muenchen") one digit away from an order number is no more an order
  // number than the postcode itself: the same hard rule as for an exact hit (single.ts number_may_be_postcode).
  if (c.place !== undefined) (out.places ??= new Map()).set(order.id, c.place);
  add(out.signals, order.id, typoSignal(written, hit));
  addTypo(out, order.id);
}

/** The orders whose number or number core is `value`, one typo away from what the payer wrote. */
function typoVariant(
  out: Evidence,
  index: OrderIndex,
  value: number,
  c: NumberCandidate,
  closed: ReadonlySet<string> | undefined,
  fromClosed: boolean,
): void {
  if (!index.mayBeDigitKey(value)) return;
  const byKey = index.byDigitKey.get(value);
  const byCore = index.byDigitCore.get(value);
  if (byKey) for (const hit of byKey) typoHit(out, index, c, hit, closed, fromClosed);
  if (byCore) for (const hit of byCore) typoHit(out, index, c, hit, closed, fromClosed);
}

/**
 * One-character typo or transposition in a number of at least 4 digits (issue 5 §3), for a posting whose numbers
 * named no open order: digits only, so the variants stay few (≤ 10 per position) and every lookup is a Map get.
 * True when some open order is one typo away.
 */
export function typoEvidence(
  ex: Extraction,
  index: OrderIndex,
  out: Evidence,
  closed: ReadonlySet<string> | undefined,
): boolean {
  PLAIN_TYPOS.length = 0;
  KNOWN_TYPOS.length = 0;
  for (const c of ex.numbers) {
    const core = c.core;
    // Only what looks like a written order number: after an order keyword, or a bare number of 4–8 digits. A
    // digit run that is only the end of a longer token ("4711-10500", "030-10500", "10-2023") is not.
    const bare = allDigits(c.key);
    if (core.length < 4 || core.length > 8 || c.joined || !(c.keyword || bare)) continue;
    // A number read from an abbreviated list ("10023/24": number-candidates.ts) was not typed as such: no typo of it.
    if (c.listed !== undefined) continue;
    if (bare && !digitsEndNumber(c.key, core)) continue;
    // A bare year ("Weihnachten 2026", "Beitrag 2026") is a year, not a mistyped order number: a young shop's
    // orders 2016, 2025, 2027, 2036 … are one digit away from it. After an order keyword it may be one.
    if (!c.keyword && BARE_YEAR.test(c.key)) continue;
    // The number of an order that is paid already (or otherwise closed) is most likely that order's number, not
    // a typo of another one: a customer who pays order 10023 a second time must not pay a stranger's open order
    // 10028 of the same price (MatchInput.closedNumbers). Where most orders are paid at once (PayPal, card),
    // most neighbours of an open order's number are closed, though: such a typo is kept, and is automatic only
    // when the payer agrees with the open order (single.ts typo_of_closed_order_number); without that agreement it
    // is dropped once the payer evidence is in, so the queue does not offer the neighbour as a typo either
    // (evidence.ts pruneClosedTypos).
    const fromClosed = closed !== undefined && (closed.has(c.key) || closed.has(core));
    // The variants have the core's 4–8 digits and no leading zero: byKey/byCore by numeric value.
    for (const value of digitVariants(core, VARIANTS)) typoVariant(out, index, value, c, closed, fromClosed);
  }
  if (out.closedTypos) for (const id of PLAIN_TYPOS) out.closedTypos.delete(id);
  if (out.unsyncedTypos) for (const id of KNOWN_TYPOS) out.unsyncedTypos.delete(id);
  return PLAIN_TYPOS.length > 0 || out.closedTypos !== undefined;
}
