/**
 * Assigning postings to orders and taking assignments back (issue 5 §5, §6). Every change goes through the
 * order state machine, updates the posting's assigned amount and match state, carries out the effects
 * (write-back outbox, notifications) and writes audit entries. All functions take a transaction (`tx`) and
 * are synchronous, so the caller decides the transaction boundary (one per matcher run, one per API call).
 */
import { eq } from 'drizzle-orm';
import { writeAudit } from '../audit.ts';
import { initialMatchState } from '../bank/posting-writer.ts';
import type { Clock } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { assignments, orders, postings, shops, type AssignmentSignal } from '../db/schema/index.ts';
import { NotFoundError, TransitionError, ValidationError } from '../errors.ts';
import { formatMinorAsDecimal } from '../money.ts';
import { classify, ShopSettingsSchema } from '../sync/shop-settings.ts';
import { removedShopOf } from './connected-shops.ts';
import { applyOrderEffects, cancelPendingPaid, type TransferCorrection } from './assignment-effects.ts';
import { isAwaitingPayment, transition, type OrderEvent, type OrderStatus } from './state-machine.ts';

export type Tx = Pick<Db, 'insert' | 'update' | 'select' | 'delete'>;
type OrderRow = typeof orders.$inferSelect;
type PostingRow = typeof postings.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;

export type AllocationInput = { orderId: number; amountMinor: number; acceptedShortfallMinor?: number };

export type AssignInput = {
  postingId: number;
  allocations: AllocationInput[];
  method: 'auto' | 'manual';
  pass?: string | null;
  score?: number | null;
  reasons?: AssignmentSignal[];
  actor: string;
  /**
   * Puts back an assignment that existed before (return-undo.ts): allowed for an order of a removed shop too, as
   * its history; any other assignment to such an order is refused (ORDER_SHOP_REMOVED).
   */
  restoring?: boolean;
};

function getOrder(tx: Tx, id: number): OrderRow {
  const row = tx.select().from(orders).where(eq(orders.id, id)).get();
  if (!row) throw new NotFoundError('ORDER_NOT_FOUND', `There is no order with id ${id}.`);
  return row;
}

export function getPosting(tx: Pick<Tx, 'select'>, id: number): PostingRow {
  const row = tx.select().from(postings).where(eq(postings.id, id)).get();
  if (!row) throw new NotFoundError('POSTING_NOT_FOUND', `There is no posting with id ${id}.`);
  return row;
}

/** Applies one event to an order through the state machine, persists and audits it. */
function changeOrder(
  tx: Tx,
  clock: Clock,
  actor: string,
  order: OrderRow,
  event: OrderEvent,
  details: Record<string, unknown>,
  /**
   * 'withdraw_only': a payment taken back only withdraws a "paid" write-back still waiting; it does not queue the
   * way back to unpaid (the shop cancelled the order: there is nothing to reopen there).
   */
  writeBack: 'correct' | 'withdraw_only' = 'correct',
): { order: OrderRow; correction: TransferCorrection } {
  const result = transition(order, event);
  if (!result.ok) throw new TransitionError(result.code, `Order ${order.number}: ${result.message}`);
  const next = result.state;
  const now = clock.now().toISOString();
  const updated = tx
    .update(orders)
    .set({
      status: next.status,
      paidMinor: next.paidMinor,
      overpaid: next.overpaid,
      ...(next.status !== order.status ? { statusChangedAt: now } : {}),
    })
    .where(eq(orders.id, order.id))
    .returning()
    .get();
  writeAudit(tx, clock, {
    actor,
    entityType: 'order',
    entityId: order.id,
    action: event.type,
    before: { status: order.status, paidMinor: order.paidMinor, overpaid: order.overpaid },
    after: { status: next.status, paidMinor: next.paidMinor, overpaid: next.overpaid },
    details: { ...details, effects: result.effects },
  });
  let effects = result.effects;
  let withdrawn = 0;
  if (writeBack === 'withdraw_only' && effects.some((e) => e.type === 'cancel_transfer_paid')) {
    withdrawn = cancelPendingPaid(
      tx,
      clock,
      actor,
      order.id,
      'payment taken back; the shop cancelled the order',
    );
    effects = effects.filter((e) => e.type !== 'cancel_transfer_paid');
  }
  const correction = applyOrderEffects(tx, clock, actor, order.id, order.number, effects, next.status);
  return { order: updated ?? order, correction: withdrawn > 0 ? 'cancelled_pending' : correction };
}

function setPostingAssigned(
  tx: Tx,
  clock: Clock,
  actor: string,
  posting: PostingRow,
  assignedMinor: number,
  reason: string,
): void {
  const matchState =
    assignedMinor === 0
      ? 'unassigned'
      : assignedMinor >= posting.amountMinor
        ? 'assigned'
        : 'partially_assigned';
  tx.update(postings).set({ assignedMinor, matchState }).where(eq(postings.id, posting.id)).run();
  writeAudit(tx, clock, {
    actor,
    entityType: 'posting',
    entityId: posting.id,
    action: reason,
    before: { matchState: posting.matchState, assignedMinor: posting.assignedMinor },
    after: { matchState, assignedMinor },
  });
}

