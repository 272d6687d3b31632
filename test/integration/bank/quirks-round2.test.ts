/** Focused quirks of the second robustness round, each with a small input built here. */
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SHARED_BANK_FIXTURES } from '../../helpers/bank-fixtures.ts';
import { makeTestDb } from '../../helpers/db.ts';
import { storedPostings } from '../../helpers/realistic-bank.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

function camt053(entries: string, options: { decl?: string; balances?: string } = {}): string {
  return `${options.decl ?? '<?xml version="1.0" encoding="UTF-8"?>'}
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>M</MsgId><CreDtTm>2026-11-03T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S-1</Id><CreDtTm>2026-11-03T06:00:00</CreDtTm>
<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>${options.balances ?? ''}${entries}</Stmt>
</BkToCstmrStmt></Document>`;
}

const ntry = (amount: string, cdi: 'CRDT' | 'DBIT', text: string) =>
  `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${cdi}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-02</Dt></BookgDt>
<NtryDtls><TxDtls><RmtInf><Ustrd>${text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`;

const balance = (code: string, amount: string, cdi: 'CRDT' | 'DBIT') =>
  `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${cdi}</CdtDbtInd><Dt><Dt>2026-11-02</Dt></Dt></Bal>`;

async function importOne(name: string, bytes: Uint8Array) {
  const { core } = makeTestDb();
  const [r] = await core.bank.importBytes(name, bytes);
  if (!r?.ok) throw new Error(JSON.stringify(r));
  return { r, postings: storedPostings(core) };
}

