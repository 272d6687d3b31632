/**
 * Ranking and banding (issue 5 §3): a posting's candidates against the current open amounts, best first, and the
 * band of the best one — automatic only when it is clearly ahead of the second and no hard rule speaks against it.
 * The rules scan the other candidates in module functions, not closures made per ranking (the matcher ranks
 * about 100 000 times a run; see order-index.ts on closures under tsx).
 */
import type { OrderIndex } from './order-index.ts';
import { agreesAsPayer, WEIGHTS } from './scoring.ts';
import { byCodeUnits, sortSmall } from './small-sort.ts';
import type { Evidence } from './passes/evidence.ts';
import { combinedCandidates } from './passes/combined.ts';
import { hasIdentity, singleCandidate, type CandidateDetail, type SettingsFor } from './passes/single.ts';
import type { MatchSettings } from './settings.ts';
import type { Candidate, Decision, Signal } from './types.ts';

/** The reasons of every automatic decision: none (one shared frozen array, not one per decision). */
export const NO_REASONS = Object.freeze([] as string[]) as string[];

const byRank = (a: Candidate, b: Candidate) =>
  b.score - a.score || a.blockers.length - b.blockers.length || (a.orderIds[0] ?? 0) - (b.orderIds[0] ?? 0);

/** Candidates of a posting against the current open amounts, best first. */
export function rankCandidates(
  ev: Evidence,
  index: OrderIndex,
  settingsFor: SettingsFor,
  defaults: MatchSettings,
  withAmountOnly = true,
  /** combinedCandidates(ev, index, defaults), when the caller has them already. */
  combinations?: readonly Candidate[],
  /** How much of the single candidates to write out (passes/single.ts CandidateDetail). */
  detail: CandidateDetail = 'full',
): Candidate[] {
  const out: Candidate[] = [];
  // singleCandidate only reads the evidence: the ids stay as they are while this reads them.
  for (let i = 0; i < ev.signals.size; i++) {
    const c = singleCandidate(ev, ev.signals.idAt(i), index, settingsFor, detail);
    if (c) out.push(c);
  }
  if (withAmountOnly) {
    for (const id of ev.amountOrders) {
      if (ev.signals.has(id)) continue;
      const c = singleCandidate(ev, id, index, settingsFor, detail);
      if (c) out.push(c);
    }
  }
  // An exact single order named by a number or reference makes combinations moot; one found by the payer
  // alone does not: the same payer's other orders may add up to the amount just as well.
  let exactSingle = false;
  for (const c of out)
    if (c.blockers.length === 0 && hasKind(c, 'amount_exact') && hasIdentity(c)) {
      exactSingle = true;
      break;
    }
  if (!exactSingle) for (const c of combinations ?? combinedCandidates(ev, index, defaults)) out.push(c);
  if (ev.labelNamed) blockLabelledOthers(out, ev.labelNamed);
  return sortSmall(out, byRank);
}

/** The blocker of the hard rule below (a reason code the queue shows). */
const MASKED_NUMBER_NAMES_OTHER_ORDER = 'masked_number_names_other_order';

/**
 * Hard rule: the text writes an open order's number under a label of another kind of number ("Kundennr. 10023",
 * "Beleg-Nr. 10023", while 10023 is open: Evidence.labelNamed). The label keeps the value from naming that order, but a
 * payer who put the order number under the wrong label paid that order; so a candidate that rests on payer and amount
 * alone (no reference, number or typo of its own) is not automatic while the text writes the number of an order it
 * does not cover: another customer's, or another one of the payer's own (which of her orders was paid is then the
 * dealer's call). It stays ranked as it is, the payer's own order first. A candidate with an order number the payer
 * wrote as such (or one typo of it) is not held: that outweighs a number written as something else. Only for the
 * postings with such a value (few). The combinations passed in may be ranked twice (matcher.ts ranks again with every
 * blocker), hence the check for the blocker.
 */
