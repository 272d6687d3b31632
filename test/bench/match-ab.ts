/**
 * `node bin/run-ts.mjs test/bench/match-ab.ts [--rounds N] REV_OR_DOT...`: compares the matcher's speed at several
 * git revisions (or `.`, the working tree) on the speed benchmark's data set, in ONE process with interleaved runs.
 *
 * Why: on the shared 2-core machine, the best of five runs differs by ±10 % between processes a minute apart, more
 * than most single changes gain. Here every version runs in the same process, round by round in rotating order,
 * so they meet the same load; each round's time of a version is compared with the first version's time of the
 * same round (paired), and the median of those ratios is printed. An A/A comparison (`. .`) shows the noise left:
 * on 2026-11-27, with the host otherwise idle, +9.9 % at 6 rounds and −2.9 % at 12. Give the baseline twice (`REV
 * REV .`) to see that noise in the same run as the comparison, and use 16 rounds or more. Each version is loaded by
 * matcher-at.ts. Not a test, not part of `npm run bench`.
 *
 * Beside wall time it prints the main thread's CPU time (Linux), which leaves out the time the thread waited for a
 * core: when other processes keep the cores busy, that comparison stays meaningful where wall time does not. It also
 * leaves out what the garbage collector's helper threads do, so compare wall time for changes to allocation.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`; NaN where it cannot be read). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  } catch {
    return NaN;
  }
})();

/**
 * CPU time of this process's main thread in ms (Linux: utime + stime of /proc/self/task/PID/stat, in clock ticks), or
 * NaN elsewhere. Unlike wall time, it does not count the time the thread waits for a core that other processes hold,
 * nor the garbage collector's helper threads: on a loaded host, the steadier figure of the two.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

const times: number[][] = matchers.map(() => []);
const cpuTimes: number[][] = matchers.map(() => []);
for (let r = 0; r < rounds; r++) {
  for (let k = 0; k < matchers.length; k++) {
    const i = (k + r) % matchers.length;
    const c0 = mainThreadCpuMs();
    const t0 = performance.now();
    (matchers[i] as Matcher)(input);
    (times[i] as number[]).push(performance.now() - t0);
    (cpuTimes[i] as number[]).push(mainThreadCpuMs() - c0);
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const first = times[0] as number[];
console.log(`${rounds} interleaved rounds of 100 000 orders x 100 000 postings (ms)`);
const firstCpu = cpuTimes[0] as number[];
versions.forEach((version, i) => {
  const t = times[i] as number[];
  const paired = t.map((x, r) => x / (first[r] as number) - 1);
  const cpu = cpuTimes[i] as number[];
  const pairedCpu = cpu.map((x, r) => x / (firstCpu[r] as number) - 1);
  console.log(
    `${version.padEnd(14)} wall: min ${Math.min(...t).toFixed(0)}  median ${median(t).toFixed(0)}  paired median vs ${versions[0]}: ${(median(paired) * 100).toFixed(1)} %;  main-thread CPU: median ${median(cpu).toFixed(0)}  paired ${(median(pairedCpu) * 100).toFixed(1)} %`,
  );
});
