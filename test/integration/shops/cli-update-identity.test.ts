/**
 * `kassenwart shop update --url` to another shop: refused with SHOP_IDENTITY_MISMATCH, taken with --force (real CLI;
 * that nothing changes on a refusal is asserted in shop-update.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../../helpers/cli.ts';
import { ENV, freshDb } from '../cli/support.ts';

type Sim = Awaited<ReturnType<typeof startCli>>;
const simInfo = (sim: Sim) =>
  JSON.parse(sim.firstLine) as { url: string; credentials: { key: string; secret: string } };

describe('kassenwart shop update to another shop (WooCommerce simulators from `dev shop-sim`)', () => {
  it('exits 1 with SHOP_IDENTITY_MISMATCH; --force changes it', async () => {
    const { db } = freshDb();
    const shop = await startCli(['--json', 'dev', 'shop-sim', 'woocommerce', '--orders', '12']);
    const other = await startCli(['--json', 'dev', 'shop-sim', 'woocommerce', '--orders', '0']);
    try {
      const { url, credentials } = simInfo(shop);
      const env = {
        ...ENV,
        KASSENWART_SHOP_KEY: credentials.key,
        KASSENWART_SHOP_SECRET: credentials.secret,
      };
      expect(
        runCli(['--db', db, 'shop', 'add', 'woocommerce', '--name', 'Laden', '--url', url], env).status,
      ).toBe(0);
      expect(runCli(['--db', db, 'sync'], ENV).status).toBe(0);

      const otherUrl = simInfo(other).url;
      const refused = runCli(['--db', db, 'shop', 'update', 'Laden', '--url', otherUrl], ENV);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(
        /^kassenwart: The WooCommerce shop at http:\/\/127\.0\.0\.1:\d+ does not look like shop "Laden": none of the \d+ latest orders .* repeat the command with --force; .* \(SHOP_IDENTITY_MISMATCH\)\n$/,
      );
      const forced = runCli(
        ['--db', db, '--json', 'shop', 'update', 'Laden', '--url', otherUrl, '--force'],
        ENV,
      );
      expect(forced.status, forced.stderr).toBe(0);
      expect(JSON.parse(forced.stdout)).toMatchObject({ name: 'Laden', url: otherUrl });
    } finally {
      await shop.stop();
      await other.stop();
    }
  });
});
