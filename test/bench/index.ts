/**
 * `npm run bench`: every benchmark, one after the other, each in its own process so peak-RSS figures are
 * not polluted by the previous one. Benchmarks print figures; they are not tests and assert nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const runner = fileURLToPath(new URL('../../bin/run-ts.mjs', import.meta.url));
const benches = ['import.bench.ts', 'sync.bench.ts', 'match.bench.ts'];
let failed = 0;
for (const name of benches) {
  const file = fileURLToPath(new URL(`./${name}`, import.meta.url));
  if (!existsSync(file)) {
    console.log(`\n### ${name}: not present`);
    continue;
  }
  console.log(`\n### ${name}`);
  const result = spawnSync(process.execPath, [runner, file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
