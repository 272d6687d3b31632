/**
 * The matcher (issue 5 §3): a pure function from open orders, unassigned postings, settings and learned facts
 * to decisions. Passes run from the strongest evidence to the weakest over all postings, so a posting with
 * our reference claims its order before a payer-and-amount guess can; each pass assigns automatically only
 * what is unambiguous, and the open amounts it leaves feed the next pass (partial payments accumulate).
 * Whatever is not automatic ends as a ranked suggestion with its signals, or as "none".
 */
import { OrderIndex } from './order-index.ts';
import { AGREEING_PAYER_KINDS, WEIGHTS } from './scoring.ts';
import { byCodeUnits, sortSmall } from './small-sort.ts';
import { addPayerEvidence, collectEvidence, namesOurReference, type Evidence } from './passes/evidence.ts';
import { readIdentifiers } from './references-extract.ts';
import { combinedCandidates } from './passes/combined.ts';
import { isReturn, returnContext, returnDecision } from './passes/returns.ts';
import { hasIdentity, materialise, passOf, singleCandidate } from './passes/single.ts';
import { toleranceFor, type MatchSettings } from './settings.ts';
import {
  EMPTY_FACTS,
  type Candidate,
  type Decision,
  type MatchInput,
  type MatchOrder,
  type MatchPosting,
  type MatchResult,
  type PassName,
  type Signal,
} from './types.ts';

/** The reasons of every automatic decision: none (one shared frozen array, not one per decision). */
const NO_REASONS = Object.freeze([] as string[]) as string[];

/** Order of the passes that may assign automatically (runMatcher runs the first two itself, then the rest). */
export const AUTO_PASSES: readonly PassName[] = ['reference', 'number', 'combined', 'typo', 'payer'];

/** Evidence, or a posting the reference pass could not assign whose evidence the number pass collects. */
function isEvidence(item: Evidence | MatchPosting): item is Evidence {
  return 'signals' in item;
}

const byRank = (a: Candidate, b: Candidate) =>
  b.score - a.score || a.blockers.length - b.blockers.length || (a.orderIds[0] ?? 0) - (b.orderIds[0] ?? 0);

