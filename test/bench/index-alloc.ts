/**
 * `node bin/run-ts.mjs test/bench/index-alloc.ts [--size N] [--top N] [--index]`: where the matcher allocates,
 * from V8's sampling heap profiler over one run on the speed benchmark's data set (after a warm-up), counting
 * objects the garbage collector has freed again too: megabytes allocated per function (self, and including
 * callees). With `--index` only `new OrderIndex` is sampled. Allocation is what the scavenger pays for (about a
 * quarter of a run); not a test, not timed. For source line numbers, bundle it first (see match-profile.ts).
 */
import { Session } from 'node:inspector/promises';
import { runMatcher } from '#core/matching/matcher.ts';
import { OrderIndex } from '#core/matching/order-index.ts';
import { speedInput, warmUpMatcher } from './match-dataset.ts';
import { flag, option as opt } from './bench-args.ts';

type Node = {
  callFrame: { functionName: string; lineNumber: number; url: string };
  selfSize: number;
  children: Node[];
};

const size = Number(opt('size') ?? 100_000);
const top = Number(opt('top') ?? 30);
const indexOnly = flag('index');

const input = speedInput(size);
warmUpMatcher(input);
const kept: unknown[] = [];
const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
kept.push(indexOnly ? new OrderIndex(input.orders) : runMatcher(input));
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const nameOf = (n: Node) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
/** Bytes below `n`; each function counted once per stack (recursion). */
function walk(n: Node, stack: Set<string>): number {
  const name = nameOf(n);
  self.set(name, (self.get(name) ?? 0) + n.selfSize);
  const inner = new Set(stack).add(name);
  let sum = n.selfSize;
  for (const c of n.children) sum += walk(c, inner);
  if (!stack.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + sum);
  return sum;
}
const total = walk(profile.head, new Set());

function report(title: string, totals: Map<string, number>): void {
  console.log(`\n-- ${title} (MB)`);
  for (const [k, bytes] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(bytes / 1e6).toFixed(1).padStart(8)}  ${k}`);
}
console.log(
  `allocated in ${indexOnly ? 'new OrderIndex' : 'one run'}: ${(total / 1e6).toFixed(0)} MB (sampled)`,
);
report('self', self);
report('including callees', inclusive);
if (kept.length === 0) throw new Error('nothing ran');
