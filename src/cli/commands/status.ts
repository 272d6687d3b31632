import type { Command } from 'commander';
import { ORDER_STATUSES } from '#shared/domain.ts';
import {
  type GlobalOptions,
  type Io,
  formatFor,
  initStore,
  printJson,
  resolveDbPath,
  withCore,
} from '../context.ts';

export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description(
      'create a new encrypted database (key in the OS keyring, or a passphrase via KASSENWART_PASSPHRASE)',
    )
    .action(async () => {
      const options = program.opts<GlobalOptions>();
      const dbPath = resolveDbPath(options, io);
      const store = await initStore(dbPath, io, options);
      store.db.$client.close();
      if (options.json) printJson(io, { databasePath: dbPath, keyMode: store.keyMode });
      else io.stdout(`${formatFor(options, io).t.created(dbPath, store.keyMode)}\n`);
    });
}

export function registerStatus(program: Command, io: Io): void {
  program
    .command('status')
    .description(
      'counts per order status, unassigned postings, pending and failed status transfers, unread notifications',
    )
    .action(() =>
      withCore(program, io, (core, options) => {
        const summary = core.status.summary();
        if (options.json) {
          printJson(io, summary);
          return;
        }
        const f = formatFor(options, io);
        const lines = [
          `${f.t.status.orders}: ${f.count(summary.ordersTotal)}`,
          ...ORDER_STATUSES.filter((s) => summary.orders[s] > 0).map(
            (s) => `  ${f.status(s).padEnd(22)} ${f.count(summary.orders[s])}`,
          ),
          `${f.t.status.unassigned}: ${f.count(summary.unassignedPostings)}`,
          `${f.t.status.failedTransfers}: ${f.count(summary.failedTransfers)}`,
          `${f.t.status.pendingTransfers}: ${f.count(summary.pendingTransfers)}`,
          `${f.t.status.shops}: ${f.count(summary.shops)}`,
          ...(summary.unreadNotifications > 0
            ? [f.t.status.unreadNotifications(f.count(summary.unreadNotifications))]
            : []),
        ];
        io.stdout(`${lines.join('\n')}\n`);
      }),
    );
}
