/**
 * Realistic MT940/MT942 files (own fixtures under test/fixtures/bank/realistic, made-up names, valid IBANs)
 * through the real import service. Variants modelled on:
 * - DK "Spezifikation der Datenformate" Anlage 3, MT940 field 86: GVC, ?00 booking text, ?10 primanota,
 *   ?20–?29 remittance in 27-character pieces cut mid-word, ?30/?31 BIC/IBAN, ?32/?33 name split at 27, ?34.
 * - Sparkasse STARTUMSE statements (BLZ/Kontonummer in :25:, funds code "R" after C/D: "CR"/"DR").
 * - Deutsche Bank: SWIFT envelope {1:}{2:}{4: … -}, :86: continued on a new line inside a subfield,
 *   bookings across the turn of the year (value date 2027-01-02, entry date 1231), RD reversal.
 * - HypoVereinsbank (UniCredit) exports with proprietary :NS: fields after :86: (php-mt940 / jameica hbci4java
 *   test statements show the layout).
 * - Austrian banks (Raiffeisen, Erste) with "~" as subfield separator and an IBAN in :25:.
 * - Postbank: customer reference in :61: and KREF+, ABWA+ (ultimate debtor) after SVWZ+, pieces cut at 27.
 * - MT942 intraday report (:34F:, :13D:, :90D:/:90C:) followed by the day's MT940.
 */
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../helpers/db.ts';
import { importRealistic, storedPostings } from '../../helpers/realistic-bank.ts';

