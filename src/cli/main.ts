/**
 * `kassenwart [--db PATH] [--json] <command>`. A thin shell over the core: parse, call, print.
 * Exit codes: 0 ok, 1 error (with a message that says what to do), 2 usage.
 */
import { Command, CommanderError, Option } from 'commander';
import { CLI_LANGUAGES } from './i18n.ts';
import { toErrorPayload } from '#core/errors.ts';
import { processIo, type Io } from './context.ts';
import { registerInit, registerStatus } from './commands/status.ts';
import { registerServe } from './commands/serve.ts';
import { registerDev } from './commands/dev.ts';
import { registerDemo } from './commands/demo.ts';
import { registerBank } from './commands/bank.ts';
import { registerShops } from './commands/shops.ts';
import { registerMatching } from './commands/matching.ts';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

export function buildProgram(io: Io): Command {
  const program = new Command('kassenwart')
    .description('Payment reconciliation for small online merchants: shop orders, bank postings, matching.')
    .option('--db <path>', 'database file (default: KASSENWART_DB, else the per-user app-data folder)')
    .option('--json', 'machine-readable output (camelCase JSON on stdout)')
    .addOption(
      new Option(
        '--lang <language>',
        'language of human-readable output (default: KASSENWART_LANG, LANG, else de)',
      ).choices([...CLI_LANGUAGES]),
    )
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerInit(program, io);
  registerStatus(program, io);
  registerServe(program, io);
  registerDemo(program, io);
  // area commands: bank
  registerBank(program, io);
  // area commands: shops
  registerShops(program, io);
  // area commands: matching
  registerMatching(program, io);
  registerDev(program, io);
  return program;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
      )
        return EXIT_OK;
      return EXIT_USAGE;
    }
    const payload = toErrorPayload(error);
    if (program.opts<{ json?: boolean }>().json) io.stderr(`${JSON.stringify({ error: payload })}\n`);
    else io.stderr(`kassenwart: ${payload.message} (${payload.code})\n`);
    return EXIT_ERROR;
  }
}