function blockLabelledOthers(candidates: readonly Candidate[], named: ReadonlySet<number>): void {
  for (const c of candidates) {
    if (hasIdentity(c) || c.blockers.includes(MASKED_NUMBER_NAMES_OTHER_ORDER)) continue;
    let other = false;
    for (const id of named) if (!c.orderIds.includes(id)) other = true;
    // (A new list: an unblocked candidate shares the frozen empty one.)
    if (other) c.blockers = [...c.blockers, MASKED_NUMBER_NAMES_OTHER_ORDER];
  }
}

/** Band of a ranked candidate list; reasons say why the best one is not automatic. */
export function band(
  candidates: readonly Candidate[],
  settings: MatchSettings,
): { band: Decision['band']; reasons: string[] } {
  const best = candidates[0];
  if (!best) return { band: 'none', reasons: ['no_candidate'] };
  const reasons = reasonsAgainst(best, candidates, settings, Infinity);
  if (reasons.length === 0) return { band: 'auto', reasons };
  return { band: best.score >= 0.5 ? 'suggest' : 'none', reasons: [...new Set(reasons)] };
}

/**
 * The band alone: band(…).band, but it stops at the first reason against the best candidate (the matcher asks
 * this of every ranking; the reasons themselves only of the postings that end in the queue).
 */
export function bandOf(candidates: readonly Candidate[], settings: MatchSettings): Decision['band'] {
  const best = candidates[0];
  if (!best) return 'none';
  if (reasonsAgainst(best, candidates, settings, 1).length === 0) return 'auto';
  return best.score >= 0.5 ? 'suggest' : 'none';
}

/** Why `best` (the first of `candidates`) is not automatic, in rule order; stops once `limit` are found. */
function reasonsAgainst(
  best: Candidate,
  candidates: readonly Candidate[],
  settings: MatchSettings,
  limit: number,
): string[] {
  const blockers = best.blockers;
  if (blockers.length >= limit) return blockers;
  // The reasons beyond the blockers, in a list made only once a rule adds one: most rankings end with none.
  let added: string[] | undefined;
  if (best.score < settings.autoThreshold) {
    (added ??= []).push('score_below_threshold');
    if (blockers.length + added.length >= limit) return joined(blockers, added);
  }
  const second = runnerUp(candidates);
  if (second) {
    // Evidence tiers: our reference beats a number, a number beats a typo, a typo beats payer + amount. A
    // better tier is clearly ahead whatever the scores; within a tier the score margin decides. A runner-up
    // of a better tier (the payer named another order) is a conflict, never automatic.
    if (tier(second) > tier(best)) (added ??= []).push('other_order_named');
    else if (tier(second) === tier(best) && best.score - second.score < settings.minMargin)
      (added ??= []).push('not_clearly_ahead');
    if (blockers.length + (added?.length ?? 0) >= limit) return joined(blockers, added);
  }
  // Hard rule: the number points at one order, but the payer and the amount point at another (a typo that
  // happens to be another open order's number), or the payer's own order is named just as well (two shops
  // with the same order number: the payer paid their own, already paid order once more). Only our reference
  // outweighs the payer.
  if (best.pass !== 'reference' && !payerAgrees(best) && payerPointsElsewhere(candidates, best)) {
    (added ??= []).push('payer_points_elsewhere');
    if (blockers.length + added.length >= limit) return joined(blockers, added);
  }
  // Hard rule: a part payment of the named order, while the amount pays another order of the same payer in
  // full (a wrong number, or a tenth of the amount typed): which one the payer meant is the dealer's call. The
  // same when the named order fits only within the fee tolerance: SEPA transfers in euro arrive in full, so
  // another order of the payer with exactly the amount is at least as likely the one paid. Our reference is no
  // exception: a customer who reuses the banking app's template of the first order's payment for the second
  // order sends the first order's reference with the second order's amount.
  if (!hasKind(best, 'amount_exact', 'amount_sum') && amountFitsOther(candidates, best)) {
    (added ??= []).push('amount_fits_other_order');
    if (blockers.length + added.length >= limit) return joined(blockers, added);
  }
  // Hard rule: our reference names one order whose amount the payment does not pay exactly, while the text writes
  // another open order's number whose amount it does (the customer paid order B with the banking template of order
  // A, "KW… Bestellung 10031"): which order was paid is the dealer's call. With the exact amount, our reference wins.
  if (
    best.pass === 'reference' &&
    !hasKind(best, 'amount_exact', 'amount_sum') &&
    numberedOtherFits(candidates, best)
  ) {
    (added ??= []).push('other_order_named');
    if (blockers.length + added.length >= limit) return joined(blockers, added);
  }
  // Hard rule: same amount and same payer on several open orders, with no number or reference to tell.
  if (!hasIdentity(best) && sameShapeElsewhere(candidates, best))
    (added ??= []).push('ambiguous_same_amount_same_name');
  return joined(blockers, added);
}

