/**
 * The matcher against the committed fixed-seed data set (test/fixtures/match/fixed-seed.json, made by
 * `npm run bench:match -- --write-fixture`): automatic assignments must be right at least 99.9 % of the time.
 * Not timed; speed lives in the benchmark.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../bench/match-dataset.ts';
import { evaluate, matchDataset } from '../../bench/match-evaluate.ts';
import { FIXTURE_URL } from '../../bench/match-fixture.ts';

const dataset = JSON.parse(readFileSync(FIXTURE_URL, 'utf8')) as Dataset;
const report = evaluate(dataset, matchDataset(dataset));

describe('matcher accuracy on the fixed-seed data set', () => {
  it('is a real data set with every case type', () => {
    expect(dataset.postings.length).toBeGreaterThan(1000);
    for (const stats of Object.values(report.byCase)) expect(stats.postings).toBeGreaterThan(0);
  });

  it('automatic precision >= 99.9 %', () => {
    const { auto, autoCorrect } = report.overall;
    expect(auto).toBeGreaterThan(0);
    expect(autoCorrect / auto, JSON.stringify(report.wrong.slice(0, 5))).toBeGreaterThanOrEqual(0.999);
  });

  it('automation >= 90 % of payments, and 100 % where our reference is present', () => {
    expect(report.overall.auto / report.overall.payments).toBeGreaterThanOrEqual(0.9);
    expect(report.referencePresent.payments).toBeGreaterThan(0);
    expect(report.referencePresent.auto).toBe(report.referencePresent.payments);
  });

  it('never assigns noise automatically and never auto-picks among same-amount orders of one customer', () => {
    expect(report.byCase.noise.auto).toBe(0);
    expect(report.byCase.same_amount.auto).toBe(0);
  });
});
