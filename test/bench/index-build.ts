/**
 * `node --expose-gc bin/run-ts.mjs test/bench/index-build.ts [--size N] [--runs N]`: how long `new OrderIndex`
 * takes over the speed benchmark's open orders (the matcher builds it once per run), and how much heap it keeps.
 * Each run starts from a collected heap, so the time includes the garbage collection the build itself causes.
 * Not a test.
 */
import { OrderIndex } from '#core/matching/order-index.ts';
import { speedInput } from './match-dataset.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const size = opt('size', 100_000);
const runs = opt('runs', 7);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const input = speedInput(size);
const learned = new Set<string>();
for (const map of [input.learned?.ibanToCustomers, input.learned?.aliasToCustomers])
  for (const list of map?.values() ?? []) for (const c of list) learned.add(c);
new OrderIndex(input.orders.slice(0, 2000), learned); // JIT warm-up
const times: number[] = [];
let kept = 0;
const holder: { index?: OrderIndex } = {};
/** One timed build, kept in `holder` (a module function, so no stack slot of the loop keeps an old index). */
function build(): void {
  const t0 = performance.now();
  holder.index = new OrderIndex(input.orders, learned);
  times.push(performance.now() - t0);
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
console.log(
  `new OrderIndex(${size} orders): best ${sorted[0]?.toFixed(0)} ms, median ${sorted[runs >> 1]?.toFixed(0)} ms ` +
    `(${times.map((t) => t.toFixed(0)).join(' ')}); keeps ${(kept / 1e6).toFixed(1)} MB`,
);
