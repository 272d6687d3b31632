/**
 * `node --expose-gc bin/run-ts.mjs test/bench/index-build.ts [--size N] [--runs N]`: how long `new OrderIndex`
 * takes over the speed benchmark's open orders (the matcher builds it once per run), and how much heap it keeps.
 * Each run starts from a collected heap, so the time includes the garbage collection the build itself causes.
 * Other processes on the machine make the wall time noisy: compare versions with several runs each, and with
 * `--single-threaded-gc` the CPU time, which counts the collector too and is less affected by them.
 * Not a test.
 */
import { OrderIndex } from '#core/matching/order-index.ts';
import { speedInput } from './match-dataset.ts';
import { numberOption as opt } from './bench-args.ts';

const size = opt('size', 100_000);
const runs = opt('runs', 7);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const input = speedInput(size);
const learned = new Set<string>();
for (const map of [input.learned?.ibanToCustomers, input.learned?.aliasToCustomers])
  for (const list of map?.values() ?? []) for (const c of list) learned.add(c);
new OrderIndex(input.orders.slice(0, 2000), learned); // JIT warm-up
const times: number[] = [];
const cpuTimes: number[] = [];
let kept = 0;
const holder: { index?: OrderIndex } = {};
/** One timed build, kept in `holder` (a module function, so no stack slot of the loop keeps an old index). */
function build(): void {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  holder.index = new OrderIndex(input.orders, learned);
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpuTimes.push((c.user + c.system) / 1000);
}
for (let r = 0; r < runs; r++) {
  holder.index = undefined;
  gc();
  const before = process.memoryUsage().heapUsed;
  build();
  gc();
  kept = process.memoryUsage().heapUsed - before;
  if ((holder.index as OrderIndex | undefined)?.byId.size !== input.orders.length)
    throw new Error('index lost orders');
}
const sorted = [...times].sort((a, b) => a - b);
const cpuSorted = [...cpuTimes].sort((a, b) => a - b);
console.log(
  `new OrderIndex(${size} orders): best ${sorted[0]?.toFixed(0)} ms, median ${sorted[runs >> 1]?.toFixed(0)} ms ` +
    `(${times.map((t) => t.toFixed(0)).join(' ')}); CPU (all threads) best ${cpuSorted[0]?.toFixed(0)} ms, ` +
    `median ${cpuSorted[runs >> 1]?.toFixed(0)} ms; keeps ${(kept / 1e6).toFixed(1)} MB`,
);
