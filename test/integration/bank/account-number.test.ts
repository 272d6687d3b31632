/**
 * A CSV export that names its account only by a plain account number (HypoVereinsbank "Kontonummer", Sparkasse
 * CSV-MT940 "Auftragskonto") is checked against the German IBAN given with --account (its last 10 digits, DK IBAN
 * rules), as an MT940 "BLZ/Kontonummer" is: a wrong IBAN is refused and never remembered as the file's account.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestDb, tempDir } from '../../helpers/db.ts';

const HVB = [
  'Kontonummer;Buchungsdatum;Valuta;Empfaenger 1;Empfaenger 2;Verwendungszweck;Betrag;Waehrung',
  '1234567890;26.11.2026;26.11.2026;Erika Mustermann;;Bestellung 33001;1.234,56;EUR',
  '1234567890;25.11.2026;25.11.2026;Stadtwerke;;Abschlag;-80,00;EUR',
  '',
].join('\r\n');
const SPARKASSE_MT940 = [
  '"Auftragskonto";"Buchungstag";"Valutadatum";"Buchungstext";"Verwendungszweck";"Beguenstigter/Zahlungspflichtiger";"Kontonummer";"BLZ";"Betrag";"Waehrung";"Info"',
  '"0123456789";"26.11.26";"26.11.26";"GUTSCHR. UEBERWEISUNG";"SVWZ+Bestellung 21001";"Hans Weber";"DE02120300000000202051";"BYLADEM1001";"250,00";"EUR";"Umsatz gebucht"',
  '',
].join('\r\n');
const WRONG = 'DE44500105175407324931';

function write(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text, 'latin1');
  return path;
}

const counts = (db: ReturnType<typeof makeTestDb>['db']) =>
  db.$client
    .prepare('SELECT (SELECT count(*) FROM postings) AS p, (SELECT count(*) FROM bank_accounts) AS a')
    .get();

describe('plain account number in a CSV export against --account', () => {
  it("HypoVereinsbank: another account's IBAN is refused and not linked; the right one is, and is remembered", async () => {
    const { core, db } = makeTestDb();
    const file = write('hvb.csv', HVB);
    const [wrong] = await core.bank.importFiles([file], { accountIban: WRONG });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'IMPORT_ACCOUNT_MISMATCH' } });
    expect(wrong?.ok === false && wrong.error.message).toMatch(
      /account number 1234567890.*DE44500105175407324931.*account number 5407324931/,
    );
    expect(counts(db)).toEqual({ p: 0, a: 0 });

    const [right] = await core.bank.importFiles([file], { accountIban: 'DE67700202701234567890' });
    expect(right).toMatchObject({
      ok: true,
      new: 2,
      accounts: [{ iban: 'DE67700202701234567890', otherId: '1234567890' }],
    });
    const [again] = await core.bank.importFiles([file]);
    expect(again).toMatchObject({ ok: true, new: 0, duplicate: 2 });
  });

  it('Sparkasse CSV-MT940: leading zeros of "Auftragskonto" do not matter, another number does', async () => {
    const { core, db } = makeTestDb();
    const file = write('umsaetze.csv', SPARKASSE_MT940);
    const [wrong] = await core.bank.importFiles([file], { accountIban: WRONG });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'IMPORT_ACCOUNT_MISMATCH' } });
    expect(counts(db)).toEqual({ p: 0, a: 0 });
    const [right] = await core.bank.importFiles([file], { accountIban: 'DE02300500000123456789' });
    expect(right).toMatchObject({ ok: true, new: 1 });
  });

  it('a non-German IBAN is not checked (its account part is laid out differently)', async () => {
    const { core } = makeTestDb();
    const [r] = await core.bank.importFiles([write('hvb.csv', HVB)], { accountIban: 'AT611904300234573201' });
    expect(r).toMatchObject({ ok: true, new: 2 });
  });
});
