import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from '#core/db/open.ts';
import { makeTestDb } from '../../helpers/db.ts';

/**
 * Committed migrations are never edited (design §2). Each one's SHA-256 is pinned here; a new migration
 * needs a new line. Changing an existing line means rewriting history for every installed database.
 */
const PINNED: Record<string, string> = {
  '0000_init.sql': 'e1417d72087c9891b7754ca719782df297adfe410e92eadd0ed22f6aac15d935',
  '0001_audit_append_only.sql': '0c0d38ae561a3fe897e44b53c76656ba8e9b35b9f63a31fd39777f1f033d41ea',
  '0002_matching_learning_returns.sql': '13c80ff6842d066cb13e916254f150d752cd0718151baf6e91f2bbaf14d58d5a',
  '0003_shops_order_events.sql': '3c4f89d5eb3f42ad6462ac89f12f63aeb58605e5dd2fd4bfc1f04f541f121de3',
  '0004_bank_statements.sql': '79b905d290aaef2c726827d2143520266cc069b4c0e8248fd787bdbac05a938b',
  '0005_bank_csv_profiles.sql': '3dfb41d9c4dbf6583c27ab8e4c6396a51c979540a4c347b6d4238c320efbe26d',
  '0006_drop_unused_indexes.sql': 'c0b957af350f41e474511e79b2a1c3cda100226e19a2af0f21e8f230548d9b50',
  '0007_notification_text_optional.sql': 'ee9a69db22f82d87b463176aec2f86836017425f04494c989442e1910a71de55',
  '0008_notification_params.sql': '321363e9fca8e2c2505db7d123af566ba6f7d598989a0270fc6ca84293147bc3',
};

describe('migrations', () => {
  const files = readdirSync(DEFAULT_MIGRATIONS_FOLDER)
    .filter((f) => f.endsWith('.sql'))
    .sort();

  it.each(Object.entries(PINNED))('%s is unchanged', (file, hash) => {
    const sql = readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, file));
    expect(createHash('sha256').update(sql).digest('hex')).toBe(hash);
  });

  it('every migration in the folder is pinned', () => {
    expect(files).toEqual(Object.keys(PINNED).sort());
  });

  it('the journal lists every migration file', () => {
    expect(readMigrationFiles({ migrationsFolder: DEFAULT_MIGRATIONS_FOLDER })).toHaveLength(files.length);
  });

  it('a fresh database has every migration applied, each once', () => {
    const t = makeTestDb();
    const rows = t.db.$client.prepare('SELECT hash FROM __drizzle_migrations ORDER BY id').all() as {
      hash: string;
    }[];
    expect(rows.map((r) => r.hash)).toEqual(files.map((f) => PINNED[f]));
  });

  it('reopening applies nothing twice', () => {
    const t = makeTestDb();
    t.db.$client.close();
    const db = openDatabase({ path: t.path, keyHex: t.keyHex, mode: 'open' });
    expect(
      (db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n,
    ).toBe(files.length);
    db.$client.close();
  });

  it('refuses a database written by a newer version, with a clear error', () => {
    const t = makeTestDb();
    t.db.$client
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('f'.repeat(64), Date.now() + 10 * 365 * 86_400_000);
    t.db.$client.close();
    expect(() => openDatabase({ path: t.path, keyHex: t.keyHex, mode: 'open' })).toThrow(
      expect.objectContaining({
        code: 'DB_TOO_NEW',
        message: expect.stringMatching(/newer version of Kassenwart/),
      }),
    );
  });

  it('applies all pending migrations in one transaction: a failing one leaves none of them applied', () => {
    // A copy of the real migrations plus a broken one at the end.
    const t = makeTestDb();
    t.db.$client.close();
    const dir = join(t.path, '..', 'migrations-copy');
    cpSync(DEFAULT_MIGRATIONS_FOLDER, dir, { recursive: true });
    const journalPath = join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
      entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[];
    };
    const last = journal.entries.at(-1)!;
    journal.entries.push(
      { ...last, idx: last.idx + 1, when: last.when + 1, tag: '9998_good' },
      { ...last, idx: last.idx + 2, when: last.when + 2, tag: '9999_broken' },
    );
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(dir, '9998_good.sql'), 'CREATE TABLE `extra` (`a` integer);');
    writeFileSync(join(dir, '9999_broken.sql'), 'CREATE TABLE `extra` (`a` integer);');
    expect(() =>
      openDatabase({ path: t.path, keyHex: t.keyHex, mode: 'open', migrationsFolder: dir }),
    ).toThrow();
    const db = openDatabase({ path: t.path, keyHex: t.keyHex, mode: 'open' });
    expect(db.$client.prepare(`SELECT name FROM sqlite_master WHERE name = 'extra'`).get()).toBeUndefined();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
