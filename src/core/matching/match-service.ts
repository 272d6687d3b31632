/**
 * Runs the matcher over the database and persists what it decided automatically (issue 5 §3, §6): one
 * transaction per run, so a run either lands completely or not at all (a decision the orders' state refuses is
 * rolled back on its own, reported and skipped). Call it after every bank import and
 * every shop sync (`core.matching.run()`), so orders that arrive later match postings already waiting.
 */
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../audit.ts';
import type { Clock, Logger } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { dealerNotifications, postingReturns, postings, type AssignmentSignal } from '../db/schema/index.ts';
import { notice } from '../notifications/notice.ts';
import { applyAssignment, undoAssignment, type Tx } from '../orders/assignment-service.ts';
import { loadMatchInput, type LoadedPosting } from './match-loader.ts';
import { runMatcher } from './matcher.ts';
import { signalView } from './signal-params.ts';
import type { Candidate, Decision } from './types.ts';

export const MATCHER_ACTOR = 'matcher';

export type RunSummary = {
  auto: number;
  suggested: number;
  none: number;
  returns: number;
  debits: number;
  assignmentsCreated: number;
  assignmentsUndone: number;
  postingsConsidered: number;
  ordersConsidered: number;
  durationMs: number;
};

/** What an automatic assignment keeps of its candidate's evidence (amounts in the posting's `currency`). */
export function reasonsOf(c: Candidate, currency: string): AssignmentSignal[] {
  const signals: AssignmentSignal[] = c.signals.map((s) => signalView(s, currency));
  for (const flag of c.flags) signals.push({ kind: `flag_${flag}`, detail: flag });
  return signals;
}

function applyAuto(tx: Tx, clock: Clock, d: Decision, currency: string): number {
  const best = d.candidates[0];
  if (!best) return 0;
  const last = best.allocations.length - 1;
  const rows = applyAssignment(tx, clock, {
    postingId: d.postingId,
    allocations: best.allocations.map((a, i) => ({
      ...a,
      ...(i === last && best.shortfallMinor > 0 ? { acceptedShortfallMinor: best.shortfallMinor } : {}),
    })),
    method: 'auto',
    pass: d.pass,
    score: best.score,
    reasons: reasonsOf(best, currency),
    actor: MATCHER_ACTOR,
  });
  return rows.length;
}

function applyReturn(tx: Tx, clock: Clock, d: Decision, posting: LoadedPosting): number {
  const now = clock.now().toISOString();
  let undone = 0;
  const originals = new Set<number>();
  for (const r of d.reverses ?? []) {
    const { assignment } = undoAssignment(tx, clock, {
      assignmentId: r.assignmentId,
      actor: MATCHER_ACTOR,
      reason: `returned by posting ${d.postingId}`,
    });
    originals.add(assignment.postingId);
    tx.insert(postingReturns)
      .values({
        returnPostingId: d.postingId,
        assignmentId: r.assignmentId,
        orderId: r.orderId,
        amountMinor: r.amountMinor,
        createdAt: now,
      })
      .run();
    undone++;
  }
  // The returned money is gone again: its original posting is no order payment any more (not re-matched).
  for (const id of originals) {
    tx.update(postings)
      .set({ matchState: 'ignored' })
      .where(and(eq(postings.id, id), eq(postings.assignedMinor, 0)))
      .run();
    writeAudit(tx, clock, {
      actor: MATCHER_ACTOR,
      entityType: 'posting',
      entityId: id,
      action: 'returned',
      after: { matchState: 'ignored' },
      details: { returnPostingId: d.postingId },
    });
  }
  tx.update(postings).set({ matchState: 'assigned' }).where(eq(postings.id, d.postingId)).run();
  writeAudit(tx, clock, {
    actor: MATCHER_ACTOR,
    entityType: 'posting',
    entityId: d.postingId,
    action: 'return_processed',
    before: { matchState: posting.matchState },
    after: { matchState: 'assigned' },
    details: {
      reverses: d.reverses ?? [],
      signals: (d.candidates[0]?.signals ?? []).map((s) => signalView(s, posting.currency)),
    },
  });
  return undone;
}

