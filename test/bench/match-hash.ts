/**
 * `node bin/run-ts.mjs test/bench/match-hash.ts [--seed N] [--size N]`: fingerprints of the matcher's result,
 * to prove that a change to the matcher (e.g. what it retains) changed no decision. Not a test, not timed.
 *
 * - persisted: what match-service persists or reads: per decision band, pass, reasons, reverses; for automatic
 *   decisions the chosen candidate (orders, allocations, amount, score, pass, signals with kind/detail/weight,
 *   blockers, shortfall, flags); for the others (the queue's suggestions) every ranked candidate.
 * - queue: every ranked candidate of every decision, with the matcher option the queue uses
 *   (`fullRanking: true`), so the queue shows automatic verdicts not yet applied with their alternatives.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { runMatcher } from '#core/matching/matcher.ts';
import { DEFAULT_MATCH_SETTINGS } from '#core/matching/settings.ts';
import type { Candidate, Decision, MatchInput, MatchResult } from '#core/matching/types.ts';
import { learnedFacts, generateDataset, type Dataset, speedInput } from './match-dataset.ts';
import { FIXTURE_URL } from './match-fixture.ts';
import { numberOption as opt } from './bench-args.ts';

const cand = (c: Candidate) => [
  c.orderIds,
  c.allocations.map((a) => [a.orderId, a.amountMinor]),
  c.amountMinor,
  c.score,
  c.pass,
  c.signals.map((s) => [s.kind, s.detail, s.weight]),
  c.blockers,
  c.shortfallMinor,
  c.flags,
];
const head = (d: Decision) => [d.postingId, d.band, d.pass, d.reasons, d.reverses ?? null];

function fingerprint(result: MatchResult, project: (d: Decision) => unknown): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(result.summary));
  for (const d of result.decisions) h.update(`${JSON.stringify(project(d))}\n`);
  return h.digest('hex').slice(0, 16);
}

function report(name: string, input: MatchInput): void {
  const persisted = fingerprint(runMatcher(input), (d) => [
    ...head(d),
    d.band === 'auto' ? d.candidates.slice(0, 1).map(cand) : d.candidates.map(cand),
  ]);
  // `fullRanking` is the queue's option (ignored by matchers that always keep the full ranking).
  const queue = fingerprint(runMatcher({ ...input, fullRanking: true }), (d) => [
    ...head(d),
    d.candidates.map(cand),
  ]);
  console.log(`${name.padEnd(28)} persisted ${persisted}  queue ${queue}`);
}

const patterns = [/(?<!\d)WC-\d{5}(?!\d)/gi, /(?<!\d)RE-2026-\d{5}(?!\d)/gi];
const inputOf = (d: Dataset): MatchInput => ({
  orders: d.orders,
  postings: d.postings,
  activeAssignments: d.assignments,
  settings: DEFAULT_MATCH_SETTINGS,
  learned: learnedFacts(d),
  patterns,
});
const fixed = JSON.parse(readFileSync(FIXTURE_URL, 'utf8')) as Dataset;
report(`fixed seed ${fixed.seed}`, inputOf(fixed));
const seed = opt('seed', 424242);
report(`random seed ${seed}`, inputOf(generateDataset(seed, { payments: 3000 })));
const size = opt('size', 100_000);
report(`speed set ${size}`, speedInput(size));