describe('realistic MT940 / MT942 statements', () => {
  it('Sparkasse: structured :86: with ?2x pieces cut mid-word, name over ?32/?33, SEPA keywords, funds code', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'mt940-sparkasse-structured86.sta');
    expect(r).toMatchObject({
      format: 'mt940',
      entries: 3,
      balanceCheck: 'ok',
      accounts: [{ otherId: '43060967/7731109900' }],
    });
    const [credit, debit, fee] = storedPostings(core);
    expect(credit).toMatchObject({
      bookingDate: '2026-11-09',
      valueDate: '2026-11-09',
      amountMinor: 4990,
      counterpartyName: 'Erika Mustermann und Max Mustermann',
      counterpartyIban: 'DE39500105175407324924',
      counterpartyBic: 'INGDDEFFXXX',
      endToEndId: 'SHOP-100512',
      remittance: 'Bestellung 100512 vom 08.11.2026 Danke',
      bankTxCode: 'GVC:166',
      bankReference: null,
      reversal: false,
    });
    expect(debit).toMatchObject({
      amountMinor: -12000,
      remittance: 'Miete Lagerraum Nov 2026 Halle B',
      mandateId: 'M-2023-000871',
      endToEndId: '2026110900001234',
      bankReference: 'KD992211',
      counterpartyName: 'Lager und Logistik GmbH',
    });
    expect(fee).toMatchObject({
      amountMinor: -735,
      remittance: 'Entgelt Kontofuehrung Buchungsposten 0,35 EUR',
      bankTxCode: 'GVC:805',
      counterpartyName: null,
    });
  });

  it('Deutsche Bank: SWIFT envelope, wrapped :86:, turn of the year and an RD reversal', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'mt940-deutschebank-envelope-yearend.sta');
    expect(r).toMatchObject({ entries: 3, balanceCheck: 'ok' });
    const [a, b, c] = storedPostings(core);
    expect(a).toMatchObject({
      bookingDate: '2026-12-31',
      valueDate: '2026-12-31',
      amountMinor: 150000,
      remittance: 'Jahresabschluss Rechnung RE-2026-1231',
      endToEndId: 'RE-2026-1231',
      bankReference: '1231A0009911',
      counterpartyBic: 'DEUTDEFFXXX',
    });
    // Value date in the new year, booked on 31 December: the entry date belongs to the previous year.
    expect(b).toMatchObject({
      bookingDate: '2026-12-31',
      valueDate: '2027-01-02',
      amountMinor: -25000,
      counterpartyBic: 'COBADEFFXXX',
      counterpartyName: 'Vermieter Immobilien GmbH',
    });
    // RD = reversal of a debit: a credit.
    expect(c).toMatchObject({
      bookingDate: '2027-01-02',
      amountMinor: 1999,
      reversal: true,
      mandateId: 'KD-0042',
      endToEndId: 'ABO-2026-12-0042',
      bankTxCode: 'GVC:109',
    });
  });

  it('HypoVereinsbank :NS: fields neither break the statement nor leak into the remittance', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'mt940-hypovereinsbank-ns.sta');
    expect(r).toMatchObject({ entries: 2, balanceCheck: 'ok' });
    expect(
      storedPostings(core).map((p) => [p.amountMinor, p.remittance, p.counterpartyName, p.bankReference]),
    ).toEqual([
      [6450, 'Bestellung 100520', 'Jens Jansen', '261110123456'],
      [-1200, 'Porto Kontoauszug 11/2026', null, '261110123457'],
    ]);
  });

  it('Austrian "~" separator with an IBAN account', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'mt940-austria-tilde.sta');
    expect(r).toMatchObject({ entries: 1, balanceCheck: 'ok', accounts: [{ iban: 'AT832011182715874700' }] });
    expect(storedPostings(core)).toEqual([
      expect.objectContaining({
        amountMinor: 25000,
        counterpartyName: 'Wiener Kaffeehaus OG',
        counterpartyIban: 'AT611904300234573201',
        counterpartyBic: 'RZBAATWWXXX',
        endToEndId: 'AT-INV-2026-77',
        remittance: 'Rechnung 2026-77 Wien',
      }),
    ]);
  });

  it('Commerzbank style: two pages (:62M:/:60M:), ISO-8859-1, unstructured :86: over two lines, :61: supplementary details', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'mt940-commerzbank-pages-latin1.sta');
    expect(r).toMatchObject({ encoding: 'windows-1252', entries: 2, balanceCheck: 'ok' });
    const [debit, credit] = storedPostings(core);
    // A full 65-character :86: line was wrapped by the bank: the lines join without a blank ("November").
    expect(debit).toMatchObject({
      amountMinor: -4500,
      remittance:
        'Lastschrift Hosting Provider GmbH Kundennr. 4711 Rechnung November 2026 SEPA-Mandat HOST-77',
      bankTxCode: 'SWIFT:NMSC',
      counterpartyName: null,
    });
    expect(credit).toMatchObject({
      amountMinor: 12000,
      counterpartyName: 'Jürgen Müller',
      counterpartyIban: 'DE29100100100987654321',
      remittance: 'Bestellung 100600 Müller',
      endToEndId: 'SHOP-100600',
      bankReference: 'POS 0815',
    });
  });

  it('Postbank style: KREF+/EREF+/SVWZ+/ABWA+ over 27-character ?2x pieces, :86: lines wrapped at 65 inside an IBAN', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'mt940-postbank-kref-abwa.sta');
    expect(r).toMatchObject({
      entries: 1,
      balanceCheck: 'ok',
      accounts: [{ iban: 'DE29100100100987654321' }],
    });
    expect(storedPostings(core)).toEqual([
      expect.objectContaining({
        amountMinor: 24900,
        counterpartyName: 'Kunde Holding GmbH',
        counterpartyIban: 'DE24700202700015551234',
        counterpartyBic: 'PBNKDEFFXXX',
        ultimateDebtor: 'Firma Kunde KG Einkauf',
        endToEndId: 'SHOP-100710',
        creditorReference: 'RF18539007547034',
        remittance: 'RF18539007547034 Bestellung 100710 Espressomaschine und Zubehoer',
        bankReference: 'PB0000099',
      }),
    ]);
  });

  it('a day without bookings (only balances) and a fee :61: without :86: in one file', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'mt940-empty-day-and-entry-without-86.sta');
    expect(r).toMatchObject({ statements: 2, entries: 2, balanceCheck: 'ok' });
    expect(
      storedPostings(core).map((p) => [
        p.bookingDate,
        p.amountMinor,
        p.remittance,
        p.counterpartyName,
        p.bankTxCode,
      ]),
    ).toEqual([
      ['2026-11-24', -250, null, null, 'SWIFT:NCHG'],
      ['2026-11-24', 1000, 'Bestellung 100720', 'Hans Beispiel', 'GVC:166'],
    ]);
  });

  it('MT942 intraday entries are replaced by the booked MT940 entries of the day', async () => {
    const { core } = makeTestDb();
    const intraday = await importRealistic(core, 'mt942-intraday.sta');
    expect(intraday).toMatchObject({ format: 'mt942', new: 2 });
    expect(storedPostings(core).map((p) => [p.amountMinor, p.bookingStatus])).toEqual([
      [3580, 'pending'],
      [-999, 'pending'],
    ]);
    const day = await importRealistic(core, 'mt940-after-mt942.sta');
    expect(day).toMatchObject({ new: 0, replaced: 2, duplicate: 0, balanceCheck: 'ok' });
    expect(
      storedPostings(core).map((p) => [p.amountMinor, p.bookingStatus, p.bankReference, p.counterpartyBic]),
    ).toEqual([
      [3580, 'booked', '90214', 'COBADEHD001'],
      [-999, 'booked', '90215', 'BYLADEM1001'],
    ]);
  });
});
