import { describe, expect, it } from 'vitest';
import { syncRuns } from '#core/db/schema/index.ts';
import { AFTER, connectWoo, setupWoo } from './support.ts';

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
      expect(s.db.select().from(syncRuns).all().map((r) => r.kind)).toEqual(['full']);
      await scheduler.tick();
      expect(s.db.select().from(syncRuns).all()).toHaveLength(1);
      s.clock.advance(3 * 60_000);
      await scheduler.tick();
      expect(s.db.select().from(syncRuns).all().map((r) => `${r.kind}:${r.state}`)).toEqual(['full:ok', 'poll:ok']);
      expect(after).toEqual(['full:ok', 'poll:ok']);
    } finally {
      await scheduler.stop();
    }
  });
});
