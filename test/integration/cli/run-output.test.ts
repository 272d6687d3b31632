/**
 * `kassenwart run` (issue R15): what it prints when it starts (that it runs, what it does, where it logs, how to
 * stop) and one line per finished sync job, in the user's language; `--json` prints only its JSON line.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/db.ts';
import { ENV, freshDb, GERMAN_SHELL } from './support.ts';

const GERMAN = GERMAN_SHELL;

describe('kassenwart run', () => {
  it('says that it runs, what it does and where it logs, then one line per finished sync job', async () => {
    const dir = tempDir();
    const { db } = freshDb(dir);
    const file = join(dir, 'orders.csv');
    writeFileSync(
      file,
      'number,invoice_number,created_at,amount,currency,customer_name,customer_company,customer_email,country,payment_method,status\n' +
        '1001,,2026-01-01T10:00:00Z,49.90,EUR,Erika Mustermann,,erika@example.org,DE,prepayment,open\n',
    );
    expect(runCli(['--db', db, 'shop', 'add', 'csv', '--name', 'Datei', '--file', file], ENV).status).toBe(0);

    const german = await startCli(['--db', db, 'run'], GERMAN);
    try {
      expect(german.firstLine).toBe('Kassenwart läuft (1 Shop). Beenden mit Strg+C.');
      const what = await german.nextLine();
      expect(what).toContain('Bestellungen werden nach dem Zeitplan jedes Shops abgeglichen');
      expect(what).toContain('Kontoauszüge aus dem überwachten Ordner');
      expect(what).toContain('Warnungen und Fehler auf stderr (mehr mit KASSENWART_LOG=info)');
      // Then each shop with its schedule.
      expect(await german.nextLine()).toMatch(
        /^ {2}Datei: Neue Bestellungen alle \d+ Min\.; schnelle Abfrage (aus|alle \d+ Min\.); vollständiger Abgleich alle \d+ Std\.$/,
      );
      // The catch-up right at start: the shop was never synchronised. One line for the job, with its time.
      const job = await german.nextLine(/^\d.*Datei/);
      expect(job).toMatch(
        /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Datei \((neue Bestellungen|vollständiger Abgleich)\): 1 Bestellung gelesen, 1 neu, 0 geändert, 0 entfernt \(\d+ Anfragen?\)$/,
      );
    } finally {
      await expect(german.stop()).resolves.toBe(0);
    }

    const english = await startCli(['--db', db, '--lang', 'en', 'run'], ENV);
    const line = await english.nextLine();
    const plan = await english.nextLine();
    await expect(english.stop()).resolves.toBe(0);
    expect(english.firstLine).toBe('Kassenwart is running (1 shop). Stop with Ctrl-C.');
    expect(line).toMatch(/^Orders are synchronised on each shop's schedule .* warnings and errors on stderr/);
    expect(plan).toMatch(
      /^ {2}Datei: New orders every \d+ min; fast polling (off|every \d+ min); full comparison every \d+ h$/,
    );

    const json = await startCli(['--db', db, '--json', 'run'], ENV);
    await expect(json.stop()).resolves.toBe(0);
    expect(JSON.parse(json.firstLine)).toEqual({ running: true, shops: 1 });
  });
});
