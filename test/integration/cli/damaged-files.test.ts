/**
 * Files that are damaged, missing or cannot be written: each gets a code and a message with the path and what to do,
 * never the raw SQLite or file-system text as INTERNAL. Through the real `kassenwart` child process.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/db.ts';
import { makeOrder, makeShop } from '../../helpers/factories.ts';
import { ENV, freshDb, json } from './support.ts';

const PAGE = 4096;

describe('damaged database, missing mapping file, unwritable database folder', () => {
  it('a damaged database is DB_CORRUPT with its path and the advice to restore a backup, at open and later', () => {
    const { db, fill, cli } = freshDb();
    fill((d) => {
      const shop = makeShop(d, { name: 'Laden' });
      for (let i = 0; i < 1500; i++) makeOrder(d, { shopId: shop.id, customerName: `Erika Mustermann ${i}` });
    });
    const pages = statSync(db).size / PAGE;
    expect(pages).toBeGreaterThan(40);

    // Pages at the end (order rows) overwritten: the database opens; listing the orders reads them.
    const fd = openSync(db, 'r+');
    try {
      writeSync(fd, randomBytes(10 * PAGE), 0, 10 * PAGE, (pages - 10) * PAGE);
    } finally {
      closeSync(fd);
    }
    const later = cli('orders');
    expect(later.status).toBe(1);
    expect(later.stderr).toContain('(DB_CORRUPT)');
    expect(later.stderr).toContain(`The database ${db} is damaged`);
    expect(later.stderr).toContain('from your backup');
    expect(later.stderr).not.toContain('INTERNAL');

    // Cut short (as by a full disk or an interrupted copy): refused when opened.
    truncateSync(db, 2 * PAGE);
    const atOpen = cli('--json', 'status');
    expect(atOpen.status).toBe(1);
    const error = (JSON.parse(atOpen.stderr) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toContain(db);
    expect(error.message).toContain(
      `Restore the database from your backup (with its key file ${db}.keys.json`,
    );
  });

  it('shop mapping --from-file: a missing file is FILE_NOT_FOUND, a file without a JSON object is refused', () => {
    const { cli } = freshDb();
    expect(cli('dev', 'seed').status).toBe(0);
    const dir = tempDir();
    const missing = cli('shop', 'mapping', 'Demo-Shop', '--from-file', join(dir, 'nope.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('(FILE_NOT_FOUND)');
    expect(missing.stderr).toContain(`The mapping file ${join(dir, 'nope.json')} does not exist`);
    expect(missing.stderr).not.toContain('ENOENT');

    for (const [name, text] of [
      ['broken.json', '{"cancelledStatuses": ['],
      ['list.json', '["cancelled"]'],
    ] as const) {
      writeFileSync(join(dir, name), text);
      const r = cli('shop', 'mapping', 'Demo-Shop', '--from-file', join(dir, name));
      expect(r.status, name).toBe(1);
      expect(r.stderr).toContain('(MAPPING_FILE_NOT_JSON)');
      expect(r.stderr).toContain(join(dir, name));
    }

    // What --json prints can be edited and read back.
    const current = json<{ cancelledStatuses: string[] }>(cli('--json', 'shop', 'mapping', 'Demo-Shop'));
    writeFileSync(
      join(dir, 'mapping.json'),
      JSON.stringify({ ...current, cancelledStatuses: ['storniert', 'abgebrochen'] }),
    );
    const changed = json<{ cancelledStatuses: string[] }>(
      cli('--json', 'shop', 'mapping', 'Demo-Shop', '--from-file', join(dir, 'mapping.json')),
    );
    expect(changed.cancelledStatuses).toEqual(['storniert', 'abgebrochen']);
  });

  it('init where no database can be written is DB_PATH_NOT_WRITABLE and leaves nothing behind', () => {
    const dir = tempDir();
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    for (const path of ['/proc/k.db', '/proc/nope/deeper/k.db', join(file, 'k.db')]) {
      const r = runCli(['--db', path, 'init'], ENV);
      expect(r.status, path).toBe(1);
      expect(r.stderr).toContain('(DB_PATH_NOT_WRITABLE)');
      expect(r.stderr).toContain(`Cannot create the database ${path}`);
      expect(r.stderr).toContain('--db or KASSENWART_DB');
      expect(r.stderr).not.toContain('INTERNAL');
    }
    expect(readdirSync('/proc').filter((f) => f.startsWith('k.db'))).toEqual([]);
    expect(existsSync(join(dir, 'a-file.keys.json'))).toBe(false);
  });
});
