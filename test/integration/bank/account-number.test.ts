/**
 * A CSV export that names its account only by a plain account number (HypoVereinsbank "Kontonummer", Sparkasse
 * CSV-MT940 "Auftragskonto") is checked against the German IBAN given with --account (its last 10 digits, DK IBAN
 * rules), as an MT940 "BLZ/Kontonummer" is: a wrong IBAN is refused and never remembered as the file's account.
 */
import { describe, expect, it } from 'vitest';
import { camtXml } from '../../helpers/camt-builder.ts';
import { makeTestDb } from '../../helpers/db.ts';
import { volksbankCsv } from '../../helpers/volksbank-csv.ts';

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

  it('--account BLZ/Kontonummer: a file that names the same account number without a bank code is that account', async () => {
    const { core } = makeTestDb();
    const file = Buffer.from(HVB, 'latin1');
    // Another account number is still a mismatch, and nothing is stored.
    const [wrong] = await core.bank.importBytes('hvb.csv', file, { accountIban: '70020270/1234567891' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'IMPORT_ACCOUNT_MISMATCH' } });
    expect(core.bank.accounts()).toEqual([]);
    // The same number: the file names the account (by its number), so the account given is created.
    const [right] = await core.bank.importBytes('hvb.csv', file, { accountIban: '70020270/1234567890' });
    expect(right).toMatchObject({
      ok: true,
      new: 2,
      accounts: [{ iban: null, otherId: '70020270/1234567890', created: true }],
    });
    // Imported again: the same account, the postings recognised, not stored twice.
    const [again] = await core.bank.importBytes('hvb.csv', file, { accountIban: '70020270/1234567890' });
    expect(again).toMatchObject({ ok: true, new: 0, duplicate: 2, accounts: [{ created: false }] });
    expect(core.bank.accounts()).toHaveLength(1);
  });

  it('--account BLZ/Kontonummer finds the account known so far only by the number of such a file', async () => {
    const { core } = makeTestDb();
    const file = Buffer.from(HVB, 'latin1');
    const [first] = await core.bank.importBytes('hvb.csv', file);
    expect(first).toMatchObject({ ok: true, new: 2, accounts: [{ otherId: '1234567890', created: true }] });
    const [again] = await core.bank.importBytes('hvb.csv', file, { accountIban: '70020270/1234567890' });
    expect(again).toMatchObject({
      ok: true,
      new: 0,
      duplicate: 2,
      accounts: [{ id: first?.ok ? first.accounts[0]?.id : -1, created: false }],
    });
    expect(core.bank.accounts()).toHaveLength(1);
  });

  it('a non-German IBAN is not checked (its account part is laid out differently)', async () => {
    const { core } = makeTestDb();
    const [r] = await core.bank.importBytes('hvb.csv', Buffer.from(HVB, 'latin1'), {
      accountIban: 'AT611904300234573201',
    });
    expect(r).toMatchObject({ ok: true, new: 2 });
  });
});

/** The Sparkasse CSV-MT940 posting above as a CAMT.053 of the account with IBAN `iban`. */
const camtOf = (iban: string) =>
  Buffer.from(
    camtXml('053', [
      {
        iban,
        entries: [
          { amount: '250.00', bookingDate: '2026-11-26', iban: 'DE02120300000000202051', name: 'Hans Weber' },
        ],
      },
    ]),
  );
const SPARKASSE_IBAN = 'DE02300500000123456789';
/** Another bank's account with the same account number 0123456789. */
const SAME_NUMBER_IBAN = 'DE41500105170123456789';

