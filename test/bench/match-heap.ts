/**
 * `node --expose-gc bin/run-ts.mjs test/bench/match-heap.ts [--size N]`: how much of the heap the matcher's
 * result keeps alive after a run (the data the garbage collector has to copy during the run), and what it is
 * made of. Not a test, not timed.
 */
import { runMatcher } from '#core/matching/matcher.ts';
import { numberOption } from './bench-args.ts';
import { speedInput } from './match-dataset.ts';

const size = numberOption('size', 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const input = speedInput(size);
gc();
gc();
const before = process.memoryUsage().heapUsed;
const result = runMatcher(input);
gc();
gc();
const after = process.memoryUsage().heapUsed;
const signals = new Set<object>();
const details = new Set<string>();
const kinds = new Map<string, number>();
const distinct = new Map<string, Set<string>>();
let refs = 0;
let candidates = 0;
for (const dec of result.decisions) {
  for (const c of dec.candidates) {
    candidates++;
    for (const s of c.signals) {
      refs++;
      signals.add(s);
      details.add(s.detail);
      kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
      let set = distinct.get(s.kind);
      if (!set) distinct.set(s.kind, (set = new Set()));
      set.add(s.detail);
    }
  }
}
console.log(
  `result retains ${((after - before) / 1e6).toFixed(1)} MB: ${result.decisions.length} decisions, ${candidates} candidates, ${refs} signal references, ${signals.size} distinct signal objects, ${details.size} distinct details`,
);
console.log(
  `signals per kind (distinct details): ${[...kinds]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n} (${distinct.get(k)?.size ?? 0})`)
    .join(', ')}`,
);
