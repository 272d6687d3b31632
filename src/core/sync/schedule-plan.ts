/**
 * "What is due now" for the sync scheduler, as a pure function (tested with a fake clock). Interval based,
 * so catching up after sleep or downtime needs nothing special: a job whose last run is older than its
 * interval is due exactly once, however many intervals were missed (issue 4 §5).
 */
import type { Schedule } from './shop-settings.ts';
import type { SyncKind } from './sync-service.ts';

export type PlanShop = {
  shopId: number;
  canPushNewOrders: boolean;
  sendPaymentInformation: boolean;
  schedule: Schedule;
  /** Start of the last run per kind (ISO), from shop_sync_state.last_run_at. */
  lastRunAt: Partial<Record<SyncKind, string | null>>;
  /** A job for this shop is running now: nothing else may start (jobs never overlap). */
  running: boolean;
};

export type PlannedJob = { shopId: number; kind: SyncKind; reason: string };

const MINUTE = 60_000;

/** Fast polling (every few minutes) only where the shop cannot push new orders and we send payment information. */
export function incrementalKind(
  shop: Pick<PlanShop, 'canPushNewOrders' | 'sendPaymentInformation' | 'schedule'>,
): { kind: 'new' | 'poll'; intervalMs: number } {
  const fast = shop.schedule.fastPolling && !shop.canPushNewOrders && shop.sendPaymentInformation;
  return fast
    ? { kind: 'poll', intervalMs: shop.schedule.fastPollMinutes * MINUTE }
    : { kind: 'new', intervalMs: shop.schedule.newOrdersMinutes * MINUTE };
}

/**
 * How long ago `at` was; never run is due. A last run in the future means our clock was put back since (a PC clock
 * a year ahead, corrected): waiting until that time passes again would stop syncing for as long, so it is due.
 */
function ageMs(now: Date, at: string | null | undefined): number {
  const age = at ? now.getTime() - Date.parse(at) : Number.POSITIVE_INFINITY;
  return age >= 0 ? age : Number.POSITIVE_INFINITY;
}

/** At most one job per shop: the full comparison (which includes the incremental part) wins when both are due. */
export function planDueJobs(now: Date, shops: PlanShop[]): PlannedJob[] {
  const jobs: PlannedJob[] = [];
  for (const shop of shops) {
    if (shop.running) continue;
    const fullAge = ageMs(now, shop.lastRunAt.full);
    if (fullAge >= shop.schedule.fullComparisonHours * 60 * MINUTE) {
      jobs.push({
        shopId: shop.shopId,
        kind: 'full',
        reason: shop.lastRunAt.full ? 'full comparison interval passed' : 'no full comparison yet',
      });
      continue;
    }
    const { kind, intervalMs } = incrementalKind(shop);
    // `new` and `poll` share one high-water mark, so the latest of either counts as the last incremental run.
    const lastIncremental = Math.min(
      ageMs(now, shop.lastRunAt.new),
      ageMs(now, shop.lastRunAt.poll),
      fullAge,
    );
    if (lastIncremental >= intervalMs)
      jobs.push({
        shopId: shop.shopId,
        kind,
        reason: `${Math.round(intervalMs / MINUTE)} min interval passed`,
      });
  }
  return jobs;
}
