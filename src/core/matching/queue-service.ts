/**
 * The manual assignment queue (issue 5 §5): unassigned postings with ranked, explained candidates; manual
 * assignment to one or several orders; "not an order payment"; undo of any assignment; order search.
 * Shapes follow src/shared/api/queue.ts (the public JSON interface of the API and the CLI).
 */
import {
  manualAssignWarnings,
  ordersBefore,
  type ManualAssignWarning,
} from '../orders/manual-assign-checks.ts';
import { and, desc, eq, inArray, isNull, like, type SQL } from 'drizzle-orm';
import type { AssignmentView, OrderSummary, QueueItem } from '#shared/api/queue.ts';
import type { Clock } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { assignments, orders, postings, shops } from '../db/schema/index.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import {
  applyAssignment,
  setIgnored,
  undoAssignment,
  type UndoResult,
} from '../orders/assignment-service.ts';
import { ofConnectedShop } from '../orders/connected-shops.ts';
import { AWAITING_PAYMENT } from '../orders/state-machine.ts';
import { learnFromAssignment, unlearnAssignment } from './learning.ts';
import { loadMatchInput } from './match-loader.ts';
import { runMatcher } from './matcher.ts';
import { signalView } from './signal-params.ts';
import { foldName } from './names.ts';
import { numberCore, numberKey } from './number-keys.ts';
import { matchSettingsFrom, toleranceFor } from './settings.ts';

type OrderRow = typeof orders.$inferSelect;
type Deps = { db: Db; clock: Clock };

function shopNames(db: Pick<Db, 'select'>): Map<number, string> {
  return new Map(
    db
      .select({ id: shops.id, name: shops.name })
      .from(shops)
      .all()
      .map((s) => [s.id, s.name]),
  );
}

export function orderSummary(o: OrderRow, shopName: string): OrderSummary {
  return {
    id: o.id,
    shopId: o.shopId,
    shop: shopName,
    number: o.number,
    invoiceNumber: o.invoiceNumber,
    paymentReference: o.paymentReference,
    customerName: o.customerName,
    company: o.company,
    email: o.email,
    totalMinor: o.totalMinor,
    paidMinor: o.paidMinor,
    openMinor: o.totalMinor - o.paidMinor,
    currency: o.currency,
    status: o.status,
    createdAt: o.createdAtShop,
  };
}

export function listQueue(
  { db, clock }: Deps,
  page: { limit: number; offset: number },
): { items: QueueItem[]; total: number } {
  const input = loadMatchInput(db, clock.now());
  // The queue shows automatic verdicts not applied yet as suggestions, with their alternatives.
  const result = runMatcher({ ...input, fullRanking: true });
  const open = result.decisions.filter((d) => d.pass !== 'debit');
  const postingById = new Map(input.postings.map((p) => [p.id, p]));
  open.sort(
    (a, b) =>
      (postingById.get(b.postingId)?.bookingDate ?? '').localeCompare(
        postingById.get(a.postingId)?.bookingDate ?? '',
      ) || b.postingId - a.postingId,
  );
  const slice = open.slice(page.offset, page.offset + page.limit);
  const orderIds = [...new Set(slice.flatMap((d) => d.candidates.flatMap((c) => c.orderIds)))];
  const orderRows = orderIds.length ? db.select().from(orders).where(inArray(orders.id, orderIds)).all() : [];
  const names = shopNames(db);
  const summaries = new Map(orderRows.map((o) => [o.id, orderSummary(o, names.get(o.shopId) ?? '')]));
  const fullPostings = new Map(
    (slice.length
      ? db
          .select()
          .from(postings)
          .where(
            inArray(
              postings.id,
              slice.map((d) => d.postingId),
            ),
          )
          .all()
      : []
    ).map((p) => [p.id, p]),
  );
  const items: QueueItem[] = [];
  for (const d of slice) {
    const p = fullPostings.get(d.postingId);
    if (!p) continue;
    items.push({
      posting: {
        id: p.id,
        bookingDate: p.bookingDate,
        amountMinor: p.amountMinor,
        assignedMinor: p.assignedMinor,
        openMinor: p.amountMinor - p.assignedMinor,
        currency: p.currency,
        counterpartyName: p.counterpartyName,
        counterpartyIban: p.counterpartyIban,
        remittance: p.remittance,
        endToEndId: p.endToEndId,
        matchState: p.matchState,
      },
      // The queue shows what a dealer must look at: an automatic verdict here (not applied yet) is a suggestion.
      band: d.band === 'auto' ? 'suggest' : d.band,
      pass: d.pass,
      reasons: d.band === 'auto' ? ['not_yet_run'] : d.reasons,
      candidates: d.candidates.map((c) => ({
        orderIds: c.orderIds,
        orders: c.orderIds.map((id) => summaries.get(id)).filter((s) => s !== undefined),
        allocations: c.allocations,
        amountMinor: c.amountMinor,
        score: c.score,
        pass: c.pass,
        signals: c.signals.map((s) => signalView(s, p.currency)),
        blockers: c.blockers,
        flags: c.flags,
      })),
    });
  }
  return { items, total: open.length };
}

