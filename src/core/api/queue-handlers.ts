/** Handlers of the queue area of the API (see src/shared/api/queue.ts). */
import type { queueApi } from '#shared/api/queue.ts';
import type { Core } from '../index.ts';
import type { AreaHandlers } from './area.ts';

export function createQueueHandlers(_core: Core): AreaHandlers<typeof queueApi> {
  return {};
}
