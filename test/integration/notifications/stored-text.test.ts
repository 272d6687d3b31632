/**
 * A database from before notifications had params (migrations up to 0006): its notifications, stored as English
 * title and body, come through migrations 0007/0008 unchanged and are listed as they were stored (params null);
 * and a finding told that way is not told a second time in the new form.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '#core/index.ts';
import { silentLogger } from '#core/deps.ts';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from '#core/db/open.ts';
import { MemorySecretStore } from '#core/secrets/memory-store.ts';
import { apiCaller } from '../../helpers/api.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { tempDir } from '../../helpers/db.ts';

/** A copy of the migrations as they were up to and including `lastTag`. */
function migrationsUpTo(dir: string, lastTag: string): string {
  const folder = join(dir, 'migrations-old');
  cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(last).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('notifications stored as English text before 0007', () => {
  it('survive the migration, are listed as stored, and count as told for the told-once findings', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.db');
    const keyHex = randomBytes(32).toString('hex');
    const old = openDatabase({
      path,
      keyHex,
      mode: 'create',
      migrationsFolder: migrationsUpTo(dir, '0006_drop_unused_indexes'),
    });
    const insert = old.$client.prepare(
      'INSERT INTO dealer_notifications (kind, level, title, body, created_at, read_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    insert.run(
      'payment_method_unmapped',
      'warning',
      'Shop "Datei": payment method "vorkasse" is not in the mapping',
      '1 open order(s) (1) use the payment method "vorkasse", …',
      '2026-11-01T08:00:00.000Z',
      null,
    );
    insert.run(
      'sync_failed',
      'error',
      'Shop "Alt" could not be synchronised',
      'The shop refused the key. (SHOP_AUTH_FAILED)',
      '2026-10-01T08:00:00.000Z',
      '2026-10-02T08:00:00.000Z',
    );
    old.$client.close();

    const db = openDatabase({ path, keyHex, mode: 'open' });
    try {
      const clock = new FakeClock();
      const core = createCore({ db, clock, logger: silentLogger, secrets: new MemorySecretStore() });
      const stored = core.notifications.list({ includeRead: true });
      expect(stored.items).toEqual([
        expect.objectContaining({
          kind: 'payment_method_unmapped',
          title: 'Shop "Datei": payment method "vorkasse" is not in the mapping',
          body: '1 open order(s) (1) use the payment method "vorkasse", …',
          params: null,
          readAt: null,
        }),
        expect.objectContaining({
          kind: 'sync_failed',
          level: 'error',
          title: 'Shop "Alt" could not be synchronised',
          body: 'The shop refused the key. (SHOP_AUTH_FAILED)',
          params: null,
          readAt: '2026-10-02T08:00:00.000Z',
        }),
      ]);

      // The same finding again: told already (by the old row's title), so no second notice.
      const call = apiCaller(core, path);
      const orders = join(dir, 'orders.csv');
      writeFileSync(
        orders,
        'number,invoice_number,created_at,amount,currency,customer_name,customer_company,customer_email,country,payment_method,status\n' +
          '1,RE-1,2026-11-02T10:00:00Z,49.90,EUR,Erika Mustermann,,e@example.org,de,vorkasse,open\n',
      );
      await call('shops.add', { system: 'csv', name: 'Datei', filePath: orders });
      await call('sync.run', { shop: 'Datei' });
      expect(core.notifications.list({ includeRead: true }).total).toBe(2);

      // Another shop's same gap is news: stored with params, no words.
      await call('shops.add', { system: 'csv', name: 'Neu', filePath: orders });
      await call('sync.run', { shop: 'Neu' });
      const [told] = core.notifications.list().items;
      expect(told).toMatchObject({
        kind: 'payment_method_unmapped',
        title: 'Shop "Neu": payment method "vorkasse" is not in the mapping',
        params: { shopName: 'Neu', method: 'vorkasse' },
      });
      expect(
        db.$client.prepare('SELECT title, body FROM dealer_notifications WHERE id = ?').get(told?.id),
      ).toEqual({ title: null, body: null });
    } finally {
      db.$client.close();
    }
  });
});
