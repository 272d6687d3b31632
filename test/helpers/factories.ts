/**
 * Test data factories (design §3.11): `makeShop(db, {...})`, `makeOrder(db, {...})`, `makePosting(db, {...})`.
 * Sensible defaults, every field overridable.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '#core/db/open.ts';
import { bankAccounts, orderEvents, orders, postings, shops } from '#core/db/schema/index.ts';

type ShopRow = typeof shops.$inferSelect;
type OrderRow = typeof orders.$inferSelect;
type PostingRow = typeof postings.$inferSelect;
type BankAccountRow = typeof bankAccounts.$inferSelect;

const T0 = '2026-11-01T08:00:00.000Z';
let seq = 0;
const next = () => ++seq;

export function makeShop(db: Db, overrides: Partial<typeof shops.$inferInsert> = {}): ShopRow {
  return db
    .insert(shops)
    .values({
      name: `Shop ${next()}`,
      system: 'csv',
      settings: {},
      connectedAt: T0,
      createdAt: T0,
      ...overrides,
    })
    .returning()
    .get();
}

export function makeBankAccount(
  db: Db,
  overrides: Partial<typeof bankAccounts.$inferInsert> = {},
): BankAccountRow {
  const n = next();
  return db
    .insert(bankAccounts)
    .values({ iban: `DE${String(n).padStart(20, '0')}`, createdAt: T0, ...overrides })
    .returning()
    .get();
}

export function makeOrder(db: Db, overrides: Partial<typeof orders.$inferInsert> = {}): OrderRow {
  const n = next();
  const shopId = overrides.shopId ?? makeShop(db).id;
  return db
    .insert(orders)
    .values({
      shopId,
      externalId: `ext-${n}`,
      number: String(10000 + n),
      createdAtShop: T0,
      totalMinor: 4990,
      currency: 'EUR',
      customerName: 'Erika Mustermann',
      email: `kunde${n}@example.org`,
      country: 'DE',
      paymentCode: 'prepayment',
      status: 'open',
      managed: true,
      firstSeenAt: T0,
      lastSyncedAt: T0,
      statusChangedAt: T0,
      ...overrides,
    })
    .returning()
    .get();
}

export function makePosting(db: Db, overrides: Partial<typeof postings.$inferInsert> = {}): PostingRow {
  const n = next();
  const bankAccountId = overrides.bankAccountId ?? makeBankAccount(db).id;
  return db
    .insert(postings)
    .values({
      bankAccountId,
      bookingDate: '2026-11-02',
      valueDate: '2026-11-02',
      amountMinor: 4990,
      currency: 'EUR',
      bookingStatus: 'booked',
      counterpartyName: 'Erika Mustermann',
      remittance: `Bestellung ${n}`,
      dedupeKey: `test-${n}`,
      matchState: 'unassigned',
      createdAt: T0,
      ...overrides,
    })
    .returning()
    .get();
}

/** The kinds of an order's events, oldest first ([] for no order: a lookup that found none). */
export function eventKinds(db: Db, orderId: number | undefined): string[] {
  if (orderId === undefined) return [];
  return db
    .select({ kind: orderEvents.kind })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .all()
    .map((e) => e.kind);
}
