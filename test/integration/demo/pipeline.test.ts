import { describe, expect, it } from 'vitest';
import { runDemoPipeline } from '#core/demo/pipeline.ts';
import { AUTO_PASSES } from '#core/matching/matcher.ts';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { runCli, startCli } from '../../helpers/cli.ts';

describe('demo pipeline (the daily job on embedded defaults)', () => {
  it('connects a shop, syncs, imports a statement and matches it through the real services', async () => {
    const t = makeTestDb();
    const demo = await runDemoPipeline(t.core, tempDir());
    try {
      const orders = t.core.shops.listOrders({ limit: 100 });
      expect(orders).toHaveLength(9);
      // Open at the connection: not managed; closed at the connection: not imported at all.
      expect(orders.filter((o) => !o.managed).map((o) => o.status)).toEqual(['not_managed']);
      const byCustomer = new Map(orders.map((o) => [o.customerName, o]));
      expect(byCustomer.get('Jürgen Müller')?.status).toBe('paid'); // order number + amount
      expect(byCustomer.get('Anna Schmidt')?.status).toBe('paid'); // our payment reference
      expect(byCustomer.get('Fatma Yılmaz')).toMatchObject({ status: 'partially_paid', paidMinor: 3000 });
      expect(byCustomer.get('Marie Dupont')?.status).toBe('open'); // nobody paid

      const postings = t.core.bank.listPostings({ limit: 100 });
      const noise = postings.items.find((p) => p.counterpartyName === 'Steuerberatung Kanzlei');
      expect(noise?.status).toBe('unassigned');
      expect(postings.items.find((p) => p.amountMinor < 0)?.status).toBe('debit');
      // Every automatic decision says why.
      const auto = t.core.matching.assignments({}).filter((a) => a.method === 'auto');
      expect(auto.length).toBeGreaterThanOrEqual(3);
      for (const a of auto) expect(AUTO_PASSES).toContain(a.pass);
      for (const a of auto) expect(a.reasons.length).toBeGreaterThan(0);
    } finally {
      await demo.stop();
    }
  });

  it('kassenwart demo prints the URL first and serves the matched data', async () => {
    const demo = await startCli(['demo']);
    try {
      const url = new URL(demo.firstLine);
      const res = await fetch(`${url.origin}/api/status.summary`, {
        method: 'POST',
        body: '{}',
        headers: { authorization: `Bearer ${url.searchParams.get('token')}` },
      });
      const body = (await res.json()) as { data: { ordersTotal: number; orders: Record<string, number> } };
      expect(body.data.ordersTotal).toBe(9);
      expect(body.data.orders['paid']).toBeGreaterThanOrEqual(2);
    } finally {
      expect(await demo.stop()).toBe(0);
    }
    expect(runCli(['demo', '--port', 'x']).status).toBe(2);
  });
});