/** The reason kind of an accepted shortfall (bank fees within tolerance) on an assignment. */
export const SHORTFALL_ACCEPTED = 'shortfall_accepted';

/** The reason an assignment that accepts a shortfall carries; acceptedShortfallOf reads it back. */
function shortfallReason(shortfallMinor: number): AssignmentSignal {
  return { kind: SHORTFALL_ACCEPTED, detail: `${shortfallMinor} short, within tolerance` };
}

/**
 * The shortfall an assignment accepted (0: none), read back from its reason (shortfallReason): restoring the
 * assignment must accept it again, or a paid order would come back only partially paid.
 */
export function acceptedShortfallOf(a: Pick<AssignmentRow, 'reasons'>): number {
  const detail = a.reasons.find((s) => s.kind === SHORTFALL_ACCEPTED)?.detail;
  const n = detail ? Number(/^(\d+) short\b/.exec(detail)?.[1]) : 0;
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** Assigns (part of) a credit posting to one or several orders. Throws on anything inconsistent. */
export function applyAssignment(tx: Tx, clock: Clock, input: AssignInput): AssignmentRow[] {
  const posting = getPosting(tx, input.postingId);
  if (posting.amountMinor <= 0)
    throw new ValidationError(
      'POSTING_NOT_CREDIT',
      `Posting ${posting.id} is a debit; only incoming payments can be assigned to orders.`,
    );
  if (posting.matchState === 'ignored') {
    throw new ValidationError(
      'POSTING_IGNORED',
      `Posting ${posting.id} is marked "not an order payment"; undo that first (kassenwart queue / queue.ignore with undo).`,
    );
  }
  if (input.allocations.length === 0)
    throw new ValidationError('ASSIGN_NO_ORDER', 'Name at least one order to assign the posting to.');
  const total = input.allocations.reduce((s, a) => s + a.amountMinor, 0);
  const open = posting.amountMinor - posting.assignedMinor;
  if (input.allocations.some((a) => !Number.isSafeInteger(a.amountMinor) || a.amountMinor <= 0)) {
    throw new ValidationError('ASSIGN_AMOUNT_INVALID', 'Every assigned amount must be a positive amount.');
  }
  if (total > open) {
    throw new ValidationError(
      'ASSIGN_EXCEEDS_POSTING',
      `Posting ${posting.id} has ${formatMinorAsDecimal(open, posting.currency)} ${posting.currency} left to assign; ${formatMinorAsDecimal(total, posting.currency)} ${posting.currency} were requested. Assign at most what is left (the amounts after ORDER:AMOUNT), or undo an assignment of the posting first.`,
    );
  }
  const seen = new Set<number>();
  const now = clock.now().toISOString();
  const rows: AssignmentRow[] = [];
  for (const alloc of input.allocations) {
    if (seen.has(alloc.orderId))
      throw new ValidationError('ASSIGN_DUPLICATE_ORDER', `Order ${alloc.orderId} is named twice.`);
    seen.add(alloc.orderId);
    const order = getOrder(tx, alloc.orderId);
    const removed = input.restoring ? undefined : removedShopOf(tx, order.shopId);
    if (removed)
      throw new ValidationError(
        'ORDER_SHOP_REMOVED',
        `Order ${order.number} (id ${order.id}) belongs to shop "${removed.name}", which was removed on ${removed.removedAt.slice(0, 10)}: no payment can be assigned to its orders any more (its status could not be sent to the shop). If the shop was added again, assign the payment to the order there (kassenwart search ${order.number}).`,
      );
    if (order.currency !== posting.currency) {
      throw new ValidationError(
        'ASSIGN_CURRENCY_MISMATCH',
        `Order ${order.number} is in ${order.currency}, posting ${posting.id} in ${posting.currency}.`,
      );
    }
    const reasons: AssignmentSignal[] = [...(input.reasons ?? [])];
    if (alloc.acceptedShortfallMinor) reasons.push(shortfallReason(alloc.acceptedShortfallMinor));
    const row = tx
      .insert(assignments)
      .values({
        postingId: posting.id,
        orderId: order.id,
        amountMinor: alloc.amountMinor,
        method: input.method,
        pass: input.pass ?? null,
        score: input.score ?? null,
        reasons,
        createdAt: now,
        createdBy: input.actor,
      })
      .returning()
      .get();
    writeAudit(tx, clock, {
      actor: input.actor,
      entityType: 'assignment',
      entityId: row.id,
      action: 'created',
      after: row,
    });
    changeOrder(
      tx,
      clock,
      input.actor,
      order,
      {
        type: 'payment_assigned',
        amountMinor: alloc.amountMinor,
        ...(alloc.acceptedShortfallMinor ? { acceptedShortfallMinor: alloc.acceptedShortfallMinor } : {}),
      },
      { assignmentId: row.id, postingId: posting.id },
    );
    rows.push(row);
  }
  setPostingAssigned(tx, clock, input.actor, posting, posting.assignedMinor + total, 'assigned');
  return rows;
}

export type UndoResult = {
  assignment: AssignmentRow;
  orderStatus: OrderStatus;
  transfer: TransferCorrection;
};

/**
 * Does the shop show the order cancelled (its last shop status is one of its mapping's cancelled statuses)? A shop
 * that cancels an order we hold a payment for keeps it paid here (apply-order.ts refuses that change): once the
 * payment is taken back, the order is the shop's cancelled order again, not one to wait for.
 */
function cancelledInShop(tx: Tx, order: OrderRow): boolean {
  if (!order.shopStatus) return false;
  const shop = tx
    .select({ name: shops.name, settings: shops.settings })
    .from(shops)
    .where(eq(shops.id, order.shopId))
    .get();
  const parsed = shop ? ShopSettingsSchema.safeParse(shop.settings) : undefined;
  // As the sync classifies the shop's status (shop-settings.ts classify).
  return (
    parsed?.success === true &&
    classify(
      { status: order.shopStatus, paymentMethod: order.shopPaymentMethod ?? undefined },
      parsed.data.mapping,
    ).cancelled
  );
}

/**
 * Takes an assignment back: the order's paid amount and status are restored via the state machine. An order the
 * shop has cancelled meanwhile becomes cancelled (not open again, so no later payment is matched to it), and its
 * write-back is only withdrawn: no "unpaid" correction is sent to a cancelled order in the shop.
 */
export function undoAssignment(
  tx: Tx,
  clock: Clock,
  params: { assignmentId: number; actor: string; reason: string },
): UndoResult {
  const a = tx.select().from(assignments).where(eq(assignments.id, params.assignmentId)).get();
  if (!a)
    throw new NotFoundError('ASSIGNMENT_NOT_FOUND', `There is no assignment with id ${params.assignmentId}.`);
  if (a.undoneAt)
    throw new ValidationError(
      'ASSIGNMENT_ALREADY_UNDONE',
      `Assignment ${a.id} was already undone at ${a.undoneAt}.`,
    );
  const now = clock.now().toISOString();
  const order = getOrder(tx, a.orderId);
  const cancelled = order.status === 'paid' && cancelledInShop(tx, order);
  const changed = changeOrder(
    tx,
    clock,
    params.actor,
    order,
    { type: 'payment_unassigned', amountMinor: a.amountMinor },
    { assignmentId: a.id, reason: params.reason, ...(cancelled ? { shopStatus: order.shopStatus } : {}) },
    cancelled ? 'withdraw_only' : 'correct',
  );
  let after = changed.order;
  const correction = changed.correction;
  if (cancelled && isAwaitingPayment(after.status))
    after = changeOrder(
      tx,
      clock,
      params.actor,
      after,
      { type: 'cancelled' },
      { cause: 'cancelled_in_shop' },
    ).order;
  const posting = getPosting(tx, a.postingId);
  setPostingAssigned(
    tx,
    clock,
    params.actor,
    posting,
    Math.max(0, posting.assignedMinor - a.amountMinor),
    'unassigned',
  );
  const undone = tx
    .update(assignments)
    .set({ undoneAt: now, undoneBy: params.actor, undoReason: params.reason })
    .where(eq(assignments.id, a.id))
    .returning()
    .get();
  writeAudit(tx, clock, {
    actor: params.actor,
    entityType: 'assignment',
    entityId: a.id,
    action: 'undone',
    before: a,
    after: undone,
    details: { reason: params.reason, transfer: correction },
  });
  return { assignment: undone ?? a, orderStatus: after.status, transfer: correction };
}

/** Marks a posting "not an order payment" (or takes that back with `undo`). */
export function setIgnored(
  tx: Tx,
  clock: Clock,
  params: { postingId: number; actor: string; undo?: boolean; note?: string },
): PostingRow {
  const posting = getPosting(tx, params.postingId);
  // Put back for matching: the state an import gives it (a debit stays a debit, which the matcher reads for returns,
  // and is not counted as an incoming payment waiting for an order).
  const target = params.undo ? initialMatchState(posting.amountMinor) : 'ignored';
  if (params.undo && posting.matchState !== 'ignored')
    throw new ValidationError(
      'POSTING_NOT_IGNORED',
      `Posting ${posting.id} is not marked "not an order payment".`,
    );
  if (!params.undo && posting.assignedMinor !== 0) {
    throw new ValidationError(
      'POSTING_HAS_ASSIGNMENTS',
      `Posting ${posting.id} is (partly) assigned; undo its assignments first.`,
    );
  }
  if (!params.undo && posting.matchState === 'ignored') return posting;
  const updated = tx
    .update(postings)
    .set({ matchState: target })
    .where(eq(postings.id, posting.id))
    .returning()
    .get();
  writeAudit(tx, clock, {
    actor: params.actor,
    entityType: 'posting',
    entityId: posting.id,
    action: params.undo ? 'unignored' : 'ignored',
    before: { matchState: posting.matchState },
    after: { matchState: target },
    ...(params.note ? { details: { note: params.note } } : {}),
  });
  return updated ?? posting;
}
