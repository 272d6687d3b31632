import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dealerNotifications, orderEvents, orders } from '#core/db/schema/index.ts';
import { silentLogger } from '#core/deps.ts';
import { CsvShopConnector, EXPORT_FILE_NAME } from '#core/shops/csv/connector.ts';
import { defaultCsvMapping } from '#core/shops/csv/factory.ts';
import { createShopsArea } from '#core/shops/shops-area.ts';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { worded } from '../../helpers/notifications.ts';

const HEADER =
  'number,invoice_number,created_at,amount,currency,customer_name,customer_company,customer_email,country,payment_method,status\n';
const row = (
  n: string,
  status = 'open',
  amount = '49.90',
  method = 'prepayment',
  created = '2026-11-02T10:00:00Z',
) => `${n},RE-${n},${created},${amount},EUR,"Mustermann, Erika",,${n}@example.org,de,${method},${status}\n`;

function setup(files: Record<string, string>, folder = false) {
  const t = makeTestDb();
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const area = createShopsArea({ db: t.db, clock: t.clock, logger: silentLogger, secrets: t.secrets });
  const path = folder ? dir : join(dir, Object.keys(files)[0] ?? 'orders.csv');
  return { ...t, dir, area, path };
}

describe('CSV file/folder shop', () => {
  it('reads the documented format; open -> imported, other statuses, vanishing and "cancelled" -> removed externally', async () => {
    const s = setup({
      'orders.csv':
        HEADER +
        row('1', 'open') +
        row('2', 'open') +
        row('3', 'open') +
        row('4', 'paid', '5.00', 'prepayment', '2026-11-01T10:00:00Z'),
    });
    const shop = await s.area.add({ system: 'csv', name: 'Datei', filePath: s.path });
    expect(shop.mapping).toEqual(defaultCsvMapping());
    expect(s.secrets.get(`anything`)).toBeUndefined();
    const first = await s.area.sync.run('Datei', 'new');
    expect(first).toMatchObject({ state: 'ok', ordersNew: 3, requests: 0 });
    const one = s.db.select().from(orders).where(eq(orders.number, '1')).get();
    // Order 4 existed before the connection (FakeClock 2026-11-02T09:00Z) and is not open: not imported.
    expect(s.db.select().from(orders).where(eq(orders.number, '4')).get()).toBeUndefined();
    // Created after the connection: managed; the name with a comma survived quoting.
    expect(one).toMatchObject({
      status: 'open',
      managed: true,
      totalMinor: 4990,
      customerName: 'Mustermann, Erika',
      invoiceNumber: 'RE-1',
      country: 'DE',
      paymentCode: 'prepayment',
    });

    writeFileSync(
      s.path,
      HEADER +
        row('1', 'paid') +
        row('3', 'cancelled') +
        row('4', 'paid', '5.00', 'prepayment', '2026-11-01T10:00:00Z'),
    );
    const second = await s.area.sync.run('Datei', 'new');
    expect(second).toMatchObject({ state: 'ok', ordersRemoved: 3 });
    const statuses = Object.fromEntries(
      s.db
        .select()
        .from(orders)
        .all()
        .map((o) => [o.number, o.status]),
    );
    expect(statuses).toEqual({
      '1': 'removed_externally',
      '2': 'removed_externally',
      '3': 'removed_externally',
    });
    const reasons = s.db
      .select()
      .from(orderEvents)
      .all()
      .map((e) => e.details.reason);
    expect(reasons.sort()).toEqual(['deleted_in_shop', 'not_open_per_mapping', 'not_open_per_mapping']);
  });

  it('writes paid/cancelled back to kassenwart-export.csv next to the orders, appending rows', async () => {
    const s = setup({ 'orders.csv': HEADER + row('1') + row('2') });
    const connector = new CsvShopConnector({
      shopName: 'Datei',
      filePath: s.path,
      credentials: {},
      http: {},
      clock: s.clock,
      logger: silentLogger,
    });
    await connector.setOrderStatus('1', { status: 'paid', note: 'Zahlung vom 02.11., "Überweisung"' });
    s.clock.advance(60_000);
    await connector.setOrderStatus('2', { status: 'cancelled' });
    const text = readFileSync(join(s.dir, EXPORT_FILE_NAME), 'utf8');
    expect(text).toBe(
      'number,status,changed_at,note\n' +
        '1,paid,2026-11-02T09:00:00.000Z,"Zahlung vom 02.11., ""Überweisung"""\n' +
        '2,cancelled,2026-11-02T09:01:00.000Z,\n',
    );
    // No temp files left behind (atomic rename).
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The export file is never read as orders in folder mode.
    const folder = new CsvShopConnector({
      shopName: 'Ordner',
      filePath: s.dir,
      credentials: {},
      http: {},
      clock: s.clock,
      logger: silentLogger,
    });
    expect((await folder.listChangedOrders()).orders.map((o) => o.number)).toEqual(['1', '2']);
  });

  it('a folder of files: later files win for the same number', async () => {
    const s = setup(
      { 'a.csv': HEADER + row('1', 'open', '10.00'), 'b.csv': HEADER + row('1', 'open', '12.50') + row('2') },
      true,
    );
    mkdirSync(join(s.dir, 'sub'));
    await s.area.add({ system: 'csv', name: 'Ordner', filePath: s.path });
    await s.area.sync.run('Ordner', 'new');
    expect(
      s.db
        .select()
        .from(orders)
        .all()
        .map((o) => [o.number, o.totalMinor]),
    ).toEqual([
      ['1', 1250],
      ['2', 4990],
    ]);
  });

  it('a wrong header or a bad amount is a clear error naming file and line', async () => {
    const s = setup({ 'orders.csv': 'nummer,betrag\n1,2\n' });
    await expect(s.area.add({ system: 'csv', name: 'X', filePath: s.path })).rejects.toMatchObject({
      code: 'CSV_BAD_HEADER',
      message: expect.stringMatching(/orders\.csv: the header row lacks number, invoice_number/) as unknown,
    });
    writeFileSync(s.path, HEADER + row('1') + row('2', 'open', '49.9O'));
    await expect(s.area.add({ system: 'csv', name: 'X', filePath: s.path })).rejects.toMatchObject({
      code: 'CSV_BAD_ROW',
      message: expect.stringMatching(/orders\.csv line 3: amount "49\.9O"/) as unknown,
    });
  });

  it('a file with the header and no rows is refused while orders are open (nothing changes); without open orders it is fine', async () => {
    const empty = setup({ 'orders.csv': HEADER });
    await empty.area.add({ system: 'csv', name: 'Leer', filePath: empty.path });
    expect(await empty.area.sync.run('Leer', 'new')).toMatchObject({ state: 'ok', ordersNew: 0 });

    const s = setup({ 'orders.csv': HEADER + row('1') + row('2') });
    await s.area.add({ system: 'csv', name: 'Datei', filePath: s.path });
    expect(await s.area.sync.run('Datei', 'new')).toMatchObject({ state: 'ok', ordersNew: 2 });
    writeFileSync(s.path, HEADER);
    const run = await s.area.sync.run('Datei', 'full');
    expect(run).toMatchObject({ state: 'failed', ordersRemoved: 0, error: { code: 'SHOP_NO_ORDERS' } });
    expect(run.error?.message).toContain('lists no orders while 2 order(s) are open');
    expect(run.error?.message).toContain('nothing was changed');
    expect(
      s.db
        .select()
        .from(orders)
        .all()
        .map((o) => o.status),
    ).toEqual(['open', 'open']);
  });

  it('a 0-byte file says it is empty (not that the header lacks columns), and changes nothing', async () => {
    const s = setup({ 'orders.csv': HEADER + row('1') });
    await s.area.add({ system: 'csv', name: 'Datei', filePath: s.path });
    await s.area.sync.run('Datei', 'new');
    writeFileSync(s.path, '');
    const run = await s.area.sync.run('Datei', 'new');
    expect(run).toMatchObject({ state: 'failed', error: { code: 'CSV_EMPTY_FILE' } });
    expect(run.error?.message).toMatch(/orders\.csv is empty/);
    expect(s.db.select().from(orders).get()?.status).toBe('open');
  });

  it('status "offen" and method "vorkasse" are told to the dealer once each; "Vorkasse" in the mapping matches "vorkasse"', async () => {
    const s = setup({ 'orders.csv': HEADER + row('1') + row('2', 'open', '19.90', 'vorkasse') });
    await s.area.add({ system: 'csv', name: 'Datei', filePath: s.path });
    await s.area.sync.run('Datei', 'new');
    writeFileSync(s.path, HEADER + row('1', 'offen') + row('2', 'open', '19.90', 'vorkasse'));
    await s.area.sync.run('Datei', 'new');
    await s.area.sync.run('Datei', 'full');
    const told = worded(s.db.select().from(dealerNotifications).all()).map((n) => [n.kind, n.title]);
    expect(told).toEqual([
      ['payment_method_unmapped', 'Shop "Datei": payment method "vorkasse" is not in the mapping'],
      ['shop_status_unmapped', 'Shop "Datei": status "offen" is not in the mapping'],
    ]);
    expect(s.db.select().from(orders).where(eq(orders.number, '1')).get()?.status).toBe('removed_externally');

    s.area.setMapping('Datei', {
      paymentMethods: { ...defaultCsvMapping().paymentMethods, prepayment: ['prepayment', 'Vorkasse'] },
      openStatuses: { prepayment: ['open', 'offen'], invoice: ['open'], cod: ['open'] },
    });
    await s.area.sync.run('Datei', 'new');
    expect(s.db.select().from(orders).where(eq(orders.number, '1')).get()?.status).toBe('open');
    expect(s.db.select().from(orders).where(eq(orders.number, '2')).get()).toMatchObject({
      status: 'open',
      paymentCode: 'prepayment',
      shopPaymentMethod: 'vorkasse',
    });
  });
});
