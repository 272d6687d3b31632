/** Shared setup for the shop/sync integration tests: a fresh encrypted DB, a WooCommerce simulator on loopback. */
import { createServer } from 'node:net';
import { afterEach } from 'vitest';
import { syncRuns } from '#core/db/schema/index.ts';
import { silentLogger, type Logger } from '#core/deps.ts';
import type { ShopCredentials } from '#core/shops/connector-factory.ts';
import type { HttpOptions } from '#core/shops/http.ts';
import { createShopsArea, type ShopsArea } from '#core/shops/shops-area.ts';
import { WooCommerceConnector } from '#core/shops/woocommerce/connector.ts';
import { WooCommerceSimulator, type WooSimulatorOptions } from '#core/shops/woocommerce/simulator.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { makeTestDb, type TestDb } from '../../helpers/db.ts';

const sims: WooCommerceSimulator[] = [];
afterEach(async () => {
  while (sims.length) await sims.pop()?.close();
});

export type WooSetup = TestDb & { sim: WooCommerceSimulator; area: ShopsArea; sleeps: number[] };

/** A test database, a running simulator and the shops area with instant (recorded) retry delays. */
export async function setupWoo(
  options: {
    pageSize?: number;
    timeoutSignal?: HttpOptions['timeoutSignal'];
    /** Per-attempt timeout (default 5 s); a short real one for a shop that never answers. */
    timeoutMs?: number;
    sim?: WooSimulatorOptions;
    /** The fetch the connectors use (default: the global one), e.g. one that counts attempts. */
    fetch?: typeof fetch;
    logger?: Logger;
  } = {},
): Promise<WooSetup> {
  const t = makeTestDb();
  const sim = await new WooCommerceSimulator(options.sim).start();
  sims.push(sim);
  const sleeps: number[] = [];
  const area = createShopsArea({
    db: t.db,
    clock: t.clock,
    logger: options.logger ?? silentLogger,
    secrets: t.secrets,
    pageSize: options.pageSize,
    http: {
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      retries: 3,
      timeoutMs: options.timeoutMs ?? 5000,
      ...(options.timeoutSignal ? { timeoutSignal: options.timeoutSignal } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
  });
  return { ...t, sim, area, sleeps };
}

/** Connects the simulator as shop "Woo" at the FakeClock's current time. */
export async function connectWoo(s: WooSetup, name = 'Woo') {
  return s.area.add({
    system: 'woocommerce',
    name,
    url: s.sim.url,
    credentials: { key: s.sim.consumerKey, secret: s.sim.consumerSecret },
  });
}

/**
 * A connector straight on the simulator (no database, no shops area): shop "Woo" with the simulator's credentials
 * unless `credentials` says otherwise, and retries that do not wait unless `http` says otherwise.
 */
export function wooConnector(
  sim: WooCommerceSimulator,
  options: { credentials?: ShopCredentials; http?: HttpOptions } = {},
): WooCommerceConnector {
  return new WooCommerceConnector({
    shopName: 'Woo',
    url: sim.url,
    credentials: options.credentials ?? { key: sim.consumerKey, secret: sim.consumerSecret },
    http: options.http ?? { sleep: () => Promise.resolve() },
    clock: new FakeClock(),
    logger: silentLogger,
  });
}

export const CONNECTED_AT = '2026-11-02T09:00:00.000Z';
/** Simulator time after the connection (orders created from here on are managed). */
export const AFTER = '2026-11-02T10:00:00Z';

/** A loopback port nothing listens on: bound by a server that is closed again, so connecting is refused. */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
  return address.port;
}

/** The sync runs so far, oldest first, as `kind:state` (`full:ok`, `new:failed`). */
export function runStates(db: TestDb['db']): string[] {
  return db
    .select()
    .from(syncRuns)
    .all()
    .map((r) => `${r.kind}:${r.state}`);
}
