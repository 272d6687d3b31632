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

export type CoreDeps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  secrets: SecretStore;
};

export type Core = ReturnType<typeof createCore>;

export function createCore(deps: CoreDeps) {
  const { db } = deps;
  return {
    deps,
    status: {
      summary: () => statusSummary(db),
    },
    // Area services are added below, one line each (bank import, shops and sync, matching).
    // area: bank
    bank: createBankService({ db, clock: deps.clock, logger: deps.logger }),
    // area: shops
    shops: createShopsArea(deps),
    // area: matching
    matching: createMatchingArea({ db, clock: deps.clock, logger: deps.logger }),
    close(): void {
      db.$client.close();
    },
  };
}
