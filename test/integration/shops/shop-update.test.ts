/**
 * `shop update`: the file, address or credentials of a shop change without remove + add, so the shop keeps its
 * orders and their payments (newcomer review B5). The new connection is tested first; a failing one changes nothing.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, orders, shops } from '#core/db/schema/index.ts';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { makePosting } from '../../helpers/factories.ts';
import { silentLogger } from '#core/deps.ts';
import { createShopsArea } from '#core/shops/shops-area.ts';
import { startShopifySimulator } from '#core/shops/shopify/simulator.ts';
import { startShopware6Simulator } from '#core/shops/shopware6/simulator.ts';
import { WooCommerceSimulator } from '#core/shops/woocommerce/simulator.ts';
import { shopifyInSync } from '../shops-shopify/support.ts';
import { connectWoo, setupWoo } from './support.ts';

const HEADER =
  'number,invoice_number,created_at,amount,currency,customer_name,customer_company,customer_email,country,payment_method,status\n';
const FILE =
  HEADER +
  '20001,,2026-11-02T10:00:00Z,49.90,EUR,Erika Mustermann,,e@example.org,DE,prepayment,open\n' +
  '20005,,2026-11-02T10:00:00Z,200.00,EUR,Karl Klein,,k@example.org,DE,prepayment,open\n';

describe('shop update (CSV): a moved orders file', () => {
  it('CSV_NOT_FOUND points to shop update; the new path is tested, stored, audited; orders and payments stay', async () => {
    const t = makeTestDb();
    const dir = tempDir();
    const file = join(dir, 'orders.csv');
    writeFileSync(file, FILE);
    await t.core.shops.add({ system: 'csv', name: 'CsvShop', filePath: file });
    await t.core.shops.sync.runAll({ kind: 'new' });
    const klein = t.db.select().from(orders).where(eq(orders.number, '20005')).get();
    const posting = makePosting(t.db, { amountMinor: 10000, remittance: 'Anzahlung' });
    t.core.matching.assign({
      postingId: posting.id,
      allocations: [{ orderId: klein?.id ?? 0, amountMinor: 10000 }],
      actor: 'user',
    });

    const moved = join(dir, 'export.csv');
    renameSync(file, moved);
    const [failed] = await t.core.shops.sync.runAll({ kind: 'new' });
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'CSV_NOT_FOUND' } });
    expect(failed?.error?.message).toContain('kassenwart shop update "CsvShop" --file');
    expect(failed?.error?.message).not.toContain('shop remove');

    // A path that does not exist either is refused by the connection test: nothing changes.
    await expect(t.core.shops.update('CsvShop', { filePath: join(dir, 'nope.csv') })).rejects.toMatchObject({
      code: 'CSV_NOT_FOUND',
    });
    expect(t.core.shops.show('CsvShop').filePath).toBe(file);

    const updated = await t.core.shops.update('CsvShop', { filePath: moved });
    expect(updated).toMatchObject({ name: 'CsvShop', filePath: moved });
    const audit = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'shop'), eq(auditLog.action, 'connection_changed')))
      .all();
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [
        { url: null, filePath: file },
        { url: null, filePath: moved },
      ],
    ]);

    const [ok] = await t.core.shops.sync.runAll({ kind: 'new' });
    expect(ok).toMatchObject({ state: 'ok', ordersNew: 0 });
    // The same orders (no second import), 20005 still with its payment; nothing ambiguous.
    expect(t.db.select().from(orders).all()).toHaveLength(2);
    expect(
      t.db
        .select()
        .from(orders)
        .where(eq(orders.id, klein?.id ?? 0))
        .get(),
    ).toMatchObject({
      status: 'partially_paid',
      paidMinor: 10000,
    });
    expect(t.core.matching.resolveOrder('20005')).toBe(klein?.id);
    expect(t.db.select().from(shops).all()).toHaveLength(1);
  });

  it('refuses what does not fit the shop system, and an empty change', async () => {
    const t = makeTestDb();
    const file = join(tempDir(), 'orders.csv');
    writeFileSync(file, FILE);
    await t.core.shops.add({ system: 'csv', name: 'CsvShop', filePath: file });
    await expect(t.core.shops.update('CsvShop', {})).rejects.toMatchObject({ code: 'SHOP_UPDATE_EMPTY' });
    await expect(t.core.shops.update('CsvShop', { url: 'https://shop.example.org' })).rejects.toMatchObject({
      code: 'SHOP_URL_NOT_USED',
    });
    await expect(t.core.shops.update('CsvShop', { credentials: { key: 'k' } })).rejects.toMatchObject({
      code: 'SHOP_CREDENTIALS_NOT_USED',
    });
    await expect(t.core.shops.update('Anderer', { filePath: file })).rejects.toMatchObject({
      code: 'SHOP_NOT_FOUND',
    });
  });
});

describe('shop update (WooCommerce): new credentials or address', () => {
  it('wrong credentials are refused and the stored ones stay; right ones replace them; --file is refused', async () => {
    const s = await setupWoo();
    await connectWoo(s);
    const secretName = s.db.select().from(shops).get()?.secretName ?? '';
    const stored = s.secrets.get(secretName);

    await expect(
      s.area.update('Woo', { credentials: { key: s.sim.consumerKey, secret: 'cs_wrong_wrong_wrong' } }),
    ).rejects.toMatchObject({ code: 'SHOP_AUTH_FAILED' });
    expect(s.secrets.get(secretName)).toBe(stored);

    await expect(s.area.update('Woo', { filePath: '/tmp/orders.csv' })).rejects.toMatchObject({
      code: 'SHOP_FILE_NOT_USED',
    });
    await expect(s.area.update('Woo', { credentials: {} })).rejects.toMatchObject({
      code: 'SHOP_CREDENTIALS_MISSING',
    });

    // Right credentials replace the stored ones, under the same key-store entry.
    await s.area.update('Woo', { credentials: { key: s.sim.consumerKey, secret: s.sim.consumerSecret } });
    expect(JSON.parse(s.secrets.get(secretName) ?? '{}')).toEqual({
      key: s.sim.consumerKey,
      secret: s.sim.consumerSecret,
    });
    const audit = s.db.select().from(auditLog).where(eq(auditLog.action, 'connection_changed')).all();
    expect(audit.map((a) => a.details)).toEqual([{ credentialsChanged: true }]);
    expect(JSON.stringify(audit)).not.toContain(s.sim.consumerSecret);

    // Lost credentials are given again with update (the advice of SHOP_CREDENTIALS_MISSING), not remove + add.
    s.secrets.delete(secretName);
    const test = await s.area.test('Woo').catch((error: unknown) => error);
    expect(test).toMatchObject({ code: 'SHOP_CREDENTIALS_MISSING' });
    expect((test as Error).message).toContain('kassenwart shop update "Woo" --credentials');
    await expect(s.area.update('Woo', { url: s.sim.url })).rejects.toMatchObject({
      code: 'SHOP_CREDENTIALS_MISSING',
    });
    await s.area.update('Woo', { credentials: { key: s.sim.consumerKey, secret: s.sim.consumerSecret } });
    expect(await s.area.test('Woo')).toEqual({ ok: true });
  });
});

describe('shop update: is the new address still the same shop?', () => {
  it('WooCommerce: refuses a shop that lacks our orders (same ids, other dates) unless --force; takes the same shop at a new address', async () => {
    const s = await setupWoo();
    s.sim.addOrder({ status: 'on-hold' });
    s.sim.addOrder({ status: 'on-hold' });
    await connectWoo(s);
    await s.area.sync.runAll({ kind: 'new' });
    expect(s.db.select().from(orders).all()).toHaveLength(2);
    // Another WooCommerce shop with the same key: its order ids and numbers count from the same start, but its
    // orders were created at other times.
    const other = await new WooCommerceSimulator({ startTime: '2026-06-01T08:00:00Z' }).start();
    try {
      other.addOrder({ status: 'on-hold' });
      other.addOrder({ status: 'on-hold' });
      const refused = (await s.area.update('Woo', { url: other.url }).catch((e: unknown) => e)) as Error & {
        code: string;
      };
      expect(refused.code).toBe('SHOP_IDENTITY_MISMATCH');
      expect(refused.message).toMatch(
        /^The WooCommerce shop at http:\/\/127\.0\.0\.1:\d+ does not look like shop "Woo": none of the 2 latest orders Kassenwart knows from it \(1001, 1000\) is there with its number and date\. Nothing was changed\..*repeat the command with --force/,
      );
      expect(s.area.show('Woo').url).toBe(s.sim.url);
      expect(s.db.select().from(auditLog).where(eq(auditLog.action, 'connection_changed')).all()).toEqual([]);

      // The same shop under another address (here: the same server as localhost) is taken.
      const moved = s.sim.url.replace('127.0.0.1', 'localhost');
      await expect(s.area.update('Woo', { url: moved })).resolves.toMatchObject({ url: moved });

      // The dealer insists: changed, and the audit says so.
      await expect(s.area.update('Woo', { url: other.url, force: true })).resolves.toMatchObject({
        url: other.url,
      });
      const audit = s.db.select().from(auditLog).where(eq(auditLog.action, 'connection_changed')).all();
      expect(audit.map((a) => a.details)).toEqual([
        { credentialsChanged: false },
        { credentialsChanged: false, force: true },
      ]);
    } finally {
      await other.close();
    }
  });
});

describe('shop update: Shopify recognises the store by its id', () => {
  it('refuses another store even with no order to compare; takes the same store at another address', async () => {
    const s = await shopifyInSync();
    await s.connect();
    const stored = () => s.db.select().from(shops).get()?.settings;
    expect(stored()).toMatchObject({ shopIdentity: 'gid://shopify/Shop/1' });
    // Another store the same token would open (the simulators share it): no order of "SF" is known yet, so only the
    // store's id tells them apart.
    const other = await startShopifySimulator({
      now: () => s.clock.now().getTime(),
      shop: {
        id: 'gid://shopify/Shop/2',
        name: 'Anderer Laden',
        myshopifyDomain: 'anderer-laden.myshopify.com',
      },
    });
    try {
      await expect(s.area.update('SF', { url: other.url })).rejects.toMatchObject({
        code: 'SHOP_IDENTITY_MISMATCH',
        message: expect.stringContaining(
          `The Shopify shop at ${other.url} does not look like shop "SF": the shop's API names it gid://shopify/Shop/2, where it named gid://shopify/Shop/1 when the shop was connected. Nothing was changed.`,
        ) as unknown,
      });
      expect(s.area.show('SF').url).toBe(s.sim.url);

      const moved = s.sim.url.replace('127.0.0.1', 'localhost');
      await expect(s.area.update('SF', { url: moved })).resolves.toMatchObject({ url: moved });
      // Forced onto the other store, its id is the one kept from now on.
      await s.area.update('SF', { url: other.url, force: true });
      expect(stored()).toMatchObject({ shopIdentity: 'gid://shopify/Shop/2' });
    } finally {
      await other.close();
    }
  });
});

describe('shop update: settings saved while the new address is tested', () => {
  it('keeps a schedule saved during the connection test when it stores the new store id', async () => {
    const s = await shopifyInSync();
    await s.connect();
    const other = await startShopifySimulator({
      now: () => s.clock.now().getTime(),
      shop: {
        id: 'gid://shopify/Shop/2',
        name: 'Anderer Laden',
        myshopifyDomain: 'anderer-laden.myshopify.com',
      },
    });
    try {
      // The update waits for the new address to answer; meanwhile the dealer changes the schedule (desktop app).
      const updating = s.area.update('SF', { url: other.url, force: true });
      s.area.setSchedule('SF', { newOrdersMinutes: 45 });
      await updating;
      expect(s.area.show('SF').schedule.newOrdersMinutes).toBe(45);
      expect(s.db.select().from(shops).get()?.settings).toMatchObject({
        shopIdentity: 'gid://shopify/Shop/2',
      });
    } finally {
      await other.close();
    }
  });
});

describe('shop update: Shopware 6 (orders read one by one)', () => {
  it('refuses a shop whose order of the same number was created at another time; takes the same shop', async () => {
    const t = makeTestDb();
    const now = () => t.clock.now().getTime();
    const area = createShopsArea({
      db: t.db,
      clock: t.clock,
      logger: silentLogger,
      secrets: t.secrets,
      http: { sleep: () => Promise.resolve(), retries: 0 },
    });
    const sw = await startShopware6Simulator({ now });
    const other = await startShopware6Simulator({ now });
    try {
      const order = { orderNumber: '10001', amount: '19.99', paymentMethod: 'payment_prepayment' };
      sw.addOrder({ ...order, createdAtMs: now() - 3_600_000 });
      other.addOrder({ ...order, createdAtMs: now() - 30 * 86_400_000 });
      await area.add({
        system: 'shopware6',
        name: 'SW',
        url: sw.url,
        credentials: { key: sw.clientId, secret: sw.clientSecret },
      });
      await area.sync.runAll({ kind: 'new' });
      expect(
        t.db
          .select()
          .from(orders)
          .all()
          .map((o) => o.number),
      ).toEqual(['10001']);

      await expect(area.update('SW', { url: other.url })).rejects.toMatchObject({
        code: 'SHOP_IDENTITY_MISMATCH',
        message: expect.stringContaining(
          'none of the 1 latest orders Kassenwart knows from it (10001) is there with its number and date',
        ) as unknown,
      });
      expect(area.show('SW').url).toBe(sw.url);
      const moved = sw.url.replace('127.0.0.1', 'localhost');
      await expect(area.update('SW', { url: moved })).resolves.toMatchObject({ url: moved });
    } finally {
      await sw.close();
      await other.close();
    }
  });
});
