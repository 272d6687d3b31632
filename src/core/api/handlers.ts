/**
 * Implements the API contract of src/shared/api.ts on top of the core. Both transports (Electron IPC and
 * loopback HTTP) call `invokeApi`, which validates the input with the method's zod schema first.
 */
import { api, type ApiInput, type ApiMethodName, type ApiOutput, isApiMethod } from '#shared/api.ts';
import { ValidationError, NotFoundError } from '../errors.ts';
import type { Core } from '../index.ts';

export type ApiContext = { version: string; databasePath: string; keyMode: ApiOutput<'app.info'>['keyMode'] };

export type ApiHandlers = { [M in ApiMethodName]: (input: ApiOutput<M> extends never ? never : ApiInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>> };

export function createApiHandlers(core: Core, context: ApiContext): ApiHandlers {
  return {
    'app.info': () => ({ version: context.version, keyMode: context.keyMode, databasePath: context.databasePath }),
    'status.summary': () => core.status.summary(),
  };
}

export async function invokeApi(handlers: ApiHandlers, method: string, rawInput: unknown): Promise<unknown> {
  if (!isApiMethod(method)) throw new NotFoundError('API_UNKNOWN_METHOD', `There is no API method "${method}".`);
  const parsed = api[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ValidationError('API_INVALID_INPUT', `Invalid input for ${method}${where}: ${issue?.message ?? 'invalid'}.`);
  }
  const handler = handlers[method] as (input: unknown) => unknown;
  return await handler(parsed.data);
}
