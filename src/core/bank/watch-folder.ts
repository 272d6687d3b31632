/**
 * Watch folder (issue 3 §7): statement files dropped into one folder (setting `bank.watchFolder`) are imported
 * automatically, then moved to `imported/` or to `failed/` with `<file>.error.txt` (code and message) next to
 * them. Only the folder's own files are watched (depth 0), never the two subfolders. chokidar's
 * awaitWriteFinish waits until a file stops growing, so half-written downloads are not read. Imports run one
 * after another.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import chokidar from 'chokidar';
import type { Logger } from '../deps.ts';
import type { BankService, FileResult, ImportOptions } from './import-service.ts';

export type WatchEvent = { file: string; movedTo: string; results: FileResult[] };

export type WatchFolderOptions = {
  folder: string;
  bank: Pick<BankService, 'importFiles'>;
  logger: Logger;
  importOptions?: ImportOptions;
  /** Called after each file was imported (or failed) and moved. */
  onFile?: (event: WatchEvent) => void;
  /** Milliseconds a file size must stay unchanged before it is read (chokidar awaitWriteFinish). */
  stabilityMs?: number;
};

export type WatchHandle = { ready: Promise<void>; stop(): Promise<void> };

const SKIP = /(^\.|\.error\.txt$|\.(part|tmp|crdownload|download|partial)$|~$)/i;

function freeName(dir: string, name: string): string {
  let candidate = join(dir, name);
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 2; existsSync(candidate); i++) candidate = join(dir, `${stem} (${i})${ext}`);
  return candidate;
}

export function startWatchFolder(options: WatchFolderOptions): WatchHandle {
  const { folder, bank, logger } = options;
  const importedDir = join(folder, 'imported');
  const failedDir = join(folder, 'failed');
  mkdirSync(importedDir, { recursive: true });
  mkdirSync(failedDir, { recursive: true });
  const watcher = chokidar.watch(folder, {
    depth: 0,
    ignoreInitial: false,
    ignored: (path, stats) => path !== folder && (SKIP.test(basename(path)) || stats?.isDirectory() === true),
    awaitWriteFinish: { stabilityThreshold: options.stabilityMs ?? 500, pollInterval: 50 },
  });
  let queue: Promise<void> = Promise.resolve();

  const handle = async (path: string): Promise<void> => {
    const name = basename(path);
    const results = await bank.importFiles([path], options.importOptions ?? {});
    const failed = results.filter((r) => !r.ok);
    const target = freeName(failed.length ? failedDir : importedDir, name);
    renameSync(path, target);
    if (failed.length) {
      const text = failed.map((f) => (f.ok ? '' : `${f.error.code}: ${f.error.message}`)).join('\n');
      writeFileSync(`${target}.error.txt`, `${text}\n`);
      logger.log('warn', 'watch folder: import failed', {
        file: name,
        codes: failed.map((f) => (f.ok ? '' : f.error.code)),
      });
    } else {
      logger.log('info', 'watch folder: imported', { file: name });
    }
    options.onFile?.({ file: path, movedTo: target, results });
  };

  watcher.on('add', (path) => {
    queue = queue
      .then(() => handle(path))
      .catch((error: unknown) =>
        logger.log('error', 'watch folder: could not process file', { file: path, error: String(error) }),
      );
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async stop() {
      await watcher.close();
      await queue;
    },
  };
}

/**
 * For `kassenwart run` (and the desktop app): starts watching the folder stored in the settings
 * (`bank.watchFolder`), or returns undefined when none is set.
 */
export function startConfiguredWatchFolder(
  bank: Pick<BankService, 'importFiles' | 'getWatchFolder'>,
  logger: Logger,
  extra: Omit<WatchFolderOptions, 'folder' | 'bank' | 'logger'> = {},
): WatchHandle | undefined {
  const folder = bank.getWatchFolder();
  if (!folder) return undefined;
  logger.log('info', 'watch folder: watching', { folder });
  return startWatchFolder({ folder, bank, logger, ...extra });
}
