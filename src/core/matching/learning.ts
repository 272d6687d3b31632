/**
 * Learning from confirmed manual assignments (issue 5 §4): the payer's IBAN belongs to the customer, and the
 * payer's name is an alias of the customer when it differs from the customer's name. The matcher uses these
 * as signals next to the amount, never alone. Undoing the manual assignment takes the lesson back.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Clock } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { orders, payerFacts, postings } from '../db/schema/index.ts';
import { compareNames, customerKey, nameKey, nameTokens, normaliseIban } from './names.ts';
import { isMoneyTransferService } from './payment-nature.ts';
import type { LearnedFacts } from './types.ts';

type Tx = Pick<Db, 'insert' | 'update' | 'select'>;
type Fact = { kind: 'iban' | 'alias'; payerKey: string; customerKey: string };

function factsFor(tx: Tx, postingId: number, orderId: number): Fact[] {
  const p = tx.select().from(postings).where(eq(postings.id, postingId)).get();
  const o = tx.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!p || !o) return [];
  const ck = customerKey(o);
  // A money transfer service's collection account is shared by all its senders: no lesson about this customer.
  if (!ck || isMoneyTransferService(p.counterpartyName)) return [];
  const facts: Fact[] = [];
  const iban = normaliseIban(p.counterpartyIban);
  if (iban) facts.push({ kind: 'iban', payerKey: iban, customerKey: ck });
  const alias = nameKey(p.counterpartyName);
  const payer = nameTokens(p.counterpartyName);
  const known = [nameTokens(o.customerName), nameTokens(o.company)].some(
    (t) => compareNames(payer, t) === 'exact',
  );
  if (alias && !known) facts.push({ kind: 'alias', payerKey: alias, customerKey: ck });
  return facts;
}

export function learnFromAssignment(
  tx: Tx,
  clock: Clock,
  a: { id: number; postingId: number; orderId: number },
): Fact[] {
  const now = clock.now().toISOString();
  const facts = factsFor(tx, a.postingId, a.orderId);
  for (const f of facts) {
    tx.insert(payerFacts)
      .values({ ...f, confirmations: 1, lastAssignmentId: a.id, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [payerFacts.kind, payerFacts.payerKey, payerFacts.customerKey],
        set: { confirmations: sql`${payerFacts.confirmations} + 1`, lastAssignmentId: a.id, updatedAt: now },
      })
      .run();
  }
  return facts;
}

export function unlearnAssignment(tx: Tx, clock: Clock, a: { postingId: number; orderId: number }): void {
  const now = clock.now().toISOString();
  for (const f of factsFor(tx, a.postingId, a.orderId)) {
    tx.update(payerFacts)
      .set({ confirmations: sql`max(0, ${payerFacts.confirmations} - 1)`, updatedAt: now })
      .where(
        and(
          eq(payerFacts.kind, f.kind),
          eq(payerFacts.payerKey, f.payerKey),
          eq(payerFacts.customerKey, f.customerKey),
        ),
      )
      .run();
  }
}

export function loadLearnedFacts(db: Pick<Db, 'select'>): LearnedFacts {
  const ibanToCustomers = new Map<string, string[]>();
  const aliasToCustomers = new Map<string, string[]>();
  for (const f of db.select().from(payerFacts).where(gt(payerFacts.confirmations, 0)).all()) {
    const map = f.kind === 'iban' ? ibanToCustomers : aliasToCustomers;
    const list = map.get(f.payerKey);
    if (list) list.push(f.customerKey);
    else map.set(f.payerKey, [f.customerKey]);
  }
  return { ibanToCustomers, aliasToCustomers };
}
