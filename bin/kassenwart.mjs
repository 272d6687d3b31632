#!/usr/bin/env node
// The `kassenwart` command. The CLI is TypeScript run through tsx's loader, so there is no build step
// between a checkout and a working command.
import { nodeVersionProblem, packageEnginesNode } from './node-version.mjs';

// Before anything else is loaded: on an older Node the SQLite driver crashes the process (exit 2: not our error,
// the environment's; the same exit code as a usage error).
const tooOld = nodeVersionProblem(
  process.versions.node,
  packageEnginesNode(),
  process.platform,
  process.arch,
  process.execPath,
);
if (tooOld !== undefined) {
  const args = process.argv.slice(2);
  const end = args.indexOf('--');
  const json = (end === -1 ? args : args.slice(0, end)).includes('--json');
  process.stderr.write(
    json
      ? `${JSON.stringify({ error: { code: 'NODE_TOO_OLD', message: tooOld } })}\n`
      : `kassenwart: ${tooOld} (NODE_TOO_OLD)\n`,
  );
  process.exit(2);
}

// `kassenwart postings | head`: the reader went away; that is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
