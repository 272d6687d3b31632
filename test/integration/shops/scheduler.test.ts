import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders, syncRuns } from '#core/db/schema/index.ts';
import { AFTER, connectWoo, setupWoo, runStates } from './support.ts';

describe('scheduler (node-cron wiring over planDueJobs)', () => {
  it('catches up at start, never overlaps, runs what is due on each tick, calls afterSync', async () => {
    const s = await setupWoo();
    await connectWoo(s);
    s.sim.setTime(AFTER);
    s.sim.addOrder({ status: 'on-hold' });
    const after: string[] = [];
    s.area.sync.setAfterSync((r) => after.push(`${r.kind}:${r.state}`));
    const scheduler = s.area.startScheduler();
    try {
      // The start tick is in flight; a second tick joins it instead of starting another job.
      const [a, b] = [scheduler.tick(), scheduler.tick()];
      await Promise.all([a, b]);
      expect(
        s.db
          .select()
          .from(syncRuns)
          .all()
          .map((r) => r.kind),
      ).toEqual(['full']);
      await scheduler.tick();
      expect(s.db.select().from(syncRuns).all()).toHaveLength(1);
      s.clock.advance(3 * 60_000);
      await scheduler.tick();
      expect(runStates(s.db)).toEqual(['full:ok', 'poll:ok']);
      expect(after).toEqual(['full:ok', 'poll:ok']);
    } finally {
      await scheduler.stop();
    }
  });

  it('never overlaps with a sync of another process; a run left "running" by a dead process is closed after 20 minutes', async () => {
    const s = await setupWoo();
    const shop = await connectWoo(s);
    s.db
      .insert(syncRuns)
      .values({ shopId: shop.id, kind: 'new', state: 'running', startedAt: s.clock.now().toISOString() })
      .run();
    await expect(s.area.sync.run('Woo', 'new')).rejects.toMatchObject({ code: 'SYNC_BUSY' });
    s.clock.advance(21 * 60_000);
    const result = await s.area.sync.run('Woo', 'new');
    expect(result.state).toBe('ok');
    const stale = s.db.select().from(syncRuns).where(eq(syncRuns.id, 1)).get();
    expect(stale).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/^SYNC_INTERRUPTED/) as unknown,
    });
  });

  it('goes on syncing after our clock was put back a year: last runs in the future are due, not waited for', async () => {
    const s = await setupWoo();
    const shop = await connectWoo(s);
    s.sim.setTime(AFTER);
    s.clock.set('2027-11-02T09:00:00.000Z');
    const scheduler = s.area.startScheduler();
    try {
      await scheduler.tick();
      s.db
        .insert(syncRuns)
        .values({ shopId: shop.id, kind: 'new', state: 'running', startedAt: s.clock.now().toISOString() })
        .run();
      s.clock.set(AFTER);
      const order = s.sim.addOrder({ status: 'on-hold' });
      await scheduler.tick();
      expect(runStates(s.db)).toEqual(['full:ok', 'new:failed', 'full:ok']);
      expect(s.area.sync.runs({ limit: 1 })[0]?.ordersNew).toBe(1);
      expect(
        s.db
          .select()
          .from(orders)
          .all()
          .map((o) => o.number),
      ).toEqual([String(order.id)]);
    } finally {
      await scheduler.stop();
    }
  });
});
