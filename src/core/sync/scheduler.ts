/**
 * The sync scheduler of the long-running process (Electron main or `kassenwart run`): node-cron ticks once a
 * minute; each tick (and one right at start, to catch up after downtime) asks planDueJobs what is due and runs
 * it. Thin on purpose: the decisions live in schedule-plan.ts.
 */
import cron from 'node-cron';
import type { Clock, Logger } from '../deps.ts';
import type { ShopService } from '../shops/shop-service.ts';
import { planDueJobs, type PlanShop } from './schedule-plan.ts';
import type { SyncService } from './sync-service.ts';
import { SYNC_JOB_DONE } from './job-events.ts';

export type SchedulerDeps = { clock: Clock; logger: Logger; shops: ShopService; sync: SyncService };

export type Scheduler = { tick(): Promise<void>; stop(): Promise<void> };

/** Gathers the planning input from the database. */
export function planInput(deps: Pick<SchedulerDeps, 'shops' | 'sync'>): PlanShop[] {
  return deps.shops
    .list()
    .filter((s) => s.enabled)
    .map((s) => {
      let canPush = false;
      try {
        canPush = deps.shops.connectorFor(deps.shops.get(s.id)).capabilities.canPushNewOrders;
      } catch {
        // Missing credentials etc.: the job itself reports the error in its run record.
      }
      return {
        shopId: s.id,
        canPushNewOrders: canPush,
        sendPaymentInformation: s.mapping.sendPaymentInformation,
        schedule: s.schedule,
        lastRunAt: {
          new: deps.sync.state(s.id, 'new')?.lastRunAt ?? null,
          poll: deps.sync.state(s.id, 'poll')?.lastRunAt ?? null,
          full: deps.sync.state(s.id, 'full')?.lastRunAt ?? null,
        },
        running: deps.sync.isRunning(s.id),
      };
    });
}

export function startScheduler(deps: SchedulerDeps): Scheduler {
  let ticking: Promise<void> | undefined;
  const tick = (): Promise<void> => {
    // A tick while the previous one still runs does nothing: jobs never overlap.
    if (ticking) return ticking;
    const run = async () => {
      try {
        for (const job of planDueJobs(deps.clock.now(), planInput(deps))) {
          deps.logger.log('info', 'sync job due', { shopId: job.shopId, kind: job.kind, reason: job.reason });
          // One shop's trouble (e.g. SYNC_BUSY from a manual sync) must not keep the other shops waiting.
          await deps.sync.run(job.shopId, job.kind, { background: true }).then(
            // One event per finished job (ok or failed), for whoever shows progress (`kassenwart run`, a log file).
            (r) =>
              deps.logger.log('info', SYNC_JOB_DONE, {
                shopId: r.shopId,
                shop: r.shop,
                kind: r.kind,
                state: r.state,
                finishedAt: r.finishedAt,
                ordersSeen: r.ordersSeen,
                ordersNew: r.ordersNew,
                ordersChanged: r.ordersChanged,
                ordersRemoved: r.ordersRemoved,
                requests: r.requests,
                error: r.error,
              }),
            (error: unknown) =>
              deps.logger.log('warn', 'sync job not run', {
                shopId: job.shopId,
                error: error instanceof Error ? error.message : String(error),
              }),
          );
        }
      } catch (error) {
        deps.logger.log('error', 'scheduler tick failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    };
    // `.finally` runs asynchronously, so it clears `ticking` only after it was assigned (even when nothing was due).
    ticking = run().finally(() => {
      ticking = undefined;
    });
    return ticking;
  };
  // The tick itself guards against overlap; noOverlap keeps node-cron from queueing while one runs.
  const task = cron.schedule('* * * * *', () => tick(), { name: 'kassenwart-sync', noOverlap: true });
  // Catch up right away after a start (downtime); later ticks catch up after sleep.
  void tick();
  return {
    tick,
    async stop() {
      await task.stop();
      await ticking;
    },
  };
}
