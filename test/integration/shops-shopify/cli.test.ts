import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../../helpers/cli.ts';
import { ENV, freshDb } from '../cli/support.ts';

describe('kassenwart with a Shopify shop (real CLI, simulator from `dev shop-sim shopify`)', () => {
  it('adds the shop with an access token or client credentials, syncs and lists orders; a wrong token exits 1', async () => {
    const { db } = freshDb();
    const sim = await startCli(['--json', 'dev', 'shop-sim', 'shopify', '--orders', '6']);
    try {
      const { url, credentials } = JSON.parse(sim.firstLine) as {
        url: string;
        credentials: { token: string; key: string; secret: string };
      };
      const wrong = runCli(['--db', db, 'shop', 'add', 'shopify', '--name', 'SF', '--url', url], {
        ...ENV,
        KASSENWART_SHOP_TOKEN: 'shpat_wrong_wrong',
      });
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toMatch(/Invalid API key or access token.*SHOP_AUTH_FAILED/s);
      expect(wrong.stderr).not.toContain('shpat_wrong_wrong');

      const add = runCli(['--db', db, '--json', 'shop', 'add', 'shopify', '--name', 'SF', '--url', url], {
        ...ENV,
        KASSENWART_SHOP_TOKEN: credentials.token,
      });
      expect(add.status, add.stderr).toBe(0);
      expect(JSON.parse(add.stdout)).toMatchObject({
        system: 'shopify',
        mapping: { openStatuses: { prepayment: ['PENDING', 'PARTIALLY_PAID'] } },
      });
      const viaClient = runCli(['--db', db, 'shop', 'add', 'shopify', '--name', 'SF2', '--url', url], {
        ...ENV,
        KASSENWART_SHOP_KEY: credentials.key,
        KASSENWART_SHOP_SECRET: credentials.secret,
      });
      expect(viaClient.status, viaClient.stderr).toBe(0);

      const sync = runCli(['--db', db, '--json', 'sync', '--shop', 'SF'], ENV);
      expect(sync.status, sync.stderr).toBe(0);
      expect(JSON.parse(sync.stdout)).toMatchObject([{ state: 'ok', ordersSeen: 6 }]);
      const orders = JSON.parse(runCli(['--db', db, '--json', 'orders', '--shop', 'SF'], ENV).stdout) as {
        status: string;
        shopStatus: string;
        number: string;
      }[];
      expect(orders).toHaveLength(6);
      expect(
        orders.every(
          (o) => o.status === 'not_managed' && o.shopStatus === 'PENDING' && o.number.startsWith('#'),
        ),
      ).toBe(true);
    } finally {
      await sim.stop();
    }
  });
});
