/**
 * Creating and unlocking a store: the key file (how the key is protected), the SecretStore it implies, and
 * the encrypted database opened with the key from that SecretStore.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../deps.ts';
import { DatabaseError, SecretError } from '../errors.ts';
import { type Db, openDatabase } from '../db/open.ts';
import { type KeyMode, keyFilePathFor, readKeyFile } from './key-file.ts';
import { KeyringStore } from './keyring-store.ts';
import { DEFAULT_SCRYPT, PassphraseVault } from './passphrase-vault.ts';
import { type SafeStorageLike, SafeStorageStore } from './safe-storage-store.ts';
import type { ScryptParams } from './key-file.ts';

export const DB_KEY_SECRET = 'db-key';

export type KeySources = {
  /** Returns the passphrase (environment variable or prompt), or undefined when none can be had. */
  passphrase?: () => string | undefined;
  safeStorage?: SafeStorageLike;
  /** Lower scrypt cost for tests; production uses the default. */
  scrypt?: Omit<ScryptParams, 'salt'>;
};

export type Store = { db: Db; secrets: SecretStore; keyMode: KeyMode };

function needPassphrase(sources: KeySources, dbPath: string): string {
  const passphrase = sources.passphrase?.();
  if (passphrase === undefined) {
    throw new SecretError(
      'PASSPHRASE_REQUIRED',
      `${dbPath} is protected by a passphrase. Set KASSENWART_PASSPHRASE or run the command in a terminal to be asked.`,
    );
  }
  return passphrase;
}

/** Creates a new database and its key file. Refuses if either exists; cleans up after itself on failure. */
export function createStore(
  dbPath: string,
  mode: KeyMode,
  sources: KeySources,
  migrationsFolder?: string,
): Store {
  const keyPath = keyFilePathFor(dbPath);
  if (existsSync(dbPath)) {
    throw new DatabaseError(
      'DB_EXISTS',
      `A database already exists at ${dbPath}; refusing to create a new one over it.`,
    );
  }
  if (existsSync(keyPath)) {
    throw new SecretError(
      'KEY_FILE_EXISTS',
      `A key file exists at ${keyPath} without its database. Move it away if it is stale; refusing to replace it.`,
    );
  }
  let secrets: SecretStore;
  if (mode === 'passphrase') {
    secrets = PassphraseVault.create(
      keyPath,
      needPassphrase(sources, dbPath),
      sources.scrypt ?? DEFAULT_SCRYPT,
    );
  } else if (mode === 'keyring') {
    secrets = KeyringStore.create(keyPath);
  } else {
    if (!sources.safeStorage)
      throw new SecretError('SAFE_STORAGE_UNAVAILABLE', 'Safe storage is only available in the desktop app.');
    secrets = SafeStorageStore.create(keyPath, sources.safeStorage);
  }
  try {
    const keyHex = randomBytes(32).toString('hex');
    secrets.set(DB_KEY_SECRET, keyHex);
    const db = openDatabase({ path: dbPath, keyHex, mode: 'create', migrationsFolder });
    if (process.platform !== 'win32') chmodSync(dbPath, 0o600);
    return { db, secrets, keyMode: mode };
  } catch (error) {
    // Nothing half-made survives: no database existed before, so remove what this call created.
    secrets.delete(DB_KEY_SECRET);
    for (const file of [keyPath, dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(file, { force: true });
    throw error;
  }
}

/**
 * Why the file at `dbPath` cannot be a Kassenwart database, or undefined when it may be one: a Kassenwart database is
 * encrypted from its first byte on (SQLCipher), so a folder, a plain SQLite file ("SQLite format 3" header) or a text
 * file (XML, CSV, JSON: its first bytes all printable) is something else. Read only when the key file is missing.
 */
function notAKassenwartDatabase(dbPath: string): string | undefined {
  if (statSync(dbPath).isDirectory())
    return `${dbPath} is a folder, not a database. Pass --db with the path of the database file (e.g. ${join(dbPath, 'kassenwart.db')}).`;
  const head = Buffer.alloc(512);
  const fd = openSync(dbPath, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = head.subarray(0, n);
  // Encrypted pages look random: 512 bytes without a control character are text, by a margin of ~1e-28.
  const what =
    n === 0
      ? 'an empty file'
      : bytes.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000'
        ? 'a plain (unencrypted) SQLite database'
        : bytes.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127))
          ? 'a text file'
          : undefined;
  return what
    ? `${dbPath} is ${what}, not a Kassenwart database (those are encrypted, with a key file ${keyFilePathFor(dbPath)} beside them). Check the path given with --db or KASSENWART_DB.`
    : undefined;
}

/** Unlocks an existing database. Never creates anything. */
export function openStore(dbPath: string, sources: KeySources, migrationsFolder?: string): Store {
  const keyPath = keyFilePathFor(dbPath);
  const file = readKeyFile(keyPath);
  if (!file) {
    if (existsSync(dbPath)) {
      // A path that is no Kassenwart database at all (a mistyped --db) gets told so, not to restore a key file.
      const notOurs = notAKassenwartDatabase(dbPath);
      if (notOurs) throw new DatabaseError('DB_NOT_KASSENWART', notOurs);
      throw new SecretError(
        'KEY_FILE_MISSING',
        `The key file ${keyPath} is missing, so ${dbPath} cannot be decrypted. Restore the key file from your backup.`,
      );
    }
    throw new DatabaseError(
      'DB_NOT_FOUND',
      `No database at ${dbPath}. Run "kassenwart init" first, or pass --db with the path of your database.`,
    );
  }
  let secrets: SecretStore;
  if (file.mode === 'passphrase') {
    secrets = PassphraseVault.open(keyPath, needPassphrase(sources, dbPath));
  } else if (file.mode === 'keyring') {
    secrets = KeyringStore.open(keyPath);
  } else {
    if (!sources.safeStorage) {
      throw new SecretError(
        'SAFE_STORAGE_ONLY',
        `${dbPath} is protected by the desktop app's safe storage; open it in the Kassenwart desktop app.`,
      );
    }
    secrets = SafeStorageStore.open(keyPath, sources.safeStorage);
  }
  const keyHex = secrets.get(DB_KEY_SECRET);
  if (!keyHex) {
    throw new SecretError(
      'DB_KEY_MISSING',
      `The key for ${dbPath} is not in the ${file.mode === 'keyring' ? 'OS keyring' : 'key file'}. Restore it from your backup.`,
    );
  }
  const db = openDatabase({ path: dbPath, keyHex, mode: 'open', migrationsFolder });
  return { db, secrets, keyMode: file.mode };
}