/** Candidates of a posting against the current open amounts, best first. */
export function rankCandidates(
  ev: Evidence,
  index: OrderIndex,
  settingsFor: (o: MatchOrder) => MatchSettings,
  defaults: MatchSettings,
  withAmountOnly = true,
  /** combinedCandidates(ev, index, defaults), when the caller has them already. */
  combinations?: readonly Candidate[],
  /** Single candidates without their allocations (passes/single.ts materialise() gives them to the ones kept). */
  lazy = false,
): Candidate[] {
  const out: Candidate[] = [];
  for (const id of ev.signals.keys()) {
    const c = singleCandidate(ev, id, index, settingsFor, lazy);
    if (c) out.push(c);
  }
  if (withAmountOnly) {
    for (const id of ev.amountOrders) {
      if (ev.signals.has(id)) continue;
      const c = singleCandidate(ev, id, index, settingsFor, lazy);
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
  return sortSmall(out, byRank);
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

/*
 * The rules' scans over the other candidates are module functions, not closures made per ranking (the matcher
 * ranks several hundred thousand times a run; see order-index.ts on closures under tsx).
 */

/** Does a candidate carry a signal of kind `a` (or `b`)? */
function hasKind(c: Candidate, a: string, b?: string): boolean {
  for (const s of c.signals) if (s.kind === a || s.kind === b) return true;
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
      best.amountMinor === c.amountMinor &&
      sameKinds(best, (bestMask ??= kindMask(best)), c)
    )
      return true;
  }
  return false;
}

/** Do two candidates share an order? */
function overlapping(c: Candidate, best: Candidate): boolean {
  for (const id of c.orderIds) if (best.orderIds.includes(id)) return true;
  return false;
}

/** Are all of a candidate's orders among the best one's? */
function within(c: Candidate, best: Candidate): boolean {
  for (const id of c.orderIds) if (!best.orderIds.includes(id)) return false;
  return true;
}

/**
 * The runner-up that counts is a different explanation: a part of the best one (one of the orders a combined
 * payment covers) does not compete with it. Blocked candidates do compete: they may be the truth.
 */
function runnerUp(candidates: readonly Candidate[]): Candidate | undefined {
  const best = candidates[0];
  if (best)
    for (let i = 1; i < candidates.length; i++) {
      const c = candidates[i] as Candidate;
      if (!within(c, best)) return c;
    }
  return undefined;
}

const AMOUNT_FITS = new Set(['amount_exact', 'amount_within_tolerance', 'amount_sum']);
function payerAgrees(c: Candidate): boolean {
  for (const s of c.signals) if (AGREEING_PAYER_KINDS.has(s.kind) && (s.weight ?? 0) > 0) return true;
  return false;
}
function amountAgrees(c: Candidate): boolean {
  for (const s of c.signals) if (AMOUNT_FITS.has(s.kind)) return true;
  return false;
}

/**
 * Can tryAuto assign the posting in this pass before its payer evidence is added? Only to a single order of the
 * pass's tier whose open amount the posting pays exactly, and for a number only when a payer signal on that order
 * agrees (the conditions tryAuto checks on the best candidate). Without such an order the ranking would be wasted
 * work: the posting gets its payer evidence and is ranked then.
 */
function mayDecideWithoutPayer(ev: Evidence, pass: PassName, index: OrderIndex): boolean {
  for (const id of ev.signals.keys()) {
    if (index.openMinor(id) !== ev.openMinor) continue;
    const signals = ev.signals.get(id) as Signal[];
    if (passOf(signals) !== pass) continue;
    if (pass === 'reference') return true;
    for (const s of signals) if (AGREEING_PAYER_KINDS.has(s.kind) && (s.weight ?? 0) > 0) return true;
  }
  return false;
}

/**
 * Can the payer pass assign the posting at all? Only to an order reached by the payer whose payer evidence agrees
 * and whose open amount the posting pays within the tolerance: any other payer candidate carries a blocker
 * (single.ts payer_name_partial, payer_amount_differs), so ranking would be wasted work.
 */
function mayDecideByPayer(
  ev: Evidence,
  index: OrderIndex,
  settingsFor: (o: MatchOrder) => MatchSettings,
): boolean {
  for (const id of ev.signals.keys()) {
    const signals = ev.signals.get(id) as Signal[];
    if (passOf(signals) !== 'payer') continue;
    let agrees = false;
    for (const s of signals) if (AGREEING_PAYER_KINDS.has(s.kind)) agrees = true;
    if (!agrees) continue;
    const entry = index.byId.get(id);
    if (!entry) continue;
    if (Math.abs(ev.openMinor - entry.open) <= toleranceFor(settingsFor(entry.order), entry.open))
      return true;
  }
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

/**
 * The postings by booking date (`YYYY-MM-DD`, compared by code units: the same order as a locale's collation,
 * which costs about 0.1 µs a comparison), then by id. A run has a few hundred distinct dates among 100 000
 * postings: the dates are sorted, the postings put into one bucket per date (a counting sort, no comparator
 * calls), and a bucket sorted by id only when it is not in id order already.
 */
export function byBookingDate(postings: readonly MatchPosting[]): MatchPosting[] {
  const rankOf = new Map<string, number>();
  for (const p of postings) rankOf.set(p.bookingDate ?? '', 0);
  const dates = sortSmall([...rankOf.keys()], byCodeUnits);
  const starts = new Array<number>(dates.length + 1).fill(0);
  dates.forEach((d, i) => rankOf.set(d, i));
  const ranks = new Int32Array(postings.length);
  postings.forEach((p, i) => {
    const r = rankOf.get(p.bookingDate ?? '') ?? 0;
    ranks[i] = r;
    starts[r + 1] = (starts[r + 1] ?? 0) + 1;
  });
  for (let r = 0; r < dates.length; r++) starts[r + 1] = (starts[r + 1] ?? 0) + (starts[r] ?? 0);
  const out = new Array<MatchPosting>(postings.length);
  const next = starts.slice();
  postings.forEach((p, i) => {
    const r = ranks[i] ?? 0;
    out[next[r] ?? 0] = p;
    next[r] = (next[r] ?? 0) + 1;
  });
  for (let r = 0; r < dates.length; r++) {
    const from = starts[r] ?? 0;
    const to = starts[r + 1] ?? 0;
    let ordered = true;
    for (let i = from + 1; i < to && ordered; i++)
      ordered = (out[i - 1] as MatchPosting).id < (out[i] as MatchPosting).id;
    if (!ordered) {
      const bucket = out.slice(from, to).sort((a, b) => a.id - b.id);
      for (let i = from; i < to; i++) out[i] = bucket[i - from] as MatchPosting;
    }
  }
  return out;
}

const PASS_BITS: Record<PassName, number> = {
  reference: 1,
  number: 2,
  combined: 4,
  typo: 8,
  payer: 16,
  amount: 32,
  return: 64,
  debit: 128,
};
function passBit(pass: PassName): number {
  return PASS_BITS[pass];
}

const RELEASED = new Map<number, Signal[]>();

/**
 * Drops what a decided posting's evidence refers to. The evidence of a posting that waited for a later pass has
 * long moved to the old generation; what the later passes attached to it (payer signals, rankings, caches) is
 * young, and a young object an old one points to survives the next scavenge and is promoted, even when the old
 * one is garbage already. Cutting the pointers lets it die young: fewer objects for the collector to copy.
 */
function release(ev: Evidence): void {
  ev.signals = RELEASED;
  ev.ranked = undefined;
  ev.possible = undefined;
  ev.payerNames = undefined;
  ev.nature = undefined;
  ev.textNames = undefined;
  ev.typoOrders = undefined;
  ev.places = undefined;
  ev.closedNamed = undefined;
  ev.otherLetters = undefined;
  ev.closedTypos = undefined;
}

export function runMatcher(input: MatchInput): MatchResult {
  const settings = input.settings;
  const learned = input.learned ?? EMPTY_FACTS;
  const learnedCustomers = new Set<string>();
  for (const map of [learned.ibanToCustomers, learned.aliasToCustomers])
    for (const list of map.values()) for (const c of list) learnedCustomers.add(c);
  const index = new OrderIndex(input.orders, learnedCustomers);
  // Per-shop settings where the dealer set them; most runs have none, and every ranked candidate asks.
  const shopSettings = input.shopSettings;
  const settingsFor =
    shopSettings && shopSettings.size > 0
      ? (o: MatchOrder) => shopSettings.get(o.shopId) ?? settings
      : () => settings;
  const decisions: Decision[] = [];
  const summary = { auto: 0, suggested: 0, none: 0, returns: 0, debits: 0 };

  const sorted = byBookingDate(input.postings);
  const credits: MatchPosting[] = [];
  const returns = returnContext(input.activeAssignments ?? [], sorted);
  for (const p of sorted) {
    if (isReturn(p)) {
      const d = returnDecision(p, returns);
      decisions.push(d);
      if (d.band === 'auto') summary.returns++;
      else summary[d.band === 'suggest' ? 'suggested' : 'none']++;
      continue;
    }
    if (p.amountMinor <= 0) {
      // Debits are never order payments (issue 5 §3).
      decisions.push({ postingId: p.id, band: 'none', pass: 'debit', candidates: [], reasons: ['debit'] });
      summary.debits++;
      continue;
    }
    if (p.amountMinor - p.assignedMinor <= 0) continue;
    credits.push(p);
  }

  const settingsOf = (c: Candidate | undefined): MatchSettings => {
    const order = c ? index.byId.get(c.orderIds[0] ?? -1)?.order : undefined;
    return order ? settingsFor(order) : settings;
  };
  // Which passes can possibly assign a posting, from its evidence (a bit per pass); the others skip the ranking
  // work.
  const possible = (ev: Evidence, pass: PassName): boolean => {
    let bits = ev.possible;
    if (bits === undefined) {
      bits = ev.signals.size >= 2 ? passBit('combined') : 0;
      for (const signals of ev.signals.values()) bits |= passBit(passOf(signals));
      ev.possible = bits;
    }
    return (bits & passBit(pass)) !== 0;
  };
  const withPayer = (ev: Evidence) => {
    if (ev.payerDone) return;
    addPayerEvidence(ev, index, learned);
    ev.possible = undefined;
  };
  // A posting that waits through several passes is ranked again in each. Its candidates depend only on its
  // evidence (fixed until the payer evidence is added) and on the open amounts of the orders it names, so the
  // last ranking is reused while none of those amounts has changed: the same candidates, computed once.
  const opensOf = (ev: Evidence): number[] => {
    const opens: number[] = [];
    for (const id of ev.signals.keys()) opens.push(index.openMinor(id));
    return opens;
  };
  const unchanged = (ev: Evidence, opens: readonly number[]): boolean => {
    let i = 0;
    for (const id of ev.signals.keys()) if (opens[i++] !== index.openMinor(id)) return false;
    return i === opens.length;
  };
  const fresh = (ev: Evidence): Evidence['ranked'] => {
    const cached = ev.ranked;
    return cached && cached.payerDone === ev.payerDone && unchanged(ev, cached.opens) ? cached : undefined;
  };
  // The ranking is kept only as far as an automatic decision needs it: the best candidate (or, for the queue,
  // the first maxCandidates), the runner-up's score and pass, and the band. A waiting posting with a common
  // payer name ranks a dozen candidates; keeping them all through the passes made the waiting postings the
  // bulk of what the garbage collector had to copy.
  const ranking = (ev: Evidence, combinations?: readonly Candidate[]): NonNullable<Evidence['ranked']> => {
    const cached = fresh(ev);
    if (cached) return cached;
    const candidates = rankCandidates(ev, index, settingsFor, settings, false, combinations, true);
    const best = candidates[0];
    const second = best && runnerUp(candidates);
    return (ev.ranked = {
      top: input.fullRanking
        ? candidates.slice(0, settings.maxCandidates).map(materialise)
        : best
          ? [materialise(best)]
          : [],
      runnerUp: second ? { score: second.score, pass: second.pass } : undefined,
      band: best ? bandOf(candidates, settingsOf(best)) : 'none',
      opens: opensOf(ev),
      payerDone: ev.payerDone,
    });
  };
  const tryAuto = (ev: Evidence, pass: PassName): boolean => {
    if (!possible(ev, pass)) return false;
    if (!ev.payerDone && !mayDecideWithoutPayer(ev, pass, index)) return false;
    if (pass === 'payer' && !mayDecideByPayer(ev, index, settingsFor)) return false;
    // The combined pass assigns only a combination ranked first: where none exists, ranking is wasted work.
    let combinations: Candidate[] | undefined;
    if (pass === 'combined' && !fresh(ev)) {
      combinations = combinedCandidates(ev, index, settings);
      if (combinations.length === 0) return false;
    }
    // The combinations just found are ranked as they are, not searched again.
    const ranked = ranking(ev, combinations);
    const best = ranked.top[0];
    if (!best || best.pass !== pass || ranked.band !== 'auto') return false;
    // Without the payer's other orders in view, a number is trusted only when the payer agrees with it and
    // the amount pays it exactly (a part payment, or one within the fee tolerance, may fit another order of
    // the payer exactly: band() rule amount_fits_other_order needs those orders); our reference only when the
    // amount pays it exactly, for the same reason.
    if (!ev.payerDone) {
      const exact = best.signals.some((s) => s.kind === 'amount_exact');
      if (pass === 'reference' ? !exact : !exact || !payerAgrees(best)) return false;
    }
    const allocations = best.allocations;
    for (let i = 0; i < allocations.length; i++) {
      const a = allocations[i] as (typeof allocations)[number];
      const shortfall = i === allocations.length - 1 ? best.shortfallMinor : 0;
      index.reduceOpen(a.orderId, a.amountMinor + shortfall);
    }
    // What outlives the run is only what a matching run persists: the chosen candidate with its evidence, and
    // the runner-up's score and pass. Keeping every ranked candidate of every automatic decision made the
    // result the largest long-lived structure of a big run (garbage-collector copying); the queue asks for it.
    const runnerUp = ranked.runnerUp;
    decisions.push(
      runnerUp
        ? {
            postingId: ev.posting.id,
            band: 'auto',
            pass,
            candidates: ranked.top,
            reasons: NO_REASONS,
            runnerUp,
          }
        : { postingId: ev.posting.id, band: 'auto', pass, candidates: ranked.top, reasons: NO_REASONS },
    );
    summary.auto++;
    release(ev);
    return true;
  };
  /** One posting in one pass: true when it was assigned automatically. */
  const decide = (ev: Evidence, pass: PassName): boolean => {
    if (input.manualOnly?.has(ev.posting.id)) return false;
    // The reference and number passes first try without the payer's other orders: nothing outweighs our
    // reference except another reference (evidence tiers in band()), and a number is taken this way only when
    // the payer agrees with its order (then payer and amount cannot point elsewhere). Most postings end here;
    // the rest get the full payer evidence and a second look. Weaker passes always need it.
    if (pass !== 'reference' && pass !== 'number') withPayer(ev);
    else if (!possible(ev, pass)) return false;
    let done = tryAuto(ev, pass);
    if (!done && !ev.payerDone) {
      withPayer(ev);
      done = tryAuto(ev, pass);
    }
    return done;
  };
  const patterns = input.patterns ?? [];
  // The reference pass. Only a posting with our reference (or an RF creditor reference) of an open order can be
  // assigned in it, and the identifiers alone tell which: the others wait, and their evidence is collected when
  // the number pass reaches them (reading the identifiers again costs less than keeping them). The same evidence (it does not depend on open
  // amounts), but most of it is decided right there: short-lived, instead of 70 000 evidences the garbage
  // collector copies into the old generation first.
  const waiting: (Evidence | MatchPosting)[] = [];
  for (const p of credits) {
    const identifiers = readIdentifiers(p);
    if (!namesOurReference(identifiers.extraction, index)) {
      waiting.push(p);
      continue;
    }
    const ev = collectEvidence(p, index, patterns, input.closedNumbers, identifiers);
    if (!decide(ev, 'reference')) waiting.push(ev);
  }
  let pending: Evidence[] = [];
  for (const item of waiting) {
    const ev = isEvidence(item) ? item : collectEvidence(item, index, patterns, input.closedNumbers);
    if (!decide(ev, 'number')) pending.push(ev);
  }
  for (const pass of AUTO_PASSES.slice(2)) {
    const next: Evidence[] = [];
    for (const ev of pending) if (!decide(ev, pass)) next.push(ev);
    pending = next;
  }
  for (const ev of pending) {
    withPayer(ev);
    const candidates = rankCandidates(ev, index, settingsFor, settings);
    const verdict = band(candidates, settingsOf(candidates[0]));
    // A posting that only became unambiguous after other passes assigned is still left for the dealer:
    // its evidence was weaker than that of the pass it would belong to.
    const b = verdict.band === 'auto' ? 'suggest' : verdict.band;
    const why = input.manualOnly?.has(ev.posting.id)
      ? 'assignment_undone_before'
      : 'resolved_only_after_other_assignments';
    const reasons = verdict.band === 'auto' ? [why] : verdict.reasons;
    decisions.push({
      postingId: ev.posting.id,
      band: b,
      pass: candidates[0]?.pass ?? 'amount',
      candidates: candidates.slice(0, settings.maxCandidates),
      reasons,
    });
    summary[b === 'suggest' ? 'suggested' : 'none']++;
  }
  return { decisions, summary };
}
