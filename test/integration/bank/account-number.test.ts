/**
 * A CSV export that names its account only by a plain account number (HypoVereinsbank "Kontonummer", Sparkasse
 * CSV-MT940 "Auftragskonto") is checked against the German IBAN given with --account (its last 10 digits, DK IBAN
 * rules), as an MT940 "BLZ/Kontonummer" is: a wrong IBAN is refused and never remembered as the file's account.
 */
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../helpers/db.ts';

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

describe('plain account number in a CSV export against --account', () => {
  it("HypoVereinsbank: another account's IBAN is refused and not linked; the right one is, and is remembered", async () => {
    const { core } = makeTestDb();
    const file = Buffer.from(HVB, 'latin1');
    const [wrong] = await core.bank.importBytes('hvb.csv', file, { accountIban: WRONG });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'IMPORT_ACCOUNT_MISMATCH' } });
    expect(wrong?.ok === false && wrong.error.message).toMatch(
      /account number 1234567890.*DE44500105175407324931.*account number 5407324931/,
    );
    expect(await core.bank.postingCount()).toBe(0);
    expect(core.bank.accounts()).toEqual([]);

    const [right] = await core.bank.importBytes('hvb.csv', file, { accountIban: 'DE67700202701234567890' });
    expect(right).toMatchObject({
      ok: true,
      new: 2,
      accounts: [{ iban: 'DE67700202701234567890', otherId: '1234567890' }],
    });
    const [again] = await core.bank.importBytes('hvb.csv', file);
    expect(again).toMatchObject({ ok: true, new: 0, duplicate: 2 });
  });

  it('Sparkasse CSV-MT940: leading zeros of "Auftragskonto" do not matter, another number does', async () => {
    const { core } = makeTestDb();
    const file = Buffer.from(SPARKASSE_MT940, 'latin1');
    const [wrong] = await core.bank.importBytes('umsaetze.csv', file, { accountIban: WRONG });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'IMPORT_ACCOUNT_MISMATCH' } });
    expect(await core.bank.postingCount()).toBe(0);
    expect(core.bank.accounts()).toEqual([]);
    const [right] = await core.bank.importBytes('umsaetze.csv', file, {
      accountIban: 'DE02300500000123456789',
    });
    expect(right).toMatchObject({ ok: true, new: 1, accounts: [{ iban: 'DE02300500000123456789' }] });
  });

  it('a non-German IBAN is not checked (its account part is laid out differently)', async () => {
    const { core } = makeTestDb();
    const [r] = await core.bank.importBytes('hvb.csv', Buffer.from(HVB, 'latin1'), {
      accountIban: 'AT611904300234573201',
    });
    expect(r).toMatchObject({ ok: true, new: 2 });
  });
});
