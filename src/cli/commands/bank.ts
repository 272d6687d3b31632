/**
 * Bank commands: `import FILE...`, `postings`, `csv-profile add|list` (csv-profile.ts), `watch [FOLDER]`
 * (`accounts` is accounts.ts). JSON output (global --json) is a public interface: camelCase, stable field names
 * (see README "Bank import").
 */
import { InvalidArgumentError, type Command } from 'commander';
import { ValidationError } from '#core/errors.ts';
import { POSTING_STATUS_FILTERS, type PostingStatusFilter } from '#core/bank/postings-query.ts';
import type { FileResult, MatchingAfterImport } from '#core/bank/import-service.ts';
import { type Io, formatFor, printJson, withCore } from '../context.ts';
import type { CliFormat } from '../i18n.ts';
import { registerCsvProfile } from './csv-profile.ts';

function parseStatus(value: string): PostingStatusFilter {
  if (!(POSTING_STATUS_FILTERS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`one of ${POSTING_STATUS_FILTERS.join(', ')}`);
  return value as PostingStatusFilter;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number');
  return n;
}

/** `--limit`: at least one, as for queue and assignments (0 would print nothing but the total). */
function parsePositiveCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return n;
}

/** A calendar date as `YYYY-MM-DD` (DESIGN §3.2: posting dates), a real one (no 2026-02-30). */
export function parseIsoDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value)
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD, e.g. 2026-11-01.');
  return value;
}

/** The JSON shape of one file's result (postingIds left out: they can be 100 000 long). */
export function fileResultJson(r: FileResult): Record<string, unknown> {
  if (!r.ok) return { file: r.file, ok: false, error: r.error };
  const { postingIds: _ids, ...rest } = r;
  return rest;
}

function describeResult(r: FileResult, f: CliFormat): string {
  const t = f.t.imported;
  if (!r.ok) {
    // Import errors start with the file (and line) they are about: print the file once.
    const { message, code } = r.error;
    return message.startsWith(r.file) ? t.failedNamed(message, code) : t.failed(r.file, message, code);
  }
  const accounts = r.accounts
    .map((a) => `${a.iban ?? a.otherId ?? '?'}${a.created ? t.newAccount : ''}`)
    .join(', ');
  // Balances that could not be compared (different currencies) say so, rather than just "not available".
  const balance =
    r.balanceCheck === 'not_available' && r.warnings.some((w) => w.code === 'BALANCE_NOT_CHECKED')
      ? 'not_checked'
      : r.balanceCheck;
  const lines = [
    t.head(r.file, `${r.format}${r.version ? ` (${r.version})` : ''}`, accounts),
    t.counts(f.count(r.new), f.count(r.duplicate), f.count(r.replaced), t.balance[balance] ?? balance),
    ...r.warnings.map((w) => t.warning(w.code, w.message)),
  ];
  return lines.join('\n');
}

/** The matcher's run after the import, in one line: what it assigned, what waits in the queue. */
function describeMatching(m: MatchingAfterImport, f: CliFormat): string {
  return f.t.imported.matching(
    f.counted(m.auto),
    f.counted(m.suggested),
    f.counted(m.none),
    f.counted(m.returns),
  );
}

