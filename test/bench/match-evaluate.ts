/**
 * Scores matcher decisions against the ground truth of a generated data set (match-dataset.ts).
 *
 * - precision: correct automatic decisions / automatic decisions (an automatic decision on a noise posting,
 *   a wrong order, or a wrong split is an error; returns count when they reverse exactly the right assignment)
 * - automation: automatic decisions / postings that are payments or returns (noise excluded)
 * - top-1 / top-3: for payments not decided automatically, is the truth the first / among the first three
 *   suggested candidates
 */
import { compactReference } from '#core/matching/references.ts';
import { runMatcher } from '#core/matching/matcher.ts';
import { DEFAULT_MATCH_SETTINGS, type MatchSettings } from '#core/matching/settings.ts';
import type { Decision, MatchResult } from '#core/matching/types.ts';
import {
  CASE_TYPES,
  type CaseType,
  type Dataset,
  type LabelledPosting,
  learnedFacts,
} from './match-dataset.ts';

export type Stats = {
  postings: number;
  payments: number;
  auto: number;
  autoCorrect: number;
  autoWrong: number;
  notAuto: number;
  top1: number;
  top3: number;
};

const empty = (): Stats => ({
  postings: 0,
  payments: 0,
  auto: 0,
  autoCorrect: 0,
  autoWrong: 0,
  notAuto: 0,
  top1: 0,
  top3: 0,
});

export type Report = {
  overall: Stats;
  byCase: Record<CaseType, Stats>;
  referencePresent: Stats;
  wrong: { postingId: number; caseType: CaseType; truth: number[] | null; got: number[] }[];
};

const same = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length &&
  [...a].sort((x, y) => x - y).every((v, i) => v === [...b].sort((x, y) => x - y)[i]);

export function matchDataset(d: Dataset, settings: Partial<MatchSettings> = {}): MatchResult {
  return runMatcher({
    orders: d.orders,
    postings: d.postings,
    activeAssignments: d.assignments,
    settings: { ...DEFAULT_MATCH_SETTINGS, ...settings },
    learned: learnedFacts(d),
    patterns: [/(?<!\d)WC-\d{5}(?!\d)/gi, /(?<!\d)RE-2026-\d{5}(?!\d)/gi],
  });
}

function referencePresent(
  p: LabelledPosting,
  d: Dataset,
  byId: Map<number, string | null | undefined>,
): boolean {
  const [only, ...more] = p.truth ?? [];
  if (only === undefined || more.length > 0) return false;
  const ref = byId.get(only);
  if (!ref) return false;
  const text = compactReference(`${p.remittance ?? ''}|${p.endToEndId ?? ''}|${p.creditorReference ?? ''}`);
  return text.includes(ref) && d.orders.length > 0;
}

export function evaluate(d: Dataset, result: MatchResult): Report {
  const decisions = new Map<number, Decision>(result.decisions.map((x) => [x.postingId, x]));
  const refs = new Map(d.orders.map((o) => [o.id, o.paymentReference]));
  const byCase = Object.fromEntries(CASE_TYPES.map((t) => [t, empty()])) as Record<CaseType, Stats>;
  const overall = empty();
  const refStats = empty();
  const wrong: Report['wrong'] = [];
  for (const p of d.postings) {
    const dec = decisions.get(p.id);
    const isPayment = p.truth !== null || p.reverses !== undefined;
    const buckets = [overall, byCase[p.caseType], ...(referencePresent(p, d, refs) ? [refStats] : [])];
    for (const s of buckets) {
      s.postings++;
      if (isPayment) s.payments++;
    }
    if (dec?.band === 'auto') {
      const got =
        dec.pass === 'return'
          ? (dec.reverses ?? []).map((r) => r.assignmentId)
          : (dec.candidates[0]?.orderIds ?? []);
      const truth = p.reverses ?? p.truth;
      const ok = truth !== null && truth !== undefined && same(got, truth);
      for (const s of buckets) {
        s.auto++;
        if (ok) s.autoCorrect++;
        else s.autoWrong++;
      }
      if (!ok) wrong.push({ postingId: p.id, caseType: p.caseType, truth: truth ?? null, got });
    } else if (isPayment && p.truth) {
      const truth = p.truth;
      const cands = dec?.candidates ?? [];
      const hit = (i: number) => cands[i] !== undefined && same(cands[i]?.orderIds ?? [], truth);
      for (const s of buckets) {
        s.notAuto++;
        if (hit(0)) s.top1++;
        if (hit(0) || hit(1) || hit(2)) s.top3++;
      }
    } else if (isPayment) {
      for (const s of buckets) s.notAuto++;
    }
  }
  return { overall, byCase, referencePresent: refStats, wrong };
}

export const pct = (n: number, d: number) =>
  d === 0 ? '   -   ' : `${((100 * n) / d).toFixed(2).padStart(6)}%`;

export function formatReport(r: Report): string {
  const line = (name: string, s: Stats) =>
    `${name.padEnd(18)} ${String(s.postings).padStart(6)} ${String(s.auto).padStart(6)} ${String(s.autoWrong).padStart(5)}  ${pct(s.autoCorrect, s.auto)}  ${pct(s.auto, s.payments)}  ${pct(s.top1, s.notAuto)}  ${pct(s.top3, s.notAuto)}`;
  return [
    `${'case type'.padEnd(18)} ${'posts'.padStart(6)} ${'auto'.padStart(6)} ${'wrong'.padStart(5)}  precision  automation   top-1     top-3`,
    ...CASE_TYPES.map((t) => line(t, r.byCase[t])),
    line('ALL', r.overall),
    line('reference present', r.referencePresent),
  ].join('\n');
}
