/**
 * `node bin/run-ts.mjs test/bench/match-profile.ts [--size N] [--focus FN] [--top N]`: where the matcher's time goes
 * on the speed benchmark's data set, from a V8 CPU profile of one run (after a warm-up): self time per function,
 * time including callees, and with `--focus` the functions below one function. Not a test, not timed; the
 * profiler itself slows the run down by about a fifth. For line numbers that match the sources, bundle it first
 * (`npx esbuild test/bench/match-profile.ts --bundle --platform=node --format=esm --outfile=/tmp/p.mjs`).
 */
import { Session } from 'node:inspector/promises';
import type { Profiler } from 'node:inspector';
import { runMatcher } from '#core/matching/matcher.ts';
import { speedInput, warmUpMatcher } from './match-dataset.ts';
import { option as opt } from './bench-args.ts';

const size = Number(opt('size') ?? 100_000);
const top = Number(opt('top') ?? 30);
const focus = opt('focus');

const input = speedInput(size);
warmUpMatcher(input);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const t0 = performance.now();
runMatcher(input);
console.log(`one run under the profiler: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: Profiler.ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
/** Microseconds per profile node (sample count times the sampling interval actually observed). */
const perNode = new Map<number, number>();
const samples = profile.samples ?? [];
const deltas = profile.timeDeltas ?? [];
samples.forEach((id, i) => perNode.set(id, (perNode.get(id) ?? 0) + (deltas[i] ?? 0)));

function report(title: string, totals: Map<string, number>): void {
  console.log(`\n-- ${title} (ms)`);
  for (const [k, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(us / 1000).toFixed(0).padStart(7)}  ${k}`);
}

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const under = new Map<string, number>();
for (const [id, us] of perNode) {
  const chain: string[] = [];
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const node = byId.get(cur);
    if (node) chain.push(name(node));
  }
  const first = chain[0];
  if (first) self.set(first, (self.get(first) ?? 0) + us);
  // Each function once per sample, however deep the recursion.
  for (const k of new Set(chain)) inclusive.set(k, (inclusive.get(k) ?? 0) + us);
  const at = focus ? chain.findIndex((k) => k.startsWith(`${focus} `)) : -1;
  if (at >= 0) for (const k of new Set(chain.slice(0, at + 1))) under.set(k, (under.get(k) ?? 0) + us);
}
report('self time', self);
report('including callees', inclusive);
if (focus) report(`below ${focus}`, under);
