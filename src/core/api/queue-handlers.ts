/** Handlers of the queue area of the API (see src/shared/api/queue.ts). */
import type { queueApi } from '#shared/api/queue.ts';
import type { Core } from '../index.ts';
import type { AreaHandlers } from './area.ts';

export function createQueueHandlers(core: Core): AreaHandlers<typeof queueApi> {
  const m = core.matching;
  return {
    'queue.list': (input) => m.queue(input),
    'queue.assign': (input) =>
      m.assign({ postingId: input.postingId, allocations: input.allocations, note: input.note }),
    'queue.ignore': (input) => m.ignore({ postingId: input.postingId, undo: input.undo, note: input.note }),
    'assignments.list': (input) => ({ items: m.assignments(input) }),
    'assignments.undo': (input) => m.undo({ assignmentId: input.assignmentId, reason: input.reason }),
    'returns.undo': (input) => m.undoReturn({ postingId: input.postingId, reason: input.reason }),
    'orders.search': (input) => ({ items: m.searchOrders(input) }),
    'matching.run': () => m.run(),
  };
}
