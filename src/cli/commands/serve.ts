import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { createApiHandlers } from '#core/api/handlers.ts';
import { startHttpServer } from '../../server/http-server.ts';
import { type GlobalOptions, type Io, openCore, packageVersion } from '../context.ts';
import { parsePort } from '../parsers.ts';

export const RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

export function registerServe(program: Command, io: Io): void {
  program
    .command('serve')
    .description(
      'serve the API and the UI on 127.0.0.1; prints the URL (with its access token) as the first line',
    )
    .option('--port <n>', 'port to listen on (default: a free one)', parsePort)
    .action(async (cmd: { port?: number }) => {
      const options = program.opts<GlobalOptions>();
      const { core, store, logger, dbPath } = await openCore(options, io);
      const handlers = createApiHandlers(core, {
        version: packageVersion(),
        databasePath: dbPath,
        keyMode: store.keyMode,
      });
      const server = await startHttpServer({ handlers, logger, rendererDir: RENDERER_DIR, port: cmd.port });
      io.stdout(`${server.url}\n`);
      await waitForSignal();
      await server.close();
      core.close();
    });
}

export function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
