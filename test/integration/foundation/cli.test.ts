import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/db.ts';
import { runCli, startCli } from '../../helpers/cli.ts';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('kassenwart CLI', () => {
  it('init creates an encrypted database; status reads it; a wrong passphrase exits 1 and changes nothing', () => {
    const db = join(tempDir(), 't.db');
    const init = runCli(['--db', db, 'init'], { KASSENWART_PASSPHRASE: 'the right passphrase' });
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('passphrase');
    expect(readFileSync(db).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');

    const ok = runCli(['--db', db, '--json', 'status'], { KASSENWART_PASSPHRASE: 'the right passphrase' });
    expect(ok.status).toBe(0);
    const summary = JSON.parse(ok.stdout) as {
      ordersTotal: number;
      unassignedPostings: number;
      orders: Record<string, number>;
    };
    expect(summary).toMatchObject({ ordersTotal: 0, unassignedPostings: 0, failedTransfers: 0 });
    expect(Object.keys(summary.orders)).toContain('not_managed');

    const before = sha(db);
    const wrong = runCli(['--db', db, 'status'], { KASSENWART_PASSPHRASE: 'another passphrase' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/wrong passphrase/i);
    expect(wrong.stdout).toBe('');
    expect(sha(db)).toBe(before);
  });

  it('init refuses a passphrase shorter than 15 characters and creates nothing; umlauts count once', () => {
    const dir = tempDir();
    const db = join(dir, 't.db');
    const short = runCli(['--db', db, 'init'], { KASSENWART_PASSPHRASE: 'vierzehn Zeich' });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('PASSPHRASE_TOO_SHORT');
    expect(short.stderr).toContain('14 characters');
    expect(short.stderr).toContain('at least 15');
    expect(readdirSync(dir)).toEqual([]);
    // 15 characters, two of them umlauts (17 bytes in UTF-8, 15 in NFC code points).
    expect(runCli(['--db', db, 'init'], { KASSENWART_PASSPHRASE: 'Grüße aus Köln!' }).status).toBe(0);
    // An existing database opens with any passphrase it was made with; the minimum is only for new ones.
    expect(runCli(['--db', db, 'status'], { KASSENWART_PASSPHRASE: 'Grüße aus Köln!' }).status).toBe(0);
  });

  it('init refuses to replace an existing database', () => {
    const db = join(tempDir(), 't.db');
    expect(runCli(['--db', db, 'init'], { KASSENWART_PASSPHRASE: 'the right passphrase' }).status).toBe(0);
    const before = sha(db);
    const again = runCli(['--db', db, 'init'], { KASSENWART_PASSPHRASE: 'the right passphrase' });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(sha(db)).toBe(before);
  });

  it('status on a missing database says to run init, and creates nothing', () => {
    const db = join(tempDir(), 'none.db');
    const r = runCli(['--db', db, 'status'], { KASSENWART_PASSPHRASE: 'the right passphrase' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/kassenwart init/);
    expect(existsSync(db)).toBe(false);
  });

  it('a passphrase database without a passphrase (no terminal) says what to set', () => {
    const db = join(tempDir(), 't.db');
    runCli(['--db', db, 'init'], { KASSENWART_PASSPHRASE: 'the right passphrase' });
    const r = runCli(['--db', db, 'status']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/KASSENWART_PASSPHRASE/);
  });

  it('--json errors are JSON with a code', () => {
    const db = join(tempDir(), 't.db');
    runCli(['--db', db, 'init'], { KASSENWART_PASSPHRASE: 'the right passphrase' });
    const r = runCli(['--db', db, '--json', 'status'], { KASSENWART_PASSPHRASE: 'nope' });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stderr)).toEqual({
      error: { code: 'WRONG_PASSPHRASE', message: expect.any(String) },
    });
  });

  it('usage errors exit 2', () => {
    expect(runCli(['--no-such-option']).status).toBe(2);
    expect(runCli(['no-such-command']).status).toBe(2);
    expect(runCli(['serve', '--port', 'abc']).status).toBe(2);
    expect(runCli(['--help']).status).toBe(0);
  });

  it('dev seed fills the demo data and status counts it', () => {
    const db = join(tempDir(), 't.db');
    runCli(['--db', db, 'init'], { KASSENWART_PASSPHRASE: 'the right passphrase' });
    expect(
      runCli(['--db', db, 'dev', 'seed'], { KASSENWART_PASSPHRASE: 'the right passphrase' }).status,
    ).toBe(0);
    const summary = JSON.parse(
      runCli(['--db', db, '--json', 'status'], { KASSENWART_PASSPHRASE: 'the right passphrase' }).stdout,
    ) as {
      ordersTotal: number;
      orders: Record<string, number>;
      unassignedPostings: number;
      failedTransfers: number;
    };
    expect(summary.ordersTotal).toBe(10);
    expect(summary.orders['open']).toBe(3);
    expect(summary.orders['not_managed']).toBe(1);
    expect(summary.unassignedPostings).toBe(3);
    expect(summary.failedTransfers).toBe(1);
    // Seeding twice would mix demo data into real data: refused.
    expect(
      runCli(['--db', db, 'dev', 'seed'], { KASSENWART_PASSPHRASE: 'the right passphrase' }).status,
    ).toBe(1);
  });

  it('serve prints the URL with its token first, binds to 127.0.0.1 and answers the API only with the token', async () => {
    const db = join(tempDir(), 't.db');
    runCli(['--db', db, 'init'], { KASSENWART_PASSPHRASE: 'the right passphrase' });
    const server = await startCli(['--db', db, 'serve'], { KASSENWART_PASSPHRASE: 'the right passphrase' });
    try {
      const url = new URL(server.firstLine);
      expect(url.hostname).toBe('127.0.0.1');
      const token = url.searchParams.get('token');
      expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      const api = `${url.origin}/api/status.summary`;
      const denied = await fetch(api, { method: 'POST', body: '{}' });
      expect(denied.status).toBe(401);
      const res = await fetch(api, {
        method: 'POST',
        body: '{}',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, data: { ordersTotal: 0 } });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
