/**
 * `node bin/run-ts.mjs test/bench/match-gc.ts [--size N] [--runs N]`: what the matcher costs the garbage collector
 * on the speed benchmark's data set, per run (after a warm-up): young-generation collections (scavenges) and their
 * pauses, the bytes they promoted to the old generation, and mark-compact pauses. Not a test, not timed.
 *
 * Promoted bytes are the figure to watch: every byte that outlives two scavenges is copied twice, and they do not
 * depend on how loaded the machine is (wall times on the shared 2 cores do). The child process runs with
 * `--trace-gc-nvp` (one line per collection); this process reads those lines between the run markers.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runMatcher } from '#core/matching/matcher.ts';
import { speedInput, warmUpMatcher } from './match-dataset.ts';
import { benchArgs, flag, numberOption as opt } from './bench-args.ts';

function child(): void {
  const input = speedInput(opt('size', 100_000));
  warmUpMatcher(input);
  for (let i = 0; i < opt('runs', 3); i++) {
    console.log('RUN-START');
    const t0 = performance.now();
    runMatcher(input);
    console.log(`RUN-END ${(performance.now() - t0).toFixed(0)}`);
  }
}

type Run = { wall: number; scavenges: number; scavengeMs: number; promoted: number; markCompactMs: number };

function parent(): void {
  const runner = fileURLToPath(new URL('../../bin/run-ts.mjs', import.meta.url));
  const self = fileURLToPath(import.meta.url);
  const out = spawnSync(process.execPath, ['--trace-gc-nvp', runner, self, ...benchArgs, '--child'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (out.status !== 0) {
    process.stderr.write(out.stderr);
    process.exitCode = out.status ?? 1;
    return;
  }
  const runs: Run[] = [];
  let cur: Run | undefined;
  const field = (line: string, name: string) =>
    Number(new RegExp(`\\b${name}=([\\d.]+)`).exec(line)?.[1] ?? 0);
  for (const line of out.stdout.split('\n')) {
    if (line.startsWith('RUN-START'))
      cur = { wall: 0, scavenges: 0, scavengeMs: 0, promoted: 0, markCompactMs: 0 };
    else if (line.startsWith('RUN-END') && cur) {
      cur.wall = Number(line.split(' ')[1]);
      runs.push(cur);
      cur = undefined;
    } else if (cur && line.includes('pause=')) {
      if (line.includes('gc=s ')) {
        cur.scavenges++;
        cur.scavengeMs += field(line, 'pause');
        cur.promoted += field(line, 'promoted');
      } else cur.markCompactMs += field(line, 'pause');
    }
  }
  for (const [i, r] of runs.entries())
    console.log(
      `run ${i + 1}: wall ${r.wall} ms; ${r.scavenges} scavenges, ${r.scavengeMs.toFixed(0)} ms; promoted ${(r.promoted / 1e6).toFixed(0)} MB; mark-compact ${r.markCompactMs.toFixed(0)} ms`,
    );
}

if (flag('child')) child();
else parent();
