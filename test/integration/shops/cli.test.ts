import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/db.ts';
import { ENV, freshDb } from '../cli/support.ts';

describe('kassenwart shop / sync / orders (real CLI, WooCommerce simulator from `dev shop-sim`)', () => {
  it('adds a WooCommerce shop from env credentials, syncs, lists orders as JSON; wrong credentials exit 1', async () => {
    const { db } = freshDb();
    const sim = await startCli(['--json', 'dev', 'shop-sim', 'woocommerce', '--orders', '12']);
    try {
      const { url, credentials } = JSON.parse(sim.firstLine) as {
        url: string;
        credentials: { key: string; secret: string };
      };

      const wrong = runCli(['--db', db, 'shop', 'add', 'woocommerce', '--name', 'Laden', '--url', url], {
        ...ENV,
        KASSENWART_SHOP_KEY: credentials.key,
        KASSENWART_SHOP_SECRET: 'cs_wrong_wrong_wrong',
      });
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toMatch(
        /rejected the credentials.*Check the API key in WooCommerce > Settings > Advanced > REST API.*\(SHOP_AUTH_FAILED\)/s,
      );
      expect(wrong.stderr).not.toContain('cs_wrong_wrong_wrong');

      const add = runCli(
        ['--db', db, '--json', 'shop', 'add', 'woocommerce', '--name', 'Laden', '--url', url],
        {
          ...ENV,
          KASSENWART_SHOP_KEY: credentials.key,
          KASSENWART_SHOP_SECRET: credentials.secret,
        },
      );
      expect(add.status, add.stderr).toBe(0);
      const shop = JSON.parse(add.stdout) as {
        name: string;
        system: string;
        mapping: { paymentMethods: { invoice: string[] } };
      };
      expect(shop).toMatchObject({ name: 'Laden', system: 'woocommerce' });
      expect(shop.mapping.paymentMethods.invoice).toEqual(['invoice']);

      const list = JSON.parse(runCli(['--db', db, '--json', 'shop', 'list'], ENV).stdout) as {
        name: string;
      }[];
      expect(list.map((s) => s.name)).toEqual(['Laden']);

      const sync = runCli(['--db', db, '--json', 'sync'], ENV);
      expect(sync.status, sync.stderr).toBe(0);
      const [run] = JSON.parse(sync.stdout) as { state: string; ordersSeen: number; requests: number }[];
      expect(run).toMatchObject({ state: 'ok', ordersSeen: 12, requests: 1 });

      const orders = JSON.parse(
        runCli(['--db', db, '--json', 'orders', '--status', 'not_managed'], ENV).stdout,
      ) as Record<string, unknown>[];
      // The seeded orders existed before the connection: only open ones with a mapped payment method are imported.
      expect(orders.length).toBeGreaterThan(0);
      expect(Object.keys(orders[0] ?? {}).sort()).toEqual(
        [
          'company',
          'country',
          'createdAt',
          'currency',
          'customerName',
          'email',
          'id',
          'invoiceNumber',
          'managed',
          'number',
          'paidMinor',
          'paymentCode',
          'paymentMethod',
          'shop',
          'shopStatus',
          'status',
          'totalMinor',
        ].sort(),
      );
      expect(orders.every((o) => o.managed === false && o.shop === 'Laden')).toBe(true);

      const mapping = runCli(
        [
          '--db',
          db,
          '--json',
          'shop',
          'mapping',
          'Laden',
          '--open',
          'prepayment=on-hold',
          '--send-payment-info',
          'off',
        ],
        ENV,
      );
      expect(mapping.status, mapping.stderr).toBe(0);
      expect(JSON.parse(mapping.stdout)).toMatchObject({
        openStatuses: { prepayment: ['on-hold'] },
        sendPaymentInformation: false,
      });

      expect(runCli(['--db', db, 'shop', 'remove', 'Laden', '--yes'], ENV).status).toBe(0);
      expect(JSON.parse(runCli(['--db', db, '--json', 'shop', 'list'], ENV).stdout)).toEqual([]);
    } finally {
      await sim.stop();
    }
  });

  it('a CSV shop: add with --file, sync, run until SIGTERM, unknown shop exits 1', async () => {
    const dir = tempDir();
    const { db } = freshDb(dir);
    const file = join(dir, 'orders.csv');
    writeFileSync(
      file,
      'number,invoice_number,created_at,amount,currency,customer_name,customer_company,customer_email,country,payment_method,status\n' +
        '1001,,2026-01-01T10:00:00Z,49.90,EUR,Erika Mustermann,,erika@example.org,DE,prepayment,open\n' +
        '1002,,2026-01-01T11:00:00Z,10.00,EUR,Max Muster,,max@example.org,DE,prepayment,paid\n',
    );
    expect(runCli(['--db', db, 'shop', 'add', 'csv', '--name', 'Datei', '--file', file], ENV).status).toBe(0);
    const sync = runCli(['--db', db, 'sync', '--shop', 'Datei'], ENV);
    expect(sync.stdout).toMatch(/Datei: 2 orders read, 1 new/);
    const orders = JSON.parse(runCli(['--db', db, '--json', 'orders'], ENV).stdout) as {
      number: string;
      status: string;
      totalMinor: number;
    }[];
    expect(orders).toMatchObject([{ number: '1001', status: 'not_managed', totalMinor: 4990 }]);
    // `run` starts the scheduler, catches up at once (a full comparison is due), and stops cleanly on SIGTERM.
    const running = await startCli(['--db', db, 'run'], ENV);
    expect(running.firstLine).toMatch(/Kassenwart is running \(1 shop\)/);
    await expect(running.stop()).resolves.toBe(0);
    const shown = JSON.parse(runCli(['--db', db, '--json', 'shop', 'show', 'Datei'], ENV).stdout) as {
      recentRuns: { kind: string; state: string }[];
    };
    expect(shown.recentRuns.map((r) => `${r.kind}:${r.state}`)).toEqual(['full:ok', 'new:ok']);

    const unknown = runCli(['--db', db, 'sync', '--shop', 'Nope'], ENV);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/There is no shop "Nope".*SHOP_NOT_FOUND/);
  });
});
