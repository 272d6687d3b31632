import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createApiHandlers } from '#core/api/handlers.ts';
import { createCore } from '#core/index.ts';
import { createStderrLogger, systemClock } from '#core/deps.ts';
import { seedDemoData } from '#core/demo/seed.ts';
import { createStore } from '#core/secrets/open-store.ts';
import { startHttpServer } from '../../server/http-server.ts';
import { type GlobalOptions, type Io, packageVersion } from '../context.ts';
import { parsePort } from '../parsers.ts';
import { RENDERER_DIR, waitForSignal } from './serve.ts';

/**
 * `kassenwart demo`: the whole product on embedded defaults, no configuration. A throw-away encrypted
 * database (random passphrase, kept only in memory) in a temp folder, filled with the demo data set, served
 * on loopback. Removed again on exit.
 */
export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description('start Kassenwart on a throw-away demo database and print the URL to open')
    .option('--port <n>', 'port to listen on (default: a free one)', parsePort)
    .action(async (cmd: { port?: number }) => {
      const options = program.opts<GlobalOptions>();
      const dir = mkdtempSync(join(tmpdir(), 'kassenwart-demo-'));
      const dbPath = join(dir, 'demo.db');
      const passphrase = randomBytes(16).toString('hex');
      const store = createStore(dbPath, 'passphrase', { passphrase: () => passphrase, scrypt: { name: 'scrypt', N: 2 ** 14, r: 8, p: 1 } });
      const logger = createStderrLogger('warn');
      const core = createCore({ db: store.db, clock: systemClock, logger, secrets: store.secrets });
      seedDemoData(store.db, systemClock);
      const handlers = createApiHandlers(core, { version: packageVersion(), databasePath: dbPath, keyMode: store.keyMode });
      const server = await startHttpServer({ handlers, logger, rendererDir: RENDERER_DIR, port: cmd.port });
      io.stdout(`${server.url}\n`);
      if (!options.json) io.stderr(`Demo database in ${dir} (deleted on exit). Press Ctrl+C to stop.\n`);
      await waitForSignal();
      await server.close();
      core.close();
      rmSync(dir, { recursive: true, force: true });
    });
}
