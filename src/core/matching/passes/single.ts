/**
 * One posting -> one order candidates, scored against the order's current open amount, with the hard rules
 * (blockers) of issue 5 §3 that no score overrides.
 */
import type { IndexedOrder, OrderIndex } from '../order-index.ts';
import { nameTokens } from '../names.ts';
import { numberCore, oneCharacterMore } from '../number-keys.ts';
import { AGREEING_PAYER_KINDS, agreesAsPayer, IDENTITY_KINDS, PAYER_KINDS, score } from '../scoring.ts';
import { type MatchSettings, toleranceFor } from '../settings.ts';
import type { Candidate, MatchOrder, PassName, Signal } from '../types.ts';
import { amountFit, dateSignal, unwritten } from './amount-date.ts';
import {
  fullTextNamesOf,
  payerNames,
  postingNature,
  textNamesOf,
  tokensWithin,
  type Evidence,
} from './evidence.ts';
import { typoNeighbourFits } from './typo-neighbour.ts';

/**
 * The settings an order is matched with: its shop's where the dealer set them, else the defaults. An object with a
 * method, not a closure made per run: every ranked candidate asks, and the optimised code of the ranking calls one
 * function for every run of a process (a new closure per run made it throw that code away on each run).
 */
export class SettingsFor {
  constructor(
    private readonly defaults: MatchSettings,
    private readonly perShop: ReadonlyMap<number, MatchSettings> | undefined,
  ) {}

  of(order: MatchOrder): MatchSettings {
    const perShop = this.perShop;
    return perShop === undefined ? this.defaults : (perShop.get(order.shopId) ?? this.defaults);
  }
}

/**
 * The strongest evidence tier among the signals (one scan, no intermediate set: called per order and pass). Not
 * cached: a scan of a few signals costs less than a map per posting to keep the answers in.
 */
export function passOf(signals: readonly Signal[]): PassName {
  let best = 0;
  for (const s of signals) {
    const k = s.kind;
    if (k === 'reference' || k === 'creditor_reference') return 'reference';
    if (k === 'number' || k === 'invoice_number' || k === 'number_core' || k === 'number_joined')
      best = Math.max(best, 3);
    else if (k === 'number_typo' || k === 'reference_typo') best = Math.max(best, 2);
    else if (PAYER_KINDS.has(k)) best = Math.max(best, 1);
  }
  return best === 3 ? 'number' : best === 2 ? 'typo' : best === 1 ? 'payer' : 'amount';
}

const SCRATCH: string[] = [];
const STATUS_BLOCKERS = new Map<string, string>();
/** `order_<status>`, one string per status. */
const statusBlocker = (status: string): string => {
  let b = STATUS_BLOCKERS.get(status);
  if (b === undefined) STATUS_BLOCKERS.set(status, (b = `order_${status}`));
  return b;
};
/** Most candidates that end up assigned have no blockers: they share one frozen empty list. */
const NO_BLOCKERS = Object.freeze([] as string[]) as string[];

/** The scratch list's blockers in a list of their own; one blocker (the usual case) in a literal, allocated inline. */
function copyOf(blockers: readonly string[]): string[] {
  if (blockers.length === 0) return NO_BLOCKERS;
  if (blockers.length === 1) return [blockers[0] as string];
  return blockers.slice();
}

function typoFits(ev: Evidence, orderId: number, index: OrderIndex, settingsFor: SettingsFor): boolean {
  const entry = index.byId.get(orderId);
  if (!entry) return false;
  const open = entry.open;
  if (open > 0 && Math.abs(ev.openMinor - open) <= toleranceFor(settingsFor.of(entry.order), open))
    return true;
  return agreesAsPayer(ev.signals.get(orderId) ?? []);
}

/** Do the weak number forms (number_core, number_joined) among the signals all weigh less than 0.6? */
function onlyWeakNumbers(signals: readonly Signal[]): boolean {
  for (const s of signals)
    if ((s.kind === 'number_core' || s.kind === 'number_joined') && (s.weight ?? 0) >= 0.6) return false;
  return true;
}

