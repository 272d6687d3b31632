import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../../helpers/cli.ts';
import { ENV, freshDb } from '../cli/support.ts';

describe('kassenwart with a Shopware 6 shop (real CLI, simulator from `dev shop-sim shopware6`)', () => {
  it('adds the shop from env credentials with the default mapping, syncs and lists orders; wrong secret exits 1', async () => {
    const { db } = freshDb();
    const sim = await startCli(['--json', 'dev', 'shop-sim', 'shopware6', '--orders', '9']);
    try {
      const { url, credentials } = JSON.parse(sim.firstLine) as {
        url: string;
        credentials: { key: string; secret: string };
      };
      const wrong = runCli(['--db', db, 'shop', 'add', 'shopware6', '--name', 'SW', '--url', url], {
        ...ENV,
        KASSENWART_SHOP_KEY: credentials.key,
        KASSENWART_SHOP_SECRET: 'wrong-secret-123',
      });
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toMatch(
        /rejected the integration credentials.*Settings > System > Integrations.*SHOP_AUTH_FAILED/s,
      );
      expect(wrong.stderr).not.toContain('wrong-secret-123');

      const add = runCli(['--db', db, '--json', 'shop', 'add', 'shopware6', '--name', 'SW', '--url', url], {
        ...ENV,
        KASSENWART_SHOP_KEY: credentials.key,
        KASSENWART_SHOP_SECRET: credentials.secret,
      });
      expect(add.status, add.stderr).toBe(0);
      expect(JSON.parse(add.stdout)).toMatchObject({
        system: 'shopware6',
        mapping: {
          paymentMethods: {
            prepayment: ['payment_prepayment'],
            invoice: ['payment_invoicepayment'],
            cod: ['payment_cashpayment'],
          },
        },
      });

      const sync = runCli(['--db', db, '--json', 'sync'], ENV);
      expect(sync.status, sync.stderr).toBe(0);
      expect(JSON.parse(sync.stdout)).toMatchObject([{ state: 'ok', ordersSeen: 9 }]);
      const orders = JSON.parse(runCli(['--db', db, '--json', 'orders', '--shop', 'SW'], ENV).stdout) as {
        status: string;
        shopStatus: string;
        paymentMethod: string;
      }[];
      // Seeded before the connection and open: imported as "not managed", with the composite shop status.
      expect(orders).toHaveLength(9);
      expect(orders.every((o) => o.status === 'not_managed' && o.shopStatus === 'open/open')).toBe(true);
    } finally {
      await sim.stop();
    }
  });
});
