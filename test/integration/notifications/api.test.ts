/**
 * Dealer notifications through the API as the desktop app and `kassenwart serve` call it (test/helpers/api.ts):
 * created by the real code paths (an undo after the shop was set to paid, a shop sync's findings), listed newest
 * first, marked read.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api } from '#shared/api.ts';
import { auditLog, dealerNotifications, statusTransfers } from '#core/db/schema/index.ts';
import { apiCaller } from '../../helpers/api.ts';
import { makeTestDb, tempDir, type TestDb } from '../../helpers/db.ts';
import { makeOrder, makePosting } from '../../helpers/factories.ts';

type Notification = {
  id: number;
  kind: string;
  level: string;
  title: string;
  body: string;
  params: Record<string, unknown> | null;
  orderId: number | null;
  createdAt: string;
  readAt: string | null;
};
type Page = { items: Notification[]; total: number; unread: number };
type Marked = { marked: number[]; alreadyRead: number[]; unread: number };

function setup(): TestDb & { call: (method: string, input?: unknown) => Promise<unknown> } {
  const t = makeTestDb();
  return { ...t, call: apiCaller(t.core, t.path) };
}

/** Calls a method and checks the answer against the contract's output schema (what the UI relies on). */
async function checked<T>(t: ReturnType<typeof setup>, method: keyof typeof api, input: unknown = {}) {
  const out = await t.call(method, input);
  api[method].output.parse(out);
  return out as T;
}

const list = (t: ReturnType<typeof setup>, input: unknown = {}) =>
  checked<Page>(t, 'notifications.list', input);
const markRead = (t: ReturnType<typeof setup>, input: unknown) =>
  checked<Marked>(t, 'notifications.markRead', input);

/** A notification inserted directly (for ordering and paging: the real paths are covered below). */
function insert(t: TestDb, title: string, createdAt: string, readAt: string | null = null): number {
  return t.db
    .insert(dealerNotifications)
    .values({ kind: 'test', level: 'info', title, body: `${title} body`, createdAt, readAt })
    .returning()
    .get().id;
}

