/**
 * The bank import service: files in, postings stored, a result per file (issue 3 §5).
 *
 * One file (a ZIP archive counts as one file with all its members) = one synchronous SQLite transaction
 * (better-sqlite3 `transaction`, no await inside): a broken file imports nothing. Parsing streams inside the
 * transaction, so memory stays bounded while atomicity holds. After a successful commit the injected
 * `afterImport` hook runs (the matcher hooks in there).
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Clock, Logger } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { bankAccounts, postings, settings } from '../db/schema/index.ts';
import { isKassenwartError, toErrorPayload, ValidationError } from '../errors.ts';
import { importStatementFile, type FileImportSummary } from './import-file.ts';
import { EncodingRetry, openStatementFiles, type CsvParse, type ReadOptions } from './read-statement.ts';
import { sourceFromBytes, sourceFromPath, type ByteSource } from './source.ts';
import { makeCsvParse } from './csv/adapter.ts';
import { getCsvProfile, listCsvProfiles, saveCsvProfile } from './csv/profiles.ts';
import type { CsvProfileInput } from './csv/profile.ts';
import { ImportError } from './import-error.ts';
import { chooseAccount, findAccount, type AccountChoice } from './account-option.ts';
import { listAccounts } from './accounts-query.ts';
import { listPostings, type PostingQuery } from './postings-query.ts';
import type { RunSummary } from '../matching/match-service.ts';

export type ImportOptions = { accountIban?: string; csvProfile?: string; actor?: string };

export type FileResult =
  ({ ok: true } & FileImportSummary) | { ok: false; file: string; error: { code: string; message: string } };

export type AfterImportEvent = { results: FileImportSummary[]; postingIds: number[] };

/** What the afterImport hook may report back: the counts of the matcher run it made (match-service.ts RunSummary). */
export type AfterImportReport = Pick<
  RunSummary,
  'auto' | 'suggested' | 'none' | 'returns' | 'debits' | 'assignmentsCreated' | 'assignmentsUndone'
>;

/**
 * What the matcher did after an import of several files (it runs after each file that added postings): postings
 * assigned automatically, returns processed, debits set aside, assignments made and undone, summed over the runs;
 * `suggested` and `none` are the manual queue after the last run (postings of earlier imports included), with and
 * without a suggestion.
 */
export type MatchingAfterImport = AfterImportReport;

export type BankServiceDeps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  /**
   * Runs after each committed import that added or replaced postings; errors are logged, never undo the import.
   * What it reports (the matcher's counts) is summed up by importFilesWithMatching.
   */
  afterImport?: (event: AfterImportEvent) => AfterImportReport | void | Promise<AfterImportReport | void>;
  csv?: CsvParse;
};

export const WATCH_FOLDER_KEY = 'bank.watchFolder';