export function listAssignments(
  db: Pick<Db, 'select'>,
  q: { postingId?: number; orderId?: number; includeUndone?: boolean; limit?: number; ids?: number[] },
): AssignmentView[] {
  const where: SQL[] = [];
  if (q.postingId !== undefined) where.push(eq(assignments.postingId, q.postingId));
  if (q.orderId !== undefined) where.push(eq(assignments.orderId, q.orderId));
  if (q.ids) where.push(inArray(assignments.id, q.ids));
  if (!q.includeUndone && !q.ids) where.push(isNull(assignments.undoneAt));
  const rows = db
    .select({
      a: assignments,
      p: {
        endToEndId: postings.endToEndId,
        bankReference: postings.bankReference,
        currency: postings.currency,
      },
      o: { number: orders.number },
      shop: shops.name,
    })
    .from(assignments)
    .innerJoin(postings, eq(postings.id, assignments.postingId))
    .innerJoin(orders, eq(orders.id, assignments.orderId))
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(assignments.id))
    .limit(q.limit ?? 100)
    .all();
  return rows.map(({ a, p, o, shop }) => ({
    id: a.id,
    postingId: a.postingId,
    endToEndId: p.endToEndId,
    bankReference: p.bankReference,
    shop,
    orderId: a.orderId,
    orderNumber: o.number,
    amountMinor: a.amountMinor,
    currency: p.currency,
    method: a.method,
    pass: a.pass,
    score: a.score,
    // Rows stored before signals had params, and reasons that are no matcher evidence, carry none.
    reasons: a.reasons.map((r) => ({ ...r, params: r.params ?? null })),
    createdAt: a.createdAt,
    createdBy: a.createdBy,
    undoneAt: a.undoneAt,
    undoReason: a.undoReason,
  }));
}

/**
 * What `allocation` leaves the order short, when that is within the fee tolerance of the order's shop (else 0).
 * `order` is the allocation's order when the caller has loaded it already.
 */
function feeShortfall(
  tx: Pick<Db, 'select'>,
  allocation: { orderId: number; amountMinor: number },
  order: OrderRow | undefined = tx.select().from(orders).where(eq(orders.id, allocation.orderId)).get(),
): number {
  if (!order) return 0;
  const open = order.totalMinor - order.paidMinor;
  const short = open - allocation.amountMinor;
  if (short <= 0) return 0;
  const shop = tx.select({ settings: shops.settings }).from(shops).where(eq(shops.id, order.shopId)).get();
  return short <= toleranceFor(matchSettingsFrom(shop?.settings), open) ? short : 0;
}

