/**
 * Gives an order its payment reference (matching/references.ts) once, for the payment information. The
 * unique index on orders.payment_reference guarantees uniqueness; a collision (1 in ~10^9 per pair) is
 * simply retried with a new random reference.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { writeAudit } from '../audit.ts';
import type { Clock } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { orders } from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import { generateReference, type RandomInt } from '../matching/references.ts';
import { cryptoRandomInt } from '../matching/random.ts';
import { AWAITING_PAYMENT } from './state-machine.ts';

type Tx = Pick<Db, 'select' | 'update' | 'insert'>;

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (error instanceof Error && /UNIQUE constraint failed/.test(error.message))
  );
}

/** The order's reference, created if it has none yet. */
export function ensurePaymentReference(
  tx: Tx,
  clock: Clock,
  orderId: number,
  randomInt: RandomInt = cryptoRandomInt,
): string {
  const order = tx.select({ ref: orders.paymentReference }).from(orders).where(eq(orders.id, orderId)).get();
  if (!order) throw new NotFoundError('ORDER_NOT_FOUND', `There is no order with id ${orderId}.`);
  if (order.ref) return order.ref;
  for (let attempt = 0; ; attempt++) {
    const ref = generateReference(randomInt);
    try {
      tx.update(orders)
        .set({ paymentReference: ref })
        .where(and(eq(orders.id, orderId), isNull(orders.paymentReference)))
        .run();
      writeAudit(tx, clock, {
        actor: 'system',
        entityType: 'order',
        entityId: orderId,
        action: 'payment_reference_assigned',
        after: { paymentReference: ref },
      });
      return ref;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 20) throw error;
    }
  }
}

/** Gives every order that still waits for money a reference; returns how many were created. */
export function assignMissingReferences(
  db: Db,
  clock: Clock,
  randomInt: RandomInt = cryptoRandomInt,
): number {
  return db.transaction((tx) => {
    const ids = tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(isNull(orders.paymentReference), inArray(orders.status, [...AWAITING_PAYMENT])))
      .all();
    for (const { id } of ids) ensurePaymentReference(tx, clock, id, randomInt);
    return ids.length;
  });
}