export function createBankService(deps: BankServiceDeps) {
  const { db, clock, logger } = deps;
  // CSV profiles by name: built-in bank layouts or the ones the merchant stored (csv/profiles.ts).
  const csv = deps.csv ?? makeCsvParse((name) => getCsvProfile({ db }, name).profile);

  /**
   * Imports one source atomically; throws ImportError (nothing stored) or returns one summary per statement file.
   * An account given in the options is checked first (account-option.ts: IMPORT_ACCOUNT_INVALID / _UNKNOWN).
   */
  function importSourceSync(
    source: ByteSource,
    options: ImportOptions,
    account: AccountChoice | undefined = options.accountIban
      ? chooseAccount(db, options.accountIban)
      : undefined,
  ): FileImportSummary[] {
    const given = account
      ? 'iban' in account
        ? { accountIban: account.iban }
        : { accountOtherId: account.otherId }
      : {};
    const run = (read: ReadOptions): FileImportSummary[] =>
      db.$client.transaction(() => {
        const now = clock.now().toISOString();
        const files = openStatementFiles(source, read, csv);
        return files.map((file) =>
          importStatementFile(file, { db, now, actor: options.actor ?? 'import', ...given }),
        );
      })();
    // Without --csv-profile, a CSV for a known account uses the profile stored with that account.
    const accountProfile = account
      ? db
          .select({ p: bankAccounts.csvProfile })
          .from(bankAccounts)
          .where(
            'iban' in account
              ? eq(bankAccounts.iban, account.iban)
              : eq(bankAccounts.otherId, account.otherId),
          )
          .get()?.p
      : undefined;
    const profile = options.csvProfile ?? accountProfile ?? undefined;
    const read: ReadOptions = profile ? { csvProfile: profile } : {};
    // A large statement touches index pages all over the file; with SQLite's default 2 MB page cache they are
    // spilled and re-encrypted many times before the commit. 16 MB for the import (measured: less CPU, RSS
    // stays under the 250 MB goal), then back.
    const previousCache = db.$client.pragma('cache_size', { simple: true }) as number;
    db.$client.pragma('cache_size = -16384');
    try {
      return run(read);
    } catch (error) {
      if (!(error instanceof EncodingRetry)) throw wrap(error, source.name);
      const results = (() => {
        try {
          return run({ ...read, forceEncoding: 'windows-1252' });
        } catch (again) {
          throw wrap(again, source.name);
        }
      })();
      for (const r of results)
        r.warnings.unshift({
          code: 'ENCODING_FALLBACK',
          message: `${error.fileName} declares UTF-8 but is not; read as Windows-1252.`,
        });
      return results;
    } finally {
      db.$client.pragma(`cache_size = ${previousCache}`);
    }
  }

  /** Runs the hook; its report, `undefined` when it did not run (nothing added) or reported nothing, or 'failed'. */
  async function runHook(results: FileImportSummary[]): Promise<AfterImportReport | undefined | 'failed'> {
    const postingIds = results.flatMap((r) => r.postingIds);
    if (!deps.afterImport || postingIds.length === 0) return undefined;
    try {
      return (await deps.afterImport({ results, postingIds })) ?? undefined;
    } catch (error) {
      logger.log('error', 'afterImport hook failed', { error: toErrorPayload(error) });
      return 'failed';
    }
  }

  async function importSources(
    sources: (() => ByteSource)[],
    names: string[],
    options: ImportOptions,
  ): Promise<{ results: FileResult[]; matching: MatchingAfterImport | null }> {
    // A wrong --account fails the whole call before any file is read: it is the same for every file.
    const account = options.accountIban ? chooseAccount(db, options.accountIban) : undefined;
    const out: FileResult[] = [];
    const reports: (AfterImportReport | 'failed')[] = [];
    for (const [i, make] of sources.entries()) {
      try {
        const results = importSourceSync(make(), options, account);
        out.push(...results.map((r) => ({ ok: true as const, ...r })));
        const report = await runHook(results);
        if (report) reports.push(report);
      } catch (error) {
        out.push({ ok: false, file: names[i] ?? '?', error: toErrorPayload(error) });
      }
    }
    return { results: out, matching: sumReports(reports) };
  }

  const pathSource = (p: string) => (): ByteSource => {
    // A folder is refused with what to do instead (reading it would fail with EISDIR).
    if (statSync(p, { throwIfNoEntry: false })?.isDirectory())
      throw new ImportError(
        'IMPORT_IS_A_FOLDER',
        `${p} is a folder, not a statement file. Give the files in it (e.g. ${join(p, '*.xml')}), or make it the watch folder, whose new files are imported as they arrive.`,
        { file: p },
      );
    try {
      // Results and errors name the file as the caller gave it (archive members as `<path>/<member>`).
      return sourceFromPath(p, p);
    } catch (error) {
      throw new ImportError(
        'IMPORT_FILE_UNREADABLE',
        `Cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check the path.`,
        { file: p },
      );
    }
  };

  return {
    importSourceSync,
    /** Each path is imported on its own (atomic per file); failures are reported per file, not thrown. */
    importFiles: async (paths: string[], options: ImportOptions = {}) =>
      (await importSources(paths.map(pathSource), paths, options)).results,
    /**
     * As importFiles, plus what the matcher run after the import did (`kassenwart import`): null when it did not
     * run (no file added postings) or failed (logged; `kassenwart match` runs it again).
     */
    importFilesWithMatching: (paths: string[], options: ImportOptions = {}) =>
      importSources(paths.map(pathSource), paths, options),
    importBytes: async (name: string, bytes: Uint8Array, options: ImportOptions = {}) =>
      (await importSources([() => sourceFromBytes(name, bytes)], [name], options)).results,
    listPostings: (query: PostingQuery = {}) => listPostings(db, query),
    getWatchFolder(): string | null {
      const row = db.select().from(settings).where(eq(settings.key, WATCH_FOLDER_KEY)).get();
      return typeof row?.value === 'string' ? row.value : null;
    },
    /**
     * Sets (or with null clears) the watch folder; it must exist and be a folder (a typo would otherwise be watched
     * silently). Stored as an absolute path; returns it.
     */
    setWatchFolder(folder: string | null): string | null {
      const now = clock.now().toISOString();
      if (folder === null) {
        db.delete(settings).where(eq(settings.key, WATCH_FOLDER_KEY)).run();
        return null;
      }
      const path = existingFolder(folder);
      db.insert(settings)
        .values({ key: WATCH_FOLDER_KEY, value: path, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: path, updatedAt: now } })
        .run();
      return path;
    },
    accounts: () => db.select().from(bankAccounts).orderBy(asc(bankAccounts.id)).all(),
    /** The known accounts with their posting counts and last import (`kassenwart accounts`). */
    listAccounts: () => listAccounts(db),
    /** The known account an --account value names, as import takes it (ACCOUNT_NOT_FOUND otherwise). */
    findAccount: (value: string) => findAccount(db, value),
    /** Stores a user CSV profile (validated; CSV_PROFILE_INVALID / _RESERVED / _EXISTS), used by --csv-profile NAME. */
    saveCsvProfile: (input: CsvProfileInput, options: { replace?: boolean } = {}) =>
      saveCsvProfile({ db, clock }, input, options),
    listCsvProfiles: () => listCsvProfiles({ db }),
    postingCount: (where?: SQL) => db.$count(postings, where ?? and()),
  };
}

