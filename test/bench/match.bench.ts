/**
 * `npm run bench:match`: accuracy and speed of the matcher (issue 5 §8, §9).
 *
 * Accuracy: the committed fixed-seed data set (test/fixtures/match/fixed-seed.json) plus random seeds, per
 * case type and overall: precision of automatic assignments, automation rate, top-1/top-3 of suggestions,
 * and the precision/automation curve over auto thresholds.
 * Speed: 100 000 open orders × 100 000 unassigned postings through the pure matcher, and a naive all-pairs
 * baseline on a smaller size for the ratio.
 *
 * The speed part runs in a process of its own (`--speed-only`), like `npm run bench` runs each benchmark: the
 * accuracy runs before it would otherwise leave their heap and their type feedback (objects of other shapes,
 * parsed from the committed JSON) in the process it is timed in.
 *
 * Options: `--seeds N` (random seeds, default 3), `--size N` (speed size, default 100000),
 * `--runs N` (timed speed runs, default 5: the README reports the best of five), `--warm-up N` (full-size runs before
 * them, printed but not counted, default 2), `--seed-base N` (reproducible random seeds), `--write-fixture` (regenerate the committed data set; only when the generator changed on purpose).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { GCProfiler } from 'node:v8';
import { nameTokens, compareNames } from '#core/matching/names.ts';
import { numberKey } from '#core/matching/number-keys.ts';
import { extractReferences } from '#core/matching/references-extract.ts';
import { runMatcher } from '#core/matching/matcher.ts';
import type { MatchOrder, MatchPosting } from '#core/matching/types.ts';
import { generateDataset, type Dataset, speedInput, warmUpMatcher } from './match-dataset.ts';
import { evaluate, formatReport, matchDataset, pct } from './match-evaluate.ts';
import { FIXTURE_PAYMENTS, FIXTURE_SEED, FIXTURE_URL } from './match-fixture.ts';
import { benchArgs, flag, numberOption as opt } from './bench-args.ts';

function accuracy(name: string, d: Dataset): void {
  const report = evaluate(d, matchDataset(d));
  console.log(`\n== ${name}: ${d.orders.length} orders, ${d.postings.length} postings ==`);
  console.log(formatReport(report));
  for (const w of report.wrong.slice(0, 5))
    console.log(
      `   wrong: posting ${w.postingId} (${w.caseType}) truth ${JSON.stringify(w.truth)} got ${JSON.stringify(w.got)}`,
    );
}

function curve(d: Dataset): void {
  console.log('\n== precision / automation over the auto threshold (fixed seed, margin 0.15) ==');
  console.log('threshold  precision  automation  wrong');
  for (const t of [0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.96, 0.98, 0.99]) {
    const r = evaluate(d, matchDataset(d, { autoThreshold: t })).overall;
    console.log(
      `   ${t.toFixed(2)}     ${pct(r.autoCorrect, r.auto)}    ${pct(r.auto, r.payments)}   ${r.autoWrong}`,
    );
  }
  console.log('margin     precision  automation  wrong   (threshold 0.90)');
  for (const m of [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4]) {
    const r = evaluate(d, matchDataset(d, { minMargin: m })).overall;
    console.log(
      `   ${m.toFixed(2)}     ${pct(r.autoCorrect, r.auto)}    ${pct(r.auto, r.payments)}   ${r.autoWrong}`,
    );
  }
}

/** The same evidence without indexes: every posting against every order. */
function naiveAllPairs(orders: readonly MatchOrder[], postings: readonly MatchPosting[]): number {
  const prepared = orders.map((o) => ({
    o,
    keys: [numberKey(o.number), o.invoiceNumber ? numberKey(o.invoiceNumber) : ''],
    ref: o.paymentReference,
    name: nameTokens(o.customerName),
  }));
  let decided = 0;
  for (const p of postings) {
    const ex = extractReferences(p);
    const numbers = new Set(ex.numbers.map((n) => n.key));
    const refs = new Set(ex.references);
    const payer = nameTokens(p.counterpartyName);
    let best = 0;
    for (const { o, keys, ref, name } of prepared) {
      let s = 0;
      if (ref && refs.has(ref)) s += 3;
      if (keys.some((k) => k && numbers.has(k))) s += 2;
      if (o.totalMinor - o.paidMinor === p.amountMinor) s += 1;
      if (compareNames(payer, name) === 'exact') s += 1;
      if (s > best) best = s;
    }
    if (best >= 3) decided++;
  }
  return decided;
}

