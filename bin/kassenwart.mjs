#!/usr/bin/env node
// The `kassenwart` command. The CLI is TypeScript run through tsx's loader, so there is no build step
// between a checkout and a working command.
import { register } from 'tsx/esm/api';

// `kassenwart postings | head`: the reader went away; that is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