describe('statement quirks, second round', () => {
  it('CAMT with blank lines (and a BOM) before the XML declaration imports', async () => {
    const xml = camt053(ntry('12.50', 'CRDT', 'Bestellung 1'));
    for (const bytes of [utf8(`\r\n\r\n  ${xml}`), new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`\n${xml}`)])]) {
      const { r, postings } = await importOne('portal.xml', bytes);
      expect(r).toMatchObject({ format: 'camt.053', new: 1 });
      expect(postings[0]).toMatchObject({ amountMinor: 1250, remittance: 'Bestellung 1' });
    }
  });

  it('CAMT amounts written with a minus sign: CdtDbtInd gives the direction, once; balances too', async () => {
    const xml = camt053(ntry('-19.99', 'DBIT', 'Hosting') + ntry('5.00', 'CRDT', 'Erstattung'), {
      balances: balance('OPBD', '-100.00', 'DBIT') + balance('CLBD', '114.99', 'DBIT'),
    });
    const { r, postings } = await importOne('signed.xml', utf8(xml));
    expect(postings.map((p) => p.amountMinor)).toEqual([-1999, 500]);
    // -100.00 - 19.99 + 5.00 = -114.99: the balances read with the sign of CdtDbtInd add up.
    expect(r.balanceCheck).toBe('ok');
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['CAMT_SIGNED_AMOUNT']));
  });

  it('CAMT currency codes in lower case read as ISO 4217 codes', async () => {
    const xml = camt053(ntry('12.50', 'CRDT', 'Bestellung 1').replace('Ccy="EUR"', 'Ccy="eur"'));
    const { postings } = await importOne('lower.xml', utf8(xml));
    expect(postings[0]).toMatchObject({ amountMinor: 1250, currency: 'EUR' });
  });

  it('a CAMT batch whose entry and TxDtls spell the currency in different case is still split per transaction', async () => {
    const tx = (amount: string, ccy: string, text: string) =>
      `<TxDtls><Amt Ccy="${ccy}">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><RmtInf><Ustrd>${text}</Ustrd></RmtInf></TxDtls>`;
    const batch = `<Ntry><Amt Ccy="eur">30.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-02</Dt></BookgDt>
<NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>${tx('10.00', 'EUR', 'Bestellung 1')}${tx('20.00', 'eur', 'Bestellung 2')}</NtryDtls></Ntry>`;
    const { r, postings } = await importOne('batch.xml', utf8(camt053(batch)));
    expect(r.warnings.map((w) => w.code)).not.toContain('CAMT_BATCH_NOT_SPLIT');
    expect(postings.map((p) => [p.amountMinor, p.currency, p.remittance])).toEqual([
      [1000, 'EUR', 'Bestellung 1'],
      [2000, 'EUR', 'Bestellung 2'],
    ]);
  });

  it('CAMT declared ISO-8859-15 keeps "€" (0xA4), which Windows-1252 would read as "¤"', async () => {
    const xml = camt053(ntry('5.00', 'CRDT', 'Gutschein 5 € für Jürgen'), {
      decl: '<?xml version="1.0" encoding="ISO-8859-15"?>',
    });
    const { r, postings } = await importOne('latin9.xml', iconv.encode(xml, 'iso-8859-15'));
    expect(r.encoding).toBe('iso-8859-15');
    expect(postings[0]?.remittance).toBe('Gutschein 5 € für Jürgen');
  });

  it('a CAMT account given as Othr/Id that is an IBAN is the IBAN account (the CSV of the same days adds nothing)', async () => {
    const { core } = makeTestDb();
    const xml = camt053(ntry('12.50', 'CRDT', 'Bestellung 1')).replace(
      '<IBAN>DE89370400440532013000</IBAN>',
      '<Othr><Id>DE89 3704 0044 0532 0130 00</Id></Othr>',
    );
    const [r] = await core.bank.importBytes('othr.xml', utf8(xml));
    expect(r).toMatchObject({ ok: true, accounts: [{ iban: 'DE89370400440532013000', otherId: null }] });
    const csv = [
      '"Auftragskonto";"Buchungstag";"Valutadatum";"Buchungstext";"Verwendungszweck";"Glaeubiger ID";"Mandatsreferenz";"Kundenreferenz (End-to-End)";"Sammlerreferenz";"Lastschrift Ursprungsbetrag";"Auslagenersatz Ruecklastschrift";"Beguenstigter/Zahlungspflichtiger";"Kontonummer/IBAN";"BIC (SWIFT-Code)";"Betrag";"Waehrung";"Info"',
      '"DE89370400440532013000";"02.11.26";"02.11.26";"GUTSCHR. UEBERWEISUNG";"Bestellung 1";"";"";"";"";"";"";"";"";"";"12,50";"EUR";"Umsatz gebucht"',
    ].join('\r\n');
    const [again] = await core.bank.importBytes('sparkasse.csv', utf8(csv));
    expect(again).toMatchObject({ ok: true, new: 0, duplicate: 1 });
    expect(core.bank.accounts()).toHaveLength(1);
  });

  it('CAMT Ustrd cut into 35-character lines joins inside the word; other lines keep their blank', async () => {
    const { core } = makeTestDb();
    const [r] = await core.bank.importFiles([
      join(SHARED_BANK_FIXTURES, 'camt053/svapnil__iso20022.js/nordea/example_camt.xml'),
    ]);
    expect(r).toMatchObject({ ok: true });
    expect(storedPostings(core).map((p) => p.remittance)).toContain(
      'Free text max 140 characters and max 35 characters in one line',
    );
    const lines = (...ustrd: string[]) =>
      camt053(
        ntry('1.00', 'CRDT', 'x').replace(
          '<Ustrd>x</Ustrd>',
          ustrd.map((u) => `<Ustrd>${u}</Ustrd>`).join(''),
        ),
      );
    const remittanceOf = async (xml: string) => {
      const t = makeTestDb();
      await t.core.bank.importBytes('u.xml', utf8(xml));
      return storedPostings(t.core)[0]?.remittance;
    };
    // 35 characters, the blank at the start of the next line: a word boundary.
    expect(await remittanceOf(lines('Rechnung 2026-0815 Kundennummer 123', ' 45 Danke'))).toBe(
      'Rechnung 2026-0815 Kundennummer 123 45 Danke',
    );
    // A cut between digits, or between a digit and a letter, keeps the blank: glued, an order number at the end of
    // a line would grow into the next word ("10023Kunde"); the matcher joins two adjacent number tokens itself.
    expect(await remittanceOf(lines('Rechnung 2026-0815 Kundennummer 123', '45 Danke'))).toBe(
      'Rechnung 2026-0815 Kundennummer 123 45 Danke',
    );
    expect(await remittanceOf(lines('Danke fuer die Bestellung Nr. 10023', 'Kunde Meier'))).toBe(
      'Danke fuer die Bestellung Nr. 10023 Kunde Meier',
    );
    // Shorter lines always end a word.
    expect(await remittanceOf(lines('Bestellung', '100541'))).toBe('Bestellung 100541');
  });

  describe('documents that are no statements', () => {
    const pdf = utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n');

    it('a bank ZIP with the PDF statement, a protocol XML and a note next to the CAMT file imports the CAMT and names the skipped members', async () => {
      const { core } = makeTestDb();
      const zip = zipSync({
        'Kontoauszug_2026_011.pdf': pdf,
        '2026-11-02_C53_DE89370400440532013000_EUR_000011.xml': utf8(
          camt053(ntry('12.50', 'CRDT', 'Bestellung 1')),
        ),
        'protokoll.xml': utf8('<?xml version="1.0"?><HACRequest><Status>OK</Status></HACRequest>'),
        'Hinweis.txt': utf8('Ihre Kontoauszuege liegen als CAMT und PDF bei.'),
        // A note with commas looks like a CSV file to format detection: no export layout fits it.
        'Liesmich.txt': utf8('Sehr geehrte Kundin, sehr geehrter Kunde,\nanbei Ihre Kontoauszüge.\n'),
      });
      const [r] = await core.bank.importBytes('download.zip', zip);
      expect(r).toMatchObject({ ok: true, new: 1 });
      expect(r?.ok && r.warnings).toContainEqual({
        code: 'IMPORT_ARCHIVE_MEMBERS_SKIPPED',
        message:
          'download.zip: skipped Hinweis.txt (not a statement format), Kontoauszug_2026_011.pdf (pdf), Liesmich.txt (not a statement format), protokoll.xml (XML but no CAMT statement): no statement file.',
      });
    });

    it('an Excel workbook or LibreOffice sheet next to the CAMT file in a ZIP is skipped like the PDF, not fatal', async () => {
      const { core } = makeTestDb();
      // Office files are ZIP packages themselves: their first bytes look like a nested archive.
      const xlsx = zipSync({
        '[Content_Types].xml': utf8('<?xml version="1.0"?><Types/>'),
        'xl/workbook.xml': utf8('<workbook/>'),
      });
      const zip = zipSync({
        'auszug.xml': utf8(camt053(ntry('12.50', 'CRDT', 'Bestellung 1'))),
        'umsaetze.xlsx': xlsx,
      });
      const [r] = await core.bank.importBytes('download.zip', zip);
      expect(r).toMatchObject({ ok: true, new: 1 });
      expect(r?.ok && r.warnings.map((w) => w.message)).toContainEqual(
        'download.zip: skipped umsaetze.xlsx (spreadsheet): no statement file.',
      );
    });

    it("a lower-case account currency (<Acct><Ccy>eur</Ccy>) is the account's EUR, like its postings", async () => {
      const { core } = makeTestDb();
      const text = camt053(ntry('12.50', 'CRDT', 'Bestellung 1')).replace('<Ccy>EUR</Ccy>', '<Ccy>eur</Ccy>');
      const [r] = await core.bank.importBytes('auszug.xml', utf8(text));
      expect(r).toMatchObject({ ok: true, new: 1 });
      expect(core.bank.accounts().map((a) => a.currency)).toEqual(['EUR']);
      expect(storedPostings(core).map((p) => p.currency)).toEqual(['EUR']);
    });

    it('a PDF, an Excel workbook, an old .xls and a ZIP of PDFs are refused with a typed error naming the file', async () => {
      const { core } = makeTestDb();
      const xlsx = zipSync({
        '[Content_Types].xml': utf8('<?xml version="1.0"?><Types/>'),
        'xl/workbook.xml': utf8('<workbook/>'),
        'xl/worksheets/sheet1.xml': utf8('<worksheet/>'),
      });
      const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x3b, 0x2c, 0x0a, 0x3b]);
      const cases: [string, Uint8Array, string][] = [
        ['Kontoauszug.pdf', pdf, 'IMPORT_NOT_A_STATEMENT'],
        ['Umsaetze.xlsx', xlsx, 'IMPORT_SPREADSHEET'],
        ['Umsaetze.xls', xls, 'IMPORT_SPREADSHEET'],
        ['auszuege.zip', zipSync({ 'a.pdf': pdf, 'b.pdf': pdf }), 'IMPORT_ARCHIVE_WITHOUT_STATEMENT'],
        [
          'export.ofx',
          utf8('OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\n\r\n<OFX><SIGNONMSGSRSV1>'),
          'IMPORT_NOT_A_STATEMENT',
        ],
        ['export.qif', utf8('!Type:Bank\nD03/11/2026\nT-12.50\nPHosting\n^\n'), 'IMPORT_NOT_A_STATEMENT'],
      ];
      for (const [name, bytes, code] of cases) {
        const [r] = await core.bank.importBytes(name, bytes);
        expect(r).toMatchObject({ ok: false, error: { code } });
        expect(r?.ok === false && r.error.message).toMatch(
          new RegExp(`^${name.replace('.', '\\.')}: .*(CAMT|CSV)`),
        );
      }
      expect(storedPostings(core)).toHaveLength(0);
      expect(core.bank.accounts()).toHaveLength(0);
    });
  });
});