export type BankService = ReturnType<typeof createBankService>;

/** The matcher runs of one import as one report (see MatchingAfterImport); null when none ran or one failed. */
function sumReports(reports: (AfterImportReport | 'failed')[]): MatchingAfterImport | null {
  const runs = reports.filter((r): r is AfterImportReport => r !== 'failed');
  const last = runs.at(-1);
  if (!last || runs.length < reports.length) return null;
  const sum = (key: keyof AfterImportReport) => runs.reduce((n, r) => n + r[key], 0);
  return {
    auto: sum('auto'),
    suggested: last.suggested,
    none: last.none,
    returns: sum('returns'),
    debits: sum('debits'),
    assignmentsCreated: sum('assignmentsCreated'),
    assignmentsUndone: sum('assignmentsUndone'),
  };
}

/** The folder as an absolute path, when it exists and is a folder (WATCH_FOLDER_NOT_FOUND / _NOT_A_FOLDER). */
function existingFolder(folder: string): string {
  const path = resolve(folder);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat)
    throw new ValidationError(
      'WATCH_FOLDER_NOT_FOUND',
      `The folder ${path} does not exist. Create it first, or give the folder your bank statements are saved to.`,
    );
  if (!stat.isDirectory())
    throw new ValidationError(
      'WATCH_FOLDER_NOT_A_FOLDER',
      `${path} is a file, not a folder. Give the folder to watch; import a single file as a statement.`,
    );
  return path;
}

function wrap(error: unknown, file: string): unknown {
  if (isKassenwartError(error)) {
    if (error instanceof ImportError && !error.file)
      return new ImportError(error.code, error.message, { file });
    return error;
  }
  // Anything unexpected while reading a file is still reported as a typed import error naming the file.
  const message = error instanceof Error ? error.message : String(error);
  return new ImportError('IMPORT_FAILED', `Import failed: ${message}. Nothing was imported from this file.`, {
    file,
  });
}
