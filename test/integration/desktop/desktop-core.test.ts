import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '#core/deps.ts';
import { keyFilePathFor } from '#core/secrets/key-file.ts';
import { openDesktopCore, type DesktopCoreOptions } from '../../../src/main/desktop-core.ts';
import { tempDir } from '../../helpers/db.ts';

const FAST_SCRYPT = { name: 'scrypt' as const, N: 2 ** 10, r: 8, p: 1 };

/** A stand-in with Electron safeStorage's shape: reversible, not plain text, backend selectable. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true) {
  const flip = (buf: Buffer): Buffer => {
    const out = Buffer.from(buf);
    for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) ^ 0x5a;
    return out;
  };
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s: string) => flip(Buffer.from(s, 'utf8')),
    decryptString: (b: Buffer) => flip(b).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}

function options(dbPath: string, overrides: Partial<DesktopCoreOptions> = {}): DesktopCoreOptions {
  return {
    dbPath,
    migrationsFolder: join(import.meta.dirname, '../../../src/core/db/migrations'),
    safeStorage: fakeSafeStorage(),
    env: {},
    version: '9.9.9',
    logger: silentLogger,
    scrypt: FAST_SCRYPT,
    ...overrides,
  };
}

describe('openDesktopCore', () => {
  it('creates a new database with its key in safeStorage and reopens it', async () => {
    const dbPath = join(tempDir(), 'sub', 'kassenwart.db');
    const first = openDesktopCore(options(dbPath));
    expect(first.store.keyMode).toBe('safeStorage');
    const key = first.store.secrets.get('db-key');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    first.core.close();
    expect(readFileSync(dbPath).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(readFileSync(keyFilePathFor(dbPath), 'utf8')).not.toContain(key);

    const again = openDesktopCore(options(dbPath));
    try {
      expect(await again.handlers['app.info']({})).toEqual({
        version: '9.9.9',
        keyMode: 'safeStorage',
        databasePath: dbPath,
      });
      expect((await again.handlers['status.summary']({})).ordersTotal).toBe(0);
    } finally {
      again.core.close();
    }
  });

  it('refuses the plain-text basic_text backend unless the user opted in', () => {
    const dbPath = join(tempDir(), 'kassenwart.db');
    const basic = fakeSafeStorage('basic_text');
    expect(() => openDesktopCore(options(dbPath, { safeStorage: basic }))).toThrow(
      expect.objectContaining({ code: 'SAFE_STORAGE_PLAINTEXT' }),
    );
    expect(existsSync(dbPath)).toBe(false);
    expect(existsSync(keyFilePathFor(dbPath))).toBe(false);

    const optedIn = openDesktopCore(
      options(dbPath, { safeStorage: basic, env: { KASSENWART_ALLOW_PLAINTEXT_KEY: '1' } }),
    );
    optedIn.core.close();
    // Opening an existing safeStorage database applies the same rule.
    expect(() => openDesktopCore(options(dbPath, { safeStorage: basic }))).toThrow(
      expect.objectContaining({ code: 'SAFE_STORAGE_PLAINTEXT' }),
    );
  });

  it('refuses when the system offers no encryption at all', () => {
    const dbPath = join(tempDir(), 'kassenwart.db');
    expect(() =>
      openDesktopCore(options(dbPath, { safeStorage: fakeSafeStorage('gnome_libsecret', false) })),
    ).toThrow(expect.objectContaining({ code: 'SAFE_STORAGE_UNAVAILABLE' }));
    expect(existsSync(dbPath)).toBe(false);
  });

  it('uses the passphrase from KASSENWART_PASSPHRASE, and a wrong one leaves the file unchanged', () => {
    const dbPath = join(tempDir(), 'kassenwart.db');
    const created = openDesktopCore(
      options(dbPath, { env: { KASSENWART_PASSPHRASE: 'the right passphrase' } }),
    );
    expect(created.store.keyMode).toBe('passphrase');
    created.core.close();
    const before = readFileSync(dbPath);

    expect(() =>
      openDesktopCore(options(dbPath, { env: { KASSENWART_PASSPHRASE: 'the wrong passphrase' } })),
    ).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
    expect(() => openDesktopCore(options(dbPath, { env: {} }))).toThrow(
      expect.objectContaining({ code: 'PASSPHRASE_REQUIRED' }),
    );
    expect(readFileSync(dbPath).equals(before)).toBe(true);

    const reopened = openDesktopCore(
      options(dbPath, { env: { KASSENWART_PASSPHRASE: 'the right passphrase' } }),
    );
    expect(reopened.store.keyMode).toBe('passphrase');
    reopened.core.close();
  });

  it('never replaces a database whose key file is missing', () => {
    const dbPath = join(tempDir(), 'kassenwart.db');
    openDesktopCore(options(dbPath)).core.close();
    rmSync(keyFilePathFor(dbPath));
    const before = readFileSync(dbPath);
    expect(() => openDesktopCore(options(dbPath))).toThrow(
      expect.objectContaining({ code: 'KEY_FILE_MISSING' }),
    );
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    expect(existsSync(keyFilePathFor(dbPath))).toBe(false);
  });

  it('refuses a key file that belongs to another database', () => {
    const dir = tempDir();
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    openDesktopCore(options(a)).core.close();
    openDesktopCore(options(b)).core.close();
    writeFileSync(keyFilePathFor(b), readFileSync(keyFilePathFor(a)));
    expect(() => openDesktopCore(options(b))).toThrow(expect.objectContaining({ code: 'DB_WRONG_KEY' }));
  });
});