export function registerBank(program: Command, io: Io): void {
  program
    .command('import')
    .description(
      'import bank statement files (CAMT.052/053/054, MT940/MT942, CSV, ZIP of these); format from content',
    )
    .argument('<files...>', 'statement files')
    .option(
      '--account <account>',
      'the account the files belong to: its IBAN (checked), id:N or the id of a known account without IBAN ("kassenwart accounts" lists them; needed when a file names none, e.g. many CSV exports)',
    )
    .option('--csv-profile <name>', 'CSV mapping profile to use')
    .action((files: string[], cmd: { account?: string; csvProfile?: string }) =>
      withCore(program, io, async (core, options) => {
        const importOptions = {
          actor: 'cli',
          ...(cmd.account ? { accountIban: cmd.account } : {}),
          ...(cmd.csvProfile ? { csvProfile: cmd.csvProfile } : {}),
        };
        // A folder among the files is refused by the core with what to do instead (IMPORT_IS_A_FOLDER).
        const { results, matching } = await core.bank.importFilesWithMatching(files, importOptions);
        if (options.json) printJson(io, { results: results.map(fileResultJson), matching });
        else {
          const f = formatFor(options, io);
          const after = matching ? [describeMatching(matching, f)] : [];
          io.stdout(`${[...results.map((r) => describeResult(r, f)), ...after].join('\n')}\n`);
        }
        const failed = results.filter((r) => !r.ok).length;
        if (failed > 0)
          throw new ValidationError(
            'IMPORT_FILES_FAILED',
            `${failed} of ${files.length} file(s) could not be imported; nothing was stored from them.`,
          );
      }),
    );

  program
    .command('postings')
    .description('list bank postings, newest first')
    .option('--status <status>', `filter: ${POSTING_STATUS_FILTERS.join(', ')}`, parseStatus)
    .option(
      '--account <account>',
      'only this account: its IBAN, id:N or other id, as import --account takes it ("kassenwart accounts" lists them)',
    )
    .option('--from <date>', 'booking date (value date if pending) from (YYYY-MM-DD)', parseIsoDate)
    .option('--to <date>', 'booking date (value date if pending) to (YYYY-MM-DD, inclusive)', parseIsoDate)
    .option('--limit <n>', 'at most n postings (default 100)', parsePositiveCount)
    .option('--offset <n>', 'skip n postings', parseCount)
    .action(
      (cmd: {
        status?: PostingStatusFilter;
        account?: string;
        from?: string;
        to?: string;
        limit?: number;
        offset?: number;
      }) =>
        withCore(program, io, (core, options) => {
          const limit = cmd.limit ?? 100;
          const offset = cmd.offset ?? 0;
          const page = core.bank.listPostings({
            limit,
            offset,
            ...(cmd.status ? { status: cmd.status } : {}),
            // Whatever import --account takes; an account that is not known is an error (ACCOUNT_NOT_FOUND).
            ...(cmd.account ? { accountId: core.bank.findAccount(cmd.account).id } : {}),
            ...(cmd.from ? { from: cmd.from } : {}),
            ...(cmd.to ? { to: cmd.to } : {}),
          });
          if (options.json) {
            printJson(io, { total: page.total, limit, offset, items: page.items });
            return;
          }
          const f = formatFor(options, io);
          const lines = page.items.map((p) =>
            [
              `#${p.id}`.padEnd(7), // the id assign / ignore take
              f.date(p.bookingDate ?? p.valueDate ?? '----------').padEnd(12),
              f.money(p.amountMinor, p.currency).padStart(16),
              f.postingState(p.status).padEnd(20),
              p.bookingStatus === 'pending' ? `${f.t.pending} ` : '',
              (p.counterpartyName ?? '').slice(0, 30).padEnd(30),
              (p.remittance ?? '').slice(0, 60),
            ].join(' '),
          );
          io.stdout(`${lines.join('\n')}${lines.length ? '\n' : ''}${f.t.postings(f.counted(page.total))}\n`);
        }),
    );

  registerCsvProfile(program, io);

  program
    .command('watch')
    .description('set (or show) the watch folder: new statement files there are imported by "kassenwart run"')
    .argument('[folder]', 'folder to watch')
    .option('--off', 'stop watching any folder')
    .action((folder: string | undefined, cmd: { off?: boolean }) =>
      withCore(program, io, (core, options) => {
        if (cmd.off) core.bank.setWatchFolder(null);
        else if (folder) core.bank.setWatchFolder(folder);
        const current = core.bank.getWatchFolder();
        if (options.json) printJson(io, { watchFolder: current });
        else {
          const t = formatFor(options, io).t.watch;
          io.stdout(`${current ? t.folder(current) : t.none}\n`);
        }
      }),
    );
}
