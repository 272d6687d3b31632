/** Each built-in bank layout, recognised from its header row (test/fixtures/bank/csv/, see README there). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '#core/bank/csv/index.ts';
import { OWN_BANK_FIXTURES, collect, errorsOf, readText } from '../bank-mt940/fixture-helpers.ts';
import { volksbankCsv } from '../../helpers/volksbank-csv.ts';

const parse = (name: string) => collect(parseCsv(readText(join(OWN_BANK_FIXTURES, 'csv', name)), name));

describe('built-in CSV layouts', () => {
  it('Deutsche Bank / Postbank: BOM, preamble IBAN, D.M.YYYY, amounts without decimals, footer ignored', () => {
    const r = parse('deutsche-bank-postbank.csv');
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements).toMatchObject([
      { version: 'deutsche-bank-postbank', account: { iban: 'DE02100100100006820101' } },
    ]);
    expect(r.entries.map((e) => [e.bookingDate, e.amountMinor])).toEqual([
      ['2026-06-30', -100000],
      ['2026-06-29', 75000],
      ['2026-06-02', -1290],
    ]);
    expect(r.entries[0]).toMatchObject({
      mandateId: 'CMLP12345678901',
      creditorId: 'DE98ZZZ09999999999',
      endToEndId: '12345678901234',
    });
    // "Kundenreferenz" NOTPROVIDED is no end-to-end id.
    expect(r.entries[1]?.endToEndId).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toContain('CSV_FOOTER_IGNORED');
  });

  it('older Deutsche Bank layout: empty Betrag, sign from the Soll/Haben column', () => {
    const r = parse('deutsche-bank-2024.csv');
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries.map((e) => e.amountMinor)).toEqual([-5900, 138000]);
    expect(r.statements[0]?.account.iban).toBe('DE10100700240123456700');
  });

  it('Commerzbank: counterparty and SEPA labels inside Buchungstext, account per row', () => {
    const r = parse('commerzbank.csv');
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements).toMatchObject([
      { version: 'commerzbank', account: { iban: 'DE70500400000538917600' } },
    ]);
    expect(r.entries.map((e) => e.amountMinor)).toEqual([-204000, -1234, 11990, -1070]);
    expect(r.entries[0]).toMatchObject({
      counterpartyName: 'RALF THURNER',
      counterpartyBic: 'GENODEF1M04',
      counterpartyIban: 'DE42120300001033738756',
    });
    expect(r.entries[0]?.endToEndId).toBeUndefined();
    expect(r.entries[1]).toMatchObject({
      endToEndId: '009876584321',
      mandateId: 'M009876584321',
      creditorId: 'DE98ZZZ09999999999',
    });
    expect(r.entries[2]).toMatchObject({
      counterpartyName: 'Erika Mustermann',
      endToEndId: 'E2E-10043',
      remittance: 'Bestellung 10043',
    });
  });

  it('ING: header after a preamble, grouped IBAN in the preamble, thousands separator', () => {
    const r = parse('ing.csv');
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements).toMatchObject([{ version: 'ing', account: { iban: 'DE12500105170648489890' } }]);
    expect(r.entries.map((e) => e.amountMinor)).toEqual([-1398, 264774, 4900, 264774]);
    expect(r.entries[2]).toMatchObject({
      counterpartyName: 'Erika Mustermann',
      remittance: 'Bestellung 10044',
      valueDate: '2025-11-27',
    });
    // A row without its (empty) Buchungstext cell: the amount stays in the amount column.
    expect(r.entries[3]).toMatchObject({
      counterpartyName: 'Rente',
      remittance: '97052181157Z00511 RV-RENTE 10.2025',
    });
    expect(r.entries[3]?.bookingText).toBeUndefined();
  });

  it('DKB (since 2023): status, payer or payee by direction, "1.000" is one thousand', () => {
    const r = parse('dkb.csv');
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements).toMatchObject([{ version: 'dkb', account: { iban: 'DE42120300001033738756' } }]);
    expect(r.entries.map((e) => [e.bookingStatus, e.amountMinor, e.counterpartyName])).toEqual([
      ['pending', -702, 'Netto Marken-Discount'],
      ['booked', 100000, 'Erika Mustermann'],
      ['booked', -2728, 'Stadtwerke'],
    ]);
    expect(r.entries[0]?.valueDate).toBeUndefined();
  });

  it('DKB (before 2023): "Kontonummer:" preamble, lines ending with a delimiter', () => {
    const r = parse('dkb-legacy.csv');
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements[0]?.account.iban).toBe('DE42120300001033738756');
    expect(r.entries.map((e) => [e.bookingDate, e.amountMinor, e.counterpartyIban])).toEqual([
      ['2018-10-19', 4567, 'DE02120300000000202051'],
      ['2018-10-17', -1678, 'DE44500105175407324931'],
    ]);
  });

  it('N26: comma, decimal point, ISO dates; no account in the file is a warning', () => {
    const r = parse('n26.csv');
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries.map((e) => e.amountMinor)).toEqual([-98000, 123450, -420]);
    expect(r.problems.map((p) => p.code)).toEqual(['CSV_NO_ACCOUNT']);
  });

  it('Volksbank / Atruvia: EREF:/MREF:/CRED:/ABWA: labels in the remittance', () => {
    const r = parse('volksbank.csv');
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements[0]?.account.iban).toBe('DE18430609671234567800');
    expect(r.entries[1]).toMatchObject({
      amountMinor: -45311,
      endToEndId: '134541375034',
      mandateId: 'M-200-002-644',
      creditorId: 'DE98ZZZ09999999999',
      ultimateDebtor: 'Versicherung Service GmbH',
      remittance: 'Beitrag 12/2025 Vertrag 40-059254925',
    });
  });

  it('old Volksbank/Fiducia: multi-line remittance in 27-character lines, S/H sign column, balance lines', () => {
    const r = parse('volksbank-fiducia.csv');
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements[0]).toMatchObject({
      version: 'volksbank-fiducia',
      account: { iban: 'DE33760100850123456701' },
    });
    expect(r.entries.map((e) => [e.bookingDate, e.amountMinor])).toEqual([
      ['2017-12-29', 120210],
      ['2017-12-28', -5600],
    ]);
    expect(r.entries[0]).toMatchObject({
      bookingText: 'UEBERWEISUNGSGUTSCHR',
      remittance: 'Bestellung 10056 Rechnung RE-2017-99',
      counterpartyName: 'Erika Mustermann',
      counterpartyIban: 'DE02120300000000202051',
      ultimateDebtor: 'Erika Mustermann GmbH',
    });
    expect(r.entries[1]).toMatchObject({
      bookingText: 'Basislastschrift',
      endToEndId: '4711',
      mandateId: 'M-1',
      creditorId: 'DE98ZZZ09999999999',
    });
    expect(r.problems).toEqual([]);
    // "Anfangssaldo"/"Endsaldo" lines are the statement's balances, and they add up.
    expect(r.statements[0]).toMatchObject({
      openingBalanceMinor: 100000,
      closingBalanceMinor: 214610,
      balanceCurrency: 'EUR',
    });
    expect(100000 + r.entries.reduce((a, e) => a + e.amountMinor, 0)).toBe(214610);
  });

  it('Volksbank (old layout): short lines of "Vorgang/Verwendungszweck" are joined with a blank, full 27-character lines without', () => {
    const text = volksbankCsv('DE33760100850123456701', [
      {
        payer: 'Jörg Müller',
        iban: 'DE89370400440532013000',
        bic: 'COBADEFFXXX',
        lines: ['EREF: RE-2026-0815', 'SVWZ: Rechnung RE-2026-0815 Kunde 4711'],
        amount: '1.234,56',
      },
      {
        payer: 'Jörg Müller',
        iban: 'DE89370400440532013000',
        bic: 'COBADEFFXXX',
        lines: ['Rechnung 4711', 'Kunde 12', 'EREF: ORD-55'],
        amount: '10,00',
      },
    ]);
    const r = collect(parseCsv(text, 'vb.csv'));
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries.map((e) => [e.endToEndId, e.remittance])).toEqual([
      ['RE-2026-0815', 'Rechnung RE-2026-0815 Kunde 4711'],
      ['ORD-55', 'Rechnung 4711 Kunde 12'],
    ]);
  });

  it('Volksbank (old layout): the account from "BLZ:" and "Konto:" in the preamble when no IBAN is there', () => {
    const text = volksbankCsv(
      '1234567',
      [
        {
          payer: 'Jörg Müller',
          iban: 'DE89370400440532013000',
          bic: 'COBADEFFXXX',
          lines: ['Rechnung 4711'],
          amount: '10,00',
        },
      ],
      { bankName: true },
    );
    const r = collect(parseCsv(text, 'vb.csv'));
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements[0]?.account).toMatchObject({ otherId: '12345678/1234567' });
  });

  it('Sparkasse CSV-CAMT V8: IBAN account, pending row, RF creditor reference', () => {
    const r = parse('sparkasse-csv-camt-v8.csv');
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements[0]).toMatchObject({
      version: 'sparkasse-csv-camt',
      account: { iban: 'DE74660501010022518260' },
    });
    expect(r.entries.map((e) => e.bookingStatus)).toEqual(['pending', 'booked', 'booked']);
    expect(r.entries[2]?.creditorReference).toBe('RF18539007547034');
  });

  it('PayPal (German): account by e-mail, gross plus a fee entry, pending, cancelled and memo rows skipped', () => {
    const r = parse('paypal-de.csv');
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements).toMatchObject([
      { version: 'paypal-de', account: { otherId: 'paypal:shop@example.com', name: 'PayPal' } },
    ]);
    expect(r.entries.map((e) => [e.amountMinor, e.bookingStatus, e.bankReference])).toEqual([
      [123450, 'booked', '1AB23456CD789012E'],
      [-4479, 'booked', '1AB23456CD789012E/FEE'],
      [5990, 'pending', '2BC34567DE890123F'],
      [-244, 'pending', '2BC34567DE890123F/FEE'],
      [-100000, 'booked', '5EF67890GH123456I'],
    ]);
    // gross + fee = net (PayPal "Netto" 1.189,71)
    expect((r.entries[0]?.amountMinor ?? 0) + (r.entries[1]?.amountMinor ?? 0)).toBe(118971);
    expect(r.entries[0]).toMatchObject({
      customerReference: '10049',
      remittance: 'Bestellung 10049',
      counterpartyName: 'Erika Mustermann',
    });
    expect(r.problems.filter((p) => p.code === 'CSV_ROWS_SKIPPED')).toHaveLength(2);
  });

  it('PayPal (German, newer layout without status): Entgelt as fee, Beschreibung as booking text', () => {
    const r = parse('paypal-de-kompakt.csv');
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements[0]?.version).toBe('paypal-de');
    expect(r.entries.map((e) => [e.amountMinor, e.bookingText, e.bankReference])).toEqual([
      [4990, 'Website-Zahlung', '8HJ90123KL456789M'],
      [-172, 'Gebühr', '8HJ90123KL456789M/FEE'],
      [-7400, 'PayPal Express-Zahlung', '9IK01234LM567890N'],
    ]);
    // No recipient column: the own PayPal address is not in the file; the one PayPal account "paypal" is used.
    expect(r.statements[0]?.account).toEqual({ otherId: 'paypal', name: 'PayPal' });
    expect(r.problems.map((p) => p.code)).toEqual(['CSV_PAYPAL_ACCOUNT_UNNAMED']);
  });

  it('PayPal (English): US dates, decimal point with thousands comma, other currency', () => {
    const r = parse('paypal-en.csv');
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries.map((e) => [e.bookingDate, e.amountMinor, e.currency])).toEqual([
      ['2025-11-03', 123450, 'USD'],
      ['2025-11-03', -3610, 'USD'],
    ]);
  });

  it('a wrong amount in the middle is an error naming the line; "-5.00" is never read as -500', () => {
    const r = parse('broken-amount.csv');
    expect(errorsOf(r)).toMatchObject([{ code: 'CSV_BAD_AMOUNT', line: 3, file: 'broken-amount.csv' }]);
    expect(r.entries.map((e) => e.amountMinor)).toEqual([100, 200]);
  });

  it('an unknown layout asks for a CSV profile', () => {
    const r = parse('unknown-layout.csv');
    expect(errorsOf(r)).toMatchObject([{ code: 'CSV_UNKNOWN_LAYOUT' }]);
    expect(errorsOf(r)[0]?.message).toMatch(/CSV profile/);
  });
});
