/**
 * The CLI's logger: JSON lines on stderr from the level KASSENWART_LOG names (debug, info, warn, error; default
 * warn), and, in human output, one line per finished sync job on stdout in the user's language, so that
 * `kassenwart run` says what it did without a log level to set (issue R15).
 */
import { createStderrLogger, type Logger, type LogLevel } from '#core/deps.ts';
import { SYNC_JOB_DONE, type SyncJobDone } from '#core/sync/job-events.ts';
import type { CliFormat } from './i18n.ts';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** KASSENWART_LOG as a level; unset or anything else is `warn`. */
export function logLevelFrom(env: NodeJS.ProcessEnv): LogLevel {
  const value = env['KASSENWART_LOG']?.toLowerCase();
  return LEVELS.find((level) => level === value) ?? 'warn';
}

/** "27.11.2026, 19:47 Laden (neue Bestellungen): 2 Bestellungen gelesen, 2 neu, …" or "… fehlgeschlagen – …". */
export function describeSyncJob(job: SyncJobDone, f: CliFormat): string {
  const t = f.t.shops;
  const shop = `${job.shop} (${f.t.syncJob.kind[job.kind] ?? job.kind})`;
  const text = job.error
    ? t.syncFailed(shop, job.error.message, job.error.code)
    : t.synced(
        shop,
        f.counted(job.ordersSeen),
        f.count(job.ordersNew),
        f.count(job.ordersChanged),
        f.count(job.ordersRemoved),
        f.counted(job.requests),
      );
  return f.t.syncJob.line(f.instant(job.finishedAt), text);
}

/** `format` undefined: JSON output (--json), where stdout carries nothing but the command's JSON. */
export function createCliLogger(
  env: NodeJS.ProcessEnv,
  stdout: (text: string) => void,
  format: CliFormat | undefined,
): Logger {
  const stderr = createStderrLogger(logLevelFrom(env));
  if (!format) return stderr;
  return {
    log(level, message, fields) {
      if (message === SYNC_JOB_DONE && fields) stdout(`${describeSyncJob(fields as SyncJobDone, format)}\n`);
      else stderr.log(level, message, fields);
    },
  };
}