/** The blockers followed by the added reasons, in a new list (the shared empty one when there is none). */
function joined(blockers: readonly string[], added: readonly string[] | undefined): string[] {
  if (blockers.length === 0 && !added) return NO_REASONS;
  const out = blockers.slice();
  if (added) for (const r of added) out.push(r);
  return out;
}

/** Does a candidate carry a signal of kind `a` (or `b`)? */
function hasKind(c: Candidate, a: string, b?: string): boolean {
  const signals = c.signals;
  for (let i = 0; i < signals.length; i++) {
    const k = (signals[i] as Signal).kind;
    if (k === a || k === b) return true;
  }
  return false;
}

/** Another candidate, not sharing an order with `best`, with the payer's agreement and the amount or a tier as good. */
function payerPointsElsewhere(candidates: readonly Candidate[], best: Candidate): boolean {
  for (let i = 1; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    if (!overlapping(c, best) && payerAgrees(c) && (amountAgrees(c) || tier(c) >= tier(best))) return true;
  }
  return false;
}

/** Another candidate, not sharing an order with `best`, named by its order or invoice number, paid exactly. */
function numberedOtherFits(candidates: readonly Candidate[], best: Candidate): boolean {
  for (let i = 1; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    if (!overlapping(c, best) && hasKind(c, 'number', 'invoice_number') && hasKind(c, 'amount_exact'))
      return true;
  }
  return false;
}

/** Another candidate, not sharing an order with `best`, of the same payer with exactly the amount. */
function amountFitsOther(candidates: readonly Candidate[], best: Candidate): boolean {
  for (let i = 1; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    if (!overlapping(c, best) && payerAgrees(c) && hasKind(c, 'amount_exact')) return true;
  }
  return false;
}

/** Another candidate, not sharing an order with `best`, with the same amount and the same kinds of evidence. */
function sameShapeElsewhere(candidates: readonly Candidate[], best: Candidate): boolean {
  let bestMask: number | undefined;
  for (let i = 1; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    if (
      !overlapping(c, best) &&
      !withdrawnBehind(c, best) &&
      best.amountMinor === c.amountMinor &&
      sameKinds(best, (bestMask ??= kindMask(best)), c)
    )
      return true;
  }
  return false;
}

/** Do two candidates share an order? */
function overlapping(c: Candidate, best: Candidate): boolean {
  const ids = c.orderIds;
  for (let i = 0; i < ids.length; i++) if (best.orderIds.includes(ids[i] as number)) return true;
  return false;
}

/** Are all of a candidate's orders among the best one's? */
function within(c: Candidate, best: Candidate): boolean {
  const ids = c.orderIds;
  for (let i = 0; i < ids.length; i++) if (!best.orderIds.includes(ids[i] as number)) return false;
  return true;
}

/**
 * Does a ranking of `compare` candidates (passes/single.ts CandidateDetail) need the exact number of each one's
 * blockers? Where a blocked candidate counts only as blocked, the order is the same as with the exact numbers
 * (score first; no blocker before some), except among blocked candidates of the same score. That order is read in
 * one place only: the runner-up of an automatic best candidate, the first of those ties that competes with it, whose
 * pass the decision keeps and the evidence tiers compare. It matters when such ties differ in pass; then the caller
 * ranks again with every blocker.
 */
