/**
 * The API contract (design §3.4): one table of methods with zod input and output schemas. The Electron IPC
 * handler, the loopback HTTP server and the preload bridge are all generated from this table, and both
 * transports validate input against it. Errors cross the boundary as `{ code, message }`.
 */
import { z } from 'zod';
import { ORDER_STATUSES } from './domain.ts';
import type { ApiTable } from './api/types.ts';
import { bankApi } from './api/bank.ts';
import { notificationsApi } from './api/notifications.ts';
import { queueApi } from './api/queue.ts';
import { shopsApi } from './api/shops.ts';

export type { ApiMethod, ApiTable } from './api/types.ts';

const Count = z.number().int().nonnegative();

export const StatusSummary = z.object({
  orders: z.record(z.enum(ORDER_STATUSES), Count),
  ordersTotal: Count,
  unassignedPostings: Count,
  failedTransfers: Count,
  pendingTransfers: Count,
  shops: Count,
  unreadNotifications: Count,
});
export type StatusSummary = z.infer<typeof StatusSummary>;

export const AppInfo = z.object({
  version: z.string(),
  keyMode: z.enum(['keyring', 'safeStorage', 'passphrase', 'memory']),
  databasePath: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const api = {
  'app.info': { input: z.object({}).strict(), output: AppInfo },
  'status.summary': { input: z.object({}).strict(), output: StatusSummary },
  ...bankApi,
  ...queueApi,
  ...shopsApi,
  ...notificationsApi,
} as const satisfies ApiTable;

export type Api = typeof api;
export type ApiMethodName = keyof Api;
export type ApiInput<M extends ApiMethodName> = z.input<Api[M]['input']>;
export type ApiOutput<M extends ApiMethodName> = z.output<Api[M]['output']>;

export const API_METHODS = Object.keys(api) as ApiMethodName[];

/** What `window.kassenwart` (preload) and the HTTP client in the browser both implement. */
export type KassenwartApi = { [M in ApiMethodName]: (input: ApiInput<M>) => Promise<ApiOutput<M>> };

export const ApiErrorPayload = z.object({ code: z.string(), message: z.string() });
export type ApiErrorPayload = z.infer<typeof ApiErrorPayload>;

/** The error a transport raises in the renderer; carries the code from the main process or server. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiMethod(name: string): name is ApiMethodName {
  return Object.hasOwn(api, name);
}

export const IPC_CHANNEL_PREFIX = 'kassenwart:';
