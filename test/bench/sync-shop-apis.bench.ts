/**
 * `node bin/run-ts.mjs test/bench/sync-shop-apis.bench.ts` (issue 4 §11 for Shopware 6 and Shopify): 20 000 orders
 * in each simulator (real HTTP on 127.0.0.1, a fresh encrypted database per system). First sync (full comparison),
 * then an incremental sync after 50 changes, then one without changes. Prints orders/s and HTTP requests.
 * The Shopify simulator runs with an unlimited cost bucket so the figures show Kassenwart's own cost; the waiting
 * a real store's bucket (2000 points, 100/s restore) would impose is printed separately from the requested costs.
 * BENCH_ORDERS overrides the shop size. It is not a test.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '#core/db/open.ts';
import { silentLogger, type Clock } from '#core/deps.ts';
import { MemorySecretStore } from '#core/secrets/memory-store.ts';
import { createShopsArea } from '#core/shops/shops-area.ts';
import { startShopware6Simulator } from '#core/shops/shopware6/simulator.ts';
import { startShopifySimulator } from '#core/shops/shopify/simulator.ts';

const N = Number(process.env['BENCH_ORDERS'] ?? 20_000);
const CHANGES = 50;
const METHODS = [
  'payment_prepayment',
  'payment_invoicepayment',
  'payment_cashpayment',
  'payment_debitpayment',
];
const GATEWAYS = ['Bank Deposit', 'Cash on Delivery (COD)', 'Money Order', 'shopify_payments'];

type Sim = {
  url: string;
  requests: () => number;
  credentials: Record<string, string>;
  close: () => Promise<void>;
  change: (i: number) => void;
  cost?: () => number;
};

async function bench(system: 'shopware6' | 'shopify') {
  const dir = mkdtempSync(join(tmpdir(), `kassenwart-bench-${system}-`));
  const db = openDatabase({
    path: join(dir, 'bench.db'),
    keyHex: randomBytes(32).toString('hex'),
    mode: 'create',
  });
  let now = Date.parse('2026-11-01T00:00:00Z');
  const clock: Clock = { now: () => new Date(now) };
  const start = now - N * 60_000;
  let sim: Sim;
  if (system === 'shopware6') {
    const sw = await startShopware6Simulator({ now: () => now });
    for (let i = 0; i < N; i += 1) {
      sw.addOrder({
        orderNumber: String(100000 + i),
        amount: `${(i % 500) + 1}.${String(i % 100).padStart(2, '0')}`,
        createdAtMs: start + i * 60_000,
        paymentMethod: METHODS[i % 4],
        transactionState: i % 5 === 0 ? 'paid' : 'open',
      });
    }
    sim = {
      url: sw.url,
      requests: () => sw.log.length,
      credentials: { key: sw.clientId, secret: sw.clientSecret },
      close: () => sw.close(),
      change: (i) =>
        sw.editOrder(
          String(100000 + ((i * 7919) % N)),
          i % 3 === 0
            ? { email: `neu${i}@example.org` }
            : i % 3 === 1
              ? { amount: '12.34' }
              : { transactionState: 'paid' },
        ),
    };
  } else {
    const sf = await startShopifySimulator({ now: () => now, maximumAvailable: 1e12, restoreRate: 1e12 });
    const ids: string[] = [];
    for (let i = 0; i < N; i += 1) {
      ids.push(
        sf.add({
          amount: `${(i % 500) + 1}.${String(i % 100).padStart(2, '0')}`,
          createdAtMs: start + i * 60_000,
          gateway: GATEWAYS[i % 4],
          financialStatus: i % 5 === 0 ? 'PAID' : 'PENDING',
        }),
      );
    }
    sim = {
      url: sf.url,
      requests: () => sf.log.length,
      credentials: { token: sf.accessToken },
      close: () => sf.close(),
      change: (i) => {
        const id = ids[(i * 7919) % N]!;
        sf.edit(
          id,
          i % 3 === 0
            ? { email: `neu${i}@example.org` }
            : i % 3 === 1
              ? { amount: '12.34' }
              : { financialStatus: 'PAID' },
        );
      },
      cost: () =>
        sf.log.reduce(
          (sum, x) =>
            sum +
            ((x.response as { extensions?: { cost?: { requestedQueryCost?: number } } } | undefined)
              ?.extensions?.cost?.requestedQueryCost ?? 0),
          0,
        ),
    };
  }
  try {
    const area = createShopsArea({ db, clock, logger: silentLogger, secrets: new MemorySecretStore() });
    await area.add({ system, name: 'Bench', url: sim.url, credentials: sim.credentials });
    const measure = async (label: string, kind: 'new' | 'full') => {
      const before = sim.requests();
      const costBefore = sim.cost?.() ?? 0;
      const t0 = performance.now();
      const r = await area.sync.run('Bench', kind);
      const ms = performance.now() - t0;
      if (r.error) throw new Error(`${label}: ${r.error.code} ${r.error.message}`);
      const cost = (sim.cost?.() ?? 0) - costBefore;
      const throttle = sim.cost
        ? `; requested cost ${cost} points = ~${Math.max(0, Math.ceil((cost - 2000) / 100))} s of waiting on a standard store`
        : '';
      console.log(
        `  ${label.padEnd(32)} ${String(r.ordersSeen).padStart(6)} orders in ${ms.toFixed(0).padStart(6)} ms = ${String(Math.round((r.ordersSeen / ms) * 1000)).padStart(6)} orders/s; ` +
          `${r.ordersNew} new, ${r.ordersChanged} changed, ${r.ordersRemoved} removed; ${sim.requests() - before} HTTP requests${throttle}`,
      );
    };
    console.log(`${system} simulator with ${N} orders`);
    await measure('first sync (full comparison)', 'full');
    now += 30 * 60_000;
    for (let i = 0; i < CHANGES; i += 1) sim.change(i);
    await measure(`incremental sync, ${CHANGES} changes`, 'new');
    now += 30 * 60_000;
    await measure('incremental sync, no changes', 'new');
  } finally {
    await sim.close();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await bench('shopware6');
await bench('shopify');