function speed(size: number): void {
  console.log(
    `\n== speed: ${size} open orders x ${size} unassigned postings (${cpus().length} cores, Node ${process.version}) ==`,
  );
  const input = speedInput(size);
  const { orders, postings } = input;
  console.log(`generated ${orders.length} orders, ${postings.length} postings`);
  warmUpMatcher(input);
  // Steady state, as in the desktop app and `kassenwart run`, which match after every import and sync in one long
  // process: the first full-size runs still compile (the optimising compiler takes over function by function, and
  // the 2 000-order warm-up does not reach every path), each faster than the one before. They are timed and printed,
  // not counted in the best of the timed runs.
  const cold: number[] = [];
  for (let i = 0; i < opt('warm-up', 2); i++) {
    const t0 = performance.now();
    runMatcher(input);
    cold.push(performance.now() - t0);
  }
  // Garbage-collector pauses inside each timed run, so a slow run can be told apart from a loaded machine: read
  // synchronously per run (v8.GCProfiler), no waiting for asynchronous performance entries.
  const gcMs: number[] = [];
  const times: number[] = [];
  const cpu: number[] = [];
  let summary = '';
  for (let i = 0; i < opt('runs', 5); i++) {
    const gcProfiler = new GCProfiler();
    gcProfiler.start();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = runMatcher(input); // only the matcher is timed: no data generation, no database
    const t1 = performance.now();
    const gcs = gcProfiler.stop()?.statistics ?? [];
    times.push(t1 - t0);
    // `cost` is in microseconds.
    gcMs.push(gcs.reduce((sum, g) => sum + g.cost, 0) / 1000);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    summary = JSON.stringify(result.summary);
  }
  const best = Math.min(...times);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`warm-up at full size (the first is a cold start): ${cold.map(s).join(', ')}`);
  console.log(
    `indexed matcher wall: ${times.map(s).join(', ')} (best ${s(best)}); process CPU (all threads): ${cpu.map(s).join(', ')}; GC pauses: ${gcMs.map(s).join(', ')}`,
  );
  console.log(`  ${summary}`);
  console.log(
    `  load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (other processes share the ${cpus().length} cores)`,
  );
  const n = 2000;
  const t1 = performance.now();
  naiveAllPairs(orders.slice(0, n), postings.slice(0, n));
  const naiveMs = performance.now() - t1;
  const perPair = naiveMs / (n * n);
  const extrapolated = (perPair * size * size) / 1000;
  console.log(
    `naive all-pairs baseline: ${n} x ${n} in ${(naiveMs / 1000).toFixed(2)} s (${(perPair * 1e6).toFixed(0)} ns/pair) -> ${size} x ${size} ≈ ${extrapolated.toFixed(0)} s`,
  );
  console.log(`ratio naive/indexed at ${size} x ${size}: ≈ ${Math.round(extrapolated / (best / 1000))}x`);
}

function main(): void {
  if (flag('speed-only')) return speed(opt('size', 100_000));
  if (flag('write-fixture')) {
    const d = generateDataset(FIXTURE_SEED, { payments: FIXTURE_PAYMENTS });
    writeFileSync(FIXTURE_URL, `${JSON.stringify(d)}\n`);
    console.log(`wrote ${fileURLToPath(FIXTURE_URL)}`);
  }
  const fixed = JSON.parse(readFileSync(FIXTURE_URL, 'utf8')) as Dataset;
  accuracy(`fixed seed ${fixed.seed} (committed)`, fixed);
  curve(fixed);
  const seeds = opt('seeds', 3);
  for (let i = 0; i < seeds; i++) {
    const seed = (opt('seed-base', Date.now()) + i * 7919) % 1_000_000;
    accuracy(`random seed ${seed}`, generateDataset(seed, { payments: 3000 }));
  }
  const runner = fileURLToPath(new URL('../../bin/run-ts.mjs', import.meta.url));
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [runner, self, ...benchArgs, '--speed-only'], {
    stdio: 'inherit',
  });
  if (child.status !== 0) process.exitCode = child.status ?? 1;
}

main();
