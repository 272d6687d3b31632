/**
 * The matcher (issue 5 §3): a pure function from open orders, unassigned postings, settings and learned facts
 * to decisions. Passes run from the strongest evidence to the weakest over all postings, so a posting with
 * our reference claims its order before a payer-and-amount guess can; each pass assigns automatically only
 * what is unambiguous, and the open amounts it leaves feed the next pass (partial payments accumulate).
 * Whatever is not automatic ends as a ranked suggestion with its signals, or as "none".
 */
import { OrderIndex } from './order-index.ts';
import { collectEvidence, type Evidence } from './passes/evidence.ts';
import { combinedCandidates } from './passes/combined.ts';
import { isReturn, returnContext, returnDecision } from './passes/returns.ts';
import { hasIdentity, passOf, singleCandidate } from './passes/single.ts';
import type { MatchSettings } from './settings.ts';
import { EMPTY_FACTS, type Candidate, type Decision, type MatchInput, type MatchOrder, type MatchResult, type PassName } from './types.ts';

/** Order of the passes that may assign automatically. */
export const AUTO_PASSES: readonly PassName[] = ['reference', 'number', 'combined', 'typo', 'payer'];

/** Candidates of a posting against the current open amounts, best first. */
export function rankCandidates(ev: Evidence, index: OrderIndex, settingsFor: (o: MatchOrder) => MatchSettings, defaults: MatchSettings): Candidate[] {
  const ids = new Set<number>([...ev.signals.keys(), ...ev.amountOrders]);
  const out: Candidate[] = [];
  for (const id of ids) {
    const c = singleCandidate(ev, id, index, settingsFor);
    if (c) out.push(c);
  }
  const exactSingle = out.some((c) => c.blockers.length === 0 && c.signals.some((s) => s.kind === 'amount_exact'));
  if (!exactSingle) out.push(...combinedCandidates(ev, index, defaults));
  out.sort((a, b) => b.score - a.score || a.blockers.length - b.blockers.length || (a.orderIds[0] ?? 0) - (b.orderIds[0] ?? 0));
  return out;
}

/** Band of a ranked candidate list; reasons say why the best one is not automatic. */
export function band(candidates: readonly Candidate[], settings: MatchSettings): { band: Decision['band']; reasons: string[] } {
  const [best, ...rest] = candidates;
  if (!best) return { band: 'none', reasons: ['no_candidate'] };
  const reasons = [...best.blockers];
  if (best.score < settings.autoThreshold) reasons.push('score_below_threshold');
  const overlaps = (c: Candidate) => c.orderIds.some((id) => best.orderIds.includes(id));
  // The runner-up that counts is a different explanation: a part of the best one (one of the orders a
  // combined payment covers) does not compete with it. Blocked candidates do compete: they may be the truth.
  const second = rest.find((c) => !c.orderIds.every((id) => best.orderIds.includes(id)));
  if (second && best.score - second.score < settings.minMargin) reasons.push('not_clearly_ahead');
  // Hard rule: same amount and same payer on several open orders, with no number or reference to tell.
  if (!hasIdentity(best) && rest.some((c) => !overlaps(c) && sameShape(best, c))) reasons.push('ambiguous_same_amount_same_name');
  if (reasons.length === 0) return { band: 'auto', reasons };
  return { band: best.score >= 0.5 ? 'suggest' : 'none', reasons: [...new Set(reasons)] };
}

function sameShape(a: Candidate, b: Candidate): boolean {
  const kinds = (c: Candidate) => c.signals.filter((s) => (s.weight ?? 0) > 0.05).map((s) => s.kind).sort().join(',');
  return a.amountMinor === b.amountMinor && kinds(a) === kinds(b);
}

export function runMatcher(input: MatchInput): MatchResult {
  const settings = input.settings;
  const index = new OrderIndex(input.orders);
  const learned = input.learned ?? EMPTY_FACTS;
  const settingsFor = (o: MatchOrder) => input.shopSettings?.get(o.shopId) ?? settings;
  const decisions: Decision[] = [];
  const summary = { auto: 0, suggested: 0, none: 0, returns: 0, debits: 0 };

  const sorted = [...input.postings].sort((a, b) => (a.bookingDate ?? '').localeCompare(b.bookingDate ?? '') || a.id - b.id);
  const credits: Evidence[] = [];
  const postingAmounts = new Map<number, number>();
  for (const p of sorted) postingAmounts.set(p.id, p.amountMinor);
  const returns = returnContext(input.activeAssignments ?? [], postingAmounts);
  for (const p of sorted) {
    if (isReturn(p)) {
      const d = returnDecision(p, returns, index);
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
    credits.push(collectEvidence(p, index, learned, input.patterns ?? []));
  }

  const settingsOf = (c: Candidate | undefined): MatchSettings => {
    const order = c ? index.byId.get(c.orderIds[0] ?? -1)?.order : undefined;
    return order ? settingsFor(order) : settings;
  };
  // Which passes can possibly assign a posting, from its evidence; the others skip the ranking work.
  const possible = new Map<Evidence, Set<PassName>>();
  for (const ev of credits) {
    const set = new Set<PassName>([...ev.signals.values()].map((s) => passOf(s)));
    if (ev.signals.size >= 2) set.add('combined');
    possible.set(ev, set);
  }
  let pending = credits;
  for (const pass of AUTO_PASSES) {
    const next: Evidence[] = [];
    for (const ev of pending) {
      if (!possible.get(ev)?.has(pass) || input.manualOnly?.has(ev.posting.id)) {
        next.push(ev);
        continue;
      }
      const candidates = rankCandidates(ev, index, settingsFor, settings);
      const best = candidates[0];
      const verdict = band(candidates, settingsOf(best));
      if (best && verdict.band === 'auto' && best.pass === pass) {
        best.allocations.forEach((a, i) => {
          const shortfall = i === best.allocations.length - 1 ? best.shortfallMinor : 0;
          index.remaining.set(a.orderId, index.openMinor(a.orderId) - a.amountMinor - shortfall);
        });
        decisions.push({ postingId: ev.posting.id, band: 'auto', pass, candidates: candidates.slice(0, settings.maxCandidates), reasons: [] });
        summary.auto++;
      } else next.push(ev);
    }
    pending = next;
  }
  for (const ev of pending) {
    const candidates = rankCandidates(ev, index, settingsFor, settings);
    const verdict = band(candidates, settingsOf(candidates[0]));
    // A posting that only became unambiguous after other passes assigned is still left for the dealer:
    // its evidence was weaker than that of the pass it would belong to.
    const b = verdict.band === 'auto' ? 'suggest' : verdict.band;
    const why = input.manualOnly?.has(ev.posting.id) ? 'assignment_undone_before' : 'resolved_only_after_other_assignments';
    const reasons = verdict.band === 'auto' ? [why] : verdict.reasons;
    decisions.push({ postingId: ev.posting.id, band: b, pass: candidates[0]?.pass ?? 'amount', candidates: candidates.slice(0, settings.maxCandidates), reasons });
    summary[b === 'suggest' ? 'suggested' : 'none']++;
  }
  return { decisions, summary };
}
