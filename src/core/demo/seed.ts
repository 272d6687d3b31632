/**
 * A small, deterministic demo data set (one shop, orders in several statuses, a few postings) for
 * `kassenwart demo`, UI development and the end-to-end test. Inserted through the same tables and audit as
 * real data; refuses to run on a database that already has shops, so it never mixes into real data.
 */
import { count } from 'drizzle-orm';
import type { Clock } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { ValidationError } from '../errors.ts';
import {
  bankAccounts,
  orders,
  postings,
  shops,
  statusTransfers,
  type OrderStatus,
} from '../db/schema/index.ts';
import { writeAudit } from '../audit.ts';
import { defaultCsvMapping } from '../shops/csv/factory.ts';
import { ScheduleSchema, type ShopSettings } from '../sync/shop-settings.ts';

type DemoOrder = {
  number: string;
  totalMinor: number;
  status: OrderStatus;
  customer: string;
  paidMinor?: number;
};

export const DEMO_ORDERS: readonly DemoOrder[] = [
  { number: '10001', totalMinor: 4990, status: 'open', customer: 'Jürgen Müller' },
  { number: '10002', totalMinor: 12900, status: 'open', customer: 'Anna Schmidt' },
  { number: '10003', totalMinor: 2350, status: 'open', customer: 'Müller & Söhne GmbH' },
  { number: '10004', totalMinor: 8900, status: 'partially_paid', customer: 'Petra Weiß', paidMinor: 4000 },
  { number: '10005', totalMinor: 1999, status: 'paid', customer: 'Luca Rossi', paidMinor: 1999 },
  { number: '10006', totalMinor: 5600, status: 'paid', customer: 'Fatma Yılmaz', paidMinor: 5600 },
  { number: '10007', totalMinor: 7450, status: 'overdue', customer: 'Sören Ødegaard' },
  { number: '10008', totalMinor: 3200, status: 'cancelled', customer: 'Marie Dupont' },
  { number: '9001', totalMinor: 15000, status: 'not_managed', customer: 'Klaus Becker' },
  { number: '9002', totalMinor: 990, status: 'removed_externally', customer: 'Eva Braun-Schulz' },
];

export const DEMO_UNASSIGNED_POSTINGS = 3;
export const DEMO_FAILED_TRANSFERS = 1;

export function seedDemoData(db: Db, clock: Clock): void {
  const existing = db.select({ n: count() }).from(shops).get()?.n ?? 0;
  if (existing > 0) {
    throw new ValidationError(
      'DEMO_NOT_EMPTY',
      'This database already has shops; demo data goes only into an empty database.',
    );
  }
  const now = clock.now().toISOString();
  const today = now.slice(0, 10);
  // A shop's settings are validated whenever it is read (shop list/show, sync): the demo shop gets what
  // `shop add` gives a CSV shop, its system's default mapping and schedule. It has no orders file to read, so
  // it is not enabled: `sync` and the schedulers leave it alone instead of failing on it every run.
  const settings: ShopSettings = { mapping: defaultCsvMapping(), schedule: ScheduleSchema.parse({}) };
  db.transaction((tx) => {
    const shop = tx
      .insert(shops)
      .values({
        name: 'Demo-Shop',
        system: 'csv',
        filePath: null,
        settings,
        enabled: false,
        connectedAt: now,
        createdAt: now,
      })
      .returning()
      .get();
    writeAudit(tx, clock, {
      actor: 'demo',
      entityType: 'shop',
      entityId: shop.id,
      action: 'created',
      after: shop,
    });
    const account = tx
      .insert(bankAccounts)
      .values({ iban: 'DE02120300000000202051', name: 'Geschäftskonto', holder: 'Demo GmbH', createdAt: now })
      .returning()
      .get();
    for (const o of DEMO_ORDERS) {
      const order = tx
        .insert(orders)
        .values({
          shopId: shop.id,
          externalId: o.number,
          number: o.number,
          createdAtShop: now,
          totalMinor: o.totalMinor,
          currency: 'EUR',
          paidMinor: o.paidMinor ?? 0,
          customerName: o.customer,
          email: `${o.number}@example.org`,
          country: 'DE',
          paymentCode: 'prepayment',
          status: o.status,
          managed: o.status !== 'not_managed',
          firstSeenAt: now,
          lastSyncedAt: now,
          statusChangedAt: now,
        })
        .returning()
        .get();
      writeAudit(tx, clock, {
        actor: 'demo',
        entityType: 'order',
        entityId: order.id,
        action: 'created',
        after: order,
      });
      if (o.number === '10005') {
        tx.insert(statusTransfers)
          .values({
            orderId: order.id,
            targetStatus: 'paid',
            state: 'failed',
            attempts: 12,
            giveUpAt: now,
            lastError: 'HTTP 503 from shop',
            createdAt: now,
            updatedAt: now,
          })
          .run();
      }
    }
    const demoPostings = [
      { amountMinor: 12900, name: 'Anna Schmidt', text: 'Bestellung 10002' },
      { amountMinor: 2350, name: 'Mueller und Soehne GmbH', text: 'RE 10003 Danke' },
      { amountMinor: 4990, name: 'J. Mueller', text: 'Einkauf' },
    ];
    demoPostings.forEach((p, i) => {
      const posting = tx
        .insert(postings)
        .values({
          bankAccountId: account.id,
          bookingDate: today,
          valueDate: today,
          amountMinor: p.amountMinor,
          currency: 'EUR',
          bookingStatus: 'booked',
          counterpartyName: p.name,
          remittance: p.text,
          dedupeKey: `demo-${i}`,
          matchState: 'unassigned',
          createdAt: now,
        })
        .returning()
        .get();
      writeAudit(tx, clock, {
        actor: 'demo',
        entityType: 'posting',
        entityId: posting.id,
        action: 'imported',
        after: posting,
      });
    });
  });
}