describe('notifications.list / notifications.markRead', () => {
  it('lists the "do not ship" warning an undo writes after the shop was set to paid, and marks it read (not audited)', async () => {
    const t = setup();
    const o = makeOrder(t.db, { number: '10079', totalMinor: 2350 });
    makePosting(t.db, { remittance: 'Bestellung 10079', amountMinor: 2350 });
    await t.call('matching.run');
    // The write-back was sent: the shop shows "paid".
    t.db.update(statusTransfers).set({ state: 'done' }).where(eq(statusTransfers.orderId, o.id)).run();
    const [a] = ((await t.call('assignments.list', {})) as { items: { id: number }[] }).items;
    t.clock.set('2026-11-03T10:15:00.000Z');
    await t.call('assignments.undo', { assignmentId: a?.id });

    const page = await list(t);
    expect(page).toEqual({
      items: [
        {
          id: expect.any(Number) as number,
          kind: 'paid_status_corrected',
          level: 'warning',
          title: 'Order 10079 is no longer paid',
          body: expect.stringContaining('Do not ship unless paid.') as string,
          params: { orderNumber: '10079', shopConnected: true },
          orderId: o.id,
          createdAt: '2026-11-03T10:15:00.000Z',
          readAt: null,
        },
      ],
      total: 1,
      unread: 1,
    });
    expect(await t.call('status.summary')).toMatchObject({ unreadNotifications: 1 });

    const audited = t.db.select().from(auditLog).all().length;
    t.clock.set('2026-11-03T11:00:00.000Z');
    const id = page.items[0]?.id ?? 0;
    expect(await markRead(t, { ids: [id] })).toEqual({ marked: [id], alreadyRead: [], unread: 0 });
    expect(await list(t)).toEqual({ items: [], total: 0, unread: 0 });
    expect((await list(t, { includeRead: true })).items).toEqual([
      expect.objectContaining({ id, readAt: '2026-11-03T11:00:00.000Z' }),
    ]);
    expect(await t.call('status.summary')).toMatchObject({ unreadNotifications: 0 });
    // Reading is no business state change: no audit entry (see notification-service.ts).
    expect(t.db.select().from(auditLog).all()).toHaveLength(audited);
  });

  it("lists a shop sync's findings (no order attached) as the sync wrote them", async () => {
    const t = setup();
    const path = join(tempDir(), 'orders.csv');
    const header =
      'number,invoice_number,created_at,amount,currency,customer_name,customer_company,customer_email,country,payment_method,status\n';
    writeFileSync(
      path,
      `${header}1,RE-1,2026-11-02T10:00:00Z,49.90,EUR,Erika Mustermann,,e@example.org,de,vorkasse,open\n`,
    );
    await t.call('shops.add', { system: 'csv', name: 'Datei', filePath: path });
    await t.call('sync.run', { shop: 'Datei' });
    const page = await list(t);
    expect(page.items.map((n) => [n.kind, n.title, n.orderId])).toEqual([
      ['payment_method_unmapped', 'Shop "Datei": payment method "vorkasse" is not in the mapping', null],
    ]);
    expect(page.items[0]?.body).toContain('kassenwart shop mapping "Datei"');
    expect(page.items[0]?.params).toEqual({
      shopName: 'Datei',
      method: 'vorkasse',
      orderNumbers: ['1'],
      orderCount: 1,
      command: 'kassenwart shop mapping "Datei" --payment prepayment=prepayment,vorkasse',
    });
    // Told once: the next sync sees the same gap.
    await t.call('sync.run', { shop: 'Datei' });
    expect((await list(t)).total).toBe(1);
  });

  it('an overpayment carries the amounts in minor units with the currency, and its English text shows them', async () => {
    const t = setup();
    const o = makeOrder(t.db, { number: '10080', totalMinor: 2350 });
    const p = makePosting(t.db, { remittance: 'Bestellung 10080', amountMinor: 2500 });
    await t.call('queue.assign', { postingId: p.id, allocations: [{ orderId: o.id, amountMinor: 2500 }] });
    const [over] = (await list(t)).items.filter((n) => n.kind === 'overpaid');
    expect(over).toMatchObject({
      orderId: o.id,
      title: 'Order overpaid: 10080',
      params: { orderNumber: '10080', totalMinor: 2350, paidMinor: 2500, currency: 'EUR' },
    });
    expect(over?.body).toContain('(€25.00 of €23.50)');
  });

  it('shows a notification stored as English text only (before params) as it was stored, with params null', async () => {
    const t = setup();
    const id = insert(t, 'Order 1 is no longer paid', '2026-11-01T08:00:00.000Z');
    expect((await list(t)).items).toEqual([
      expect.objectContaining({
        id,
        kind: 'test',
        title: 'Order 1 is no longer paid',
        body: 'Order 1 is no longer paid body',
        params: null,
      }),
    ]);
  });

  it('lists newest first (ties by id), unread only by default, pages with limit/offset and counts beyond the page', async () => {
    const t = setup();
    const oldest = insert(t, 'oldest', '2026-11-01T08:00:00.000Z');
    const tieA = insert(t, 'tie a', '2026-11-02T08:00:00.000Z');
    const tieB = insert(t, 'tie b', '2026-11-02T08:00:00.000Z');
    const read = insert(t, 'read', '2026-11-03T08:00:00.000Z', '2026-11-03T09:00:00.000Z');
    const newest = insert(t, 'newest', '2026-11-04T08:00:00.000Z');

    const unread = await list(t);
    expect(unread.items.map((n) => n.id)).toEqual([newest, tieB, tieA, oldest]);
    expect(unread).toMatchObject({ total: 4, unread: 4 });

    const all = await list(t, { includeRead: true });
    expect(all.items.map((n) => n.id)).toEqual([newest, read, tieB, tieA, oldest]);
    expect(all).toMatchObject({ total: 5, unread: 4 });

    const second = await list(t, { includeRead: true, limit: 2, offset: 2 });
    expect(second.items.map((n) => n.id)).toEqual([tieB, tieA]);
    expect(second).toMatchObject({ total: 5, unread: 4 });
    expect((await list(t, { offset: 10 })).items).toEqual([]);
  });

  it('marks every unread one with all: true; ids read before keep their time; an unknown id marks nothing', async () => {
    const t = setup();
    const a = insert(t, 'a', '2026-11-01T08:00:00.000Z');
    const b = insert(t, 'b', '2026-11-01T09:00:00.000Z');
    const c = insert(t, 'c', '2026-11-01T10:00:00.000Z', '2026-11-01T11:00:00.000Z');

    // One unknown id among known ones: an error, and nothing is marked.
    await expect(t.call('notifications.markRead', { ids: [a, 999, 998] })).rejects.toMatchObject({
      code: 'NOTIFICATION_NOT_FOUND',
      message: expect.stringContaining('999, 998') as string,
    });
    expect((await list(t)).unread).toBe(2);

    t.clock.set('2026-11-05T12:00:00.000Z');
    // Duplicates count once; c was read before and keeps its time.
    expect(await markRead(t, { ids: [b, c, b] })).toEqual({ marked: [b], alreadyRead: [c], unread: 1 });
    const readAt = async (id: number) =>
      (await list(t, { includeRead: true })).items.find((n) => n.id === id)?.readAt;
    expect(await readAt(c)).toBe('2026-11-01T11:00:00.000Z');
    expect(await readAt(b)).toBe('2026-11-05T12:00:00.000Z');

    const later = insert(t, 'later', '2026-11-05T13:00:00.000Z');
    expect(await markRead(t, { all: true })).toEqual({ marked: [a, later], alreadyRead: [], unread: 0 });
    expect(await markRead(t, { all: true })).toEqual({ marked: [], alreadyRead: [], unread: 0 });
    expect(await readAt(b)).toBe('2026-11-05T12:00:00.000Z');
  });

  it.each([
    ['notifications.markRead', {}],
    ['notifications.markRead', { ids: [] }],
    ['notifications.markRead', { all: false }],
    ['notifications.markRead', { ids: [1], all: true }],
    ['notifications.markRead', { ids: [0] }],
    ['notifications.markRead', { ids: ['1'] }],
    ['notifications.list', { limit: 0 }],
    ['notifications.list', { limit: 501 }],
    ['notifications.list', { offset: -1 }],
    ['notifications.list', { unread: true }],
  ])('%s refuses %j as API_INVALID_INPUT', async (method, input) => {
    const t = setup();
    await expect(t.call(method, input)).rejects.toMatchObject({ code: 'API_INVALID_INPUT' });
  });

  it('says what to give when markRead gets neither ids nor all', async () => {
    const t = setup();
    await expect(t.call('notifications.markRead', {})).rejects.toMatchObject({
      message: expect.stringContaining('give either ids') as string,
    });
  });
});
