/** The bank commands as users call them (real `kassenwart` child processes, real encrypted database). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/db.ts';
import { camtXml } from '../../helpers/camt-builder.ts';
import { ENV, freshDb } from '../cli/support.ts';

describe('kassenwart import / postings / watch', () => {
  it('imports files, reports per file, lists postings as JSON, sets the watch folder', () => {
    const dir = tempDir();
    const { db } = freshDb(dir);
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

    const imported = runCli(['--db', db, '--json', 'import', good, broken], ENV);
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

    const listed = runCli(['--db', db, '--json', 'postings', '--status', 'unassigned'], ENV);
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
    expect(runCli(['--db', db, 'postings', '--status', 'bogus'], ENV).status).toBe(2);

    const again = runCli(['--db', db, 'import', good], ENV);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 new, 2 duplicate, 0 replaced');

    mkdirSync(join(dir, 'inbox')); // a folder that does not exist is refused (WATCH_FOLDER_NOT_FOUND)
    const watch = runCli(['--db', db, '--json', 'watch', join(dir, 'inbox')], ENV);
    expect(JSON.parse(watch.stdout)).toEqual({ watchFolder: join(dir, 'inbox') });
  });

  it('a failed file is named once in the text output, with the line where there is one', () => {
    const dir = tempDir();
    const { db } = freshDb(dir);
    const broken = join(dir, 'x.csv');
    writeFileSync(broken, 'not a statement');
    const cut = join(dir, 'cut.sta');
    writeFileSync(cut, ':20:X\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C261127EUR100,00\r\n');
    const run = runCli(['--db', db, 'import', broken, cut], ENV);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^FAILED ${broken}: The file is neither CAMT.*\\(IMPORT_UNKNOWN_FORMAT\\)$`),
    );
    expect(lines[1]).toMatch(
      new RegExp(`^FAILED ${cut}, line 4: The statement starting at line 1 .*\\(MT940_TRUNCATED\\)$`),
    );
    for (const line of lines) expect(line.split(dir).length - 1).toBe(1);
    const german = runCli(['--db', db, 'import', broken], { ...ENV, KASSENWART_LANG: 'de' });
    expect(german.stdout).toMatch(new RegExp(`^FEHLER ${broken}: The file is neither`));
  });
});
