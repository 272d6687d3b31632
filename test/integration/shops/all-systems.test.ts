import { describe, expect, it } from 'vitest';
import type { ShopSystem } from '#shared/domain.ts';
import { silentLogger } from '#core/deps.ts';
import { createShopsArea } from '#core/shops/shops-area.ts';
import { shopSimulators } from '#core/shops/simulators.ts';
import { makeTestDb } from '../../helpers/db.ts';

/** The sync engine is system-independent: every registered simulator goes through the same add/sync path. */
describe.each(Object.keys(shopSimulators) as ShopSystem[])('sync engine with the %s simulator', (system) => {
  it('connects with default mapping, syncs (incremental and full) and records the runs', async () => {
    const t = makeTestDb();
    // Simulators seed orders at their own (real or fixed) times; connect well after all of them.
    t.clock.set('2035-01-01T00:00:00Z');
    const load = shopSimulators[system];
    if (!load) throw new Error(`no simulator for ${system}`);
    const sim = await (await load())({ seedOrders: 30 });
    try {
      const area = createShopsArea({
        db: t.db,
        clock: t.clock,
        logger: silentLogger,
        secrets: t.secrets,
        http: { sleep: () => Promise.resolve(), retries: 1 },
      });
      const shop = await area.add({ system, name: system, url: sim.url, credentials: sim.credentials });
      expect(shop.mapping.paymentMethods.prepayment.length).toBeGreaterThan(0);
      const first = await area.sync.run(system, 'new');
      expect(first.error).toBeNull();
      expect(first.ordersSeen).toBeGreaterThan(0);
      const full = await area.sync.run(system, 'full');
      expect(full.error).toBeNull();
      expect(full.ordersRemoved).toBe(0);
      // Seeded orders existed before the connection: whatever was imported is "not managed".
      expect(area.listOrders().length).toBeGreaterThan(0);
      expect(area.listOrders().every((o) => o.status === 'not_managed' && !o.managed)).toBe(true);
      expect(area.sync.runs({ shop: system }).map((r) => r.state)).toEqual(['ok', 'ok']);
    } finally {
      await sim.close();
    }
  });
});
