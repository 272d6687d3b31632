import { writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { api } from '#shared/api.ts';
import { auditLog, orders, shops } from '#core/db/schema/index.ts';
import { WooCommerceSimulator } from '#core/shops/woocommerce/simulator.ts';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { apiCaller } from '../../helpers/api.ts';

const HEADER =
  'number,invoice_number,created_at,amount,currency,customer_name,customer_company,customer_email,country,payment_method,status\n';

describe('shops API methods (zod-validated, same table for IPC and HTTP)', () => {
  it('adds a CSV shop, syncs, lists orders and runs; rejects bad input and bad mappings', async () => {
    const { core } = makeTestDb();
    const call = apiCaller(core);
    const file = join(tempDir(), 'orders.csv');
    writeFileSync(
      file,
      `${HEADER}A-1,,2026-11-02T10:00:00Z,19.99,EUR,Erika,,e@example.org,DE,invoice,open\n`,
    );

    const shop = api['shops.add'].output.parse(
      await call('shops.add', { system: 'csv', name: 'Datei', filePath: file }),
    );
    expect(shop).toMatchObject({ name: 'Datei', system: 'csv', filePath: file });
    const runs = api['sync.run'].output.parse(await call('sync.run', {}));
    expect(runs).toMatchObject([{ shop: 'Datei', kind: 'new', state: 'ok', ordersNew: 1 }]);
    const orders = api['orders.list'].output.parse(
      await call('orders.list', { shop: 'Datei', status: 'open' }),
    );
    expect(orders).toMatchObject([
      { number: 'A-1', totalMinor: 1999, paymentCode: 'invoice', status: 'open', managed: true },
    ]);
    const history = api['sync.runs'].output.parse(await call('sync.runs', { shop: shop.id }));
    expect(history).toMatchObject([{ runId: runs[0]?.runId, state: 'ok', error: null }]);

    const mapping = api['shops.mapping.set'].output.parse(
      await call('shops.mapping.set', { shop: 'Datei', mapping: { cancelledStatuses: ['storniert'] } }),
    );
    expect(mapping.cancelledStatuses).toEqual(['storniert']);
    await expect(
      call('shops.mapping.set', { shop: 'Datei', mapping: { orderNumberPattern: '([' } }),
    ).rejects.toMatchObject({ code: 'SHOP_MAPPING_INVALID' });
    await expect(call('orders.list', { status: 'nonsense' })).rejects.toMatchObject({
      code: 'API_INVALID_INPUT',
    });
    await expect(
      call('shops.add', { system: 'csv', name: 'X', filePath: file, password: 'x' }),
    ).rejects.toMatchObject({ code: 'API_INVALID_INPUT' });
    const schedule = api['shops.schedule.set'].output.parse(
      await call('shops.schedule.set', {
        shop: 'Datei',
        schedule: { fastPolling: false, fullComparisonHours: 24 },
      }),
    );
    expect(schedule).toEqual({
      newOrdersMinutes: 30,
      fastPollMinutes: 3,
      fastPolling: false,
      fullComparisonHours: 24,
    });
    await expect(
      call('shops.schedule.set', { shop: 'Datei', schedule: { fullComparisonHours: 1000 } }),
    ).rejects.toMatchObject({ code: 'SHOP_SCHEDULE_INVALID' });
    const moved = join(tempDir(), 'moved.csv');
    writeFileSync(
      moved,
      `${HEADER}A-1,,2026-11-02T10:00:00Z,19.99,EUR,Erika,,e@example.org,DE,invoice,open\n`,
    );
    await expect(
      call('shops.update', { shop: 'Datei', filePath: join(tempDir(), 'none.csv') }),
    ).rejects.toMatchObject({ code: 'CSV_NOT_FOUND' });
    await expect(call('shops.update', { shop: 'Datei', password: 'x' })).rejects.toMatchObject({
      code: 'API_INVALID_INPUT',
    });
    const updated = api['shops.update'].output.parse(
      await call('shops.update', { shop: 'Datei', filePath: moved }),
    );
    expect(updated).toMatchObject({ id: shop.id, name: 'Datei', filePath: moved });
    expect(await call('shops.remove', { shop: 'Datei' })).toEqual({
      removed: true,
      openOrders: 1,
      cancelledTransfers: 0,
    });
    expect(await call('shops.list', {})).toEqual([]);
  });
});

describe('shops.update: is it still the same shop?', () => {
  it('refuses another shop with SHOP_IDENTITY_MISMATCH; force: true changes it all the same, as shop update --force (audited)', async () => {
    const { core, db } = makeTestDb();
    const call = apiCaller(core);
    const shop = await new WooCommerceSimulator().start();
    // Another WooCommerce shop with the same key: the same order ids and numbers, created at other times.
    const other = await new WooCommerceSimulator({ startTime: '2026-06-01T08:00:00Z' }).start();
    try {
      for (const sim of [shop, other]) {
        sim.addOrder({ status: 'on-hold' });
        sim.addOrder({ status: 'on-hold' });
      }
      const credentials = { key: shop.consumerKey, secret: shop.consumerSecret };
      await call('shops.add', { system: 'woocommerce', name: 'Woo', url: shop.url, credentials });
      await call('sync.run', {});
      expect(db.select().from(orders).all()).toHaveLength(2);

      await expect(call('shops.update', { shop: 'Woo', url: other.url })).rejects.toMatchObject({
        code: 'SHOP_IDENTITY_MISMATCH',
      });
      await expect(call('shops.update', { shop: 'Woo', url: other.url, force: false })).rejects.toMatchObject(
        {
          code: 'SHOP_IDENTITY_MISMATCH',
        },
      );
      expect(core.shops.show('Woo').url).toBe(shop.url);
      await expect(call('shops.update', { shop: 'Woo', url: other.url, force: 'yes' })).rejects.toMatchObject(
        {
          code: 'API_INVALID_INPUT',
        },
      );

      const updated = api['shops.update'].output.parse(
        await call('shops.update', { shop: 'Woo', url: other.url, force: true }),
      );
      expect(updated).toMatchObject({ name: 'Woo', url: other.url });
      const audit = db.select().from(auditLog).where(eq(auditLog.action, 'connection_changed')).all();
      expect(audit.map((a) => a.details)).toEqual([{ credentialsChanged: false, force: true }]);
    } finally {
      await shop.close();
      await other.close();
    }
  });
});

describe('shop settings', () => {
  it('changing the mapping keeps settings of other areas in shops.settings', async () => {
    const { core, db } = makeTestDb();
    const file = join(tempDir(), 'orders.csv');
    writeFileSync(file, HEADER);
    const shop = await core.shops.add({ system: 'csv', name: 'Datei', filePath: file });
    const row = db.select().from(shops).where(eq(shops.id, shop.id)).get();
    db.update(shops)
      .set({ settings: { ...row?.settings, matching: { autoThreshold: 0.9 } } })
      .where(eq(shops.id, shop.id))
      .run();
    core.shops.setMapping('Datei', { orderNumberPattern: '^A-\\d+$' });
    core.shops.setSchedule('Datei', { newOrdersMinutes: 15 });
    const after = db.select().from(shops).where(eq(shops.id, shop.id)).get()?.settings as Record<
      string,
      unknown
    >;
    expect(after['matching']).toEqual({ autoThreshold: 0.9 });
    expect(after['mapping']).toMatchObject({ orderNumberPattern: '^A-\\d+$' });
    expect(after['schedule']).toMatchObject({ newOrdersMinutes: 15 });
  });

  it('shops.mapping.set repairs damaged settings (the API as the desktop app calls it), audited mapping_repaired', async () => {
    const { core, db } = makeTestDb();
    const call = apiCaller(core);
    const file = join(tempDir(), 'orders.csv');
    writeFileSync(file, HEADER);
    const shop = await core.shops.add({ system: 'csv', name: 'Datei', filePath: file });
    // An older version (or a hand edit) left a mapping without payment methods and a broken schedule.
    const damaged = {
      mapping: { cancelledStatuses: ['storniert'], paymentMethods: 'x' },
      schedule: 'y',
      matching: {},
    };
    db.update(shops).set({ settings: damaged }).where(eq(shops.id, shop.id)).run();
    await expect(call('shops.mapping.get', { shop: 'Datei' })).rejects.toMatchObject({
      code: 'SHOP_SETTINGS_INVALID',
    });
    const set = await call('shops.mapping.set', {
      shop: 'Datei',
      mapping: { sendPaymentInformation: false },
    });
    expect(set).toMatchObject({ sendPaymentInformation: false });
    const after = db.select().from(shops).where(eq(shops.id, shop.id)).get()?.settings as Record<
      string,
      unknown
    >;
    // The default mapping, what was still valid (the cancelled statuses), the change; a valid schedule; other keys kept.
    expect(after['mapping']).toMatchObject({
      cancelledStatuses: ['storniert'],
      sendPaymentInformation: false,
    });
    expect(after['schedule']).toMatchObject({ newOrdersMinutes: expect.any(Number) });
    expect(after['matching']).toEqual({});
    const audit = db.$client
      .prepare(`SELECT action FROM audit_log WHERE entity_type = 'shop' ORDER BY id`)
      .all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['mapping_repaired', 'mapping_changed']),
    );
    expect(core.shops.getMapping('Datei')).toMatchObject({ sendPaymentInformation: false });
  });
});

describe('after-sync hook', () => {
  it('every sync runs the matcher (core.matching.run)', async () => {
    const { core } = makeTestDb();
    const run = vi.spyOn(core.matching, 'run');
    const file = join(tempDir(), 'orders.csv');
    writeFileSync(
      file,
      `${HEADER}A-1,,2026-11-02T10:00:00Z,19.99,EUR,Erika,,e@example.org,DE,invoice,open\n`,
    );
    await core.shops.add({ system: 'csv', name: 'Datei', filePath: file });
    await core.shops.sync.run('Datei', 'new');
    expect(run).toHaveBeenCalledTimes(1);
  });
});
