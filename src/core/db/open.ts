/**
 * Opens the encrypted SQLite database: SQLCipher cipher, the raw 32-byte key as the very first statement,
 * then WAL, foreign keys and the committed drizzle-kit migrations in one transaction.
 * Never creates a new database over an existing file, and refuses a database from a newer app version.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { DatabaseError } from '../errors.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema> & { $client: Database.Database };
export type SqliteHandle = Database.Database;

export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export type OpenDatabaseOptions = {
  path: string;
  /** 32 random bytes, hex encoded (64 characters). */
  keyHex: string;
  /** 'create' requires that no file exists; 'open' requires that one does. */
  mode: 'create' | 'open';
  migrationsFolder?: string;
};

export function openDatabase(options: OpenDatabaseOptions): Db {
  const { path, keyHex, mode } = options;
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  if (!/^[0-9a-f]{64}$/i.test(keyHex)) {
    throw new DatabaseError(
      'DB_KEY_MALFORMED',
      'The database key is not 32 bytes of hex; the key store is damaged.',
    );
  }
  const exists = path !== ':memory:' && existsSync(path);
  if (mode === 'create' && exists) {
    throw new DatabaseError(
      'DB_EXISTS',
      `A database already exists at ${path}; refusing to create a new one over it.`,
    );
  }
  if (mode === 'open' && !exists) {
    throw new DatabaseError(
      'DB_NOT_FOUND',
      `No database at ${path}. Run "kassenwart init" first, or pass --db with the path of your database.`,
    );
  }

  let sqlite: SqliteHandle;
  try {
    sqlite = new Database(path, { fileMustExist: mode === 'open' });
  } catch (error) {
    throw databaseProblem(error, path) ?? error;
  }
  try {
    // sqlite3mc: choose the SQLCipher scheme, then the key must be the first statement that touches the file.
    sqlite.pragma(`cipher='sqlcipher'`);
    sqlite.pragma(`key="x'${keyHex}'"`);
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_NOTADB') {
        throw new DatabaseError(
          'DB_WRONG_KEY',
          `The key does not open ${path}: either the key belongs to another database or the file is not a Kassenwart database. Nothing was changed.`,
        );
      }
      throw error;
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db: Db = drizzle({ client: sqlite, schema });
    applyMigrations(db, sqlite, migrationsFolder, path);
    return db;
  } catch (error) {
    sqlite.close();
    throw databaseProblem(error, path) ?? error;
  }
}

/**
 * What an SQLite error means for the dealer, with the database's path and what to do; undefined for errors that are
 * no SQLite error (they keep their own code) or that say nothing about the file. Used at open and by the shells for
 * errors that surface later (a damaged page is only noticed when it is read).
 */
export function databaseProblem(error: unknown, path: string): DatabaseError | undefined {
  if (!(error instanceof Database.SqliteError)) return undefined;
  const code = error.code;
  // After the key has opened the file, "not a database" means a damaged page, as does SQLITE_CORRUPT_*.
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new DatabaseError(
      'DB_CORRUPT',
      `The database ${path} is damaged (SQLite: ${error.message}); Kassenwart cannot read it. Restore the database from your backup (with its key file ${path}.keys.json, where the key is kept in a passphrase-protected file rather than the OS keyring), or move the damaged file away and start again with "kassenwart init".`,
    );
  }
  if (code.startsWith('SQLITE_FULL')) {
    return new DatabaseError(
      'DB_DISK_FULL',
      `The disk holding ${path} is full (SQLite: ${error.message}); the last change was not saved. Free some space and run the command again.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new DatabaseError(
      'DB_PATH_NOT_WRITABLE',
      `Kassenwart cannot write the database ${path} or the files beside it (${path}-wal, ${path}-shm) (SQLite: ${error.message}). Make the file and its folder writable for you, or copy them to a folder that is.`,
    );
  }
  return undefined;
}

function applyMigrations(db: Db, sqlite: SqliteHandle, migrationsFolder: string, path: string): void {
  const known = readMigrationFiles({ migrationsFolder });
  const latestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
  const hasTable = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'`)
    .get();
  if (hasTable) {
    const row = sqlite
      .prepare('SELECT max(created_at) AS latest, count(*) AS n FROM __drizzle_migrations')
      .get() as {
      latest: number | null;
      n: number;
    };
    if ((row.latest ?? 0) > latestKnown || row.n > known.length) {
      throw new DatabaseError(
        'DB_TOO_NEW',
        `${path} was written by a newer version of Kassenwart (schema with ${row.n} migrations; this version knows ${known.length}). Update Kassenwart to open it.`,
      );
    }
  }
  // drizzle's migrator runs all pending migrations inside one BEGIN … COMMIT.
  migrate(db, { migrationsFolder });
}

export function closeDatabase(db: Db): void {
  db.$client.close();
}
