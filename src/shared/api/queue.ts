/**
 * API methods of the queue area (issue 5 §5): the manual assignment queue, assignments and their undo,
 * searching open orders, and running the matcher. Merged into the one table in ../api.ts. Amounts are integer
 * minor units; ids are the database ids.
 */
import { z } from 'zod';
import { ORDER_STATUSES, POSTING_MATCH_STATES } from '../domain.ts';
import { SignalParamsDto } from '../signal-texts.ts';
import type { ApiTable } from './types.ts';

const Id = z.number().int().positive();
const Minor = z.number().int();
const Band = z.enum(['auto', 'suggest', 'none']);
const Pass = z.enum(['reference', 'number', 'typo', 'combined', 'payer', 'amount', 'return', 'debit']);

/**
 * A matcher signal (or a reason kept with an assignment): `detail` is its English text (amounts in minor units),
 * `params` the facts it is worded from in the user's language (#shared/signal-texts.ts), null where it has none
 * beyond its kind, for reasons that are no matcher evidence, and for reasons stored before signals had params.
 */
export const MatchSignal = z.object({
  kind: z.string(),
  detail: z.string(),
  weight: z.number().optional(),
  params: SignalParamsDto.nullable(),
});

export const OrderSummary = z.object({
  id: Id,
  shopId: Id,
  shop: z.string(),
  number: z.string(),
  invoiceNumber: z.string().nullable(),
  paymentReference: z.string().nullable(),
  customerName: z.string().nullable(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  totalMinor: Minor,
  paidMinor: Minor,
  openMinor: Minor,
  currency: z.string(),
  status: z.enum(ORDER_STATUSES),
  createdAt: z.string(),
});
export type OrderSummary = z.infer<typeof OrderSummary>;

export const QueueCandidate = z.object({
  orderIds: z.array(Id),
  orders: z.array(OrderSummary),
  allocations: z.array(z.object({ orderId: Id, amountMinor: Minor })),
  amountMinor: Minor,
  score: z.number(),
  pass: Pass,
  signals: z.array(MatchSignal),
  blockers: z.array(z.string()),
  flags: z.array(z.string()),
});

export const QueueItem = z.object({
  posting: z.object({
    id: Id,
    bookingDate: z.string().nullable(),
    amountMinor: Minor,
    assignedMinor: Minor,
    openMinor: Minor,
    currency: z.string(),
    counterpartyName: z.string().nullable(),
    counterpartyIban: z.string().nullable(),
    remittance: z.string().nullable(),
    endToEndId: z.string().nullable(),
    matchState: z.enum(POSTING_MATCH_STATES),
  }),
  band: Band,
  pass: Pass,
  reasons: z.array(z.string()),
  candidates: z.array(QueueCandidate),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const AssignmentView = z.object({
  id: Id,
  postingId: Id,
  endToEndId: z.string().nullable(),
  bankReference: z.string().nullable(),
  shop: z.string(),
  orderId: Id,
  orderNumber: z.string(),
  amountMinor: Minor,
  currency: z.string(),
  method: z.enum(['auto', 'manual']),
  pass: z.string().nullable(),
  score: z.number().nullable(),
  reasons: z.array(MatchSignal),
  createdAt: z.string(),
  createdBy: z.string(),
  undoneAt: z.string().nullable(),
  undoReason: z.string().nullable(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

export const RunSummary = z.object({
  auto: z.number().int(),
  suggested: z.number().int(),
  none: z.number().int(),
  returns: z.number().int(),
  debits: z.number().int(),
  assignmentsCreated: z.number().int(),
  assignmentsUndone: z.number().int(),
  postingsConsidered: z.number().int(),
  ordersConsidered: z.number().int(),
  durationMs: z.number().int(),
});

export const AssignInput = z
  .object({
    postingId: Id,
    allocations: z
      .array(z.object({ orderId: Id, amountMinor: z.number().int().positive().optional() }).strict())
      .min(1)
      .max(50),
    note: z.string().max(500).optional(),
  })
  .strict();

/** The reason an undo gets when the dealer gives none (API, CLI `unassign` and core share it). */
export const DEALER_UNDO_REASON = 'undone by the dealer';
/** Why a return is taken back when the dealer gives no reason (API, CLI and core share it). */
export const RETURN_UNDO_REASON = 'not a return of this payment';

const TransferCorrection = z.enum(['none', 'enqueued_paid', 'cancelled_pending', 'enqueued_correction']);

export const queueApi = {
  'queue.list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({ items: z.array(QueueItem), total: z.number().int() }),
  },
  'queue.assign': {
    input: AssignInput,
    output: z.object({
      assignments: z.array(AssignmentView),
      /**
       * What the dealer may not have meant (an order not awaiting payment, already paid, or paid more than open):
       * the assignment stands, the UI shows these (codes ASSIGN_ORDER_NOT_AWAITING_PAYMENT, ASSIGN_ORDER_ALREADY_PAID,
       * ASSIGN_MORE_THAN_OPEN).
       */
      warnings: z.array(z.object({ code: z.string(), message: z.string(), orderId: Id })),
    }),
  },
  'queue.ignore': {
    input: z
      .object({ postingId: Id, undo: z.boolean().default(false), note: z.string().max(500).optional() })
      .strict(),
    output: z.object({ postingId: Id, matchState: z.enum(POSTING_MATCH_STATES) }),
  },
  'assignments.list': {
    input: z
      .object({
        postingId: Id.optional(),
        orderId: Id.optional(),
        includeUndone: z.boolean().default(false),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.object({ items: z.array(AssignmentView) }),
  },
  'assignments.undo': {
    input: z
      .object({ assignmentId: Id, reason: z.string().min(1).max(500).default(DEALER_UNDO_REASON) })
      .strict(),
    output: z.object({
      assignment: AssignmentView,
      orderStatus: z.enum(ORDER_STATUSES),
      transfer: TransferCorrection,
    }),
  },
  /** Takes back a processed return (a debit the matcher read as the return of an earlier payment). */
  'returns.undo': {
    input: z
      .object({
        postingId: Id,
        reason: z.string().min(1).max(500).default(RETURN_UNDO_REASON),
      })
      .strict(),
    output: z.object({
      postingId: Id,
      matchState: z.literal('ignored'),
      assignments: z.array(AssignmentView),
    }),
  },
  'orders.search': {
    input: z
      .object({
        query: z.string().max(200).optional(),
        amountMinor: z.number().int().optional(),
        includeClosed: z.boolean().default(false),
        limit: z.number().int().min(1).max(200).default(20),
      })
      .strict(),
    output: z.object({ items: z.array(OrderSummary) }),
  },
  'matching.run': { input: z.object({}).strict(), output: RunSummary },
} as const satisfies ApiTable;
