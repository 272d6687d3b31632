import type { Command } from 'commander';
import { ORDER_STATUSES } from '#shared/domain.ts';
import { type GlobalOptions, type Io, initStore, openCore, printJson, resolveDbPath } from '../context.ts';

export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description(
      'create a new encrypted database (key in the OS keyring, or a passphrase via KASSENWART_PASSPHRASE)',
    )
    .action(async () => {
      const options = program.opts<GlobalOptions>();
      const dbPath = resolveDbPath(options, io);
      const store = await initStore(dbPath, io);
      store.db.$client.close();
      if (options.json) printJson(io, { databasePath: dbPath, keyMode: store.keyMode });
      else io.stdout(`Created encrypted database ${dbPath} (key protected by ${store.keyMode}).\n`);
    });
}

export function registerStatus(program: Command, io: Io): void {
  program
    .command('status')
    .description('counts per order status, unassigned postings, failed status transfers')
    .action(async () => {
      const options = program.opts<GlobalOptions>();
      const { core } = await openCore(options, io);
      try {
        const summary = core.status.summary();
        if (options.json) {
          printJson(io, summary);
          return;
        }
        const lines = [
          `Orders: ${summary.ordersTotal}`,
          ...ORDER_STATUSES.filter((s) => summary.orders[s] > 0).map(
            (s) => `  ${s.padEnd(20)} ${summary.orders[s]}`,
          ),
          `Unassigned postings: ${summary.unassignedPostings}`,
          `Failed status transfers: ${summary.failedTransfers}`,
          `Pending status transfers: ${summary.pendingTransfers}`,
          `Shops: ${summary.shops}`,
        ];
        io.stdout(`${lines.join('\n')}\n`);
      } finally {
        core.close();
      }
    });
}
