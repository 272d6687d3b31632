/**
 * The Shopify connector in the real shops area against the simulator, for the sync tests: a test database, a
 * simulator on its clock, the shops area with instant retries, and lookups of an order's row and events.
 * `connect` adds the simulator as shop "SF" (with its access token, or its client id and secret).
 */
import { afterEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { orders } from '#core/db/schema/index.ts';
import { silentLogger } from '#core/deps.ts';
import { createShopsArea } from '#core/shops/shops-area.ts';
import { startShopifySimulator, type ShopifySimulator } from '#core/shops/shopify/simulator.ts';
import { makeTestDb } from '../../helpers/db.ts';
import { eventKinds } from '../../helpers/factories.ts';

const sims: ShopifySimulator[] = [];
afterEach(async () => {
  while (sims.length) await sims.pop()?.close();
});

export async function shopifyInSync(options: { scopes?: string[]; pageSize?: number } = {}) {
  const t = makeTestDb();
  const sim = await startShopifySimulator({
    now: () => t.clock.now().getTime(),
    ...(options.scopes ? { scopes: options.scopes } : {}),
  });
  sims.push(sim);
  const area = createShopsArea({
    db: t.db,
    clock: t.clock,
    logger: silentLogger,
    secrets: t.secrets,
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    http: { sleep: () => Promise.resolve(), retries: 2 },
  });
  const connect = (credentials: 'token' | 'client' = 'token') =>
    area.add({
      system: 'shopify',
      name: 'SF',
      url: sim.url,
      credentials:
        credentials === 'token'
          ? { token: sim.accessToken }
          : { key: sim.clientId, secret: sim.clientSecret },
    });
  const row = (externalId: string) =>
    t.db.select().from(orders).where(eq(orders.externalId, externalId)).get();
  const events = (externalId: string) => eventKinds(t.db, row(externalId)?.id);
  return { ...t, sim, area, connect, row, events };
}
