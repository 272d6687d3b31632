import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '#core/db/open.ts';
import { auditLog, orders } from '#core/db/schema/index.ts';
import { writeAudit } from '#core/audit.ts';
import { createStore, openStore } from '#core/secrets/open-store.ts';
import { PassphraseVault } from '#core/secrets/passphrase-vault.ts';
import { keyFilePathFor } from '#core/secrets/key-file.ts';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { makeOrder } from '../../helpers/factories.ts';
import { FakeClock } from '../../helpers/clock.ts';

const FAST_SCRYPT = { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 } as const;

describe('encrypted database', () => {
  it('has no plaintext SQLite header and no plaintext row data in the file', () => {
    const t = makeTestDb();
    const marker = `Zahlungseingang-${randomBytes(8).toString('hex')}`;
    makeOrder(t.db, { customerName: marker, email: `${marker}@example.org` });
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    t.db.$client.close();
    const bytes = readFileSync(t.path);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    expect(bytes.includes(Buffer.from(marker))).toBe(false);
    expect(bytes.includes(Buffer.from('CREATE TABLE'))).toBe(false);
    expect(bytes.length).toBeGreaterThan(4096);
  });

  it('opens again with the right key and keeps the data', () => {
    const t = makeTestDb();
    const order = makeOrder(t.db, { number: 'WC-4711' });
    t.db.$client.close();
    const db = openDatabase({ path: t.path, keyHex: t.keyHex, mode: 'open' });
    expect(
      db
        .select()
        .from(orders)
        .all()
        .map((o) => o.number),
    ).toEqual([order.number]);
    db.$client.close();
  });

  it('refuses a wrong key with a clear error and leaves the file unchanged', () => {
    const t = makeTestDb();
    makeOrder(t.db);
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    t.db.$client.close();
    const before = readFileSync(t.path);
    expect(() =>
      openDatabase({ path: t.path, keyHex: randomBytes(32).toString('hex'), mode: 'open' }),
    ).toThrow(expect.objectContaining({ code: 'DB_WRONG_KEY' }));
    expect(readFileSync(t.path).equals(before)).toBe(true);
  });

  it('never creates a new database over an existing file, and never creates one when opening', () => {
    const t = makeTestDb();
    t.db.$client.close();
    expect(() => openDatabase({ path: t.path, keyHex: t.keyHex, mode: 'create' })).toThrow(
      expect.objectContaining({ code: 'DB_EXISTS' }),
    );
    const missing = join(tempDir(), 'missing.db');
    expect(() => openDatabase({ path: missing, keyHex: t.keyHex, mode: 'open' })).toThrow(
      expect.objectContaining({ code: 'DB_NOT_FOUND' }),
    );
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses a plain (unencrypted) SQLite file as a wrong key', async () => {
    const dir = tempDir();
    const path = join(dir, 'plain.db');
    const { default: Database } = await import('better-sqlite3-multiple-ciphers');
    const plain = new Database(path);
    plain.exec('CREATE TABLE t(a)');
    plain.close();
    expect(() => openDatabase({ path, keyHex: randomBytes(32).toString('hex'), mode: 'open' })).toThrow(
      expect.objectContaining({ code: 'DB_WRONG_KEY' }),
    );
  });

  it('says a mistyped --db is no Kassenwart database (folder, plain SQLite, text, empty), not to restore a key file', async () => {
    const dir = tempDir();
    const plain = join(dir, 'plain.db');
    const { default: Database } = await import('better-sqlite3-multiple-ciphers');
    const db = new Database(plain);
    db.exec('CREATE TABLE t(a)');
    db.close();
    const xml = join(dir, 'statement.xml');
    writeFileSync(xml, '<?xml version="1.0" encoding="UTF-8"?>\n<Document>Müller</Document>\n');
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    for (const [path, what] of [
      [dir, 'is a folder'],
      [plain, 'is a plain (unencrypted) SQLite database'],
      [xml, 'is a text file'],
      [empty, 'is an empty file'],
    ] as const) {
      expect(() => openStore(path, {}), path).toThrow(
        expect.objectContaining({
          code: 'DB_NOT_KASSENWART',
          message: expect.stringContaining(what) as unknown,
        }),
      );
    }
    // Bytes that look encrypted: the database may be ours, its key file is what is missing.
    const lost = join(dir, 'lost.db');
    writeFileSync(lost, randomBytes(4096));
    expect(() => openStore(lost, {})).toThrow(expect.objectContaining({ code: 'KEY_FILE_MISSING' }));
  });

  it('uses WAL and enforces foreign keys', () => {
    const t = makeTestDb();
    expect(t.db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => makeOrder(t.db, { shopId: 9999 })).toThrow(/FOREIGN KEY/);
  });

  it('keeps the audit log append-only at the database level', () => {
    const t = makeTestDb();
    writeAudit(t.db, new FakeClock(), { actor: 'test', entityType: 'order', entityId: 1, action: 'created' });
    expect(() => t.db.update(auditLog).set({ action: 'forged' }).run()).toThrow(/append-only/);
    expect(() => t.db.delete(auditLog).run()).toThrow(/append-only/);
    expect(t.db.select().from(auditLog).all()).toHaveLength(1);
  });
});

