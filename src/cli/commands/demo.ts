import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createStderrLogger, systemClock } from '#core/deps.ts';
import { createStore } from '#core/secrets/open-store.ts';
import { type GlobalOptions, type Io, formatFor, packageVersion } from '../context.ts';
import { parsePort } from '../parsers.ts';
import { RENDERER_DIR, explainListenError, waitForSignal } from './serve.ts';

/**
 * `kassenwart demo`: the whole daily job on embedded defaults, no configuration. A throw-away encrypted
 * database (random passphrase, kept only in memory) in a temp folder; a simulated WooCommerce shop is
 * connected and synced, a bank statement imported and matched (see core/demo/pipeline.ts); then the UI is
 * served on loopback. Everything is removed again on exit.
 */
export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description('start Kassenwart on a throw-away demo database and print the URL to open')
    .option('--port <n>', 'port to listen on (default: a free one)', parsePort)
    .action(async (cmd: { port?: number }) => {
      const options = program.opts<GlobalOptions>();
      // Loaded only for the demo (the simulator, the API handlers, the HTTP server): other commands start faster.
      const [{ createApiHandlers }, { createCore }, { runDemoPipeline }, { startHttpServer }] =
        await Promise.all([
          import('#core/api/handlers.ts'),
          import('#core/index.ts'),
          import('#core/demo/pipeline.ts'),
          import('../../server/http-server.ts'),
        ]);
      const dir = mkdtempSync(join(tmpdir(), 'kassenwart-demo-'));
      const dbPath = join(dir, 'demo.db');
      const passphrase = randomBytes(16).toString('hex');
      const store = createStore(dbPath, 'passphrase', {
        passphrase: () => passphrase,
        scrypt: { name: 'scrypt', N: 2 ** 14, r: 8, p: 1 },
      });
      const logger = createStderrLogger('warn');
      const core = createCore({ db: store.db, clock: systemClock, logger, secrets: store.secrets });
      const demo = await runDemoPipeline(core, dir);
      const handlers = createApiHandlers(core, {
        version: packageVersion(),
        databasePath: dbPath,
        keyMode: store.keyMode,
      });
      const server = await explainListenError(
        startHttpServer({ handlers, logger, rendererDir: RENDERER_DIR, port: cmd.port }),
        cmd.port,
      ).catch(async (error: unknown) => {
        await demo.stop();
        core.close();
        rmSync(dir, { recursive: true, force: true });
        throw error;
      });
      io.stdout(`${server.url}\n`);
      if (!options.json) {
        const s = core.status.summary();
        const f = formatFor(options, io);
        const n = f.count;
        io.stderr(
          `${f.t.demo(demo.shopName, f.counted(s.ordersTotal), demo.statementFile, n(s.orders.paid), f.counted(s.unassignedPostings), dir)}\n`,
        );
      }
      await waitForSignal();
      await server.close();
      await demo.stop();
      core.close();
      rmSync(dir, { recursive: true, force: true });
    });
}
