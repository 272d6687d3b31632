/**
 * createCore(deps) -> the application services. The only entry point the shells (CLI, HTTP server, Electron
 * main) use. No module singletons: everything comes from `deps`.
 */
import type { Clock, Logger, SecretStore } from './deps.ts';
import type { Db } from './db/open.ts';
import { statusSummary } from './status/summary.ts';
import { createShopsArea } from './shops/shops-area.ts';

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
    // area: shops
    shops: createShopsArea(deps),
    // area: matching
    close(): void {
      db.$client.close();
    },
  };
}
