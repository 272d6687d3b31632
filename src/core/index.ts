/**
 * createCore(deps) -> the application services. The only entry point the shells (CLI, HTTP server, Electron
 * main) use. No module singletons: everything comes from `deps`.
 */
import type { Clock, Logger, SecretStore } from './deps.ts';
import type { Db } from './db/open.ts';
import { statusSummary } from './status/summary.ts';
import { createBankService } from './bank/import-service.ts';
import { createShopsArea } from './shops/shops-area.ts';
import { createMatchingArea } from './matching/matching-area.ts';
import { createNotificationsService } from './notifications/notification-service.ts';

export type CoreDeps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  secrets: SecretStore;
};

export type Core = ReturnType<typeof createCore>;

export function createCore(deps: CoreDeps) {
  const { db, clock, logger } = deps;
  const matching = createMatchingArea({ db, clock, logger });
  // The matcher runs after every bank import and every shop sync, so orders that arrive later match postings
  // already waiting, and postings that arrive later match waiting orders (issue 5 §3). Its summary goes back to the
  // caller (`kassenwart import` prints what the matcher did).
  const runMatcher = () => matching.run();
  return {
    deps,
    status: {
      summary: () => statusSummary(db),
    },
    bank: createBankService({ db, clock, logger, afterImport: runMatcher }),
    shops: createShopsArea({ ...deps, afterSync: runMatcher }),
    matching,
    notifications: createNotificationsService({ db, clock }),
    close(): void {
      db.$client.close();
    },
  };
}
