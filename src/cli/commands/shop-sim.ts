/**
 * `kassenwart dev shop-sim SYSTEM [--port N] [--orders N]`: a shop simulator on loopback for demos and UI tests.
 * Prints the address and the credentials it accepts (first stdout line), runs until SIGINT/SIGTERM.
 */
import { type Command, InvalidArgumentError } from 'commander';
import type { ShopSystem } from '#shared/domain.ts';
import { shopSimulators } from '#core/shops/simulators.ts';
import { type GlobalOptions, type Io, formatFor } from '../context.ts';
import { parsePort } from '../parsers.ts';

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000)
    throw new InvalidArgumentError('a number of orders from 0 to 1000000');
  return n;
}

export function registerShopSim(dev: Command, program: Command, io: Io): void {
  const systems = Object.keys(shopSimulators);
  dev
    .command('shop-sim')
    .description(`run a shop simulator on 127.0.0.1 (${systems.join(', ')})`)
    .argument('<system>', `one of ${systems.join(', ')}`)
    .option('--port <n>', 'port (default: any free port)', parsePort)
    .option('--orders <n>', 'demo orders to create', parseCount)
    .action(async (system: string, o: { port?: number; orders?: number }) => {
      const load = shopSimulators[system as ShopSystem];
      if (!load)
        throw new InvalidArgumentError(`no simulator for "${system}"; available: ${systems.join(', ')}`);
      const start = await load();
      const sim = await start({ port: o.port, host: '127.0.0.1', seedOrders: o.orders });
      const options = program.opts<GlobalOptions>();
      // Listen for the signals before printing the address: whoever reads it may stop us at once.
      const stopped = new Promise<void>((done) => {
        process.once('SIGINT', () => done());
        process.once('SIGTERM', () => done());
      });
      const credentials = Object.entries(sim.credentials)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      io.stdout(
        options.json
          ? `${JSON.stringify({ system, url: sim.url, credentials: sim.credentials })}\n`
          : `${formatFor(options, io).t.shopSim(system, sim.url, credentials)}\n`,
      );
      await stopped;
      await sim.close();
    });
}