/**
 * `base` followed by the amount and the date signal, in an array of exactly that length (a copy grown by push
 * keeps spare capacity alive; Array.prototype.concat is several times slower for these short lists).
 */
function withSignals(base: readonly Signal[], amount: Signal, date: Signal | undefined): Signal[] {
  const n = base.length;
  // Array literals for the usual lengths: the optimising compiler allocates them inline, where `new Array(n)` of a
  // length it does not know calls the runtime (a quarter of singleCandidate's own time in a profile).
  if (n === 1) {
    const a = base[0] as Signal;
    return date ? [a, amount, date] : [a, amount];
  }
  if (n === 2) {
    const a = base[0] as Signal;
    const b = base[1] as Signal;
    return date ? [a, b, amount, date] : [a, b, amount];
  }
  if (n === 0) return date ? [amount, date] : [amount];
  const out = new Array<Signal>(date ? n + 2 : n + 1);
  for (let i = 0; i < n; i++) out[i] = base[i] as Signal;
  out[n] = amount;
  if (date) out[n + 1] = date;
  return out;
}

/** Is a `compare` candidate's verdict settled (it has a blocker), so that the costly hard rules can be skipped? */
function settled(compare: boolean, blockers: readonly string[]): boolean {
  return compare && blockers.length > 0;
}

/**
 * How many of the orders one typo away fit (this one counts); stops at 2, all the caller needs to know. The neighbours
 * of a closed order's number that are no typo candidates (Evidence.closedNeighbours) count too: one of them fitting
 * as well leaves the typo ambiguous.
 */
function typosFitting(ev: Evidence, orderId: number, index: OrderIndex, settingsFor: SettingsFor): number {
  let n = 0;
  for (const id of ev.typoOrders ?? [])
    if ((id === orderId || typoFits(ev, id, index, settingsFor)) && ++n > 1) return n;
  for (const id of ev.closedNeighbours ?? [])
    if (id !== orderId && typoFits(ev, id, index, settingsFor) && ++n > 1) return n;
  return n;
}

/**
 * The allocations of a candidate ranked only to be compared (CandidateDetail `lazy` or `compare`): shared and frozen,
 * to be replaced with materialise() before anything reads them.
 */
const LAZY_ALLOCATIONS = Object.freeze([]) as unknown as Candidate['allocations'];

/**
 * Gives a single-order candidate ranked `lazy` or `compare` its allocation (the whole open posting amount to its order) and
 * its amount signal's detail (amount-date.ts UNWRITTEN), before any open amount has changed since the ranking.
 */
export function materialise(c: Candidate, index: OrderIndex, settingsFor: SettingsFor): Candidate {
  if (c.allocations !== LAZY_ALLOCATIONS) return c;
  const orderId = c.orderIds[0] ?? 0;
  c.allocations = [{ orderId, amountMinor: c.amountMinor }];
  const signals = c.signals;
  for (let i = 0; i < signals.length; i++) {
    if (!unwritten(signals[i] as Signal)) continue;
    const entry = index.byId.get(orderId);
    if (!entry) break;
    const open = entry.open;
    const tolerance = toleranceFor(settingsFor.of(entry.order), open);
    signals[i] = amountFit(c.amountMinor, open, tolerance, index.exactAmountSignals).signal;
    break;
  }
  return c;
}

/**
 * How much of a candidate singleCandidate writes out:
 * - `full`: everything (the queue's suggestions);
 * - `lazy`: the allocations and the amount signal's detail are left to materialise() for the candidates kept (two
 *   objects fewer for each of the others): the automatic passes rank several candidates to keep one;
 * - `compare`: `lazy`, and a candidate that has a blocker already skips the costly hard rules (an order one typo
 *   away, names in the text, the ultimate debtor): its blockers say only that it has some. For the automatic
 *   passes, which read no more of a blocked candidate (ranking.ts `blockerCountsMatter` tells the one case in which
 *   the number of blockers decides the order of ties that matter).
 */
export type CandidateDetail = 'full' | 'lazy' | 'compare';

