import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { KassenwartError } from '#core/errors.ts';
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
      // The API handlers and the HTTP server (sirv) are loaded only here: every other command starts faster.
      const [{ createApiHandlers }, { startHttpServer }] = await Promise.all([
        import('#core/api/handlers.ts'),
        import('../../server/http-server.ts'),
      ]);
      const { core, store, logger, dbPath } = await openCore(options, io);
      const handlers = createApiHandlers(core, {
        version: packageVersion(),
        databasePath: dbPath,
        keyMode: store.keyMode,
      });
      const server = await explainListenError(
        startHttpServer({ handlers, logger, rendererDir: RENDERER_DIR, port: cmd.port }),
        cmd.port,
      ).catch((error: unknown) => {
        core.close();
        throw error;
      });
      io.stdout(`${server.url}\n`);
      await waitForSignal();
      await server.close();
      core.close();
    });
}

/** A port that is taken or not allowed becomes an error that says what to do (instead of `listen EADDRINUSE`). */
export async function explainListenError<T>(listening: Promise<T>, port: number | undefined): Promise<T> {
  try {
    return await listening;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new KassenwartError(
        'PORT_IN_USE',
        `Port ${port ?? '?'} on 127.0.0.1 is already in use, perhaps by another running Kassenwart (serve, demo). Stop that one, give another port with --port, or leave out --port to take a free one.`,
      );
    if (code === 'EACCES')
      throw new KassenwartError(
        'PORT_NOT_ALLOWED',
        `Port ${port ?? '?'} may not be used by this user (ports below 1024 need administrator rights). Give a port from 1024 to 65535 with --port, or leave out --port to take a free one.`,
      );
    throw error;
  }
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