/** Manual assignment; amounts default to the order's open amount (one order: the posting's open amount). */
export function assignManually(
  { db, clock }: Deps,
  input: {
    postingId: number;
    allocations: { orderId: number; amountMinor?: number | undefined }[];
    actor: string;
    note?: string | undefined;
  },
): { assignments: AssignmentView[]; warnings: ManualAssignWarning[] } {
  const { ids, warnings } = db.transaction((tx) => {
    const posting = tx.select().from(postings).where(eq(postings.id, input.postingId)).get();
    if (!posting)
      throw new NotFoundError('POSTING_NOT_FOUND', `There is no posting with id ${input.postingId}.`);
    if (posting.amountMinor <= 0) {
      throw new ValidationError(
        'POSTING_NOT_CREDIT',
        `Posting ${posting.id} is a debit; only incoming payments can be assigned to orders.`,
      );
    }
    const notPositive = input.allocations.find((a) => a.amountMinor !== undefined && a.amountMinor <= 0);
    if (notPositive)
      throw new ValidationError(
        'ASSIGN_AMOUNT_INVALID',
        `The amount assigned to order id ${notPositive.orderId} must be more than zero; give the part of the posting that pays it, like 12.50.`,
      );
    let left = posting.amountMinor - posting.assignedMinor;
    let lastOrder: OrderRow | undefined; // the last allocation's order, when loaded here for its amount
    const allocations = input.allocations.map((a, i) => {
      let amount = a.amountMinor;
      if (amount === undefined) {
        const order = tx.select().from(orders).where(eq(orders.id, a.orderId)).get();
        if (!order) throw new NotFoundError('ORDER_NOT_FOUND', `There is no order with id ${a.orderId}.`);
        const single = input.allocations.length === 1;
        const lastWithout = i === input.allocations.length - 1;
        if (lastWithout) lastOrder = order;
        amount =
          single || lastWithout ? left : Math.min(left, Math.max(0, order.totalMinor - order.paidMinor));
      }
      left -= amount;
      return { orderId: a.orderId, amountMinor: amount };
    });
    if (allocations.some((a) => a.amountMinor <= 0)) {
      throw new ValidationError(
        'ASSIGN_NOTHING_LEFT',
        `Posting ${posting.id} has nothing left to assign to every named order; give amounts.`,
      );
    }
    // The whole posting paid the last order short by no more than its shop's fee tolerance: the shortfall is
    // accepted (bank fees), as the matcher accepts it, so the order counts as paid, not partially paid.
    const last = allocations[allocations.length - 1];
    const shortfall = last && left === 0 ? feeShortfall(tx, last, lastOrder) : 0;
    // The orders as they were, for what the dealer may not have meant (a cancelled or paid order, more than open).
    const before = ordersBefore(
      tx,
      allocations.map((a) => a.orderId),
    );
    const rows = applyAssignment(tx, clock, {
      postingId: posting.id,
      allocations:
        shortfall > 0
          ? allocations.map((a) => (a === last ? { ...a, acceptedShortfallMinor: shortfall } : a))
          : allocations,
      method: 'manual',
      pass: 'manual',
      score: null,
      reasons: input.note ? [{ kind: 'note', detail: input.note }] : [],
      actor: input.actor,
    });
    for (const row of rows) learnFromAssignment(tx, clock, row);
    return { ids: rows.map((r) => r.id), warnings: manualAssignWarnings(before, rows) };
  });
  return { assignments: listAssignments(db, { ids }), warnings };
}

export function undo(
  { db, clock }: Deps,
  params: { assignmentId: number; actor: string; reason: string },
): Omit<UndoResult, 'assignment'> & { assignment: AssignmentView } {
  const result = db.transaction((tx) => {
    const r = undoAssignment(tx, clock, params);
    if (r.assignment.method === 'manual') unlearnAssignment(tx, clock, r.assignment);
    return r;
  });
  const [view] = listAssignments(db, { ids: [params.assignmentId] });
  if (!view)
    throw new NotFoundError('ASSIGNMENT_NOT_FOUND', `There is no assignment with id ${params.assignmentId}.`);
  return { ...result, assignment: view };
}

