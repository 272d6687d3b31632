/**
 * Statement variants seen in public sample files (parser libraries' test data) that the importer rejected or
 * misread. The inputs are written here, small, reproducing only the variant; each test names the public format or
 * bank it reflects. The sample files themselves are not copied into the project.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '#core/bank/csv/index.ts';
import { parseMt940 } from '#core/bank/mt940/index.ts';
import type { FileResult } from '#core/bank/import-service.ts';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { makeOrder, makeShop } from '../../helpers/factories.ts';
import { camtXml } from '../../helpers/camt-builder.ts';
import { collect, errorsOf } from '../../unit/bank-mt940/fixture-helpers.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
function ok(results: FileResult[]) {
  const [r] = results;
  if (!r?.ok) throw new Error(JSON.stringify(r));
  return r;
}

describe('CAMT balances without CdtDbtInd', () => {
  // camt.053.001.08 as in the Lithuanian statements of Subite-eu/camt-to-coda (example-files/CAMT/…/CAMT_053):
  // <Bal> with Tp, Amt, Dt and Avlbty but no CdtDbtInd. The entries are sound; only the balances have no sign.
  const withoutDirection = (xml: string) =>
    xml.replace(/(<\/Amt>)<CdtDbtInd>(?:CRDT|DBIT)<\/CdtDbtInd>(<Dt>)/g, '$1$2');
  const xml = withoutDirection(
    camtXml('053', [
      {
        opening: '-100.00',
        closing: '-50.00',
        entries: [{ amount: '50.00', cdi: 'CRDT', remittance: 'RE 4711' }],
      },
    ]),
  );

  it('imports the entries and skips the balance check with a warning instead of rejecting the file', async () => {
    expect(xml).not.toMatch(/<\/Amt><CdtDbtInd>[A-Z]+<\/CdtDbtInd><Dt>/);
    const { core, db } = makeTestDb();
    const r = ok(await core.bank.importBytes('lt.xml', bytes(xml)));
    expect(r).toMatchObject({ entries: 1, new: 1, balanceCheck: 'not_available' });
    const codes = r.warnings.map((w) => w.code);
    expect(codes.filter((c) => c === 'CAMT_BALANCE_WITHOUT_DIRECTION')).toHaveLength(2);
    expect(r.warnings.find((w) => w.code === 'CAMT_BALANCE_WITHOUT_DIRECTION')?.message).toContain(
      '100.00 EUR',
    );
    expect(db.$client.prepare('SELECT amount_minor AS a FROM postings').all()).toEqual([{ a: 5000 }]);
  });

  it('takes a zero balance without direction as zero, so the balance check still runs', async () => {
    const zero = withoutDirection(
      camtXml('053', [{ opening: '0.00', closing: '0.00', entries: [{ amount: '5.00', cdi: 'CRDT' }] }]),
    );
    const { core } = makeTestDb();
    const r = ok(await core.bank.importBytes('zero.xml', bytes(zero)));
    expect(r.balanceCheck).toBe('mismatch');
    expect(r.warnings.map((w) => w.code)).not.toContain('CAMT_BALANCE_WITHOUT_DIRECTION');
  });

  it('still rejects a balance whose CdtDbtInd is neither CRDT nor DBIT', async () => {
    const bad = camtXml('053', [{ opening: '10.00', closing: '10.00', entries: [] }]).replace(
      '<CdtDbtInd>CRDT</CdtDbtInd><Dt>',
      '<CdtDbtInd>HABEN</CdtDbtInd><Dt>',
    );
    const { core, db } = makeTestDb();
    expect((await core.bank.importBytes('bad.xml', bytes(bad)))[0]).toMatchObject({
      ok: false,
      error: { code: 'CAMT_MISSING_CDTDBTIND' },
    });
    expect(db.$client.prepare('SELECT count(*) AS n FROM postings').get()).toEqual({ n: 0 });
  });
});

describe('ING CSV (Umsatzanzeige) since 2025', () => {
  // Header as in public ING-DE importers' test data (2025): a "Referenz" column between "Verwendungszweck" and "Saldo".
  const csv = [
    'Umsatzanzeige;Datei erstellt am: 02.12.2025 10:00',
    '',
    'IBAN;DE89 3704 0044 0532 0130 00',
    'Kontoname;Girokonto',
    'Bank;ING',
    'Zeitraum;02.11.2025 - 02.12.2025',
    'Saldo;2.776,45;EUR',
    '',
    'Buchung;Wertstellungsdatum;Auftraggeber/Empfänger;Buchungstext;Verwendungszweck;Referenz;Saldo;Währung;Betrag;Währung',
    '02.12.2025;02.12.2025;Testempfänger;Überweisung;Ihr Einkauf;NOTPROVIDED;2.776,45;EUR;-206,44;EUR',
    '01.12.2025;01.12.2025;Kunde GmbH;Gutschrift;Bestellung 4711;E2E-2025-4711;2.982,89;EUR;1.000,00;EUR',
  ].join('\r\n');

  it('reads "Referenz" as the end-to-end reference (NOTPROVIDED is none) and keeps the amounts', () => {
    const r = collect(parseCsv(csv, 'ing.csv'));
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements).toMatchObject([{ version: 'ing', account: { iban: 'DE89370400440532013000' } }]);
    expect(r.entries.map((e) => [e.bookingDate, e.amountMinor, e.endToEndId, e.remittance])).toEqual([
      ['2025-12-02', -20644, undefined, 'Ihr Einkauf'],
      ['2025-12-01', 100000, 'E2E-2025-4711', 'Bestellung 4711'],
    ]);
  });
});

describe('MT940 :86: slash codes wrapped at a word boundary', () => {
  const statement = (lines86: string[]) =>
    [
      ':20:STMT',
      ':25:NL91ABNA0417164300',
      ':28C:1/1',
      ':60F:C160914EUR0,',
      ':61:1609140914C100,N110NONREF//B6I14PGAHT6R1BM1',
      `:86:${lines86[0] ?? ''}`,
      ...lines86.slice(1),
      ':62F:C160915EUR100,',
      '-',
    ].join('\n');

  it('keeps words apart where a short line ended (Knab, Rabobank) and reads /BBAN/ as the account', () => {
    // Knab (webschik/mt940-js test/cases/base-3.mta): very short lines, each ended after a word.
    const r = collect(
      parseMt940(
        statement([
          '/TRTP/SEPA',
          'OVERBOEKING/BBAN/90000014/BIC/KNABNL2HXXX/NAME/KNAB',
          '/REMI/EERSTE',
          'OVERBOEKING,',
          'BETALINGSKENMERK:',
          '0050002417734462',
        ]),
        'knab.sta',
      ),
    );
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]).toMatchObject({
      amountMinor: 10000,
      bookingText: 'SEPA OVERBOEKING',
      counterpartyName: 'KNAB',
      counterpartyBic: 'KNABNL2HXXX',
      counterpartyAccount: '90000014',
      remittance: 'EERSTE OVERBOEKING, BETALINGSKENMERK: 0050002417734462',
    });
  });

  it('joins lines cut at the line width without a blank (ABN AMRO, Rabobank) and reads /ACCW/ IBAN,BIC', () => {
    // Rabobank (fruitl00p/php-mt940 Rabo/sample3): "…/REMI/NR.201303-111/11.3.2013" + "NR.201303-112/…" is a
    // word boundary; "…CONTRA ACCOUN" + "T HOLDER" (a 65-character line) is a cut inside a word.
    const r = collect(
      parseMt940(
        statement([
          '/ACCW/NL54INGB0006752576,INGBNL2A/ORDP//NAME/Bedrijf B.V. CONTRA ACCOUN',
          'T HOLDER/REMI/NR.201303-111/11.3.2013',
          'NR.201303-112/11.3.2013/ISDT/2013-04-03',
        ]),
        'rabo.sta',
      ),
    );
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]).toMatchObject({
      counterpartyName: 'Bedrijf B.V. CONTRA ACCOUNT HOLDER',
      counterpartyIban: 'NL54INGB0006752576',
      counterpartyBic: 'INGBNL2A',
      remittance: 'NR.201303-111/11.3.2013 NR.201303-112/11.3.2013',
    });
  });
  it('never puts a blank into an identifier cut at a short line (account, BIC, EREF); a number in prose keeps it', () => {
    // A producer that wraps short lines may cut anywhere: inside the /CNTP/ IBAN, inside /EREF/, inside an order
    // number in /REMI/. Identifiers have no blanks; in prose the line end stays a blank, also between digits (the
    // matcher joins "10 023" itself, while glueing would run two separate numbers into one).
    const r = collect(
      parseMt940(
        statement([
          '/CNTP/NL54INGB00',
          '06752576/INGBNL2A/Bedrijf B.V./AMSTERDAM/',
          '/REMI/USTD//ORDER 10',
          '023/EREF/E2E-AB',
          'C123/',
        ]),
        'short.sta',
      ),
    );
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]).toMatchObject({
      counterpartyIban: 'NL54INGB0006752576',
      counterpartyBic: 'INGBNL2A',
      counterpartyName: 'Bedrijf B.V.',
      endToEndId: 'E2E-ABC123',
      remittance: 'ORDER 10 023',
    });
    expect(r.entries[0]?.counterpartyAccount).toBeUndefined();
  });

  it('keeps two numbers on consecutive short lines apart, so they do not name a third order', async () => {
    const lines = [
      '/CNTP/NL54INGB0006752576/INGBNL2A/Anna Schmidt/AMSTERDAM/',
      '/REMI/USTD//BESTELLUNG 10023',
      '10024 DANKE/',
    ];
    const r = collect(parseMt940(statement(lines).replace('C100,N110', 'C99,80N110'), 'two.sta'));
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]?.remittance).toBe('BESTELLUNG 10023 10024 DANKE');
    for (const [a, b, joined] of [
      ['/REMI/RATE 1', '2024 MIETE/', 'RATE 1 2024 MIETE'],
      ['/REMI/MENGE 2', '3 STUECK/', 'MENGE 2 3 STUECK'],
    ] as const) {
      expect(collect(parseMt940(statement([a, b]), 'n.sta')).entries[0]?.remittance).toBe(joined);
    }
    // Bernd's 10023 and 10024 and Anna's 10050 are open: with both numbers readable the payment is only suggested.
    const { core, db } = makeTestDb();
    const shop = makeShop(db, { name: 'Laden' });
    makeOrder(db, { shopId: shop.id, number: '10023', totalMinor: 4990, customerName: 'Bernd Becker' });
    makeOrder(db, { shopId: shop.id, number: '10024', totalMinor: 4990, customerName: 'Bernd Becker' });
    makeOrder(db, { shopId: shop.id, number: '10050', totalMinor: 9980, customerName: 'Anna Schmidt' });
    const path = join(tempDir(), 'two.sta');
    writeFileSync(path, statement(lines).replace('C100,N110', 'C99,80N110').replace(/100,$/m, '99,80'));
    const { results, matching } = await core.bank.importFilesWithMatching([path]);
    expect(results.map((x) => x.ok)).toEqual([true]);
    expect(matching).toMatchObject({ auto: 0, suggested: 1 });
    const [item] = core.matching.queue().items;
    expect(item?.candidates.length).toBeGreaterThan(1);
    expect(db.$client.prepare('SELECT count(*) AS n FROM assignments').get()).toEqual({ n: 0 });
  });

  it('joins a code name cut at a short line end after a prose value without a blank', () => {
    const r = collect(
      parseMt940(
        statement(['/TRTP/SEPA OVERBOEKING/NAME/Bedrijf/RE', 'MI/USTD//BESTELLUNG 10023/']),
        'cut.sta',
      ),
    );
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]).toMatchObject({
      bookingText: 'SEPA OVERBOEKING',
      counterpartyName: 'Bedrijf',
      remittance: 'BESTELLUNG 10023',
    });
    // The whole code name on one line, its closing "/" on the next; and a prose word that only looks like the
    // start of a code ("/RE" + "PARATUR", no "/" after it) keeps its blank.
    const whole = collect(parseMt940(statement(['/NAME/Bedrijf/REMI', '/BESTELLUNG 10023/']), 'w.sta'));
    expect(whole.entries[0]).toMatchObject({ counterpartyName: 'Bedrijf', remittance: 'BESTELLUNG 10023' });
    const prose = collect(parseMt940(statement(['/REMI/TEIL A/RE', 'PARATUR 10023/']), 'p.sta'));
    expect(prose.entries[0]?.remittance).toBe('TEIL A/RE PARATUR 10023');
  });

  it('keeps a cut BIC, mandate and creditor id whole, and a blank between words of the CNTP name', () => {
    const r = collect(
      parseMt940(
        statement([
          '/EREF/E2E-ABCDEFGHIJKLMNOPQRSTUVWXYZ012345',
          '6789/MARF/MANDAT-',
          '0815/CSID/DE98ZZZ0',
          '9999999999/CNTP/NL54INGB0006752576/INGB',
          'NL2A/Bedrijf',
          'B.V./AMSTERDAM/REMI/USTD//BESTELLUNG WC-1002',
          '3 VIELEN DANK/',
        ]),
        'ids.sta',
      ),
    );
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]).toMatchObject({
      endToEndId: 'E2E-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
      mandateId: 'MANDAT-0815',
      creditorId: 'DE98ZZZ09999999999',
      counterpartyIban: 'NL54INGB0006752576',
      counterpartyBic: 'INGBNL2A',
      counterpartyName: 'Bedrijf B.V.',
      remittance: 'BESTELLUNG WC-1002 3 VIELEN DANK',
    });
  });
});

describe('DKB Visa credit card CSV', () => {
  it('reads the current layout (masked card number, "Betrag (€)" with €, pending rows) and needs --account', async () => {
    // As in public DKB importers' tests: "Karte";"Visa Kreditkarte";"4930 •••• •••• 1234", "Saldo vom …:".
    const csv = [
      '"Karte";"Visa Kreditkarte";"4930 •••• •••• 1234"',
      '""',
      '"Saldo vom 21.01.2026:";"-57,99 EUR"',
      '""',
      '"Belegdatum";"Wertstellung";"Status";"Beschreibung";"Umsatztyp";"Betrag (€)";"Fremdwährungsbetrag"',
      '"20.01.26";"21.01.26";"Vorgemerkt";"AMAZON.DE";"Im Geschäft";"-45,99 €";""',
      '"19.01.26";"20.01.26";"Gebucht";"SHOPIFY* MUSTER";"Onlinezahlung";"-12,00";"-13,10 USD"',
      '"18.01.26";"18.01.26";"Gebucht";"Ausgleich Kreditkarte gem. Abrechnung";"Lastschrift";"1.200,00";""',
    ].join('\n');
    const r = collect(parseCsv(csv, 'visa.csv'));
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements).toMatchObject([{ version: 'dkb-kreditkarte', account: {} }]);
    expect(
      r.entries.map((e) => [e.bookingDate, e.valueDate, e.amountMinor, e.bookingStatus, e.remittance]),
    ).toEqual([
      ['2026-01-21', '2026-01-20', -4599, 'pending', 'AMAZON.DE'],
      ['2026-01-20', '2026-01-19', -1200, 'booked', 'SHOPIFY* MUSTER'],
      ['2026-01-18', '2026-01-18', 120000, 'booked', 'Ausgleich Kreditkarte gem. Abrechnung'],
    ]);
    const { core } = makeTestDb();
    expect((await core.bank.importBytes('visa.csv', bytes(csv)))[0]).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_NO_ACCOUNT' },
    });
    const imported = ok(
      await core.bank.importBytes('visa.csv', bytes(csv), { accountIban: 'DE89370400440532013000' }),
    );
    expect(imported).toMatchObject({ version: 'dkb-kreditkarte', entries: 3, new: 3 });
  });

  it('reads the pre-2023 layout in ISO-8859-1 ("Umsatz abgerechnet und nicht im Saldo enthalten")', async () => {
    const csv = [
      '"Kreditkarte:";"4998********1234";',
      '',
      '"Von:";"01.10.2018";',
      '"Bis:";"19.10.2018";',
      '"Saldo:";"12345.67 EUR";',
      '"Datum:";"19.10.2018";',
      '',
      '"Umsatz abgerechnet und nicht im Saldo enthalten";"Wertstellung";"Belegdatum";"Beschreibung";"Betrag (EUR)";"Ursprünglicher Betrag";',
      '"Nein";"02.10.2018";"01.10.2018";"SOME WEBSHOP MÜNCHEN";"-1.005,15";"-5,95 USD";',
      '"Ja";"22.09.2018";"21.09.2018";"HABENZINSEN";"2,00";"";',
    ].join('\r\n');
    const latin1 = Uint8Array.from([...csv].map((c) => c.charCodeAt(0)));
    const { core, db } = makeTestDb();
    const r = ok(
      await core.bank.importBytes('visa-alt.csv', latin1, { accountIban: 'DE89370400440532013000' }),
    );
    expect(r).toMatchObject({ version: 'dkb-kreditkarte-legacy', encoding: 'windows-1252', entries: 2 });
    expect(
      db.$client
        .prepare(
          'SELECT booking_date AS b, value_date AS v, amount_minor AS a, remittance AS t FROM postings ORDER BY id',
        )
        .all(),
    ).toEqual([
      { b: '2018-10-02', v: '2018-10-01', a: -100515, t: 'SOME WEBSHOP MÜNCHEN' },
      { b: '2018-09-22', v: '2018-09-21', a: 200, t: 'HABENZINSEN' },
    ]);
  });
});

describe('Finom CSV', () => {
  it('reads the business account export: wallet IBAN as account, "N/A" as empty, only completed rows booked', () => {
    // Header as in the anonymised Finom export of nicolettas-muggelbude/RechnungsFee (vorlagen/bank-csv/finom.csv).
    const header =
      'Buchungsdatum,Time completed,Status,Transaktionsart,Auftraggeber/Empfänger,Counterparty BIC,Counterparty IBAN,Verwendungszweck,Tags,Zahlungsfreigeber,Kartennummer,Ursprungswährung,Ursprungsbetrag,Zahlungswährung,Zahlungsbetrag,Wallet-Saldo nach Transaktion,Wallet-Name,Wallet-IBAN,Begleitende Dokumente,Transaktions-ID';
    const csv = [
      header,
      '03.03.2026,03.03.2026 10:15:00,Completed,Transfer,Erika Kundin,COBADEFFXXX,DE02120300000000202051,Bestellung 4711,N/A,N/A,N/A,EUR,1250.00,EUR,1250.00,1250.00,Hauptkonto,DE89370400440532013000,N/A,TX-001',
      '04.03.2026,04.03.2026 12:00:00,Completed,Card,Onlineshop XY,N/A,N/A,N/A,N/A,N/A,**** 1234,USD,-21.50,EUR,-19.99,1230.01,Hauptkonto,DE89370400440532013000,N/A,TX-002',
      '05.03.2026,05.03.2026 09:00:00,Declined,Card,Onlineshop XY,N/A,N/A,N/A,N/A,N/A,**** 1234,EUR,-5.00,EUR,-5.00,1230.01,Hauptkonto,DE89370400440532013000,N/A,TX-003',
    ].join('\n');
    const r = collect(parseCsv(csv, 'finom.csv'));
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements).toMatchObject([{ version: 'finom', account: { iban: 'DE89370400440532013000' } }]);
    expect(r.entries).toHaveLength(2);
    expect(r.entries[0]).toMatchObject({
      bookingDate: '2026-03-03',
      amountMinor: 125000,
      currency: 'EUR',
      counterpartyName: 'Erika Kundin',
      counterpartyIban: 'DE02120300000000202051',
      counterpartyBic: 'COBADEFFXXX',
      remittance: 'Bestellung 4711',
      bankReference: 'TX-001',
    });
    // The card payment in USD is booked in the wallet's currency; its "N/A" cells are no text.
    expect(r.entries[1]).toMatchObject({
      amountMinor: -1999,
      currency: 'EUR',
      counterpartyName: 'Onlineshop XY',
    });
    expect(r.entries[1]?.remittance).toBeUndefined();
    expect(r.entries[1]?.counterpartyBic).toBeUndefined();
    expect(r.entries[1]?.counterpartyAccount).toBeUndefined();
  });
});

describe('Postbank CSV before 2023', () => {
  it('reads the Windows-1252 export with "Betrag (€)" and takes payer or payee by the sign', async () => {
    // Header as in public Postbank CSV readers (OpenBankProject's importer, Node and Python converters).
    const csv = [
      '"Umsätze";',
      '"Girokonto";"DE89 3704 0044 0532 0130 00";',
      '',
      '"Buchungstag";"Wertstellung";"Umsatzart";"Buchungsdetails";"Auftraggeber";"Empfänger";"Betrag (€)";"Saldo (€)"',
      '"04.01.2013";"05.01.2013";"Lastschrift";"RECHNUNGSNR. R0002558085 SERVER ";"Muster Shop GmbH";"Hosting AG";"-123,45 €";"12.345,67 €"',
      '"03.01.2013";"03.01.2013";"Gutschrift";"Bestellung 4711";"Erika Müller";"Muster Shop GmbH";"1.049,90 €";"12.469,12 €"',
    ].join('\r\n');
    const cp1252 = new Uint8Array([...csv].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
    const { core, db } = makeTestDb();
    const r = ok(await core.bank.importBytes('postbank.csv', cp1252));
    expect(r).toMatchObject({ version: 'postbank-legacy', encoding: 'windows-1252', entries: 2 });
    expect(r.accounts).toMatchObject([{ iban: 'DE89370400440532013000' }]);
    expect(
      db.$client
        .prepare(
          'SELECT booking_date AS b, value_date AS v, amount_minor AS a, counterparty_name AS n, remittance AS t FROM postings ORDER BY id',
        )
        .all(),
    ).toEqual([
      { b: '2013-01-04', v: '2013-01-05', a: -12345, n: 'Hosting AG', t: 'RECHNUNGSNR. R0002558085 SERVER' },
      { b: '2013-01-03', v: '2013-01-03', a: 104990, n: 'Erika Müller', t: 'Bestellung 4711' },
    ]);
  });
});

describe('DOS end-of-file mark (Ctrl-Z)', () => {
  // Files written by DOS and old Windows banking programs end with 0x1A after the last line.
  const mt940 = [
    ':20:STARTUMS',
    ':25:DE89370400440532013000',
    ':28C:0',
    ':60F:C251201EUR100,00',
    ':61:2512011201CR175,00NTRFNONREF',
    ':86:166?00Gutschrift?20SVWZ+Bestellung 4711?32Max Mustermann',
    ':62F:C251201EUR275,00',
    '-',
    '',
  ].join('\r\n');
  const csv = [
    'Umsatzanzeige;Datei erstellt am: 01.04.2026',
    'IBAN;DE89 3704 0044 0532 0130 00',
    '',
    'Buchung;Valuta;Auftraggeber/Empfänger;Buchungstext;Verwendungszweck;Betrag;Währung',
    '03.04.2026;03.04.2026;Erika Kundin;Gutschrift;Bestellung 4711;49,90;EUR',
    '',
  ].join('\r\n');

  it('is no content: an MT940 file imports without a stray-line warning', async () => {
    const { core } = makeTestDb();
    const r = ok(await core.bank.importBytes('dos.sta', bytes(`${mt940}\u001a`)));
    expect(r).toMatchObject({ entries: 1, balanceCheck: 'ok' });
    expect(r.warnings.map((w) => w.code)).not.toContain('MT940_STRAY_LINES');
  });

  it('is no content: a CSV file is not taken for cut off (CSV_TRUNCATED)', async () => {
    const { core, db } = makeTestDb();
    const r = ok(await core.bank.importBytes('dos.csv', bytes(`${csv}\u001a`)));
    expect(r).toMatchObject({ version: 'ing', entries: 1 });
    expect(db.$client.prepare('SELECT amount_minor AS a, remittance AS t FROM postings').all()).toEqual([
      { a: 4990, t: 'Bestellung 4711' },
    ]);
  });
});

describe('Sparda-Bank CSV (SpardaGiro Online)', () => {
  it('reads name, booking text and SEPA keywords out of the one text column, also keywords broken by a blank', () => {
    // Layout as in Holzhaus/ofxstatement-spardabank tests/umsaetze-….csv: preamble with the account number only,
    // "Buchungstag";"Wertstellungstag";"Verwendungszweck";"Umsatz";"Währung", rows with one more empty cell, the
    // name glued to the booking text, and the bank's 27-character fragments joined with blanks ("AB WA+").
    const csv = [
      '"Kontoumsätze SpardaGiro Online"',
      '',
      '"Kontoinhaber:";"Max Mustermann"',
      '"Kundennummer:";"1234567"',
      '',
      '"Umsätze ab";"Enddatum";"Kontonummer";"Saldo";"Währung"',
      '"01.01.2024";"15.02.2024";"1234567";"12.345,67";"EUR"',
      '',
      '"Buchungstag";"Wertstellungstag";"Verwendungszweck";"Umsatz";"Währung"',
      '"29.01.2024";"30.01.2024";"Erika Kundin GmbHSEPA-ÜBERWEISUNG IBAN+ DE02120300000000202051 BIC+ BYLADEM1001 SVWZ+ Bestellung 4711 EREF+ E2E-4711 AB WA+ Erika Kundin";"1.049,90";"EUR";""',
      '"28.01.2024";"28.01.2024";"Quatsch-Firma GmbHSEPA-BASISLASTSCHRIFT SVWZ+ KDNR 12345 EREF+ 123R1234567890123 MREF+ ABCDE123456789 CRED+ DE01ZZZ00001234560 KREF + K-77";"-49,99";"EUR";""',
      '"20.01.2024";"20.01.2024";"01234 MCDONALDS19.01.2024 19.20.53 EC 12345678 GIROCARD";"-11,99";"EUR";""',
      '"* noch nicht ausgeführte Umsätze"',
    ].join('\n');
    const r = collect(parseCsv(csv, 'sparda.csv'));
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements).toMatchObject([{ version: 'sparda' }]);
    expect(r.entries).toHaveLength(3);
    expect(r.entries[0]).toMatchObject({
      bookingDate: '2024-01-29',
      valueDate: '2024-01-30',
      amountMinor: 104990,
      counterpartyName: 'Erika Kundin GmbH',
      bookingText: 'SEPA-ÜBERWEISUNG',
      counterpartyIban: 'DE02120300000000202051',
      counterpartyBic: 'BYLADEM1001',
      endToEndId: 'E2E-4711',
      ultimateDebtor: 'Erika Kundin',
      remittance: 'Bestellung 4711',
    });
    expect(r.entries[1]).toMatchObject({
      amountMinor: -4999,
      counterpartyName: 'Quatsch-Firma GmbH',
      bookingText: 'SEPA-BASISLASTSCHRIFT',
      mandateId: 'ABCDE123456789',
      creditorId: 'DE01ZZZ00001234560',
      customerReference: 'K-77',
      remittance: 'KDNR 12345',
    });
    // A card payment has no SEPA booking text: no name is guessed, the text stays whole.
    expect(r.entries[2]?.counterpartyName).toBeUndefined();
    expect(r.entries[2]?.remittance).toBe('01234 MCDONALDS19.01.2024 19.20.53 EC 12345678 GIROCARD');
  });

  it('also takes the name before a blank and "SEPA-" (Geschäfts- und Vereinskonto export)', () => {
    // The public "Kontoumsätze Geschäfts- und Vereinskonto" export writes a blank between name and booking text.
    const csv = [
      '"Kontoumsätze Geschäfts- und Vereinskonto"',
      '',
      '"Umsätze ab";"Enddatum";"Kontonummer";"Saldo";"Währung"',
      '"01.07.2019";"31.07.2019";"1234567";"1.234,56";"EUR"',
      '',
      '"Buchungstag";"Wertstellungstag";"Verwendungszweck";"Umsatz";"Währung"',
      '"31.07.2019";"31.07.2019";"Heinrich Arndt SEPA-ÜBERWEISUNG SVWZ+ RINP Dauerauftrag Grundpatenschaft";"30,00";"EUR";""',
      '"30.07.2019";"30.07.2019";"SVWZ+ Beitrag 2019 Rueckbuchung SEPA-X";"-5,00";"EUR";""',
    ].join('\n');
    const r = collect(parseCsv(csv, 'sparda-verein.csv'));
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]).toMatchObject({
      counterpartyName: 'Heinrich Arndt',
      bookingText: 'SEPA-ÜBERWEISUNG',
      remittance: 'RINP Dauerauftrag Grundpatenschaft',
    });
    // A "SEPA-" that does not follow a name at the start (here after a keyword) is text, not the booking text.
    expect(r.entries[1]?.counterpartyName).toBeUndefined();
    expect(r.entries[1]?.remittance).toBe('Beitrag 2019 Rueckbuchung SEPA-X');
  });
});

describe('Sparda-Bank CSV: rows marked "*" (not yet executed)', () => {
  it('imports them as pending, and the matcher assigns only the booked row automatically', async () => {
    // The sixth, unnamed cell of each row; the footer "* noch nicht ausgeführte Umsätze" is its legend.
    const csv = [
      '"Kontoumsätze SpardaGiro Online"',
      '',
      '"Umsätze ab";"Enddatum";"Kontonummer";"Saldo";"Währung"',
      '"01.11.2026";"30.11.2026";"1234567";"1.234,56";"EUR"',
      '',
      '"Buchungstag";"Wertstellungstag";"Verwendungszweck";"Umsatz";"Währung"',
      '"03.11.2026";"03.11.2026";"Erika MustermannSEPA-ÜBERWEISUNG SVWZ+ Bestellung WC-6002 EREF+ E2E-6002";"18,00";"EUR";"*"',
      '"02.11.2026";"02.11.2026";"Erika MustermannSEPA-ÜBERWEISUNG SVWZ+ Bestellung WC-6001 EREF+ E2E-6001";"23,50";"EUR";""',
      '"* noch nicht ausgeführte Umsätze"',
    ].join('\n');
    const r = collect(parseCsv(csv, 'sparda.csv'));
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries.map((e) => [e.amountMinor, e.bookingStatus])).toEqual([
      [1800, 'pending'],
      [2350, 'booked'],
    ]);
    const { core, db } = makeTestDb();
    const shop = makeShop(db, { name: 'Laden' });
    makeOrder(db, { shopId: shop.id, number: 'WC-6001', totalMinor: 2350, customerName: 'Erika Mustermann' });
    makeOrder(db, { shopId: shop.id, number: 'WC-6002', totalMinor: 1800, customerName: 'Erika Mustermann' });
    const dir = tempDir();
    const path = join(dir, 'sparda.csv');
    writeFileSync(path, csv);
    const { results, matching } = await core.bank.importFilesWithMatching([path], {
      accountIban: 'DE89370400440532013000',
    });
    expect(results.map((x) => x.ok)).toEqual([true]);
    expect(matching?.auto).toBe(1);
    expect(
      db.$client
        .prepare(
          'SELECT p.amount_minor AS a, p.booking_status AS s, (SELECT count(*) FROM assignments x WHERE x.posting_id = p.id) AS n FROM postings p ORDER BY p.amount_minor',
        )
        .all(),
    ).toEqual([
      { a: 1800, s: 'pending', n: 0 },
      { a: 2350, s: 'booked', n: 1 },
    ]);
  });
});

describe('Sparda-Bank CSV: a "*" row and its booked version later', () => {
  // Sparda credit rows carry no IBAN and usually no end-to-end id: the pending row has no identity of its own.
  const account = { accountIban: 'DE89370400440532013000' };
  const sparda = (date: string, status: string, name = 'Erika Mustermann') =>
    [
      '"Kontoumsätze SpardaGiro Online"',
      '',
      '"Umsätze ab";"Enddatum";"Kontonummer";"Saldo";"Währung"',
      '"01.11.2026";"30.11.2026";"1234567";"1.234,56";"EUR"',
      '',
      '"Buchungstag";"Wertstellungstag";"Verwendungszweck";"Umsatz";"Währung"',
      `"${date}";"${date}";"${name}SEPA-GUTSCHRIFT SVWZ+ Bestellung 6002";"18,00";"EUR";"${status}"`,
      '"* noch nicht ausgeführte Umsätze"',
    ].join('\n');
  const postings = (db: ReturnType<typeof makeTestDb>['db']) =>
    db.$client.prepare('SELECT id, booking_status AS s, booking_date AS d FROM postings ORDER BY id').all();

  it.each(['04.11.2026', '05.11.2026'])(
    'the next export books it on %s: the pending posting becomes the booked one',
    async (bookedOn) => {
      const { core, db } = makeTestDb();
      expect(
        ok(await core.bank.importBytes('a.csv', bytes(sparda('03.11.2026', '*')), account)),
      ).toMatchObject({
        new: 1,
      });
      const [pending] = postings(db) as { id: number }[];
      expect(ok(await core.bank.importBytes('b.csv', bytes(sparda(bookedOn, '')), account))).toMatchObject({
        new: 0,
        replaced: 1,
      });
      const iso = bookedOn.split('.').reverse().join('-');
      expect(postings(db)).toEqual([{ id: pending?.id, s: 'booked', d: iso }]);
    },
  );

  it('an MT940 of the same booking with the IBAN replaces the pending posting; another name stays apart', async () => {
    const mt940 = (name: string) =>
      [
        ':20:STMT',
        ':25:DE89370400440532013000',
        ':28C:1/1',
        ':60F:C261102EUR0,',
        ':61:2611031103C18,00NTRFNONREF',
        `:86:166?00SEPA-GUTSCHRIFT?20SVWZ+Bestellung 6002?30GENODEF1S04?31DE02120300000000202051?32${name}`,
        ':62F:C261103EUR18,00',
        '-',
      ].join('\n');
    const { core, db } = makeTestDb();
    ok(await core.bank.importBytes('a.csv', bytes(sparda('03.11.2026', '*')), account));
    const [pending] = postings(db) as { id: number }[];
    expect(ok(await core.bank.importBytes('b.sta', bytes(mt940('ERIKA MUSTERMANN'))))).toMatchObject({
      new: 0,
      replaced: 1,
    });
    expect(postings(db)).toEqual([{ id: pending?.id, s: 'booked', d: '2026-11-03' }]);
    expect(core.bank.listPostings().items[0]?.counterpartyIban).toBe('DE02120300000000202051');

    // Negative: the pending row of another payer is not taken by a booking of Erika's, not even with the same text.
    const other = makeTestDb();
    const hans = sparda('03.11.2026', '*', 'Hans Weber');
    ok(await other.core.bank.importBytes('a.csv', bytes(hans), account));
    expect(ok(await other.core.bank.importBytes('b.sta', bytes(mt940('Erika Mustermann'))))).toMatchObject({
      new: 1,
      replaced: 0,
    });
    expect((postings(other.db) as { s: string }[]).map((p) => p.s)).toEqual(['pending', 'booked']);
  });
});

describe('Sparkasse CSV-MT940 keywords', () => {
  it('reads a row as before: keywords as Sparkasse writes them, no gap-closing (that is for Sparda only)', () => {
    const csv = [
      '"Auftragskonto";"Buchungstag";"Valutadatum";"Buchungstext";"Verwendungszweck";"Beguenstigter/Zahlungspflichtiger";"Kontonummer";"BLZ";"Betrag";"Waehrung";"Info"',
      '"0123456789";"26.11.26";"26.11.26";"GUTSCHR. UEBERWEISUNG";"EREF+E2E-21001 SVWZ+Bestellung 21001 Paket A BWA+ Geschenk ABWA+Erika Kundin";"Hans Weber";"DE02120300000000202051";"BYLADEM1001";"250,00";"EUR";"Umsatz gebucht"',
    ].join('\r\n');
    const r = collect(parseCsv(csv, 'sparkasse.csv'));
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements).toMatchObject([{ version: 'sparkasse-csv-mt940' }]);
    // "A BWA+" is text in a Sparkasse row (Sparkasse writes keywords whole), not a broken "ABWA+".
    expect(r.entries[0]).toMatchObject({
      amountMinor: 25000,
      counterpartyName: 'Hans Weber',
      counterpartyIban: 'DE02120300000000202051',
      counterpartyBic: 'BYLADEM1001',
      endToEndId: 'E2E-21001',
      ultimateDebtor: 'Erika Kundin',
      remittance: 'Bestellung 21001 Paket A BWA+ Geschenk',
      bookingStatus: 'booked',
    });
  });
});

describe('Commerzbank CSV with "SEPA-" glued into the text', () => {
  it("keeps remittance and IBAN: the name-before-SEPA split is the Sparda profile's only", () => {
    const csv = [
      'Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung;IBAN Kontoinhaber;Kategorie',
      '03.04.2026;03.04.2026;Gutschrift;Erika Muster Bestellung 10024 IBAN: DE02120300000000202051 Kunden-Nr.123SEPA-X;49,90;EUR;DE89370400440532013000;Sonstiges',
    ].join('\n');
    const r = collect(parseCsv(csv, 'commerzbank.csv'));
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements).toMatchObject([{ version: 'commerzbank' }]);
    expect(r.entries[0]).toMatchObject({
      amountMinor: 4990,
      bookingText: 'Gutschrift',
      counterpartyIban: 'DE02120300000000202051',
      remittance: 'Erika Muster Bestellung 10024 Kunden-Nr.123SEPA-X',
    });
    expect(r.entries[0]?.counterpartyName).toBeUndefined();
  });
});

describe('Outbank CSV export', () => {
  it('reads the German export with the own account per row and the counterparty IBAN/BIC', () => {
    // Header as in public Outbank importers' tests ("#;Konto;Datum;Valuta;Betrag;Währung;Name;Nummer;Bank;Zweck;…").
    const csv = [
      '#;Konto;Datum;Valuta;Betrag;Währung;Name;Nummer;Bank;Zweck;Hauptkategorie;Kategorie;Kategoriepfad;Tags;Notiz;Buchungstext',
      '1;DE89370400440532013000;04.02.2026;;-9,99;EUR;"Apple";;;;"Familie";"Abos";"Familie / Abos";;;"Apple.Com/Bill"',
      '2;DE89370400440532013000;03.02.2026;04.02.2026;1.063,00;EUR;"Erika Kundin";"DE02100100100152517108";"PBNKDEFFXXX";"Bestellung 4711";"Shop";"Umsatz";"Shop / Umsatz";;;"Gutschrift"',
    ].join('\n');
    const r = collect(parseCsv(csv, 'outbank.csv'));
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements).toMatchObject([{ version: 'outbank', account: { iban: 'DE89370400440532013000' } }]);
    expect(r.entries.map((e) => [e.bookingDate, e.valueDate, e.amountMinor])).toEqual([
      ['2026-02-04', undefined, -999],
      ['2026-02-03', '2026-02-04', 106300],
    ]);
    expect(r.entries[1]).toMatchObject({
      counterpartyName: 'Erika Kundin',
      counterpartyIban: 'DE02100100100152517108',
      counterpartyBic: 'PBNKDEFFXXX',
      remittance: 'Bestellung 4711',
      bookingText: 'Gutschrift',
    });
  });

  it('reads the English export (Outbank 3 column names, decimal point)', () => {
    const csv = [
      '#;Account;Date;Value Date;Amount;Currency;Name;Number;Bank;Reason;Category;Subcategory;Category-Path;Tags;Note;Posting Text',
      '1;DE89370400440532013000;05.02.2026;05.02.2026;49.90;EUR;"Max Kunde";"DE02120300000000202051";"BYLADEM1001";"Order 4712";;;;;;"Credit transfer"',
      '2;DE89370400440532013000;06.02.2026;;-1,250.00;EUR;"Supplier Ltd";;;"Invoice 77";;;;;;"Transfer"',
    ].join('\n');
    const r = collect(parseCsv(csv, 'outbank-en.csv'));
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries.map((e) => [e.bookingDate, e.amountMinor, e.remittance])).toEqual([
      ['2026-02-05', 4990, 'Order 4712'],
      ['2026-02-06', -125000, 'Invoice 77'],
    ]);
  });
});
