/**
 * The matcher (issue 5 §3): a pure function from open orders, unassigned postings, settings and learned facts
 * to decisions. Passes run from the strongest evidence to the weakest over all postings, so a posting with
 * our reference claims its order before a payer-and-amount guess can; each pass assigns automatically only
 * what is unambiguous, and the open amounts it leaves feed the next pass (partial payments accumulate).
 * Whatever is not automatic ends as a ranked suggestion with its signals, or as "none".
 */
import { OrderIndex } from './order-index.ts';
import { mayDecideByPayer, mayDecideWithoutPayer } from './pass-gates.ts';
import { byBookingDate } from './posting-order.ts';
import {
  band,
  bandOf,
  blockerCountsMatter,
  NO_REASONS,
  payerAgrees,
  rankCandidates,
  runnerUp,
} from './ranking.ts';
import { addPayerEvidence, collectEvidence, namesOurReference, type Evidence } from './passes/evidence.ts';
import { mayHoldReference, readIdentifiers } from './references-extract.ts';
import { combinedCandidates } from './passes/combined.ts';
import { SignalMap } from './passes/signal-map.ts';
import { isReturn, returnContext, returnDecision } from './passes/returns.ts';
import { CreditsOfRun, type InRunCredit } from './passes/credits-of-run.ts';
import { materialise, passOf, SettingsFor, type CandidateDetail } from './passes/single.ts';
import type { MatchSettings } from './settings.ts';
import {
  EMPTY_FACTS,
  type Candidate,
  type Decision,
  type LearnedFacts,
  type MatchInput,
  type MatchPosting,
  type MatchResult,
  type PassName,
} from './types.ts';

/** Order of the passes that may assign automatically (runMatcher runs the first two itself, then the rest). */
export const AUTO_PASSES: readonly PassName[] = ['reference', 'number', 'combined', 'typo', 'payer'];

/** Evidence, or a posting the reference pass could not assign whose evidence the number pass collects. */
function isEvidence(item: Evidence | MatchPosting): item is Evidence {
  return 'signals' in item;
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

/**
 * The signals of every released evidence: one shared empty map that refuses additions (a decided posting's
 * evidence is never read or extended again; this makes a mistake loud instead of shared).
 */
class ReleasedSignals extends SignalMap {
  override set(): this {
    throw new Error('evidence of a decided posting was extended');
  }
}
const RELEASED: SignalMap = new ReleasedSignals();

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
  ev.idOnly = undefined;
  ev.closedTypos = undefined;
  ev.closedNeighbours = undefined;
  ev.labelNamed = undefined;
  ev.unsyncedTypos = undefined;
}

type Summary = MatchResult['summary'];
type Ranked = NonNullable<Evidence['ranked']>;

/**
 * One run of the matcher: the index of the open orders, the decisions so far and the state the passes share. Each
 * phase and each step of deciding one posting is a method; runMatcher runs the phases in order.
 */
class MatchRun {
  private readonly settings: MatchSettings;
  private readonly learned: LearnedFacts;
  private readonly index: OrderIndex;
  /** Per-shop settings where the dealer set them; most runs have none, and every ranked candidate asks. */
  private readonly settingsFor: SettingsFor;
  private readonly patterns: readonly RegExp[];
  readonly decisions: Decision[] = [];
  readonly summary: Summary = { auto: 0, suggested: 0, none: 0, returns: 0, debits: 0 };

  constructor(private readonly input: MatchInput) {
    this.settings = input.settings;
    this.learned = input.learned ?? EMPTY_FACTS;
    const learnedCustomers = new Set<string>();
    for (const map of [this.learned.ibanToCustomers, this.learned.aliasToCustomers])
      for (const list of map.values()) for (const c of list) learnedCustomers.add(c);
    this.index = new OrderIndex(input.orders, learnedCustomers);
    const shopSettings = input.shopSettings;
    this.settingsFor = new SettingsFor(
      this.settings,
      shopSettings && shopSettings.size > 0 ? shopSettings : undefined,
    );
    this.patterns = input.patterns ?? [];
  }