describe('plain account number without --account', () => {
  it('is the existing account whose German IBAN carries that number: no second account, no second posting', async () => {
    const { core } = makeTestDb();
    const [camt] = await core.bank.importBytes('camt.xml', camtOf(SPARKASSE_IBAN));
    expect(camt).toMatchObject({ ok: true, new: 1 });
    const [csv] = await core.bank.importBytes('umsaetze.csv', Buffer.from(SPARKASSE_MT940, 'latin1'));
    expect(csv).toMatchObject({
      ok: true,
      new: 0,
      duplicate: 1,
      accounts: [{ iban: SPARKASSE_IBAN, created: false }],
    });
    // Said, so that a file of another bank's account with the same number is noticed.
    expect(csv?.ok === true && csv.warnings.map((w) => w.code)).toContain('ACCOUNT_ASSUMED_BY_NUMBER');
    expect(core.bank.accounts()).toHaveLength(1);
    expect(await core.bank.postingCount()).toBe(1);
  });

  it('is refused when several accounts carry that number (the file names no bank code)', async () => {
    const { core } = makeTestDb();
    await core.bank.importBytes('a.xml', camtOf(SPARKASSE_IBAN));
    await core.bank.importBytes('b.xml', camtOf(SAME_NUMBER_IBAN));
    const [csv] = await core.bank.importBytes('umsaetze.csv', Buffer.from(SPARKASSE_MT940, 'latin1'));
    expect(csv).toMatchObject({ ok: false, error: { code: 'IMPORT_ACCOUNT_AMBIGUOUS' } });
    expect(csv?.ok === false && csv.error.message).toMatch(
      /0123456789.*DE02300500000123456789, DE41500105170123456789.*--account/,
    );
    expect(core.bank.accounts()).toHaveLength(2);
    const [forced] = await core.bank.importBytes('umsaetze.csv', Buffer.from(SPARKASSE_MT940, 'latin1'), {
      accountIban: SPARKASSE_IBAN,
    });
    expect(forced).toMatchObject({ ok: true, new: 0, duplicate: 1, accounts: [{ iban: SPARKASSE_IBAN }] });
  });

  it('an IBAN statement imported afterwards gives the number-only account its IBAN instead of a second account', async () => {
    const { core } = makeTestDb();
    const [csv] = await core.bank.importBytes('umsaetze.csv', Buffer.from(SPARKASSE_MT940, 'latin1'));
    expect(csv).toMatchObject({
      ok: true,
      new: 1,
      accounts: [{ iban: null, otherId: '0123456789', created: true }],
    });
    const [camt] = await core.bank.importBytes('camt.xml', camtOf(SPARKASSE_IBAN));
    expect(camt).toMatchObject({
      ok: true,
      new: 0,
      duplicate: 1,
      accounts: [{ iban: SPARKASSE_IBAN, otherId: '0123456789', created: false }],
    });
    expect(core.bank.accounts()).toHaveLength(1);
    expect(await core.bank.postingCount()).toBe(1);
  });

  it('an IBAN statement matching several number-only accounts merges nothing and warns', async () => {
    const { core } = makeTestDb();
    await core.bank.importBytes('umsaetze.csv', Buffer.from(SPARKASSE_MT940, 'latin1'));
    await core.bank.importBytes(
      'umsaetze2.csv',
      Buffer.from(SPARKASSE_MT940.replace('"0123456789"', '"123456789"'), 'latin1'),
    );
    expect(core.bank.accounts()).toHaveLength(2);
    const [camt] = await core.bank.importBytes('camt.xml', camtOf(SPARKASSE_IBAN));
    expect(camt).toMatchObject({ ok: true, new: 1, accounts: [{ iban: SPARKASSE_IBAN, created: true }] });
    expect(camt?.ok && camt.warnings.map((w) => w.code)).toContain('ACCOUNT_NUMBER_AMBIGUOUS');
    expect(core.bank.accounts()).toHaveLength(3);
  });
});

describe('bank code and account number in a CSV preamble (Volksbank "Umsatzanzeige")', () => {
  const VOLKSBANK = volksbankCsv(
    '1234567',
    [
      {
        payer: 'Hans Weber',
        iban: 'DE02120300000000202051',
        bic: 'BYLADEM1001',
        lines: ['Bestellung 21001'],
        amount: '250,00',
      },
    ],
    { bankName: true },
  );

  it('is the account whose IBAN they make (DE09 1234 5678 0001 2345 67): no --account needed, no second account', async () => {
    const { core } = makeTestDb();
    const [camt] = await core.bank.importBytes('camt.xml', camtOf('DE09123456780001234567'));
    expect(camt).toMatchObject({ ok: true, new: 1 });
    const [csv] = await core.bank.importBytes('umsatz.csv', Buffer.from(VOLKSBANK, 'latin1'));
    expect(csv).toMatchObject({
      ok: true,
      new: 0,
      duplicate: 1,
      accounts: [{ iban: 'DE09123456780001234567', created: false }],
    });
    expect(core.bank.accounts()).toHaveLength(1);
  });
});
