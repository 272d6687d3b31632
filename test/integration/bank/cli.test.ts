/** The bank commands as users call them (real `kassenwart` child processes, real encrypted database). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/db.ts';
import { camtXml } from '../../helpers/camt-builder.ts';

describe('kassenwart import / postings / watch', () => {
  it('imports files, reports per file, lists postings as JSON, sets the watch folder', () => {
    const dir = tempDir();
    const env = { KASSENWART_PASSPHRASE: 'cli-test-passphrase' };
    const db = join(dir, 'k.db');
    expect(runCli(['--db', db, 'init'], env).status).toBe(0);
    const good = join(dir, 'good.xml');
    writeFileSync(
      good,
      camtXml('053', [
        {
          entries: [
            {
              amount: '49.90',
              name: 'Erika Mustermann',
              iban: 'DE02120300000000202051',
              e2e: 'E2E-1',
              remittance: 'Bestellung 1001',
              ref: 'ACSR-1',
            },
            { amount: '10.00', cdi: 'DBIT' },
          ],
        },
      ]),
    );
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, 'not a statement');

    const imported = runCli(['--db', db, '--json', 'import', good, broken], env);
    expect(imported.status).toBe(1);
    const body = JSON.parse(imported.stdout) as { results: Record<string, unknown>[] };
    expect(body.results).toMatchObject([
      {
        ok: true,
        file: good,
        format: 'camt.053',
        version: 'camt.053.001.08',
        new: 2,
        duplicate: 0,
        replaced: 0,
        balanceCheck: 'not_available',
      },
      { ok: false, file: broken, error: { code: 'IMPORT_UNKNOWN_FORMAT' } },
    ]);
    expect(body.results[0]).not.toHaveProperty('postingIds');

    const listed = runCli(['--db', db, '--json', 'postings', '--status', 'unassigned'], env);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({
      total: 1,
      items: [
        {
          accountIban: 'DE89370400440532013000',
          bookingDate: '2026-11-02',
          valueDate: '2026-11-02',
          amountMinor: 4990,
          currency: 'EUR',
          counterpartyName: 'Erika Mustermann',
          counterpartyIban: 'DE02120300000000202051',
          remittance: 'Bestellung 1001',
          endToEndId: 'E2E-1',
          creditorReference: null,
          bankReference: 'ACSR-1',
          status: 'unassigned',
          bookingStatus: 'booked',
        },
      ],
    });
    expect(runCli(['--db', db, 'postings', '--status', 'bogus'], env).status).toBe(2);

    const again = runCli(['--db', db, 'import', good], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 new, 2 duplicate, 0 replaced');

    mkdirSync(join(dir, 'inbox')); // a folder that does not exist is refused (WATCH_FOLDER_NOT_FOUND)
    const watch = runCli(['--db', db, '--json', 'watch', join(dir, 'inbox')], env);
    expect(JSON.parse(watch.stdout)).toEqual({ watchFolder: join(dir, 'inbox') });
  });
});
