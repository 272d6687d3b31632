/**
 * Creates the core for the desktop app. New databases keep their key in Electron safeStorage (design §2),
 * refusing the plain-text `basic_text` backend unless KASSENWART_ALLOW_PLAINTEXT_KEY=1; with
 * KASSENWART_PASSPHRASE set, a new database is protected by that passphrase instead (same rule as
 * `kassenwart init`). An existing database opens in whatever mode its key file records. Never replaces a file.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createApiHandlers, type ApiHandlers } from '#core/api/handlers.ts';
import { systemClock, type Logger } from '#core/deps.ts';
import { startConfiguredWatchFolder } from '#core/bank/watch-folder.ts';
import { createCore, type Core } from '#core/index.ts';
import { keyFilePathFor, readKeyFile, type KeyMode } from '#core/secrets/key-file.ts';
import { createStore, openStore, type KeySources, type Store } from '#core/secrets/open-store.ts';
import { assertSafeStorageUsable, type SafeStorageLike } from '#core/secrets/safe-storage-store.ts';

export type DesktopCoreOptions = {
  dbPath: string;
  migrationsFolder: string;
  safeStorage: SafeStorageLike;
  env: NodeJS.ProcessEnv;
  version: string;
  logger: Logger;
  /** Lower scrypt cost for tests of passphrase mode; the app uses the default. */
  scrypt?: KeySources['scrypt'];
};

export type DesktopCore = { core: Core; handlers: ApiHandlers; store: Store };

export function openDesktopCore(options: DesktopCoreOptions): DesktopCore {
  const { dbPath, migrationsFolder, safeStorage, env, logger } = options;
  const passphrase = env['KASSENWART_PASSPHRASE'];
  const allowPlainText = env['KASSENWART_ALLOW_PLAINTEXT_KEY'] === '1';
  const usableSafeStorage = (): SafeStorageLike => {
    assertSafeStorageUsable(safeStorage, allowPlainText);
    return safeStorage;
  };

  const existing = readKeyFile(keyFilePathFor(dbPath));
  let store: Store;
  if (!existing && !existsSync(dbPath)) {
    const mode: KeyMode = passphrase !== undefined ? 'passphrase' : 'safeStorage';
    mkdirSync(dirname(dbPath), { recursive: true, mode: 0o700 });
    const sources: KeySources =
      mode === 'passphrase'
        ? { passphrase: () => passphrase, scrypt: options.scrypt }
        : { safeStorage: usableSafeStorage() };
    store = createStore(dbPath, mode, sources, migrationsFolder);
    logger.log('info', 'created database', { dbPath, keyMode: mode });
  } else {
    // openStore reports a missing key file next to an existing database; no new database is made here.
    const sources: KeySources = { passphrase: () => passphrase };
    if (existing?.mode === 'safeStorage') sources.safeStorage = usableSafeStorage();
    store = openStore(dbPath, sources, migrationsFolder);
  }
  const core = createCore({ db: store.db, clock: systemClock, logger, secrets: store.secrets });
  const handlers = createApiHandlers(core, {
    version: options.version,
    databasePath: dbPath,
    keyMode: store.keyMode,
  });
  return { core, handlers, store };
}

/**
 * The long-running jobs of the desktop app, as in `kassenwart run`: shop sync schedules (which run the matcher
 * after each sync) and the bank watch folder, if one is configured.
 */
export function startBackgroundJobs(desktop: DesktopCore, logger: Logger): { stop(): Promise<void> } {
  const scheduler = desktop.core.shops.startScheduler();
  const watcher = startConfiguredWatchFolder(desktop.core.bank, logger);
  return {
    async stop() {
      await scheduler.stop();
      await watcher?.stop();
    },
  };
}
