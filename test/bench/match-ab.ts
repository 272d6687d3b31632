/**
 * `node bin/run-ts.mjs test/bench/match-ab.ts [--rounds N] REV_OR_DOT...`: compares the matcher's speed at several
 * git revisions (or `.`, the working tree) on the speed benchmark's data set, in ONE process with interleaved runs.
 *
 * Why: on the shared 2-core machine, the best of five runs differs by ±10 % between processes a minute apart, more
 * than most single changes gain. Here every version runs in the same process, round by round in rotating order,
 * so they meet the same load; each round's time of a version is compared with the first version's time of the
 * same round (paired), and the median of those ratios is printed. An A/A comparison (`. .`) shows the noise left,
 * usually within ±2 % at 16 rounds in a quiet phase (when the host itself is busy, not even that). Each version is
 * loaded by matcher-at.ts. Not a test, not part of `npm run bench`.
 */
import { benchArgs, numberOption } from './bench-args.ts';
import { speedInput } from './match-dataset.ts';
import { matchersAt, type Matcher } from './matcher-at.ts';

const rounds = numberOption('rounds', 16);
const versions = benchArgs.filter((a, i) => !a.startsWith('--') && benchArgs[i - 1] !== '--rounds');
if (versions.length < 2) {
  console.error('usage: match-ab.ts [--rounds N] REV_OR_DOT REV_OR_DOT...   (e.g. HEAD~1 .)');
  process.exit(2);
}

const matchers = await matchersAt(versions);

const input = speedInput(100_000);
// Two full runs each first: the timed rounds meet optimised code and a grown heap in every version.
for (let w = 0; w < 2; w++) for (const run of matchers) run(input);
const times: number[][] = matchers.map(() => []);
for (let r = 0; r < rounds; r++) {
  for (let k = 0; k < matchers.length; k++) {
    const i = (k + r) % matchers.length;
    const t0 = performance.now();
    (matchers[i] as Matcher)(input);
    (times[i] as number[]).push(performance.now() - t0);
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const first = times[0] as number[];
console.log(`${rounds} interleaved rounds of 100 000 orders x 100 000 postings (ms)`);
versions.forEach((version, i) => {
  const t = times[i] as number[];
  const paired = t.map((x, r) => x / (first[r] as number) - 1);
  console.log(
    `${version.padEnd(14)} min ${Math.min(...t).toFixed(0)}  median ${median(t).toFixed(0)}  paired median vs ${versions[0]}: ${(median(paired) * 100).toFixed(1)} %`,
  );
});
