/**
 * `npm run bench:sync` (issue 4 §11): 20 000 orders in the WooCommerce simulator (real HTTP on 127.0.0.1, a fresh
 * encrypted database). Measures the first sync (a full comparison: every page of changed orders plus the open
 * sets), then an incremental sync after 50 changes in the shop, then one with no changes. Prints orders/s and
 * requests; an incremental sync must cost requests in proportion to the changes, not to the shop's size.
 * The simulator runs in the same process; its busy time is reported separately and subtracted from the CPU time,
 * so "orders per CPU-second" is Kassenwart's own cost (HTTP client, parsing, change detection, SQLCipher writes)
 * and does not depend on how loaded the machine is. BENCH_ORDERS overrides the shop size. It is not a test.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '#core/db/open.ts';
import { silentLogger, type Clock } from '#core/deps.ts';
import { MemorySecretStore } from '#core/secrets/memory-store.ts';
import { createShopsArea } from '#core/shops/shops-area.ts';
import { seedWooOrders, WooCommerceSimulator } from '#core/shops/woocommerce/simulator.ts';

const N = Number(process.env['BENCH_ORDERS'] ?? 20_000);
const CHANGES = 50;

const dir = mkdtempSync(join(tmpdir(), 'kassenwart-bench-sync-'));
const db = openDatabase({
  path: join(dir, 'bench.db'),
  keyHex: randomBytes(32).toString('hex'),
  mode: 'create',
});
let now = Date.parse('2026-11-01T00:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const sim = await new WooCommerceSimulator().start();
try {
  seedWooOrders(sim, N);
  const area = createShopsArea({ db, clock, logger: silentLogger, secrets: new MemorySecretStore() });
  await area.add({
    system: 'woocommerce',
    name: 'Bench',
    url: sim.url,
    credentials: { key: sim.consumerKey, secret: sim.consumerSecret },
  });

  const measure = async (label: string, kind: 'new' | 'full') => {
    const httpBefore = sim.requests.length;
    const busyBefore = sim.busyMs;
    const cpuBefore = process.cpuUsage();
    const t0 = performance.now();
    const r = await area.sync.run('Bench', kind);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpuBefore);
    const simMs = sim.busyMs - busyBefore;
    const ownCpuMs = (cpu.user + cpu.system) / 1000 - simMs;
    if (r.error) throw new Error(`${label}: ${r.error.code} ${r.error.message}`);
    const requests = sim.requests.length - httpBefore;
    const perSecond = Math.round((r.ordersSeen / ms) * 1000);
    console.log(
      `${label.padEnd(34)} ${String(r.ordersSeen).padStart(6)} orders read in ${ms.toFixed(0).padStart(6)} ms = ${String(perSecond).padStart(6)} orders/s; ` +
        `${r.ordersNew} new, ${r.ordersChanged} changed, ${r.ordersRemoved} removed; ${requests} HTTP requests (run record: ${r.requests})\n` +
        `${''.padEnd(34)} simulator busy ${simMs.toFixed(0)} ms; Kassenwart CPU ${ownCpuMs.toFixed(0)} ms = ${Math.round((r.ordersSeen / Math.max(ownCpuMs, 1)) * 1000)} orders per CPU-second`,
    );
  };

  console.log(
    `WooCommerce simulator with ${N} orders (6 payment/status mixes; PayPal orders are not imported)`,
  );
  await measure('first sync (full comparison)', 'full');
  const change = (count: number, salt: number) => {
    for (let i = 0; i < count; i += 1) {
      const id = 1000 + ((i * 7919 + salt) % N);
      const o = sim.order(id);
      if (!o) continue;
      if (i % 3 === 0) sim.editOrder(id, { billing: { email: `neu${salt}-${i}@example.org` } });
      else if (i % 3 === 1) sim.editOrder(id, { total: `${12 + (salt % 50)}.34` });
      else sim.editOrder(id, { status: o.status === 'on-hold' ? 'processing' : 'on-hold' });
    }
  };
  now += 30 * 60_000;
  change(CHANGES, 1);
  await measure(`incremental sync, ${CHANGES} changes`, 'new');
  now += 30 * 60_000;
  change(CHANGES * 10, 2);
  await measure(`incremental sync, ${CHANGES * 10} changes`, 'new');
  now += 30 * 60_000;
  await measure('incremental sync, no changes', 'new');
  now += 12 * 60 * 60_000;
  await measure('full comparison, no changes', 'full');
} finally {
  await sim.close();
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
}