  /**
   * Returns and debits are decided here, in booking-date order; the credits with an unassigned part are returned
   * (in that order) for the passes.
   */
  sortOut(): MatchPosting[] {
    const sorted = byBookingDate(this.input.postings);
    const credits: MatchPosting[] = [];
    const returns = returnContext(this.input.activeAssignments ?? [], sorted);
    const ofRun = new CreditsOfRun(sorted, this.returned);
    for (let at = 0; at < sorted.length; at++) {
      const p = sorted[at] as MatchPosting;
      if (isReturn(p)) {
        // The credit of this run the return may send back, looked up once and only when needed.
        let inRun: InRunCredit | null | undefined;
        const creditOfRun = () => (inRun === undefined ? (inRun = ofRun.returnedBy(p, at)) : inRun);
        const d = returnDecision(p, returns, () => creditOfRun()?.by);
        // Unless the return undid an older payment automatically (found for certain: by its end-to-end id, its
        // text, or alone by its IBAN), a credit of this run it may send back is never assigned automatically
        // (queue): its money may have gone back.
        const credit = d.band === 'auto' ? null : creditOfRun();
        if (credit) {
          this.returned.add(credit.posting.id);
          if (d.reasons[0] === 'return_original_not_found') d.reasons = ['returns_a_payment_of_this_run'];
        }
        this.decisions.push(d);
        if (d.band === 'auto') this.summary.returns++;
        else this.summary[d.band === 'suggest' ? 'suggested' : 'none']++;
        continue;
      }
      if (p.amountMinor <= 0) {
        // Debits are never order payments (issue 5 §3).
        this.decisions.push({
          postingId: p.id,
          band: 'none',
          pass: 'debit',
          candidates: [],
          reasons: ['debit'],
        });
        this.summary.debits++;
        continue;
      }
      if (p.amountMinor - p.assignedMinor <= 0) continue;
      credits.push(p);
    }
    return credits;
  }

  /** Credits of this run that a return of this run sends back: never assigned automatically (queue). */
  private readonly returned = new Set<number>();

  /**
   * The reference pass. Only a posting with our reference (or an RF creditor reference) of an open order can be
   * assigned in it, and the identifiers alone tell which. The others wait as postings: the number pass collects
   * their evidence (the same evidence: it does not depend on open amounts) and decides most of them right there,
   * so it is short-lived instead of 70 000 evidences the garbage collector copies into the old generation.
   * Reading the identifiers again there costs less than keeping them (measured).
   */
  referencePass(credits: readonly MatchPosting[]): (Evidence | MatchPosting)[] {
    const waiting: (Evidence | MatchPosting)[] = [];
    for (let i = 0; i < credits.length; i++) {
      const p = credits[i] as MatchPosting;
      if (!mayHoldReference(p)) {
        waiting.push(p);
        continue;
      }
      const identifiers = readIdentifiers(p);
      if (!namesOurReference(identifiers.extraction, this.index)) {
        waiting.push(p);
        continue;
      }
      const ev = collectEvidence(p, this.index, this.patterns, this.input.closedNumbers, identifiers);
      if (!this.decide(ev, 'reference')) waiting.push(ev);
    }
    return waiting;
  }

  /** The number pass, over the postings the reference pass left; returns those still undecided. */
  numberPass(waiting: readonly (Evidence | MatchPosting)[]): Evidence[] {
    const pending: Evidence[] = [];
    for (let i = 0; i < waiting.length; i++) {
      const item = waiting[i] as Evidence | MatchPosting;
      const ev = isEvidence(item)
        ? item
        : collectEvidence(item, this.index, this.patterns, this.input.closedNumbers);
      if (!this.decide(ev, 'number')) pending.push(ev);
    }
    return pending;
  }

  /** The automatic passes after the number pass, each over what the one before left. */
  laterPasses(pending: Evidence[]): Evidence[] {
    for (const pass of AUTO_PASSES.slice(2)) {
      const next: Evidence[] = [];
      for (let i = 0; i < pending.length; i++) {
        const ev = pending[i] as Evidence;
        if (!this.decide(ev, pass)) next.push(ev);
      }
      pending = next;
    }
    return pending;
  }

