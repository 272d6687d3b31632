/**
 * The matching area of the core (`core.matching`): matcher runs, the manual queue, assignments and their
 * undo, order search, payment references. Other areas call `core.matching.run()` after each bank import and
 * each shop sync.
 */
import { DEALER_UNDO_REASON, RETURN_UNDO_REASON } from '#shared/api/queue.ts';
import type { Clock, Logger } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { assignMissingReferences, ensurePaymentReference } from '../orders/payment-reference-service.ts';
import { runMatching } from './match-service.ts';
import { undoReturn } from './return-undo.ts';
import {
  assignManually,
  ignore,
  listAssignments,
  listQueue,
  resolveOrderFilter,
  resolveOrderRef,
  searchOrders,
  undo,
} from './queue-service.ts';

export const DEALER_ACTOR = 'dealer';

export function createMatchingArea(deps: { db: Db; clock: Clock; logger: Logger }) {
  const { db, clock } = deps;
  return {
    /** Runs the matcher and persists automatic assignments and returns (one transaction). */
    run: () => runMatching(deps),
    queue: (page: { limit?: number; offset?: number } = {}) =>
      listQueue(deps, { limit: page.limit ?? 50, offset: page.offset ?? 0 }),
    assign: (input: {
      postingId: number;
      allocations: { orderId: number; amountMinor?: number | undefined }[];
      note?: string | undefined;
      actor?: string;
    }) => assignManually(deps, { ...input, actor: input.actor ?? DEALER_ACTOR }),
    ignore: (input: { postingId: number; undo?: boolean; note?: string | undefined; actor?: string }) =>
      ignore(deps, { ...input, actor: input.actor ?? DEALER_ACTOR }),
    undo: (input: { assignmentId: number; reason?: string; actor?: string }) =>
      undo(deps, {
        assignmentId: input.assignmentId,
        actor: input.actor ?? DEALER_ACTOR,
        reason: input.reason ?? DEALER_UNDO_REASON,
      }),
    /** Takes back a processed return: the payments it reversed are assigned again, the debit set aside. */
    undoReturn: (input: { postingId: number; reason?: string; actor?: string }) =>
      undoReturn(deps, {
        postingId: input.postingId,
        actor: input.actor ?? DEALER_ACTOR,
        reason: input.reason ?? RETURN_UNDO_REASON,
      }),
    assignments: (
      q: { postingId?: number; orderId?: number; includeUndone?: boolean; limit?: number } = {},
    ) => listAssignments(db, q),
    searchOrders: (q: {
      query?: string | undefined;
      amountMinor?: number | undefined;
      includeClosed?: boolean;
      limit?: number;
    }) => searchOrders(db, q),
    /** Order id for an order number (unique across shops) or id, as typed on the command line. */
    resolveOrder: (ref: string) => resolveOrderRef(db, ref),
    /** An order for a filter: bare digits are its id (see resolveOrderFilter). */
    resolveOrderFilter: (ref: string) => resolveOrderFilter(db, ref),
    ensurePaymentReference: (orderId: number) =>
      db.transaction((tx) => ensurePaymentReference(tx, clock, orderId)),
    assignMissingReferences: () => assignMissingReferences(db, clock),
  };
}

export type MatchingArea = ReturnType<typeof createMatchingArea>;