export function singleCandidate(
  ev: Evidence,
  orderId: number,
  index: OrderIndex,
  settingsFor: SettingsFor,
  detail: CandidateDetail = 'full',
): Candidate | undefined {
  const entry = index.byId.get(orderId);
  if (!entry) return undefined;
  const order = entry.order;
  const settings = settingsFor.of(order);
  const base = ev.signals.get(orderId) ?? [];
  // Collected in one scratch list and copied out at their exact number (most candidates get one or two; a list
  // grown by push keeps room for 17). singleCandidate does not re-enter itself.
  const blockers = SCRATCH;
  blockers.length = 0;
  const open = entry.open;
  const pass = passOf(base);
  const paid = ev.openMinor;
  const lazy = detail !== 'full';
  const compare = detail === 'compare';

  if (entry.currency !== ev.currency) blockers.push('currency_mismatch');
  if (!entry.awaiting) blockers.push(statusBlocker(order.status));
  if (ev.posting.bookingStatus === 'pending') blockers.push('posting_not_booked');
  if (open <= 0) blockers.push('order_already_paid');
  const amount = amountFit(paid, open, toleranceFor(settings, open), index.exactAmountSignals, lazy);
  const date = dateSignal(ev, entry.day, settings, blockers, pass);
  const signals = withSignals(base, amount.signal, date);

  let payerAgrees = false;
  let strongNumber = false;
  for (const s of base) {
    if (AGREEING_PAYER_KINDS.has(s.kind)) payerAgrees = true;
    if (s.kind === 'number' || s.kind === 'invoice_number') strongNumber = true;
  }
  const amountAgrees = !amount.partial && !amount.over;
  // Overpayment beyond tolerance: only our reference identifies the order with certainty (flagged overpaid).
  if (amount.over && pass !== 'reference') blockers.push('amount_exceeds_tolerance');
  if (amount.partial && pass !== 'reference' && !(pass === 'number' && payerAgrees))
    blockers.push('partial_needs_confirmation');
  if (pass === 'typo') {
    // "Exactly one open order fits": among the orders one typo away, only one may agree in amount or payer.
    if (!amountAgrees && !payerAgrees) blockers.push('typo_unconfirmed');
    // The written number is a closed order's own (a double payment?): a typo of this order only when the payer
    // agrees with it.
    else if (!payerAgrees && ev.closedTypos?.has(orderId)) blockers.push('typo_of_closed_order_number');
    else if (!settled(compare, blockers) && typosFitting(ev, orderId, index, settingsFor) > 1)
      blockers.push('typo_ambiguous');
    // The written number lies just above every number the shop is known to have given (open and recently closed
    // orders; OrderIndex.aboveKnownNumbers): as likely the next order, placed since the last sync ("10091" while
    // 10090 is the newest), whose price is often the same. A typo of this order only when the payer agrees with it.
    if (!payerAgrees && ev.unsyncedTypos?.has(orderId)) blockers.push('typo_above_known_numbers');
  }
  // Hard rule: the number names an order whose amount only fits within tolerance, while an order one typo
  // (digit or adjacent swap) away has exactly the amount and the payer names neither: the written number may
  // itself be the typo ("326372" for "323672"), so it does not decide alone.
  if (
    pass === 'number' &&
    !payerAgrees &&
    amount.signal.kind !== 'amount_exact' &&
    !settled(compare, blockers) &&
    typoNeighbourFits(ev, orderId, order.number, index)
  )
    blockers.push('typo_neighbour_fits_amount');
  // Hard rule: the only number naming the order is a bare 4–5 digit one followed by a word that names neither
  // the payer nor the customer ("80331 Muenchen"): a postcode and its place as likely as an order number. The
  // same for a postcode one typo away from an order number ("80331 Muenchen" vs order 80321).
  if ((pass === 'number' || pass === 'typo') && !payerAgrees && !settled(compare, blockers)) {
    const place = ev.places?.get(orderId);
    if (place !== undefined && !isNameWord(ev, entry, place, index)) blockers.push('number_may_be_postcode');
  }
  if (pass === 'number' && !payerAgrees) numberOnlyRules(ev, orderId, blockers);
  // Hard rule: only an abbreviated list names the order ("10023/24" for 10024, "10023, 24 u. 25"): its digits may be
  // a year, a quantity or an instalment, and the list names several orders; alone it names one only with the payer's
  // agreement and the exact amount (as payer and amount would), else only in the combination of the whole list
  // (combined.ts).
  if (pass === 'number' && (!payerAgrees || !amountAgrees) && ev.abbreviated?.orders.has(orderId))
    blockers.push('number_abbreviated');
  // Hard rule: the text also writes out the full name of another customer with an open order ("Bestellung 10023 Julia
  // Weber" from Klaus Weber, while 10023 is Hans Müller's and Julia's 10032 costs the same): the number may be a slip
  // for hers. Without the payer's agreement with this order, the name speaks against the number (as in the payer pass).
  if (pass === 'number' && !payerAgrees && !settled(compare, blockers)) {
    const textNames = fullTextNamesOf(ev, index);
    if (textNames && namesOther(textNames, entry)) blockers.push('remittance_names_other_customer');
  }
  // Weak number forms (core of three digits, joined tokens) need the amount to agree.
  if (pass === 'number' && !strongNumber && !payerAgrees && onlyWeakNumbers(base))
    blockers.push('short_number');
  if (pass === 'payer') {
    if (!payerAgrees) blockers.push('payer_name_partial');
    if (!amountAgrees) blockers.push('payer_amount_differs');
    // Hard rule: the remittance writes out the full name of another customer with an open order ("fuer Julia
    // Weber" from Klaus Weber, a parent paying a child's order): the payer's name points at the payer's own
    // order, the text at someone else's; with no number, which one was paid is the dealer's call.
    if (!settled(compare, blockers)) {
      const textNames = textNamesOf(ev, index);
      if (textNames && namesOther(textNames, entry)) blockers.push('remittance_names_other_customer');
    }
    // Hard rule: the ultimate debtor, the one the account holder pays for, is somebody else than this order's
    // customer ("Eva R." paid from Hans Müller's account): the payer's own order is not what was paid.
    if (!settled(compare, blockers) && debtorDiffers(ev, index, entry))
      blockers.push('ultimate_debtor_differs');
    // Hard rule: the text names a paid (closed) order and no open one: most likely that order paid twice;
    // the payer's open order of the same amount is a guess the dealer makes, not the matcher.
    if (ev.namesClosed !== undefined) blockers.push('text_names_paid_order');
    // Hard rule: the text names a number in the range of the order numbers that is no open order (a new order not
    // synced yet, "Bestellung 10099"): the payer's other open order of the same amount is a guess. Unless the number
    // is this order's own with one slip the typo pass does not read (a digit too many or too few: "557249").
    else if (ev.namesUnknown !== undefined && !oneCharacterMore(ev.namesUnknown, numberCore(order.number)))
      blockers.push('text_names_unknown_order');
  }
  if (pass === 'amount') blockers.push('amount_only');
  // Hard rules from the posting alone: a provider's payout or a returned transfer is no order payment.
  const nature = postingNature(ev);
  if (nature.all.length > 0) blockers.push(...nature.all);
  if (nature.unlessReference.length > 0 && pass !== 'reference') blockers.push(...nature.unlessReference);

  return {
    orderIds: entry.ids,
    allocations: lazy ? LAZY_ALLOCATIONS : [{ orderId, amountMinor: paid }],
    amountMinor: paid,
    // Paying more than the order is open for usually means the payment is for something else (or more):
    // such a candidate ranks below explanations that fit, e.g. the combined payment it is part of.
    // Our reference is no exception when the text also names another open order that the excess pays: the excess is
    // most likely that order's money ("KW… und Bestellung 10024", both paid), and a combination of both is the
    // better explanation.
    score:
      amount.over && (pass !== 'reference' || excessPaysNamedOrder(ev, orderId, paid - open, index))
        ? Math.round(score(signals) * 800) / 1000
        : score(signals),
    signals,
    pass,
    blockers: copyOf(blockers),
    shortfallMinor: amount.shortfallMinor,
    flags: amount.flags,
  };
}