  /** What no pass assigned: a ranked suggestion for the queue, or none. */
  queue(pending: readonly Evidence[]): void {
    const { index, settingsFor, settings } = this;
    for (const ev of pending) {
      this.withPayer(ev);
      const candidates = rankCandidates(ev, index, settingsFor, settings);
      const verdict = band(candidates, this.settingsOf(candidates[0]));
      // A posting that only became unambiguous after other passes assigned is still left for the dealer:
      // its evidence was weaker than that of the pass it would belong to.
      const b = verdict.band === 'auto' ? 'suggest' : verdict.band;
      const returned = this.returned.has(ev.posting.id);
      const why = returned
        ? 'returned_in_this_run'
        : this.input.manualOnly?.has(ev.posting.id)
          ? 'assignment_undone_before'
          : 'resolved_only_after_other_assignments';
      const reasons =
        verdict.band === 'auto'
          ? [why]
          : returned
            ? ['returned_in_this_run', ...verdict.reasons]
            : verdict.reasons;
      this.decisions.push({
        postingId: ev.posting.id,
        band: b,
        pass: candidates[0]?.pass ?? 'amount',
        candidates: candidates.slice(0, settings.maxCandidates),
        reasons,
      });
      this.summary[b === 'suggest' ? 'suggested' : 'none']++;
    }
  }

  private settingsOf(c: Candidate | undefined): MatchSettings {
    const order = c ? this.index.byId.get(c.orderIds[0] ?? -1)?.order : undefined;
    return order ? this.settingsFor.of(order) : this.settings;
  }

  /**
   * Which passes can possibly assign a posting, from its evidence (a bit per pass); the others skip the ranking
   * work.
   */
  private possible(ev: Evidence, pass: PassName): boolean {
    let bits = ev.possible;
    if (bits === undefined) {
      bits = ev.signals.size >= 2 ? passBit('combined') : 0;
      for (let i = 0; i < ev.signals.size; i++) bits |= passBit(passOf(ev.signals.signalsAt(i)));
      ev.possible = bits;
    }
    return (bits & passBit(pass)) !== 0;
  }

  private withPayer(ev: Evidence): void {
    if (ev.payerDone) return;
    addPayerEvidence(ev, this.index, this.learned);
    ev.possible = undefined;
  }

  /*
   * A posting that waits through several passes is ranked again in each. Its candidates depend only on its
   * evidence (fixed until the payer evidence is added) and on the open amounts of the orders it names, so the
   * last ranking is reused while none of those amounts has changed: the same candidates, computed once.
   */
  private opensOf(ev: Evidence): number[] {
    const opens: number[] = [];
    for (let i = 0; i < ev.signals.size; i++) opens.push(this.index.openMinor(ev.signals.idAt(i)));
    return opens;
  }

  private unchanged(ev: Evidence, opens: readonly number[]): boolean {
    const n = ev.signals.size;
    if (n !== opens.length) return false;
    for (let i = 0; i < n; i++) if (opens[i] !== this.index.openMinor(ev.signals.idAt(i))) return false;
    return true;
  }

  private fresh(ev: Evidence): Ranked | undefined {
    const cached = ev.ranked;
    return cached?.opens && cached.payerDone === ev.payerDone && this.unchanged(ev, cached.opens)
      ? cached
      : undefined;
  }

