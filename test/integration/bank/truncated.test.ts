/**
 * Cut-off statement files (an interrupted download, a partial copy) are refused as a whole: nothing is stored, so
 * the complete file imported later brings every posting complete (no incomplete posting claims it as a duplicate).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestDb, tempDir } from '../../helpers/db.ts';

const MT940 = [
  ':20:STARTUMSE',
  ':25:50050201/0123456789',
  ':28C:00035/001',
  ':60F:C260105EUR1234,56',
  ':61:2601050105CR119,00N051NONREF',
  ':86:166?00GUTSCHR. UEBERWEISUNG?20EREF+RE-2026-0042?21SVWZ+Rechnung 2026-0042',
  ':61:2601060106DR49,90N005NONREF',
  ':86:105?00FOLGELASTSCHRIFT?20EREF+ABC123456789?21SVWZ+Miete Lagerraum Januar 2026',
  ':62F:C260106EUR1303,66',
  '-',
  '',
].join('\r\n');

function write(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, 'latin1');
  return path;
}

function counts(db: ReturnType<typeof makeTestDb>['db']) {
  return db.$client
    .prepare('SELECT (SELECT count(*) FROM postings) AS p, (SELECT count(*) FROM bank_accounts) AS a')
    .get();
}

describe('cut-off statement files', () => {
  it('MT940 cut inside :86: (no :62F:) stores nothing; the complete file then imports in full', async () => {
    const { core, db } = makeTestDb();
    const dir = tempDir();
    const cut = write(dir, 'cut.sta', MT940.slice(0, MT940.indexOf('Lagerraum')));
    const [r] = await core.bank.importFiles([cut], { accountIban: 'DE38500502010123456789' });
    expect(r).toMatchObject({ ok: false, error: { code: 'MT940_TRUNCATED' } });
    expect(r?.ok === false && r.error.message).toMatch(/cut\.sta, line 8: .*Nothing was imported/);
    expect(counts(db)).toEqual({ p: 0, a: 0 });

    const [full] = await core.bank.importFiles([write(dir, 'full.sta', MT940)], {
      accountIban: 'DE38500502010123456789',
    });
    expect(full).toMatchObject({ ok: true, new: 2, duplicate: 0 });
    const debit = core.bank.listPostings({ limit: 10 }).items.find((p) => p.amountMinor < 0);
    expect(debit).toMatchObject({ amountMinor: -4990, remittance: 'Miete Lagerraum Januar 2026' });
  });

  it('MT940 cut inside the :61: amount ("DR49" of "DR49,90") stores nothing', async () => {
    const { core, db } = makeTestDb();
    const cut = write(tempDir(), 'cut61.sta', MT940.slice(0, MT940.indexOf(',90N005')));
    const [r] = await core.bank.importFiles([cut], { accountIban: 'DE38500502010123456789' });
    expect(r).toMatchObject({ ok: false, error: { code: 'MT940_BAD_AMOUNT' } });
    expect(counts(db)).toEqual({ p: 0, a: 0 });
  });

  it('CSV cut inside the last amount ("-12" of "-120,00") stores nothing', async () => {
    const { core, db } = makeTestDb();
    const csv = [
      'Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung;IBAN Kontoinhaber;Kategorie',
      '26.11.2026;26.11.2026;Gutschrift;Max Kunde Bestellung 10001;1.500,50;EUR;DE89370400440532013000;Sonstige Einnahmen',
      '25.11.2026;25.11.2026;Lastschrift;Telekom Deutschland GmbH Kd-Nr 123;-120,00;EUR;DE89370400440532013000;Telefon',
    ].join('\r\n');
    const cut = write(tempDir(), 'cut.csv', csv.slice(0, csv.lastIndexOf('0,00;EUR')));
    const [r] = await core.bank.importFiles([cut], { accountIban: 'DE89370400440532013000' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CSV_TRUNCATED' } });
    expect(r?.ok === false && r.error.message).toMatch(/cut\.csv, line 3: /);
    expect(counts(db)).toEqual({ p: 0, a: 0 });
  });
});
