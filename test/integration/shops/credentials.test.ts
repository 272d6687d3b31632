import { describe, expect, it, vi } from 'vitest';
import { shops, syncRuns } from '#core/db/schema/index.ts';
import { WooCommerceConnector } from '#core/shops/woocommerce/connector.ts';
import { connectWoo, setupWoo } from './support.ts';

describe('shop credentials live only in the SecretStore', () => {
  it('the database (every table) never holds the key or secret; removing the shop deletes them from the store', async () => {
    const s = await setupWoo();
    await connectWoo(s);
    s.sim.fault(
      {
        kind: 'status',
        status: 401,
        body: { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.' },
      },
      { times: 2 },
    );
    await s.area.sync.run('Woo', 'new');
    const row = s.db.select().from(shops).get();
    expect(row?.secretName).toMatch(/^kassenwart\.shop\./);
    expect(JSON.parse(s.secrets.get(row?.secretName ?? '') ?? '{}')).toEqual({
      key: s.sim.consumerKey,
      secret: s.sim.consumerSecret,
    });
    const tables = s.db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    const dump = tables
      .map((t) => JSON.stringify(s.db.$client.prepare(`SELECT * FROM "${t.name}"`).all()))
      .join('\n');
    expect(dump).toContain('SHOP_AUTH_FAILED');
    expect(dump).not.toContain(s.sim.consumerSecret);
    expect(dump).not.toContain(s.sim.consumerKey);
    s.area.remove('Woo');
    expect(s.secrets.get(row?.secretName ?? '')).toBeUndefined();
    await expect(s.area.sync.run('Woo', 'new')).rejects.toMatchObject({ code: 'SHOP_NOT_FOUND' });
  });

  it('an unexpected error that quotes a credential is stored redacted', async () => {
    const s = await setupWoo();
    await connectWoo(s);
    const leaky = s.sim.consumerSecret;
    const spy = vi
      .spyOn(WooCommerceConnector.prototype, 'listChangedOrders')
      .mockRejectedValue(new Error(`library bug while using ${leaky}`));
    try {
      const run = await s.area.sync.run('Woo', 'new');
      expect(run.error).toEqual({ code: 'SYNC_FAILED', message: 'library bug while using [redacted]' });
      expect(JSON.stringify(s.db.select().from(syncRuns).all())).not.toContain(leaky);
    } finally {
      spy.mockRestore();
    }
  });

  it('shop test reports a revoked key clearly, without the secret', async () => {
    const s = await setupWoo();
    await connectWoo(s);
    await expect(s.area.test('Woo')).resolves.toEqual({ ok: true });
    s.sim.fault(
      {
        kind: 'status',
        status: 401,
        body: { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.' },
      },
      { times: 2 },
    );
    const result = await s.area.test('Woo');
    expect(result).toMatchObject({ ok: false, code: 'SHOP_AUTH_FAILED' });
    expect(JSON.stringify(result)).not.toContain(s.sim.consumerSecret);
  });
});
