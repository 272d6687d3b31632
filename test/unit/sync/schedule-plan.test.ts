import { describe, expect, it } from 'vitest';
import { planDueJobs, type PlanShop } from '#core/sync/schedule-plan.ts';
import { ScheduleSchema } from '#core/sync/shop-settings.ts';
import { FakeClock } from '../../helpers/clock.ts';

const MIN = 60_000;

/** A shop whose runs are recorded as the plan says, so the test drives time only. */
function shop(overrides: Partial<PlanShop> = {}): PlanShop {
  return {
    shopId: 1,
    canPushNewOrders: false,
    sendPaymentInformation: true,
    schedule: ScheduleSchema.parse({}),
    lastRunAt: {},
    running: false,
    ...overrides,
  };
}

function runDue(clock: FakeClock, s: PlanShop): string[] {
  const jobs = planDueJobs(clock.now(), [s]);
  for (const j of jobs) s.lastRunAt[j.kind] = clock.now().toISOString();
  return jobs.map((j) => j.kind);
}

describe('sync schedule planning (issue 4 §5)', () => {
  it('first a full comparison, then fast polling every 3 min where the shop cannot push and we send payment info', () => {
    const clock = new FakeClock();
    const s = shop();
    expect(runDue(clock, s)).toEqual(['full']);
    clock.advance(2 * MIN);
    expect(runDue(clock, s)).toEqual([]);
    clock.advance(1 * MIN);
    expect(runDue(clock, s)).toEqual(['poll']);
    clock.advance(3 * MIN);
    expect(runDue(clock, s)).toEqual(['poll']);
  });

  it('every 30 min when we do not send payment information (or the shop can push)', () => {
    const clock = new FakeClock();
    for (const s of [shop({ sendPaymentInformation: false }), shop({ canPushNewOrders: true })]) {
      expect(runDue(clock, s)).toEqual(['full']);
      clock.advance(29 * MIN);
      expect(runDue(clock, s)).toEqual([]);
      clock.advance(1 * MIN);
      expect(runDue(clock, s)).toEqual(['new']);
    }
  });

  it('full comparison twice a day; it includes the incremental part, so only one job runs', () => {
    const clock = new FakeClock();
    const s = shop({ sendPaymentInformation: false });
    runDue(clock, s);
    const kinds: string[] = [];
    for (let i = 0; i < 24 * 60; i += 1) {
      clock.advance(MIN);
      kinds.push(...runDue(clock, s));
    }
    expect(kinds.filter((k) => k === 'full')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'new')).toHaveLength(48 - 2);
  });

  it('catches up after sleep or downtime with one run, not one per missed interval', () => {
    const clock = new FakeClock();
    const s = shop();
    runDue(clock, s);
    clock.advance(5 * 60 * MIN); // laptop asleep for 5 hours
    expect(runDue(clock, s)).toEqual(['poll']);
    clock.advance(1000);
    expect(runDue(clock, s)).toEqual([]);
    clock.advance(8 * 60 * MIN); // down overnight: the full comparison is due too, and wins
    expect(runDue(clock, s)).toEqual(['full']);
  });

  it('never starts a job for a shop whose job is still running', () => {
    const clock = new FakeClock();
    expect(
      planDueJobs(clock.now(), [shop({ running: true }), shop({ shopId: 2 })]).map((j) => j.shopId),
    ).toEqual([2]);
  });

  it('a last run in the future (our clock was put back) is due, and the plan goes on from the corrected time', () => {
    const clock = new FakeClock('2027-11-02T09:00:00.000Z');
    const s = shop();
    expect(runDue(clock, s)).toEqual(['full']);
    clock.advance(3 * MIN);
    expect(runDue(clock, s)).toEqual(['poll']);
    clock.set('2026-11-02T09:00:00.000Z');
    expect(runDue(clock, s)).toEqual(['full']);
    clock.advance(2 * MIN);
    expect(runDue(clock, s)).toEqual([]);
    clock.advance(1 * MIN);
    expect(runDue(clock, s)).toEqual(['poll']);
  });
});