export function ignore(
  { db, clock }: Deps,
  params: { postingId: number; actor: string; undo?: boolean; note?: string | undefined },
) {
  const p = db.transaction((tx) =>
    setIgnored(tx, clock, {
      postingId: params.postingId,
      actor: params.actor,
      ...(params.undo ? { undo: true } : {}),
      ...(params.note ? { note: params.note } : {}),
    }),
  );
  return { postingId: p.id, matchState: p.matchState };
}

/** Open orders by number / invoice number / reference, customer name (umlaut-insensitive), e-mail, amount. */
/**
 * A query as a number: equal to an order, invoice or reference key, or a part of one when it looks like a number
 * (a digit in it) or a reference (five characters or more, or `KW…`). A name ("Max") must not find the orders
 * whose random reference happens to contain those letters.
 */
function numberMatches(
  key: string,
  o: { number: string; invoiceNumber: string | null; paymentReference: string | null },
): boolean {
  const numbers = [o.number, o.invoiceNumber].filter((n): n is string => !!n).map(numberKey);
  const reference = o.paymentReference ? numberKey(o.paymentReference) : undefined;
  if (numbers.includes(key) || reference === key) return true;
  if (/\d/.test(key) && numbers.some((n) => n.includes(key))) return true;
  return (key.length >= 5 || key.startsWith('KW')) && reference !== undefined && reference.includes(key);
}

export function searchOrders(
  db: Pick<Db, 'select'>,
  q: {
    query?: string | undefined;
    amountMinor?: number | undefined;
    includeClosed?: boolean;
    limit?: number;
  },
): OrderSummary[] {
  // Open orders are those of connected shops: a removed shop's orders are history (orders/connected-shops.ts),
  // found only with includeClosed, where its shop reads "NAME (removed ID)".
  const rows = q.includeClosed
    ? db.select().from(orders).all()
    : db
        .select()
        .from(orders)
        .where(and(inArray(orders.status, [...AWAITING_PAYMENT]), ofConnectedShop(db)))
        .all();
  const text = q.query?.trim() ?? '';
  const key = numberKey(text);
  const words = foldName(text)
    .split(/[^a-z0-9@.]+/)
    .filter((w) => w.length > 0);
  const hits = rows.filter((o) => {
    if (
      q.amountMinor !== undefined &&
      o.totalMinor !== q.amountMinor &&
      o.totalMinor - o.paidMinor !== q.amountMinor
    )
      return false;
    if (!text) return true;
    if (key && numberMatches(key, o)) return true;
    const hay = foldName([o.customerName, o.company, o.email].filter(Boolean).join(' '));
    return words.length > 0 && words.every((w) => hay.includes(w));
  });
  const names = shopNames(db);
  return hits
    .sort((a, b) => b.createdAtShop.localeCompare(a.createdAtShop) || b.id - a.id)
    .slice(0, q.limit ?? 20)
    .map((o) => orderSummary(o, names.get(o.shopId) ?? ''));
}

/** The order with the id written as digits, if there is one. */
function orderWithId(db: Pick<Db, 'select'>, digits: string): { id: number } | undefined {
  return db
    .select({ id: orders.id })
    .from(orders)
    .where(eq(orders.id, Number(digits)))
    .get();
}

/**
 * An order for a filter (`assignments --order`) or for `assign`: `id:N` and numbers with letters ("WC-10023", "#1001")
 * as resolveOrderRef. Bare digits are the order's id (as `orders` shows it) or an order number, which is read as the
 * search reads it (its digits without prefix, "#" or leading zeros: "1001" is Shopify's "#1001", "0001001" and
 * "WC-1001"). When they fit more than one order — one order's id and another's number, or the numbers of several
 * orders — ORDER_AMBIGUOUS names each as `id:N` instead of silently choosing one: a payment on the wrong order
 * ships unpaid goods. Orders of removed shops count only when no connected shop's order has the number.
 */
