/** Focused quirks of the second robustness round, each with a small input built here. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
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

  it('CAMT declared ISO-8859-15 keeps "€" (0xA4), which Windows-1252 would read as "¤"', async () => {
    const xml = camt053(ntry('5.00', 'CRDT', 'Gutschein 5 € für Jürgen'), {
      decl: '<?xml version="1.0" encoding="ISO-8859-15"?>',
    });
    const { r, postings } = await importOne('latin9.xml', iconv.encode(xml, 'iso-8859-15'));
    expect(r.encoding).toBe('iso-8859-15');
    expect(postings[0]?.remittance).toBe('Gutschein 5 € für Jürgen');
  });
});
