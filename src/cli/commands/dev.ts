import type { Command } from 'commander';
import { systemClock } from '#core/deps.ts';
import { type GlobalOptions, type Io, formatFor, openCore } from '../context.ts';
import { registerShopSim } from './shop-sim.ts';

export function registerDev(program: Command, io: Io): void {
  const dev = program.command('dev').description('developer tools (demo data, simulators)');
  dev
    .command('seed')
    .description('fill an empty database with the demo data set')
    .action(async () => {
      const options = program.opts<GlobalOptions>();
      const { seedDemoData } = await import('#core/demo/seed.ts');
      const { core, store } = await openCore(options, io);
      try {
        seedDemoData(store.db, systemClock);
        io.stdout(
          options.json ? `${JSON.stringify({ seeded: true })}\n` : `${formatFor(options, io).t.seeded}\n`,
        );
      } finally {
        core.close();
      }
    });
  registerShopSim(dev, program, io);
}