/**
 * Does the posting name, by reference or number, another open order than `orderId` whose open amount the excess of
 * an overpayment covers? (Overpaid reference candidates only.)
 */
function excessPaysNamedOrder(ev: Evidence, orderId: number, excess: number, index: OrderIndex): boolean {
  const all = ev.signals;
  for (let i = 0; i < all.size; i++) {
    const id = all.idAt(i);
    if (id === orderId) continue;
    const open = index.openMinor(id);
    if (open <= 0 || open > excess) continue;
    const pass = passOf(all.signalsAt(i));
    if (pass === 'reference' || pass === 'number') return true;
  }
  return false;
}

/**
 * The hard rules for an order named by its number without the payer's agreement that the evidence already tells
 * (a combination applies them to each of its orders: combined.ts).
 */
export function numberOnlyRules(ev: Evidence, orderId: number, blockers: string[]): void {
  // The number is also that of a paid (closed) order, in another shop: the payer may be paying that one twice.
  // Without the payer's agreement with this open order, which one is meant is the dealer's call.
  if (ev.closedNamed?.has(orderId)) blockers.push('number_of_closed_order');
  // Only the digits name the order, written with other letters ("RE-10023", "GS-10023" for order WC-10023):
  // another kind of number of the shop (separately counted invoices, vouchers) that shares digits.
  if (ev.otherLetters?.has(orderId)) blockers.push('number_letters_differ');
  // Only an identifier field (end-to-end id, EREF+, KREF+) has the number, while the free text names another
  // document ("EREF+10023 SVWZ+RG 4711"): a business's payment run fills the field with its own document numbers.
  // Without the payer's agreement, no proof. (A shop's payment page setting EREF to the order number, with a text
  // that names nothing else, stays automatic.)
  if (ev.idOnly?.has(orderId)) blockers.push('number_only_in_identifier');
}

