/**
 * What the scheduler logs when a sync job has finished (scheduler.ts), for whoever shows progress: `kassenwart run`
 * prints one line per job from it (src/cli/logger.ts). A module of its own so that reading it loads no scheduler.
 */
import type { SyncRunResult } from './sync-service.ts';

/** The log message of a finished job; its fields are SyncJobDone. */
export const SYNC_JOB_DONE = 'sync job done';

export type SyncJobDone = Pick<
  SyncRunResult,
  | 'shopId'
  | 'shop'
  | 'kind'
  | 'state'
  | 'finishedAt'
  | 'ordersSeen'
  | 'ordersNew'
  | 'ordersChanged'
  | 'ordersRemoved'
  | 'requests'
  | 'error'
>;
