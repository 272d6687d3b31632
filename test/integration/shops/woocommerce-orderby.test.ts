/**
 * A WooCommerce shop that takes only the documented `orderby` values (date, id, include, title, slug:
 * https://woocommerce.github.io/woocommerce-rest-api-docs/#list-all-orders) and answers `orderby=modified` with
 * 400 rest_invalid_param, as older WooCommerce does.
 */
import { describe, expect, it } from 'vitest';
import { orders, shopSyncState } from '#core/db/schema/index.ts';
import { WooCommerceSimulator } from '#core/shops/woocommerce/simulator.ts';
import { AFTER, connectWoo, setupWoo, wooConnector, type WooSetup } from './support.ts';

const lists = (s: WooSetup) => s.sim.requests.filter((r) => r.method === 'GET' && r.path === '/orders');
const mark = (s: WooSetup) =>
  s.db
    .select()
    .from(shopSyncState)
    .all()
    .find((r) => r.kind === 'new')?.highWaterMark;

describe('WooCommerce without orderby=modified (docs-literal servers, older WooCommerce)', () => {
  it('the simulator refuses orderby=modified as WordPress validates an enum', async () => {
    const sim = await new WooCommerceSimulator({ orderbyModified: false, behindTls: true }).start();
    try {
      const auth = `Basic ${Buffer.from(`${sim.consumerKey}:${sim.consumerSecret}`).toString('base64')}`;
      const refused = await fetch(`${sim.url}/wp-json/wc/v3/orders?orderby=modified`, {
        headers: { authorization: auth },
      });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({
        code: 'rest_invalid_param',
        message: 'Invalid parameter(s): orderby',
        data: {
          status: 400,
          params: { orderby: 'orderby is not one of date, id, include, title, and slug.' },
        },
      });
      const byId = await fetch(`${sim.url}/wp-json/wc/v3/orders?orderby=id`, {
        headers: { authorization: auth },
      });
      expect(byId.status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it('tests the connection without asking for an undocumented ordering', async () => {
    const s = await setupWoo({ sim: { orderbyModified: false } });
    await connectWoo(s);
    expect(await s.area.test('Woo')).toEqual({ ok: true });
    expect(lists(s).length).toBeGreaterThan(0); // the test listed orders, so `every` below checks something
    expect(lists(s).every((r) => r.query['orderby'] !== 'modified')).toBe(true);
  });

  it('lists changed orders by id under the same modified_after, and asks for modified once per client', async () => {
    const sim = await new WooCommerceSimulator({ orderbyModified: false }).start();
    try {
      const connector = wooConnector(sim);
      const created = Array.from({ length: 25 }, () => sim.addOrder({ status: 'on-hold' }));
      const since = `${created[4]?.date_modified_gmt ?? ''}Z`;
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await connector.listChangedOrders({ since, cursor, pageSize: 10 });
        expect(page.holdMark).toBe(true);
        seen.push(...page.orders.map((o) => o.externalId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(created.slice(4).map((o) => String(o.id)));
      const asked = sim.requests.filter((r) => r.path === '/orders').map((r) => r.query);
      expect(asked.map((q) => [q['orderby'], q['page']])).toEqual([
        ['modified', '1'],
        ['id', '1'],
        ['id', '2'],
        ['id', '3'],
      ]);
      expect(new Set(asked.map((q) => q['modified_after'])).size).toBe(1);
      // The refusal is remembered: a second listing goes by id straight away.
      await connector.listChangedOrders({ since, pageSize: 10 });
      expect(sim.requests.at(-1)?.query).toMatchObject({ orderby: 'id', page: '1' });
      expect(sim.requests.filter((r) => r.query['orderby'] === 'modified')).toHaveLength(1);
    } finally {
      await sim.close();
    }
  });

  it('a sync stores every order, and a failed page never leaves the mark past orders not read yet', async () => {
    const s = await setupWoo({ pageSize: 10, sim: { orderbyModified: false } });
    await connectWoo(s);
    s.sim.setTime(AFTER);
    const created = Array.from({ length: 30 }, () => s.sim.addOrder({ status: 'on-hold' }));
    // The lowest id is now the latest modified: by id it comes first, long before older changes on later pages.
    s.sim.editOrder(created[0]?.id ?? 0, { total: '59.90' });
    let byId = 0;
    s.sim.fault(
      { kind: 'status', status: 500 },
      { times: 4, match: (r) => r.path === '/orders' && r.query.get('orderby') === 'id' && ++byId >= 2 },
    );
    const failed = await s.area.sync.run('Woo', 'new');
    expect(failed.state).toBe('failed');
    expect(s.db.select().from(orders).all()).toHaveLength(10);
    // The mark stays where the run started (none yet), not at the first page's newest modified time.
    expect(mark(s) ?? null).toBeNull();

    const resumed = await s.area.sync.run('Woo', 'new');
    expect(resumed).toMatchObject({ state: 'ok', ordersNew: 20 });
    expect(s.db.select().from(orders).all()).toHaveLength(30);
    // The latest change is order 1's, made before the run began: the mark is the run's start by the shop's clock
    // less a second, no further (see the next test).
    const latest = Date.parse(`${s.sim.order(created[0]?.id ?? 0)?.date_modified_gmt ?? ''}Z`);
    expect(mark(s)).toBe(new Date(latest - 1000).toISOString());

    // A later change is found from that mark.
    s.sim.editOrder(created[7]?.id ?? 0, { status: 'cancelled' });
    const again = await s.area.sync.run('Woo', 'new');
    // From the mark (the first run's start less a second): the last order created, order 1's edit before that run,
    // and the new edit.
    expect(again).toMatchObject({ state: 'ok', ordersSeen: 3 });
    expect(again.ordersChanged + again.ordersRemoved).toBe(1);
    expect(lists(s).at(-1)?.query).toMatchObject({ orderby: 'id' });
  });

  it('an order with a low id changed while later pages are read is found by the next run', async () => {
    const s = await setupWoo({ pageSize: 10, sim: { orderbyModified: false } });
    await connectWoo(s);
    s.sim.setTime(AFTER);
    const created = Array.from({ length: 30 }, () => s.sim.addOrder({ status: 'on-hold' }));
    // While the run reads page 2 (requests: orderby=modified refused, page 1 by id, page 2): the merchant cancels
    // order 3 (page 1, read already), then changes order 30 (page 3, read later in this run).
    let listed = 0;
    s.sim.fault(
      { kind: 'status', status: 500 },
      {
        match: (r) => {
          if (r.path === '/orders' && ++listed === 3) {
            s.sim.editOrder(created[2]?.id ?? 0, { status: 'cancelled' });
            s.sim.editOrder(created[29]?.id ?? 0, { total: '59.90' });
          }
          return false;
        },
      },
    );
    expect(await s.area.sync.run('Woo', 'new')).toMatchObject({ state: 'ok', ordersNew: 30 });
    const third = () =>
      s.db
        .select()
        .from(orders)
        .all()
        .find((o) => o.externalId === String(created[2]?.id));
    expect(third()?.shopStatus).toBe('on-hold');
    // The next run reads from no later than the first run's start by the shop's clock: the cancellation is found.
    expect(await s.area.sync.run('Woo', 'new')).toMatchObject({ state: 'ok' });
    expect(third()?.shopStatus).toBe('cancelled');
  });
});
