/**
 * `node bin/run-ts.mjs test/bench/match-diff.ts [--seeds N] [--size N] REV`: do the matcher at git revision REV
 * and the working tree decide the same? Both run on generated inputs (match-dataset.ts, N seeds, 20–420 payments
 * each unless --size) with variations the generator does not make — duplicate order ids, a second currency,
 * part-paid orders, sparse and negative ids, other tolerances, closed numbers, fullRanking — each also with the
 * postings in reverse order; the JSON of every result must be equal. For changes meant to leave every decision as
 * it is (speed work): match-hash.ts pins three fixed data sets, this looks at many small ones. Exit code 1 on a
 * difference. Not a test, not part of `npm run bench`.
 */
import { seededRandom } from '#core/matching/random.ts';
import { DEFAULT_MATCH_SETTINGS } from '#core/matching/settings.ts';
import type { MatchInput, MatchOrder, MatchPosting } from '#core/matching/types.ts';
import { benchArgs, numberOption } from './bench-args.ts';
import { generateDataset, learnedFacts } from './match-dataset.ts';
import { matchersAt, type Matcher } from './matcher-at.ts';

const seeds = numberOption('seeds', 150);
const fixedSize = numberOption('size', 0);
const revision = benchArgs.find((a, i) => !a.startsWith('--') && !benchArgs[i - 1]?.startsWith('--'));
if (!revision) {
  console.error('usage: match-diff.ts [--seeds N] [--size N] REV   (compares REV with the working tree)');
  process.exit(2);
}
const [before, now] = (await matchersAt([revision, '.'])) as [Matcher, Matcher];

/** One generated input with the variation `seed % 6` (see the file comment). */
function inputOf(seed: number): MatchInput {
  const random = seededRandom(seed * 7919);
  const size = fixedSize || 20 + Math.floor(random() * 400);
  const d = generateDataset(seed, { payments: size, distractors: Math.floor(random() * size) });
  let orders: MatchOrder[] = d.orders.map((o) => ({ ...o }));
  const postings: MatchPosting[] = d.postings.map((p) => ({ ...p }));
  const variation = seed % 6;
  if (variation === 1)
    orders = orders.concat(orders.slice(0, 5).map((o) => ({ ...o, totalMinor: o.totalMinor + 100 })));
  if (variation === 2) {
    for (const o of orders) if (random() < 0.1) o.currency = 'CHF';
    for (const p of postings) if (random() < 0.1) p.currency = 'CHF';
  }
  if (variation === 3) for (const o of orders) if (random() < 0.2) o.paidMinor = Math.floor(o.totalMinor / 2);
  if (variation === 4) for (const o of orders) o.id = o.id * 1_000_003;
  if (variation === 5) for (const o of orders) if (random() < 0.05) o.id = -o.id;
  const closed =
    seed % 5 === 0
      ? new Set(d.orders.slice(0, 10).map((o) => o.number.replace(/[^A-Z0-9]/gi, '').toUpperCase()))
      : undefined;
  return {
    orders,
    postings,
    activeAssignments: d.assignments,
    settings: {
      ...DEFAULT_MATCH_SETTINGS,
      ...(seed % 3 === 0 ? { tolerancePercent: 2 } : {}),
      ...(seed % 4 === 0 ? { toleranceAbsMinor: 300 } : {}),
    },
    learned: learnedFacts(d),
    ...(closed ? { closedNumbers: closed } : {}),
    ...(seed % 7 === 0 ? { fullRanking: true } : {}),
  };
}

let inputs = 0;
let differing = 0;
for (let seed = 1; seed <= seeds; seed++) {
  const input = inputOf(seed);
  for (const variant of [input, { ...input, postings: [...input.postings].reverse() }]) {
    inputs++;
    if (JSON.stringify(before(variant)) !== JSON.stringify(now(variant))) {
      differing++;
      console.log(`different decisions: seed ${seed}, variation ${seed % 6}`);
    }
  }
}
console.log(`${inputs} inputs, ${differing} with different decisions (${revision} vs the working tree)`);
if (differing > 0) process.exitCode = 1;