describe('key store', () => {
  it('passphrase mode: creates key file + database, reopens with the passphrase, refuses a wrong one', () => {
    const dir = tempDir();
    const path = join(dir, 'k.db');
    const store = createStore(path, 'passphrase', {
      passphrase: () => 'die richtige Passphrase',
      scrypt: FAST_SCRYPT,
    });
    makeOrder(store.db, { number: '1' });
    store.db.$client.close();
    const keyFile = readFileSync(keyFilePathFor(path), 'utf8');
    const dbKey = store.secrets.get('db-key');
    expect(dbKey).toMatch(/^[0-9a-f]{64}$/);
    expect(keyFile).not.toContain(dbKey);
    expect(JSON.parse(keyFile)).toMatchObject({ mode: 'passphrase', kdf: { name: 'scrypt', N: 1024 } });

    const again = openStore(path, { passphrase: () => 'die richtige Passphrase' });
    expect(again.db.select().from(orders).all()).toHaveLength(1);
    again.db.$client.close();

    expect(() => openStore(path, { passphrase: () => 'die falsche Passphrase' })).toThrow(
      expect.objectContaining({ code: 'WRONG_PASSPHRASE' }),
    );
    expect(() => openStore(path, {})).toThrow(expect.objectContaining({ code: 'PASSPHRASE_REQUIRED' }));
  });

  it('shop credentials go through the same vault, sealed, never in plain text', () => {
    const dir = tempDir();
    const path = join(dir, 'k.db');
    const store = createStore(path, 'passphrase', {
      passphrase: () => 'passphrase-for-tests',
      scrypt: FAST_SCRYPT,
    });
    store.secrets.set('shop:1', 'ck_supersecret');
    store.db.$client.close();
    expect(readFileSync(keyFilePathFor(path), 'utf8')).not.toContain('ck_supersecret');
    const vault = PassphraseVault.open(keyFilePathFor(path), 'passphrase-for-tests');
    expect(vault.get('shop:1')).toBe('ck_supersecret');
    vault.delete('shop:1');
    expect(PassphraseVault.open(keyFilePathFor(path), 'passphrase-for-tests').get('shop:1')).toBeUndefined();
  });

  it('a missing key file next to an existing database is an error, not a new database', () => {
    const dir = tempDir();
    const path = join(dir, 'k.db');
    createStore(path, 'passphrase', {
      passphrase: () => 'passphrase-for-tests',
      scrypt: FAST_SCRYPT,
    }).db.$client.close();
    const keyPath = keyFilePathFor(path);
    const saved = readFileSync(keyPath);
    writeFileSync(keyPath, '{ not json');
    expect(() => openStore(path, { passphrase: () => 'passphrase-for-tests' })).toThrow(
      expect.objectContaining({ code: 'KEY_FILE_CORRUPT' }),
    );
    writeFileSync(keyPath, saved);
    expect(() =>
      createStore(path, 'passphrase', { passphrase: () => 'passphrase-for-tests', scrypt: FAST_SCRYPT }),
    ).toThrow(expect.objectContaining({ code: 'DB_EXISTS' }));
  });

  it('safeStorage mode stores the key through the injected safeStorage and refuses basic_text', () => {
    const dir = tempDir();
    const path = join(dir, 's.db');
    // A stand-in with Electron's safeStorage shape: reversible, but not plain text.
    const fake = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
      decryptString: (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    };
    const store = createStore(path, 'safeStorage', { safeStorage: fake });
    const key = store.secrets.get('db-key');
    store.db.$client.close();
    expect(readFileSync(keyFilePathFor(path), 'utf8')).not.toContain(key);
    const reopened = openStore(path, { safeStorage: fake });
    reopened.db.$client.close();
    expect(() => openStore(path, {})).toThrow(expect.objectContaining({ code: 'SAFE_STORAGE_ONLY' }));
  });
});
