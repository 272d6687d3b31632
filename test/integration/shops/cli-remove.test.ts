/**
 * `kassenwart shop remove` asks before it removes (a terminal), needs --yes without one or with --json (exit 2), and
 * `shop update` changes a shop's file without remove + add (newcomer review B5). The real command; the terminal is a
 * real pseudo-terminal from `script` (util-linux, part of every Debian system).
 */
import { spawnSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/db.ts';
import { ENV, freshDb } from '../cli/support.ts';

const HEADER =
  'number,invoice_number,created_at,amount,currency,customer_name,customer_company,customer_email,country,payment_method,status\n';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the command on a pseudo-terminal (stdin and stderr are a TTY) and types `answer` into it. */
function runOnTerminal(args: string[], answer: string) {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    env: { ...process.env, ...ENV, KASSENWART_LANG: 'en' },
    encoding: 'utf8',
    input: `${answer}\n`,
    timeout: 60_000,
  });
  return { status: result.status, output: result.stdout };
}

function shopNames(db: string): string[] {
  const list = runCli(['--db', db, '--json', 'shop', 'list'], ENV);
  return (JSON.parse(list.stdout) as { name: string }[]).map((s) => s.name);
}

describe('kassenwart shop remove / shop update (real CLI, CSV shop)', () => {
  it('asks on a terminal, needs --yes otherwise (exit 2), removes with --yes; update changes the file', () => {
    const dir = tempDir();
    const { db } = freshDb(dir);
    const file = join(dir, 'orders.csv');
    writeFileSync(
      file,
      `${HEADER}20005,,2026-01-01T10:00:00Z,200.00,EUR,Karl Klein,,k@example.org,DE,prepayment,open\n`,
    );
    expect(runCli(['--db', db, 'shop', 'add', 'csv', '--name', 'CsvShop', '--file', file], ENV).status).toBe(
      0,
    );
    expect(runCli(['--db', db, 'sync'], ENV).status).toBe(0);

    // No terminal: refused with what to do, nothing removed.
    const plain = runCli(['--db', db, 'shop', 'remove', 'CsvShop'], ENV);
    expect(plain.status).toBe(2);
    expect(plain.stderr).toContain('kassenwart shop remove "CsvShop" --yes');
    const json = runCli(['--db', db, '--json', 'shop', 'remove', 'CsvShop'], ENV);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stderr)).toMatchObject({
      error: { code: 'USAGE', message: expect.stringContaining('--yes') as string },
    });
    expect(shopNames(db)).toEqual(['CsvShop']);
    // An unknown shop is still "not found" (exit 1), not a question.
    expect(runCli(['--db', db, 'shop', 'remove', 'Anderer'], ENV)).toMatchObject({ status: 1 });

    // On a terminal: the question says what happens; "n" keeps the shop.
    const kept = runOnTerminal(['--db', db, 'shop', 'remove', 'CsvShop'], 'n');
    expect(kept.status).toBe(0);
    expect(kept.output).toContain('Remove shop "CsvShop"?');
    expect(kept.output).toContain('kassenwart shop update');
    expect(kept.output).toContain('Shop "CsvShop" was not removed.');
    expect(shopNames(db)).toEqual(['CsvShop']);

    // The file moved: update, not remove + add.
    const moved = join(dir, 'export.csv');
    renameSync(file, moved);
    const update = runCli(['--db', db, 'shop', 'update', 'CsvShop', '--file', moved], ENV);
    expect(update.status, update.stderr).toBe(0);
    expect(update.stdout).toContain('Shop "CsvShop" updated');
    const shown = JSON.parse(runCli(['--db', db, '--json', 'shop', 'show', 'CsvShop'], ENV).stdout) as {
      filePath: string;
    };
    expect(shown.filePath).toBe(moved);
    const wrong = runCli(['--db', db, 'shop', 'update', 'CsvShop', '--file', join(dir, 'nope.csv')], ENV);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('(CSV_NOT_FOUND)');

    // "y" removes it and says what became of its orders.
    const removed = runOnTerminal(['--db', db, 'shop', 'remove', 'CsvShop'], 'y');
    expect(removed.status).toBe(0);
    expect(removed.output).toContain('Shop "CsvShop" removed');
    expect(removed.output).toContain('1 order still awaiting payment is no longer matched or assigned');
    expect(shopNames(db)).toEqual([]);
    const status = JSON.parse(runCli(['--db', db, '--json', 'status'], ENV).stdout) as {
      ordersTotal: number;
    };
    expect(status.ordersTotal).toBe(0);
  });

  it('--yes removes without asking; --json reports what was left and cancelled', () => {
    const dir = tempDir();
    const { db } = freshDb(dir);
    const file = join(dir, 'orders.csv');
    writeFileSync(file, HEADER);
    expect(runCli(['--db', db, 'shop', 'add', 'csv', '--name', 'Leer', '--file', file], ENV).status).toBe(0);
    const removed = runCli(['--db', db, '--json', 'shop', 'remove', 'Leer', '--yes'], ENV);
    expect(removed.status, removed.stderr).toBe(0);
    expect(JSON.parse(removed.stdout)).toEqual({
      removed: true,
      name: 'Leer',
      openOrders: 0,
      cancelledTransfers: 0,
    });
    expect(shopNames(db)).toEqual([]);
  });
});
