/**
 * `kassenwart [--db PATH] [--json] <command>`. A thin shell over the core: parse, call, print.
 * Exit codes: 0 ok, 1 error (with a message that says what to do), 2 usage.
 */
import { Command, CommanderError, Option } from 'commander';
import { CLI_LANGUAGES, resolveCliLocale, unknownLanguageWarning } from './i18n.ts';
import { toErrorPayload } from '#core/errors.ts';
import { processIo, type Io } from './context.ts';
import { registerInit, registerStatus } from './commands/status.ts';
import { registerServe } from './commands/serve.ts';
import { registerDev } from './commands/dev.ts';
import { registerDemo } from './commands/demo.ts';
import { registerBank } from './commands/bank.ts';
import { registerAccounts } from './commands/accounts.ts';
import { registerShops } from './commands/shops.ts';
import { registerMatching } from './commands/matching.ts';
import { registerNotifications } from './commands/notifications.ts';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/** `--json` among the arguments (before a `--`): usage errors are then JSON as well. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/** The value of `--lang` among the arguments (before a `--`), read before commander parses them. */
export function langArgument(argv: readonly string[]): string | undefined {
  const end = argv.indexOf('--');
  const args = end === -1 ? argv : argv.slice(0, end);
  const at = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at === -1) return undefined;
  const arg = args[at] ?? '';
  return arg === '--lang' ? args[at + 1] : arg.slice('--lang='.length);
}

export function buildProgram(io: Io, json = false): Command {
  const program = new Command('kassenwart')
    .description('Payment reconciliation for small online merchants: shop orders, bank postings, matching.')
    .option('--db <path>', 'database file (default: KASSENWART_DB, else the per-user app-data folder)')
    .option('--json', 'machine-readable output (camelCase JSON on stdout)')
    .addOption(
      new Option(
        '--lang <language>',
        'language of human-readable output (default: KASSENWART_LANG, else LC_ALL / LC_MESSAGES / LANG when German or English, else de)',
      ).choices([...CLI_LANGUAGES]),
    )
    .showHelpAfterError()
    .exitOverride()
    // With --json a usage error is printed by main() as {"error":{"code":"USAGE",…}}, without the help text.
    .configureOutput(
      json
        ? { writeOut: io.stdout, writeErr: () => undefined, outputError: () => undefined }
        : { writeOut: io.stdout, writeErr: io.stderr },
    );
  registerInit(program, io);
  registerStatus(program, io);
  registerServe(program, io);
  registerDemo(program, io);
  // area commands: bank
  registerBank(program, io);
  registerAccounts(program, io);
  // area commands: shops
  registerShops(program, io);
  // area commands: matching
  registerMatching(program, io);
  // area commands: notifications
  registerNotifications(program, io);
  registerDev(program, io);
  return program;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const json = wantsJson(argv);
  const program = buildProgram(io, json);
  const languageWarning = unknownLanguageWarning(
    io.env,
    resolveCliLocale(langArgument(argv), io.env).language,
  );
  if (languageWarning && !json) io.stderr(`kassenwart: ${languageWarning}\n`);
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
      if (json) {
        const message = error.message.replace(/^error: /, '');
        io.stderr(`${JSON.stringify({ error: { code: 'USAGE', message } })}\n`);
      }
      return EXIT_USAGE;
    }
    const payload = toErrorPayload(error);
    if (program.opts<{ json?: boolean }>().json) io.stderr(`${JSON.stringify({ error: payload })}\n`);
    else io.stderr(`kassenwart: ${payload.message} (${payload.code})\n`);
    return EXIT_ERROR;
  }
}
