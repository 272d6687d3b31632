/**
 * Taking back a processed return (issue 5 §3, §5; the brief: every automatic decision must be undoable).
 *
 * The matcher read a debit as the return of an earlier payment (match-service.ts applyReturn): it undid that
 * payment's assignments, reopened their orders, and set the original posting aside as "not an order payment".
 * When the dealer sees that the debit returned something else (their own refund, another transfer sent back),
 * this puts things back: each reversed assignment is assigned again as it was (same orders, amounts, pass,
 * score and evidence, plus a note), so the orders are paid again through the state machine and their "paid"
 * write-back is queued again; the debit is set aside as "not an order payment", so the next run does not read it
 * as that return again (`queue.ignore` with undo puts it back for matching). One transaction, audited.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { queueApi } from '#shared/api/queue.ts';
import { writeAudit } from '../audit.ts';
import type { Clock } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { assignments, postingReturns, postings, type AssignmentSignal } from '../db/schema/index.ts';
import { ValidationError } from '../errors.ts';
import {
  acceptedShortfallOf,
  applyAssignment,
  getPosting,
  setIgnored,
  SHORTFALL_ACCEPTED,
  type Tx,
} from '../orders/assignment-service.ts';
import { listAssignments } from './queue-service.ts';

/** What `returns.undo` answers (its output schema in shared/api/queue.ts). */
export type ReturnUndone = z.output<(typeof queueApi)['returns.undo']['output']>;

export function undoReturn(
  { db, clock }: { db: Db; clock: Clock },
  params: { postingId: number; actor: string; reason: string },
): ReturnUndone {
  const ids = db.transaction((tx) => restore(tx, clock, params));
  return { postingId: params.postingId, matchState: 'ignored', assignments: listAssignments(db, { ids }) };
}

function restore(
  tx: Tx,
  clock: Clock,
  params: { postingId: number; actor: string; reason: string },
): number[] {
  const { postingId, actor, reason } = params;
  const debit = getPosting(tx, postingId);
  // The assignments the return undid (the foreign key keeps every one of them).
  const rows = tx
    .select({ reversal: postingReturns, original: assignments })
    .from(postingReturns)
    .innerJoin(assignments, eq(assignments.id, postingReturns.assignmentId))
    .where(eq(postingReturns.returnPostingId, postingId))
    .all();
  if (rows.length === 0)
    throw new ValidationError(
      'RETURN_NOT_PROCESSED',
      `Posting ${postingId} took back no payment: it is not a processed return. ` +
        '(`kassenwart assignments --all` shows the assignments returns undid, "returned by posting …".)',
    );
  const restored: number[] = [];
  for (const { original } of rows) {
    const payment = getPosting(tx, original.postingId);
    // The dealer may have assigned the payment otherwise since: restoring would assign its money twice.
    if (payment.amountMinor - payment.assignedMinor < original.amountMinor)
      throw new ValidationError(
        'RETURN_PAYMENT_REASSIGNED',
        `Posting ${payment.id}, the payment that posting ${postingId} returned, has been assigned again since. ` +
          'Undo that assignment first (kassenwart unassign), then take the return back.',
      );
    if (payment.matchState === 'ignored') setIgnored(tx, clock, { postingId: payment.id, actor, undo: true });
    const shortfall = acceptedShortfallOf(original);
    const reasons: AssignmentSignal[] = original.reasons.filter((s) => s.kind !== SHORTFALL_ACCEPTED);
    reasons.push({ kind: 'return_taken_back', detail: `return posting ${postingId} taken back: ${reason}` });
    const [row] = applyAssignment(tx, clock, {
      postingId: payment.id,
      allocations: [
        {
          orderId: original.orderId,
          amountMinor: original.amountMinor,
          ...(shortfall > 0 ? { acceptedShortfallMinor: shortfall } : {}),
        },
      ],
      method: original.method,
      pass: original.pass,
      score: original.score,
      reasons,
      actor,
      restoring: true,
    });
    if (row) restored.push(row.id);
  }
  tx.delete(postingReturns).where(eq(postingReturns.returnPostingId, postingId)).run();
  tx.update(postings).set({ matchState: 'ignored' }).where(eq(postings.id, postingId)).run();
  writeAudit(tx, clock, {
    actor,
    entityType: 'posting',
    entityId: postingId,
    action: 'return_taken_back',
    before: { matchState: debit.matchState, reverses: rows.map((r) => r.reversal) },
    after: { matchState: 'ignored' },
    details: { reason, restoredAssignments: restored },
  });
  return restored;
}
