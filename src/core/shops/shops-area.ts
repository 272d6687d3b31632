/**
 * The shops area of the core: connected shops, the sync jobs, the scheduler, order listing.
 * `core.shops` in src/core/index.ts.
 */
import type { Clock, Logger, SecretStore } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { listOrders } from '../orders/order-query.ts';
import { startScheduler } from '../sync/scheduler.ts';
import { createSyncService, type SyncDeps } from '../sync/sync-service.ts';
import type { HttpOptions } from './http.ts';
import { createShopService } from './shop-service.ts';

export type ShopsAreaDeps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  secrets: SecretStore;
  http?: HttpOptions;
  afterSync?: SyncDeps['afterSync'];
  pageSize?: number;
};

export function createShopsArea(deps: ShopsAreaDeps) {
  const shops = createShopService(deps);
  const sync = createSyncService({
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    shops,
    afterSync: deps.afterSync,
    pageSize: deps.pageSize,
  });
  return {
    ...shops,
    sync,
    listOrders: (query: Parameters<typeof listOrders>[1] = {}) => listOrders(deps.db, query),
    /** Starts the node-cron scheduler (long-running process only). */
    startScheduler: () => startScheduler({ clock: deps.clock, logger: deps.logger, shops, sync }),
  };
}

export type ShopsArea = ReturnType<typeof createShopsArea>;