function markDebit(tx: Tx, clock: Clock, posting: LoadedPosting): void {
  if (posting.matchState !== 'unassigned') return;
  tx.update(postings).set({ matchState: 'debit' }).where(eq(postings.id, posting.id)).run();
  writeAudit(tx, clock, {
    actor: MATCHER_ACTOR,
    entityType: 'posting',
    entityId: posting.id,
    action: 'marked_debit',
    before: { matchState: 'unassigned' },
    after: { matchState: 'debit' },
  });
}

/** Dealer notifications about refused decisions per run; the rest are only logged. */
const MAX_FAILURE_NOTICES = 5;

/** A decision that could not be applied: logged, and the dealer is told which posting needs a look. */
function reportFailedDecision(
  tx: Tx,
  clock: Clock,
  logger: Logger,
  d: Decision,
  error: unknown,
  notify: boolean,
): void {
  const message = error instanceof Error ? error.message : String(error);
  logger.log('error', 'matching decision not applied', {
    postingId: d.postingId,
    pass: d.pass,
    error: message,
  });
  if (!notify) return;
  tx.insert(dealerNotifications)
    .values({
      ...notice('matching_decision_failed', { postingId: d.postingId, pass: d.pass, errorMessage: message }),
      level: 'error',
      createdAt: clock.now().toISOString(),
    })
    .run();
}

export function runMatching(deps: { db: Db; clock: Clock; logger: Logger }): RunSummary {
  const started = performance.now();
  const summary = persistRun(deps);
  const durationMs = Math.round(performance.now() - started);
  deps.logger.log('info', 'matching run', { ...summary, durationMs });
  return { ...summary, durationMs };
}

/**
 * Loads, matches and applies in one transaction. All decisions are applied in one savepoint. Should the orders' state
 * refuse one (an inconsistent order), that savepoint is rolled back and the same decisions are applied again, each in
 * a savepoint of its own: the refused one is rolled back, reported and skipped, instead of failing the run for every
 * other posting, run after run. The matcher runs once either way (the input is the same transaction's), and
 * savepoints per decision (about 4 µs each) are paid only by the run that needs them.
 */
function persistRun(deps: { db: Db; clock: Clock; logger: Logger }): Omit<RunSummary, 'durationMs'> {
  const { db, clock, logger } = deps;
  return db.transaction((tx) => {
    const input = loadMatchInput(tx, clock.now());
    const result = runMatcher(input);
    const byId = new Map<number, LoadedPosting>(input.postings.map((p) => [p.id, p]));
    let created = 0;
    let undone = 0;
    const apply = (t: Tx, d: Decision, posting: LoadedPosting) => {
      if (d.pass === 'debit') markDebit(t, clock, posting);
      else if (d.pass === 'return' && d.band === 'auto') undone += applyReturn(t, clock, d, posting);
      else if (d.band === 'auto') created += applyAuto(t, clock, d, posting.currency);
    };
    const applied = (d: Decision) => {
      const posting = byId.get(d.postingId);
      return posting ? { d, posting } : undefined;
    };
    try {
      tx.transaction((sp) => {
        for (const d of result.decisions) {
          const a = applied(d);
          if (a) apply(sp, a.d, a.posting);
        }
      });
    } catch (error) {
      logger.log('warn', 'matching run refused; applying its decisions one by one', {
        error: error instanceof Error ? error.message : String(error),
      });
      created = 0;
      undone = 0;
      let failures = 0;
      for (const d of result.decisions) {
        const a = applied(d);
        if (!a) continue;
        try {
          tx.transaction((sp) => apply(sp, a.d, a.posting));
        } catch (failure) {
          // Every one is logged; the dealer is told of the first few (a fault behind all of them is one fault).
          reportFailedDecision(tx, clock, logger, d, failure, ++failures <= MAX_FAILURE_NOTICES);
        }
      }
    }
    return {
      ...result.summary,
      assignmentsCreated: created,
      assignmentsUndone: undone,
      postingsConsidered: input.postings.length,
      ordersConsidered: input.orders.length,
    };
  });
}