export function resolveOrderFilter(db: Pick<Db, 'select'>, ref: string): number {
  const trimmed = ref.trim();
  if (!/^\d+$/.test(trimmed)) return resolveOrderRef(db, trimmed);
  const core = numberCore(trimmed);
  const numbered = (connectedOnly: boolean) =>
    db
      .select({ id: orders.id, number: orders.number, shopId: orders.shopId })
      .from(orders)
      .where(
        connectedOnly
          ? and(like(orders.number, `%${core}%`), ofConnectedShop(db))
          : like(orders.number, `%${core}%`),
      )
      .all()
      .filter((o) => numberCore(o.number) === core);
  const connected = numbered(true);
  const byNumber = connected.length > 0 ? connected : numbered(false);
  const byId = orderWithId(db, trimmed);
  const fits = new Map<number, string>();
  if (byId) fits.set(byId.id, `id:${byId.id} (the order with id ${byId.id})`);
  for (const o of byNumber) if (!fits.has(o.id)) fits.set(o.id, `id:${o.id} (number ${o.number})`);
  const [only, ...more] = fits.keys();
  if (only === undefined)
    throw new NotFoundError(
      'ORDER_NOT_FOUND',
      `There is no order with number or id "${trimmed}". Find it with kassenwart search (number, name, e-mail or amount).`,
    );
  if (more.length > 0)
    throw new ValidationError(
      'ORDER_AMBIGUOUS',
      `"${trimmed}" fits ${fits.size} orders: ${[...fits.values()].join(', ')}. Name the one you mean by its id: ${[...fits.keys()].map((id) => `id:${id}`).join(' or ')} (with an amount: id:${only}:12.50).`,
    );
  return only;
}

/**
 * An order named on the command line: `id:N` is always the database id; otherwise its number (unique across
 * shops), else its database id. A number that several shops use must be given as `id:N`.
 */
export function resolveOrderRef(db: Pick<Db, 'select'>, ref: string): number {
  const explicitId = /^id:(\d+)$/i.exec(ref.trim());
  if (explicitId) {
    const byId = orderWithId(db, explicitId[1] ?? '');
    if (byId) return byId.id;
    throw new NotFoundError(
      'ORDER_NOT_FOUND',
      `There is no order with id ${explicitId[1]}. Find it with kassenwart search (number, name, e-mail or amount).`,
    );
  }
  // The orders of connected shops first: a removed shop's order of the same number (history; the shop may have
  // been added again and its orders imported anew) neither makes the number ambiguous nor is chosen over them.
  // Only a number no connected shop has finds a removed shop's order (assigning to it is refused clearly).
  const numbered = (connectedOnly: boolean) =>
    db
      .select({ id: orders.id, shopId: orders.shopId })
      .from(orders)
      .where(connectedOnly ? and(eq(orders.number, ref), ofConnectedShop(db)) : eq(orders.number, ref))
      .all();
  const connected = numbered(true);
  const byNumber = connected.length > 0 ? connected : numbered(false);
  if (byNumber.length > 1) {
    throw new ValidationError(
      'ORDER_AMBIGUOUS',
      `Several shops have an order "${ref}" (ids ${byNumber.map((o) => o.id).join(', ')}); name the one you mean by its id: ${byNumber.map((o) => `id:${o.id}`).join(' or ')} (with an amount: id:${byNumber[0]?.id ?? ''}:12.50).`,
    );
  }
  const only = byNumber[0];
  if (only) return only.id;
  if (/^\d+$/.test(ref)) {
    const byId = orderWithId(db, ref);
    if (byId) return byId.id;
  }
  throw new NotFoundError(
    'ORDER_NOT_FOUND',
    `There is no order with number or id "${ref}". Find it with kassenwart search (number, name, e-mail or amount).`,
  );
}
