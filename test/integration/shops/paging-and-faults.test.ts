import { describe, expect, it } from 'vitest';
import { dealerNotifications, orders, shopSyncState, syncRuns } from '#core/db/schema/index.ts';
import { AFTER, connectWoo, refusedPort, setupWoo } from './support.ts';
import { manualTimeouts } from '../../helpers/timeouts.ts';
import { worded } from '../../helpers/notifications.ts';

const listRequests = (s: {
  sim: { requests: { method: string; path: string; query: Record<string, string> }[] };
}) => s.sim.requests.filter((r) => r.method === 'GET' && r.path === '/orders');

describe('paging, resume and faults (issue 4 §7) against the WooCommerce simulator', () => {
  it('pages through many pages with per_page, modified_after and orderby=modified asc', async () => {
    const s = await setupWoo({ pageSize: 10 });
    await connectWoo(s);
    s.sim.setTime(AFTER);
    for (let i = 0; i < 95; i += 1) s.sim.addOrder({ status: 'on-hold' });
    s.sim.requests.length = 0;
    const run = await s.area.sync.run('Woo', 'new');
    expect(run).toMatchObject({ state: 'ok', ordersNew: 95 });
    expect(s.db.select().from(orders).all()).toHaveLength(95);
    const lists = listRequests(s);
    // 10 on the first page, then 9 new per page: each page re-reads the last order of the one before
    // (inclusive boundary, so orders sharing a modified second are never skipped).
    expect(lists.length).toBe(11);
    expect(lists[0]?.query).toMatchObject({ per_page: '10', orderby: 'modified', order: 'asc' });
    expect(lists[1]?.query).toMatchObject({ dates_are_gmt: 'true', page: '1' });
    expect(run.requests).toBe(lists.length);

    // Nothing changed: the next incremental run costs one request (the inclusive boundary re-read).
    s.sim.requests.length = 0;
    const again = await s.area.sync.run('Woo', 'new');
    expect(again).toMatchObject({ ordersNew: 0, ordersChanged: 0, requests: 1 });
  });

  it('orders sharing one modified second across page boundaries are all stored exactly once', async () => {
    const s = await setupWoo({ pageSize: 10 });
    await connectWoo(s);
    for (let i = 0; i < 25; i += 1) {
      s.sim.addOrder({
        status: 'on-hold',
        date_created_gmt: '2026-11-02T10:00:00',
        date_modified_gmt: '2026-11-02T10:00:00',
      });
    }
    s.sim.setTime(AFTER);
    s.sim.addOrder({ status: 'on-hold' });
    const run = await s.area.sync.run('Woo', 'new');
    expect(run).toMatchObject({ state: 'ok', ordersNew: 26 });
    expect(s.db.select().from(orders).all()).toHaveLength(26);
  });

  it('a failing page keeps the pages before it, never moves the mark past them, and the next run completes', async () => {
    const s = await setupWoo({ pageSize: 100 });
    await connectWoo(s);
    s.sim.setTime(AFTER);
    const created = Array.from({ length: 300 }, () => s.sim.addOrder({ status: 'on-hold' }));
    let listCalls = 0;
    // Page 3 answers 500 on every attempt (first try + 3 retries).
    s.sim.fault(
      { kind: 'status', status: 500 },
      { times: 4, match: (r) => r.path === '/orders' && r.method === 'GET' && ++listCalls >= 3 },
    );
    const failed = await s.area.sync.run('Woo', 'new');
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('SHOP_UNREACHABLE');
    // Pages 1 and 2 (100 + 99 new orders, the boundary order is re-read) are kept; the mark is the last of them.
    expect(s.db.select().from(orders).all()).toHaveLength(199);
    const mark = s.db
      .select()
      .from(shopSyncState)
      .all()
      .find((r) => r.kind === 'new')?.highWaterMark;
    expect(mark).toBe(`${created[198]?.date_modified_gmt}.000Z`);
    expect(s.sleeps).toEqual([1000, 2000, 4000]);

    const before = listRequests(s).length;
    const resumed = await s.area.sync.run('Woo', 'new');
    expect(resumed).toMatchObject({ state: 'ok', ordersNew: 101 });
    // It resumed from the mark (WordPress' modified_after is exclusive, so one second earlier), not from scratch.
    const boundary = Date.parse(`${created[198]?.date_modified_gmt ?? ''}Z`) - 1000;
    expect(listRequests(s)[before]?.query.modified_after).toBe(new Date(boundary).toISOString().slice(0, 19));
    expect(s.db.select().from(orders).all()).toHaveLength(300);
    const runs = s.db.select().from(syncRuns).all();
    expect(runs.map((r) => r.state)).toEqual(['failed', 'ok']);
    expect(runs[0]?.error).toMatch(/SHOP_UNREACHABLE/);
  });

  it('honours 429 Retry-After without sleeping for real', async () => {
    const s = await setupWoo();
    await connectWoo(s);
    s.sim.setTime(AFTER);
    s.sim.addOrder({ status: 'on-hold' });
    s.sim.fault(
      { kind: 'status', status: 429, retryAfter: '7' },
      { times: 2, match: (r) => r.path === '/orders' },
    );
    const run = await s.area.sync.run('Woo', 'new');
    expect(run).toMatchObject({ state: 'ok', ordersNew: 1 });
    expect(s.sleeps).toEqual([7000, 7000]);
  });

  it('gives up with SHOP_RATE_LIMITED when the shop keeps answering 429', async () => {
    const s = await setupWoo();
    await connectWoo(s);
    s.sim.fault({ kind: 'status', status: 429, retryAfter: '1' }, { times: 10 });
    const run = await s.area.sync.run('Woo', 'new');
    expect(run.state).toBe('failed');
    expect(run.error?.code).toBe('SHOP_RATE_LIMITED');
  });

  it('a hanging shop times out: the scheduler retries it, a sync someone waits for gives up after that attempt', async () => {
    const timeouts = manualTimeouts();
    const s = await setupWoo({ timeoutSignal: timeouts.timeoutSignal });
    await connectWoo(s);
    s.sim.setTime(AFTER);
    s.sim.addOrder({ status: 'on-hold' });
    // The attempt times out when the shop has caught it (no real timer that a slow machine could hit too).
    s.sim.fault({ kind: 'hang', onArrival: timeouts.expire }, { times: 1 });
    const asked = await s.area.sync.run('Woo', 'new');
    expect(asked).toMatchObject({ state: 'failed', ordersNew: 0, error: { code: 'SHOP_UNREACHABLE' } });
    expect(asked.error?.message).toMatch(
      /^WooCommerce shop "Woo" did not answer within 5 s at http:\/\/127\.0\.0\.1:\d+ \(the shop's server may be overloaded/,
    );
    expect(s.sleeps).toEqual([]);
    s.sim.fault({ kind: 'hang', onArrival: timeouts.expire }, { times: 1 });
    const run = await s.area.sync.run('Woo', 'new', { background: true });
    expect(run).toMatchObject({ state: 'ok', ordersNew: 1 });
    expect(s.sleeps).toEqual([1000]);
  });

  it('a sync someone waits for retries a page that times out once the shop has answered in the run', async () => {
    const timeouts = manualTimeouts();
    const s = await setupWoo({ pageSize: 10, timeoutSignal: timeouts.timeoutSignal });
    await connectWoo(s);
    s.sim.setTime(AFTER);
    for (let i = 0; i < 25; i += 1) s.sim.addOrder({ status: 'on-hold' });
    s.sim.requests.length = 0;
    let listCalls = 0;
    // Page 1 answers; the first attempt at page 2 hangs (and times out), its retry answers.
    s.sim.fault(
      { kind: 'hang', onArrival: timeouts.expire },
      { times: 1, match: (r) => r.path === '/orders' && r.method === 'GET' && ++listCalls === 2 },
    );
    const run = await s.area.sync.run('Woo', 'new');
    expect(run).toMatchObject({ state: 'ok', ordersNew: 25, error: null });
    expect(s.db.select().from(orders).all()).toHaveLength(25);
    // Pages 1, 2 (hung), 2 again, 3: the hung attempt was retried once, after the first backoff.
    const lists = listRequests(s);
    expect(lists).toHaveLength(4);
    const page = (i: number) => [lists[i]?.query.modified_after, lists[i]?.query.page];
    expect(page(2)).toEqual(page(1));
    expect(page(3)).not.toEqual(page(2));
    expect(run.requests).toBe(4);
    expect(s.sleeps).toEqual([1000]);
  });

  it('a sync someone waits for retries a page whose connection is refused once the shop has answered in the run', async () => {
    // A real refusal: the second list request goes to a loopback port nothing listens on (a shop that restarts).
    const refused = await refusedPort();
    let listCalls = 0;
    const redirecting: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname.endsWith('/orders') && (init?.method ?? 'GET') === 'GET' && ++listCalls === 2)
        url.port = String(refused);
      return fetch(url, init);
    };
    const s = await setupWoo({ pageSize: 10, fetch: redirecting });
    await connectWoo(s);
    s.sim.setTime(AFTER);
    for (let i = 0; i < 25; i += 1) s.sim.addOrder({ status: 'on-hold' });
    s.sim.requests.length = 0;
    listCalls = 0;
    const run = await s.area.sync.run('Woo', 'new');
    expect(run).toMatchObject({ state: 'ok', ordersNew: 25, error: null });
    // Pages 1 and 3 and the retry of page 2 reached the shop; the refused attempt did not.
    expect(listRequests(s)).toHaveLength(3);
    expect(s.sleeps).toEqual([1000]);
  });

  it("a run's answers do not carry over: the next sync someone waits for fails at once on a refused address", async () => {
    const refused = await refusedPort();
    let gone = false;
    const redirecting: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (gone) url.port = String(refused);
      return fetch(url, init);
    };
    const s = await setupWoo({ fetch: redirecting });
    await connectWoo(s);
    s.sim.setTime(AFTER);
    s.sim.addOrder({ status: 'on-hold' });
    expect(await s.area.sync.run('Woo', 'new')).toMatchObject({ state: 'ok', ordersNew: 1 });
    // The shop has answered the run before; the next run starts without that (a fresh contact per run).
    gone = true;
    const next = await s.area.sync.run('Woo', 'new');
    expect(next).toMatchObject({ state: 'failed', error: { code: 'SHOP_UNREACHABLE' } });
    expect(s.sleeps).toEqual([]);
  });

  it('wrong credentials: a clear SHOP_AUTH_FAILED that never shows the secret, nothing stored', async () => {
    const s = await setupWoo();
    const secret = 'cs_wrong_secret_1234567890';
    const error = await s.area
      .add({
        system: 'woocommerce',
        name: 'Woo',
        url: s.sim.url,
        credentials: { key: s.sim.consumerKey, secret },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SHOP_AUTH_FAILED' });
    const message = (error as Error).message;
    expect(message).toMatch(
      /rejected the credentials.*Invalid signature - provided signature does not match.*Check the API key in WooCommerce > Settings > Advanced > REST API.*home URL/,
    );
    expect(message).not.toContain(secret);
    expect(message).not.toContain(s.sim.consumerKey);
    expect(s.area.list()).toEqual([]);
  });

  it('a shop that starts failing notifies the dealer once per failure streak, without secrets', async () => {
    const s = await setupWoo();
    await connectWoo(s);
    s.sim.fault({ kind: 'status', status: 503 }, { times: 8 });
    expect((await s.area.sync.run('Woo', 'new')).state).toBe('failed');
    expect((await s.area.sync.run('Woo', 'new')).state).toBe('failed');
    expect((await s.area.sync.run('Woo', 'new')).state).toBe('ok');
    s.sim.fault({ kind: 'status', status: 503 }, { times: 4 });
    expect((await s.area.sync.run('Woo', 'new')).state).toBe('failed');
    const notes = worded(s.db.select().from(dealerNotifications).all());
    expect(notes.map((n) => [n.kind, n.level, n.title])).toEqual([
      ['sync_failed', 'warning', 'Shop "Woo" could not be synchronised'],
      ['sync_failed', 'warning', 'Shop "Woo" could not be synchronised'],
    ]);
    expect(notes[0]?.body).toMatch(/answered HTTP 503 .* repeatedly.*\(SHOP_UNREACHABLE\)/);
    expect(JSON.stringify(notes)).not.toContain(s.sim.consumerSecret);
  });

  it('refuses plain http for anything but loopback', async () => {
    const s = await setupWoo();
    const error = await s.area
      .add({
        system: 'woocommerce',
        name: 'Woo',
        url: 'http://shop.example.de',
        credentials: { key: 'ck_x', secret: 'cs_y' },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SHOP_INSECURE_URL' });
  });
});