/** Is the word after the number a name of the payer or the customer ("20345 THOMAS MUELLER")? */
function isNameWord(ev: Evidence, entry: IndexedOrder, word: string, index: OrderIndex): boolean {
  const folded = nameTokens(word);
  // A title or legal form ("80331 HERR MUELLER", "GMBH") introduces a name, never a place.
  if (folded.length === 0) return true;
  const names = payerNames(ev, index);
  const lists = [entry.tokens, entry.companyTokens, names.counterparty?.tokens, names.debtor?.tokens];
  return folded.every((t) => lists.some((list) => list?.includes(t)));
}

/**
 * Does the posting name an ultimate debtor who shares no name word with this order's customer, its company, or the
 * account holder ("Eva R." or "Familie Roth" on Hans Müller's payment; not "H. Mueller", nor a couple's account)?
 */
export function debtorDiffers(ev: Evidence, index: OrderIndex, entry: IndexedOrder): boolean {
  const { debtor, counterparty } = payerNames(ev, index);
  if (!debtor || debtor.tokens.length === 0) return false;
  return (
    !sharesWord(debtor.tokens, entry.tokens) &&
    !sharesWord(debtor.tokens, entry.companyTokens) &&
    !sharesWord(debtor.tokens, counterparty?.tokens ?? [])
  );
}

function sharesWord(a: readonly string[], b: readonly string[]): boolean {
  for (const t of a) if (b.includes(t)) return true;
  return false;
}

/** Does the text name a customer other than this order's (not its name, company, or a part of them)? */
export function namesOther(textNames: ReadonlySet<string>, entry: IndexedOrder): boolean {
  for (const key of textNames)
    if (!tokensWithin(key, entry.tokens) && !tokensWithin(key, entry.companyTokens)) return true;
  return false;
}

/** True when a candidate rests on a reference or number (not only on payer and amount). */
export function hasIdentity(c: Candidate): boolean {
  for (const s of c.signals) if (IDENTITY_KINDS.has(s.kind)) return true;
  return false;
}