export function blockerCountsMatter(
  candidates: readonly Candidate[],
  /** runnerUp(candidates), when the caller has it already. */
  second: Candidate | undefined = runnerUp(candidates),
): boolean {
  const best = candidates[0];
  if (!best || best.blockers.length > 0) return false;
  if (!second || second.blockers.length === 0) return false;
  for (let i = candidates.indexOf(second) + 1; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    if (c.score !== second.score) return false;
    if (c.pass !== second.pass && !within(c, best) && !withdrawnBehind(c, best)) return true;
  }
  return false;
}

/**
 * The runner-up that counts is a different explanation: a part of the best one (one of the orders a combined
 * payment covers) does not compete with it. Blocked candidates do compete: they may be the truth.
 */
export function runnerUp(candidates: readonly Candidate[]): Candidate | undefined {
  const best = candidates[0];
  if (best)
    for (let i = 1; i < candidates.length; i++) {
      const c = candidates[i] as Candidate;
      if (!within(c, best) && !withdrawnBehind(c, best)) return c;
    }
  return undefined;
}

/** Blockers of an order the shop cancelled or no longer shows (single.ts statusBlocker). */
const WITHDRAWN = new Set(['order_cancelled', 'order_removed_externally']);

/**
 * Is `c` an order the shop cancelled or no longer shows, with no better evidence than `best`, while the payer agrees
 * with `best`? Then it is no competitor ("cancel and order again": the new order of the same price, or the other
 * shop's cancelled order with the same number, paid by the open order's customer). Named with better evidence (the
 * text names the cancelled order), or paid by someone the open order's customer is not (a late payment for an order
 * the shop cancelled unpaid), it still is one.
 */
function withdrawnBehind(c: Candidate, best: Candidate): boolean {
  // The blockers first, indexed: runnerUp asks this of every candidate it passes, and most have none of these.
  const blockers = c.blockers;
  let withdrawn = false;
  for (let i = 0; i < blockers.length && !withdrawn; i++) withdrawn = WITHDRAWN.has(blockers[i] as string);
  return withdrawn && tier(c) <= tier(best) && payerAgrees(best);
}

const AMOUNT_FITS = new Set(['amount_exact', 'amount_within_tolerance', 'amount_sum']);
export function payerAgrees(c: Candidate): boolean {
  return agreesAsPayer(c.signals, true);
}
function amountAgrees(c: Candidate): boolean {
  const signals = c.signals;
  for (let i = 0; i < signals.length; i++) if (AMOUNT_FITS.has((signals[i] as Signal).kind)) return true;
  return false;
}

function tier(c: Candidate): number {
  if (c.pass === 'reference') return 3;
  if (c.pass === 'number' || (c.pass === 'combined' && hasIdentity(c))) return 2;
  if (c.pass === 'typo') return 1;
  return 0;
}

/** Same shape (same amount, same evidence kinds): the kinds of a candidate's signals that carry weight. */
function kinds(c: Candidate): string {
  const out: string[] = [];
  for (const s of c.signals) if ((s.weight ?? 0) > 0.05) out.push(s.kind);
  return sortSmall(out, byCodeUnits).join(',');
}

/** A bit per signal kind, in the order WEIGHTS lists them. */
const KIND_BITS = new Map(Object.keys(WEIGHTS).map((k, i) => [k, 2 ** i]));

/**
 * kinds() as a bit mask (no array, sort and string per candidate: the rule compares the best candidate with every
 * other of the same amount); -1 when a kind occurs twice, which a mask cannot tell apart from once (then the
 * caller compares kinds()).
 */
function kindMask(c: Candidate): number {
  let mask = 0;
  for (const s of c.signals)
    if ((s.weight ?? 0) > 0.05) {
      const bit = KIND_BITS.get(s.kind) ?? 0;
      if (bit === 0 || (mask & bit) !== 0) return -1;
      mask |= bit;
    }
  return mask;
}

/** Do two candidates have the same kinds of evidence (kinds() equal)? */
function sameKinds(a: Candidate, aMask: number, b: Candidate): boolean {
  const bMask = kindMask(b);
  return aMask >= 0 && bMask >= 0 ? aMask === bMask : kinds(a) === kinds(b);
}
