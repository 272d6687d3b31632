/**
 * Implements the API contract of src/shared/api.ts on top of the core. Both transports (Electron IPC and
 * loopback HTTP) call `invokeApi`, which validates the input with the method's zod schema first.
 */
import { api, type ApiOutput, isApiMethod } from '#shared/api.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { Core } from '../index.ts';
import type { AreaHandlers } from './area.ts';
import { createBankHandlers } from './bank-handlers.ts';
import { createNotificationsHandlers } from './notifications-handlers.ts';
import { createQueueHandlers } from './queue-handlers.ts';
import { createShopsHandlers } from './shops-handlers.ts';

export type ApiContext = { version: string; databasePath: string; keyMode: ApiOutput<'app.info'>['keyMode'] };

export type ApiHandlers = AreaHandlers<typeof api>;

export function createApiHandlers(core: Core, context: ApiContext): ApiHandlers {
  return {
    'app.info': () => ({
      version: context.version,
      keyMode: context.keyMode,
      databasePath: context.databasePath,
    }),
    'status.summary': () => core.status.summary(),
    ...createBankHandlers(core),
    ...createQueueHandlers(core),
    ...createShopsHandlers(core),
    ...createNotificationsHandlers(core),
  };
}

export async function invokeApi(handlers: ApiHandlers, method: string, rawInput: unknown): Promise<unknown> {
  if (!isApiMethod(method))
    throw new NotFoundError('API_UNKNOWN_METHOD', `There is no API method "${method}".`);
  const parsed = api[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ValidationError(
      'API_INVALID_INPUT',
      `Invalid input for ${method}${where}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  const handler = handlers[method] as (input: unknown) => unknown;
  return await handler(parsed.data);
}
