/**
 * "Only the last 60 days' worth of orders from a store are accessible from the Order object by default"
 * (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order): without read_all_orders, an older order the
 * shop does not show is not a deleted order.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dealerNotifications } from '#core/db/schema/index.ts';
import { shopifyInSync } from './support.ts';
import { worded } from '../../helpers/notifications.ts';

const AFTER = '2026-11-02T10:00:00.000Z';
const DAY = 86_400_000;
/** Shop "SF" connected, the clock after the connection (test/integration/shops-shopify/support.ts). */
async function setup(scopes?: string[]) {
  const s = await shopifyInSync(scopes ? { scopes } : {});
  await s.connect();
  s.clock.set(AFTER);
  const notes = () =>
    worded(
      s.db.select().from(dealerNotifications).where(eq(dealerNotifications.kind, 'order_out_of_reach')).all(),
    );
  return { ...s, notes };
}

describe('Shopify orders older than 60 days', () => {
  it('the simulator shows an app without read_all_orders only the last 60 days', async () => {
    const s = await setup();
    const id = s.sim.add({ amount: '10.00', createdAtMs: s.clock.now().getTime() });
    const query = `query { order(id: "${id}") { id } currentAppInstallation { accessScopes { handle } } }`;
    const ask = async () =>
      (await (
        await fetch(`${s.sim.url}/admin/api/2026-10/graphql.json`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-shopify-access-token': s.sim.accessToken },
          body: JSON.stringify({ query }),
        })
      ).json()) as {
        data: { order: unknown; currentAppInstallation: { accessScopes: { handle: string }[] } };
      };
    expect((await ask()).data.order).toEqual({ id });
    expect((await ask()).data.currentAppInstallation.accessScopes.map((a) => a.handle)).toEqual([
      'read_orders',
      'write_orders',
    ]);
    s.clock.advance(61 * DAY);
    expect((await ask()).data.order).toBeNull();
  });

  it('without read_all_orders, an open order the shop no longer shows is reported, not removed', async () => {
    const s = await setup();
    const old = s.sim.add({ amount: '19.99', createdAtMs: s.clock.now().getTime(), gateway: 'Bank Deposit' });
    const deleted = s.sim.add({
      amount: '5.00',
      createdAtMs: s.clock.now().getTime(),
      gateway: 'Bank Deposit',
    });
    expect(await s.area.sync.run('SF', 'new')).toMatchObject({ state: 'ok', ordersNew: 2 });
    expect(s.row(old)?.status).toBe('open');
    s.clock.advance(61 * DAY);
    // One deleted in the shop after 61 days: Shopify shows it as little as the other; neither is taken for deleted.
    s.sim.remove(deleted);
    const run = await s.area.sync.run('SF', 'full');
    expect(run).toMatchObject({ state: 'ok', ordersRemoved: 0 });
    expect(s.row(old)?.status).toBe('open');
    expect(s.row(deleted)?.status).toBe('open');
    expect(s.notes().map((n) => [n.level, n.orderId, n.title])).toEqual([
      ['warning', s.row(old)?.id, 'Order #1001 cannot be checked in shop "SF"'],
      ['warning', s.row(deleted)?.id, 'Order #1002 cannot be checked in shop "SF"'],
    ]);
    expect(s.notes()[0]?.body).toMatch(/without the read_all_orders scope.*not marked as deleted/);
    // Told once per order, not on every comparison.
    expect(await s.area.sync.run('SF', 'full')).toMatchObject({ state: 'ok', ordersRemoved: 0 });
    expect(s.notes()).toHaveLength(2);
  });

  it('a recent order that vanished is still removed externally', async () => {
    const s = await setup();
    const id = s.sim.add({ amount: '19.99', createdAtMs: s.clock.now().getTime(), gateway: 'Bank Deposit' });
    await s.area.sync.run('SF', 'new');
    s.clock.advance(30 * DAY);
    s.sim.remove(id);
    expect(await s.area.sync.run('SF', 'full')).toMatchObject({ state: 'ok', ordersRemoved: 1 });
    expect(s.row(id)?.status).toBe('removed_externally');
    expect(s.notes()).toEqual([]);
  });

  it('with read_all_orders, an old order that vanished is deleted', async () => {
    const s = await setup(['read_orders', 'write_orders', 'read_all_orders']);
    const kept = s.sim.add({
      amount: '19.99',
      createdAtMs: s.clock.now().getTime(),
      gateway: 'Bank Deposit',
    });
    const gone = s.sim.add({ amount: '5.00', createdAtMs: s.clock.now().getTime(), gateway: 'Bank Deposit' });
    await s.area.sync.run('SF', 'new');
    s.clock.advance(61 * DAY);
    s.sim.remove(gone);
    expect(await s.area.sync.run('SF', 'full')).toMatchObject({ state: 'ok', ordersRemoved: 1 });
    expect(s.row(gone)?.status).toBe('removed_externally');
    expect(s.row(kept)?.status).toBe('open');
    expect(s.notes()).toEqual([]);
  });
});
