/**
 * Realistic bank CSV exports (own fixtures under test/fixtures/bank/realistic, made-up data, valid IBANs) through
 * the real import service. Layouts modelled on the public descriptions and importers of:
 * - ING "Umsatzanzeige" 2023+ (preamble with IBAN in blocks of four, Windows-1252, two "Währung" columns:
 *   public ING-DE importers, firefly-iii/import-configurations de/ing).
 * - DKB since 2023 (preamble "Girokonto";IBAN, "Kontostand vom …", pending "Vorgemerkt" rows without value date;
 *   public DKB 2023/2024 importers with the header "Buchungsdatum";"Wertstellung";"Status";…).
 * - comdirect (preamble "Umsätze Girokonto", pending rows "offen"/"--", labels in "Buchungstext", footer
 *   "Alter Kontostand": homebank-csv style comdirect.yml configs, zod ComdirectSchema importers).
 * - Postbank 2023 (preamble with IBAN, header "Mandatsreferenz " with a trailing blank, Soll/Haben columns,
 *   footer "Kontostand": postbank2023.yml style configs).
 * - Sparkasse CSV-CAMT V2 ("Umsatz vorgemerkt" rows with empty Buchungstag, semicolons inside quotes, Windows-1252).
 * - PayPal Aktivitätsbericht (German) with fee, refund and a Memo authorisation row; the English activity report
 *   (MM/DD/YYYY, "1,049.00") with a currency conversion pair (hledger PayPal CSV rules describe the columns).
 * - N26 since 2024 (Original Amount/Currency/Exchange Rate columns, foreign-currency payment).
 * - Volksbank/Raiffeisenbank (Atruvia) with "EREF: … SVWZ: … ABWA: …" labels in Verwendungszweck.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../helpers/db.ts';
import { importRealistic, REALISTIC, storedPostings } from '../../helpers/realistic-bank.ts';

describe('realistic bank CSV exports', () => {
  it('ING 2023+: account from the preamble, two currency columns, Windows-1252', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'csv-ing-2024.csv');
    expect(r).toMatchObject({
      version: 'ing',
      encoding: 'windows-1252',
      entries: 2,
      accounts: [{ iban: 'DE39500105175407324924' }],
    });
    expect(
      storedPostings(core).map((p) => [
        p.bookingDate,
        p.amountMinor,
        p.currency,
        p.counterpartyName,
        p.remittance,
      ]),
    ).toEqual([
      ['2026-11-13', 124900, 'EUR', 'Erika Mustermann', 'Bestellung 100541 RF18539007547034'],
      [
        '2026-11-12',
        -1783,
        'EUR',
        'VISA AMAZON MKTPLC EU',
        'NR XXXX 1234 LUXEMBOURG KAUFUMSATZ 10.11 134512',
      ],
    ]);
  });

  it('DKB 2023+: payer/payee columns, pending row without value date, references in own columns', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'csv-dkb-2023.csv');
    expect(r).toMatchObject({ version: 'dkb', entries: 3, accounts: [{ iban: 'DE42200411550411223300' }] });
    const [pending, credit, debit] = storedPostings(core);
    expect(pending).toMatchObject({
      bookingStatus: 'pending',
      bookingDate: '2026-11-14',
      valueDate: null,
      amountMinor: -112000,
      counterpartyName: 'Verpackungen Nord e.K.',
      counterpartyIban: 'DE89370400440532013000',
    });
    expect(credit).toMatchObject({
      bookingStatus: 'booked',
      amountMinor: 4250,
      counterpartyName: 'Petra Probe',
      endToEndId: 'SHOP-100538',
    });
    expect(debit).toMatchObject({
      amountMinor: -999,
      counterpartyName: 'Hosting Provider GmbH',
      mandateId: 'HOST-77',
      endToEndId: 'INV-77-2026-11',
    });
  });

  it('DKB 2024: UTF-8 BOM, IBAN with blanks in the preamble, amounts with a "€" suffix and without decimals', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'csv-dkb-2024-euro-suffix.csv');
    expect(r).toMatchObject({ version: 'dkb', entries: 3, accounts: [{ iban: 'DE42200411550411223300' }] });
    expect(
      storedPostings(core).map((p) => [
        p.bookingStatus,
        p.bookingDate,
        p.amountMinor,
        p.counterpartyName,
        p.counterpartyIban,
        p.remittance,
        p.mandateId,
      ]),
    ).toEqual([
      ['pending', '2026-11-20', -1399, 'Hosting Provider GmbH', null, null, null],
      ['booked', '2026-11-19', 125500, 'Petra Probe', 'DE29100100100987654321', 'Bestellung 100610', null],
      [
        'booked',
        '2026-11-18',
        -12000,
        'Lager und Logistik GmbH',
        'DE45120300001234567890',
        'Miete Lagerraum Dez 2026',
        'M-2023-000871',
      ],
    ]);
  });

  it('a preamble IBAN whose check digits are wrong: the error says so and asks for --account', async () => {
    const { core } = makeTestDb();
    const text = readFileSync(join(REALISTIC, 'csv-ing-2024.csv'), 'latin1').replace(
      'IBAN;DE39 5001 0517 5407 3249 24',
      'IBAN;DE12 3456 7890 1234 5678 90',
    );
    const [r] = await core.bank.importBytes('ing-invalid-iban.csv', Buffer.from(text, 'latin1'));
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_NO_ACCOUNT' } });
    expect(r?.ok === false && r.error.message).toContain('check digits are wrong');
  });

  it('DKB 2023 (first exports of the new portal): "Konto" preamble, column "Betrag" with " €", no IBAN column', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'csv-dkb-2023-betrag.csv');
    expect(r).toMatchObject({ version: 'dkb', entries: 2, accounts: [{ iban: 'DE42200411550411223300' }] });
    expect(
      storedPostings(core).map((p) => [
        p.bookingDate,
        p.amountMinor,
        p.counterpartyName,
        p.remittance,
        p.endToEndId,
      ]),
    ).toEqual([
      ['2026-11-25', 110000, 'Petra Probe', 'Bestellung 100611', null],
      ['2026-11-24', -1022, 'Kartenzahlung Beispiel', '2026-11-23 Debitk.99 VISA Debit', '567890123456789'],
    ]);
  });

  it('Commerzbank 2024: counterparty name/BIC/IBAN leading the Buchungstext, labelled references, NOTPROVIDED', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'csv-commerzbank-2024.csv');
    expect(r).toMatchObject({
      version: 'commerzbank',
      entries: 3,
      accounts: [{ iban: 'DE89370400440532013000' }],
    });
    const [debit, credit, plain] = storedPostings(core);
    expect(debit).toMatchObject({
      amountMinor: -999,
      counterpartyName: 'Hosting Provider GmbH',
      counterpartyIban: 'DE45120300001234567890',
      counterpartyBic: 'BYLADEM1001',
      endToEndId: 'INV-77-2026-11',
      mandateId: 'HOST-77',
    });
    expect(debit?.remittance).toMatch(/^Webhosting 11\/2026\b/);
    expect(credit).toMatchObject({
      amountMinor: 4990,
      counterpartyName: 'Petra Probe',
      endToEndId: 'SHOP-100620',
      remittance: 'Bestellung 100620',
    });
    // Without BIC and IBAN the name cannot be told from the text: it stays in the remittance, nothing is invented.
    expect(plain).toMatchObject({
      amountMinor: 101900,
      counterpartyName: null,
      endToEndId: null,
      remittance: 'Jens Jansen Bestellung 100619',
    });
  });

  it('comdirect: detected from its header, "offen" rows pending without dates, labels in the text', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'csv-comdirect.csv', { accountIban: 'DE24700202700015551234' });
    expect(r).toMatchObject({ version: 'comdirect', encoding: 'windows-1252', entries: 3, new: 3 });
    const [pending, credit, debit] = storedPostings(core);
    expect(pending).toMatchObject({
      bookingStatus: 'pending',
      bookingDate: null,
      valueDate: null,
      amountMinor: -999,
      counterpartyName: 'Hosting Provider GmbH',
      remittance: 'Webhosting 12/2026 Ref. HOST-77/2',
    });
    expect(credit).toMatchObject({
      bookingStatus: 'booked',
      bookingDate: '2026-11-14',
      amountMinor: 5800,
      counterpartyName: 'Petra Probe',
      endToEndId: 'SHOP-100545',
      remittance: 'Bestellung 100545 Ref. 3N2C21TO1234567/1',
    });
    expect(debit).toMatchObject({
      amountMinor: -12000,
      counterpartyName: 'Lager und Logistik GmbH',
      counterpartyIban: 'DE45120300001234567890',
      counterpartyBic: 'BYLADEM1001',
      endToEndId: '2026110900001234',
      mandateId: 'M-2023-000871',
    });
    expect(debit?.remittance).toMatch(/^Miete Lagerraum Nov 2026\b/);
    const again = await importRealistic(core, 'csv-comdirect.csv', { accountIban: 'DE24700202700015551234' });
    expect(again).toMatchObject({ new: 0, duplicate: 3 });
  });

  it('comdirect: the undated pending row is replaced by its booking in the next export, and the old export adds nothing', async () => {
    const { core } = makeTestDb();
    const account = { accountIban: 'DE24700202700015551234' };
    await importRealistic(core, 'csv-comdirect.csv', account);
    expect(await importRealistic(core, 'csv-comdirect-next-day.csv', account)).toMatchObject({
      entries: 2,
      new: 0,
      replaced: 1,
      duplicate: 1,
    });
    expect(await importRealistic(core, 'csv-comdirect.csv', account)).toMatchObject({
      new: 0,
      replaced: 0,
      duplicate: 3,
    });
    expect(
      storedPostings(core).map((p) => [p.bookingStatus, p.bookingDate, p.amountMinor, p.counterpartyName]),
    ).toEqual([
      ['booked', '2026-11-15', -999, 'Hosting Provider GmbH'],
      ['booked', '2026-11-14', 5800, 'Petra Probe'],
      ['booked', '2026-11-13', -12000, 'Lager und Logistik GmbH'],
    ]);
  });

  it('Postbank 2023: header with a trailing blank, Soll/Haben columns, balance footer ignored', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'csv-postbank-2023.csv');
    expect(r).toMatchObject({
      version: 'deutsche-bank-postbank',
      entries: 3,
      accounts: [{ iban: 'DE29100100100987654321' }],
    });
    expect(
      storedPostings(core).map((p) => [
        p.bookingDate,
        p.amountMinor,
        p.counterpartyName,
        p.endToEndId,
        p.mandateId,
      ]),
    ).toEqual([
      ['2026-11-14', 7700, 'Jens Jansen', 'SHOP-100547', null],
      ['2026-11-13', -999, 'Hosting Provider GmbH', 'INV-77-2026-11', 'HOST-77'],
      ['2026-11-12', -125000, 'Verpackungen Nord e.K.', null, null],
    ]);
  });

  it('Sparkasse CSV-CAMT V2: "Umsatz vorgemerkt" row with empty booking date, semicolon inside quotes, umlauts', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'csv-sparkasse-camt-v2.csv');
    expect(r).toMatchObject({ version: 'sparkasse-csv-camt', entries: 3, new: 3 });
    const [pending, debit, ret] = storedPostings(core);
    expect(pending).toMatchObject({
      bookingStatus: 'pending',
      bookingDate: null,
      amountMinor: 8900,
      counterpartyName: 'Jörg Übermann',
      remittance: 'Bestellung 100560; Lieferung an Packstation',
      endToEndId: 'SHOP-100560',
    });
    expect(debit).toMatchObject({
      bookingDate: '2026-11-13',
      amountMinor: -999,
      remittance: 'Webhosting 11/2026',
      mandateId: 'HOST-77',
    });
    expect(ret).toMatchObject({
      bookingDate: '2026-11-12',
      amountMinor: -6500,
      endToEndId: 'ABO-2026-10-0031',
      counterpartyIban: 'DE24700202700015551234',
    });
  });

  it('Sparkasse CSV-CAMT pending row without a booking date is replaced by the booked camt.053 entry', async () => {
    const { core } = makeTestDb();
    await importRealistic(core, 'csv-sparkasse-camt-v2.csv');
    expect(await importRealistic(core, 'camt053-v08-sparkasse-after-csv.xml')).toMatchObject({
      new: 0,
      replaced: 1,
    });
    expect(storedPostings(core).filter((p) => p.amountMinor === 8900)).toEqual([
      expect.objectContaining({
        bookingStatus: 'booked',
        bookingDate: '2026-11-14',
        endToEndId: 'SHOP-100560',
        bankReference: '2026111407441000501',
      }),
    ]);
    expect(await importRealistic(core, 'csv-sparkasse-camt-v2.csv')).toMatchObject({ new: 0, duplicate: 3 });
  });

  it('PayPal (German): gross sale plus fee entry, refund, Memo authorisation skipped', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'csv-paypal-de.csv');
    expect(r).toMatchObject({
      version: 'paypal-de',
      entries: 3,
      accounts: [{ otherId: 'paypal:shop@kaffee-beispiel.example' }],
    });
    expect(
      storedPostings(core).map((p) => [p.amountMinor, p.counterpartyName, p.bankReference, p.remittance]),
    ).toEqual([
      [124900, 'Petra Probe', '5TY12345AB678901C', 'Espressomaschine 100570'],
      [-1783, null, '5TY12345AB678901C/FEE', 'PayPal-Gebühr für 5TY12345AB678901C'],
      [-2500, 'Hans Beispiel', '9XK98765ZY432109D', 'Rückerstattung Bestellung 100301'],
    ]);
  });

  it('PayPal (English): US dates and number format, USD sale with fee and the currency conversion pair', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'csv-paypal-en.csv');
    expect(r).toMatchObject({ version: 'paypal-en', entries: 4 });
    expect(
      storedPostings(core).map((p) => [p.bookingDate, p.amountMinor, p.currency, p.bankReference]),
    ).toEqual([
      ['2026-11-20', 104900, 'USD', '7HX55555AA111111B'],
      ['2026-11-20', -3691, 'USD', '7HX55555AA111111B/FEE'],
      ['2026-11-20', -101209, 'USD', '2CC11111DD222222E'],
      ['2026-11-20', 94124, 'EUR', '3DD22222EE333333F'],
    ]);
  });

  it('PayPal English report of a UK account: DD/MM/YYYY dates read from the file, even when every day is 12 or less', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'csv-paypal-en-uk.csv');
    expect(r).toMatchObject({ version: 'paypal-en' });
    expect(r.ok && r.warnings.map((w) => w.code)).not.toContain('CSV_DATE_ORDER_AMBIGUOUS');
    // 09/11, 03/11, 01/11 are 1–9 November (as MM/DD they would spread from January to September).
    expect(
      storedPostings(core)
        .map((p) => [p.bookingDate, p.amountMinor, p.currency])
        .filter(([, a]) => Number(a) > 0),
    ).toEqual([
      ['2026-11-09', 4500, 'GBP'],
      ['2026-11-03', 1250, 'GBP'],
      ['2026-11-01', 3000, 'GBP'],
    ]);
  });

  it('N26 2024: EUR amount of a foreign-currency payment, comma inside a quoted reference', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'csv-n26-2024.csv', { accountIban: 'DE24700202700015551234' });
    expect(r).toMatchObject({ version: 'n26', entries: 2 });
    expect(
      storedPostings(core).map((p) => [
        p.bookingDate,
        p.amountMinor,
        p.currency,
        p.counterpartyName,
        p.counterpartyIban,
        p.remittance,
      ]),
    ).toEqual([
      ['2026-11-10', 25000, 'EUR', 'Wiener Kaffeehaus OG', 'AT611904300234573201', 'Rechnung 2026-77, Wien'],
      ['2026-11-11', -117235, 'EUR', 'ROASTING SUPPLIES LTD', null, 'INV-GB-5521'],
    ]);
  });

  it('Volksbank (Atruvia): EREF/SVWZ/ABWA labels in Verwendungszweck', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'csv-volksbank-atruvia.csv');
    expect(r).toMatchObject({
      version: 'volksbank-atruvia',
      entries: 2,
      accounts: [{ iban: 'DE61760501010012345678' }],
    });
    const [credit, debit] = storedPostings(core);
    expect(credit).toMatchObject({
      amountMinor: 7420,
      endToEndId: 'SHOP-100580',
      ultimateDebtor: 'Hans Beispiel Senior',
      remittance: 'Bestellung 100580',
      counterpartyBic: 'COBADEHD001',
    });
    expect(debit).toMatchObject({
      amountMinor: -999,
      endToEndId: 'INV-77-2026-11',
      mandateId: 'HOST-77',
      remittance: 'Webhosting 11/2026',
    });
  });
});
