/**
 * The API as the desktop app's IPC and `kassenwart serve` call it (zod-validated input, core/api/handlers.ts), over a
 * test database's core: `call(method, input)`.
 */
import { createApiHandlers, invokeApi } from '#core/api/handlers.ts';
import type { Core } from '#core/index.ts';

export function apiCaller(
  core: Core,
  /** What `status` reports as the database file (the test database's path where a test reads it). */
  databasePath = ':memory:',
): (method: string, input?: unknown) => Promise<unknown> {
  const handlers = createApiHandlers(core, { version: 'test', databasePath, keyMode: 'memory' });
  return (method, input = {}) => invokeApi(handlers, method, input);
}