  /*
   * The ranking is kept only as far as an automatic decision needs it: the best candidate (or, for the queue,
   * the first maxCandidates), the runner-up's score and pass, and the band. A waiting posting with a common
   * payer name ranks a dozen candidates; keeping them all through the passes made the waiting postings the
   * bulk of what the garbage collector had to copy.
   */
  private ranking(ev: Evidence, combinations?: readonly Candidate[]): Ranked {
    const cached = this.fresh(ev);
    if (cached) return cached;
    const { settings } = this;
    // Candidates that only compete are written out as far as the decision reads them (single.ts `compare`); with
    // fullRanking the decision keeps the others too, with all their blockers.
    const detail: CandidateDetail = this.input.fullRanking ? 'lazy' : 'compare';
    let candidates = rankCandidates(ev, this.index, this.settingsFor, settings, false, combinations, detail);
    let second = runnerUp(candidates);
    if (detail === 'compare' && blockerCountsMatter(candidates, second)) {
      candidates = rankCandidates(ev, this.index, this.settingsFor, settings, false, combinations, 'lazy');
      second = runnerUp(candidates);
    }
    const best = candidates[0];
    return (ev.ranked = {
      top: this.input.fullRanking
        ? candidates.slice(0, settings.maxCandidates).map((c) => materialise(c, this.index, this.settingsFor))
        : best
          ? [materialise(best, this.index, this.settingsFor)]
          : [],
      runnerUp: second ? { score: second.score, pass: second.pass } : undefined,
      band: best ? bandOf(candidates, this.settingsOf(best)) : 'none',
      // Read only when the posting waits for another pass (tryAuto): most are decided on this ranking.
      opens: undefined,
      payerDone: ev.payerDone,
    });
  }

  private tryAuto(ev: Evidence, pass: PassName): boolean {
    if (!this.possible(ev, pass)) return false;
    if (!ev.payerDone && !mayDecideWithoutPayer(ev, pass, this.index)) return false;
    if (pass === 'payer' && !mayDecideByPayer(ev, this.index, this.settingsFor)) return false;
    // The combined pass assigns only a combination ranked first: where none exists, ranking is wasted work.
    let combinations: Candidate[] | undefined;
    if (pass === 'combined' && !this.fresh(ev)) {
      combinations = combinedCandidates(ev, this.index, this.settings);
      if (combinations.length === 0) return false;
    }
    // The combinations just found are ranked as they are, not searched again.
    const ranked = this.ranking(ev, combinations);
    if (this.assign(ev, pass, ranked)) return true;
    // The ranking waits with the posting for the next pass (fresh): with the open amounts it was made for, which
    // nothing has changed since it was made.
    ranked.opens ??= this.opensOf(ev);
    return false;
  }

  /** Assigns the posting on its ranking when the best candidate is of this pass and automatic. */
  private assign(ev: Evidence, pass: PassName, ranked: Ranked): boolean {
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
      this.index.reduceOpen(a.orderId, a.amountMinor + shortfall);
    }
    // What outlives the run is only what a matching run persists: the chosen candidate with its evidence, and
    // the runner-up's score and pass. Keeping every ranked candidate of every automatic decision made the
    // result the largest long-lived structure of a big run (garbage-collector copying); the queue asks for it.
    const decision: Decision = {
      postingId: ev.posting.id,
      band: 'auto',
      pass,
      candidates: ranked.top,
      reasons: NO_REASONS,
    };
    if (ranked.runnerUp) decision.runnerUp = ranked.runnerUp;
    this.decisions.push(decision);
    this.summary.auto++;
    release(ev);
    return true;
  }

  /** One posting in one pass: true when it was assigned automatically. */
  private decide(ev: Evidence, pass: PassName): boolean {
    if (this.input.manualOnly?.has(ev.posting.id) || this.returned.has(ev.posting.id)) return false;
    // The reference and number passes first try without the payer's other orders: nothing outweighs our
    // reference except another reference (evidence tiers in band()), and a number is taken this way only when
    // the payer agrees with its order (then payer and amount cannot point elsewhere). Most postings end here;
    // the rest get the full payer evidence and a second look. Weaker passes always need it.
    if (pass !== 'reference' && pass !== 'number') this.withPayer(ev);
    else if (!this.possible(ev, pass)) return false;
    let done = this.tryAuto(ev, pass);
    if (!done && !ev.payerDone) {
      this.withPayer(ev);
      done = this.tryAuto(ev, pass);
    }
    return done;
  }
}

export function runMatcher(input: MatchInput): MatchResult {
  const run = new MatchRun(input);
  const pending = run.laterPasses(run.numberPass(run.referencePass(run.sortOut())));
  run.queue(pending);
  return { decisions: run.decisions, summary: run.summary };
}
