/**
 * Second robustness round (own inline inputs, made-up names, valid example IBANs), through the real import
 * service. Each input is modelled on a public sample or parser of a dialect the first round did not cover:
 * - MT940 taken from a FinTS/HBCI response, "@@" instead of line breaks (phpFinTS and hbci4java split on "@@").
 * - MT940 :25: as "BIC/IBAN" (SWIFT 35x, Commerzbank/HSBC corporate exports) and with a leading slash
 *   ("/PL27…", mBank samples in WoLpH/mt-940): the account must be the IBAN, the same account a CAMT names.
 * - CAMT.053 as Swiss banks send it (SIX/SPS camt.053.001.04): several RmtInf/Strd, a QRR creditor reference,
 *   invoice numbers in Strd/RfrdDocInf/Nb.
 * - CAMT inside a business message envelope with a head.001 AppHdr (SWIFTNet/EBICS gateway downloads).
 * - Revolut Business transaction statement CSV (pockets per currency, COMPLETED/PENDING/REVERTED states) and
 *   Qonto's English CSV export ("Settlement date (UTC)", "Total amount (incl. VAT)").
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '#core/index.ts';
import type { ImportOptions } from '#core/bank/import-service.ts';
import { makeTestDb } from '../../helpers/db.ts';
import { storedPostings } from '../../helpers/realistic-bank.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function importText(core: Core, name: string, text: string, options: ImportOptions = {}) {
  const [r] = await core.bank.importBytes(name, utf8(text), options);
  if (!r?.ok) throw new Error(`import of ${name} failed: ${JSON.stringify(r)}`);
  return r;
}

const FINTS_MT940 = [
  ':20:STARTUMSE',
  ':25:37040044/0532013000',
  ':28C:00017/001',
  ':60F:C261113EUR1520,00',
  ':61:2611131113CR249,90NMSCNONREF',
  ':86:166?00GUTSCHR. UEBERWEISUNG?109310?20EREF+ORDER-100541?21SVWZ+Bestellung 100541 Erika?22 Mustermann?30COBADEFFXXX?31DE89370400440532013000?32Erika Mustermann',
  ':61:2611131113DR19,99NDDTNONREF',
  ':86:105?00FOLGELASTSCHRIFT?109248?20EREF+INV-77?21MREF+M-2026-1?22CRED+DE98ZZZ09999999999?23SVWZ+Hosting November?30DEUTDEFFXXX?31DE02120300000000202051?32Host GmbH',
  ':62F:C261113EUR1749,91',
  '-',
].join('@@');

describe('realistic statements, second round', () => {
  it('MT940 from a FinTS response with "@@" as line separator', async () => {
    const { core } = makeTestDb();
    const r = await importText(core, 'fints-umsaetze.txt', FINTS_MT940);
    expect(r).toMatchObject({
      format: 'mt940',
      entries: 2,
      new: 2,
      balanceCheck: 'ok',
      accounts: [{ otherId: '37040044/0532013000' }],
    });
    const [credit, debit] = storedPostings(core);
    expect(credit).toMatchObject({
      bookingDate: '2026-11-13',
      amountMinor: 24990,
      currency: 'EUR',
      counterpartyName: 'Erika Mustermann',
      counterpartyIban: 'DE89370400440532013000',
      endToEndId: 'ORDER-100541',
      remittance: 'Bestellung 100541 Erika Mustermann',
    });
    expect(debit).toMatchObject({
      amountMinor: -1999,
      counterpartyName: 'Host GmbH',
      mandateId: 'M-2026-1',
      remittance: 'Hosting November',
    });
    // The same file again adds nothing.
    expect(await importText(core, 'fints-umsaetze.txt', FINTS_MT940)).toMatchObject({ new: 0, duplicate: 2 });
  });

  it('MT940 :25: "BIC/IBAN" names the IBAN account, so the CAMT of the same days adds nothing', async () => {
    const { core } = makeTestDb();
    const mt940 = [
      ':20:940S261116',
      ':25:COBADEFFXXX/DE89370400440532013000',
      ':28C:00321/001',
      ':60F:C261116EUR100,00',
      ':61:261116C59,90NTRFNONREF//2611160815',
      ':86:166?00GUTSCHRIFT?20Rechnung 4711?32Max Muster',
      ':62F:C261116EUR159,90',
      '-',
    ].join('\r\n');
    expect(await importText(core, 'mt940.sta', mt940)).toMatchObject({
      new: 1,
      accounts: [{ iban: 'DE89370400440532013000' }],
    });
    const camt = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-17T05:00:00+01:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Ntry><Amt Ccy="EUR">59.90</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-11-16</Dt></BookgDt><ValDt><Dt>2026-11-16</Dt></ValDt>
<NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>Max Muster</Nm></Pty></Dbtr></RltdPties>
<RmtInf><Ustrd>Rechnung 4711</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>`;
    expect(await importText(core, 'camt.xml', camt)).toMatchObject({ new: 0, duplicate: 1 });
    expect(core.bank.accounts()).toHaveLength(1);
  });

  it('MT940 :25: with a leading slash (mBank) is the IBAN', async () => {
    const { core } = makeTestDb();
    const text = [
      ':20:MT940',
      ':25:/PL27105010251000009085623719',
      ':28C:1',
      ':60F:C261102PLN0,00',
      ':61:2611021102C1200,00S034NONREF',
      ':86:034 PRZELEW ZEWNETRZNY PRZYCHODZACY FV 12/2026',
      ':62F:C261102PLN1200,00',
      '-',
    ].join('\n');
    const r = await importText(core, 'mbank.sta', text);
    expect(r).toMatchObject({ accounts: [{ iban: 'PL27105010251000009085623719' }], balanceCheck: 'ok' });
    expect(storedPostings(core)[0]).toMatchObject({ amountMinor: 120000, currency: 'PLN' });
  });

  it('camt.053.001.04 (Swiss style): QRR creditor reference, several Strd with invoice numbers', async () => {
    const { core } = makeTestDb();
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"><BkToCstmrStmt>
<GrpHdr><MsgId>PF-20261102</MsgId><CreDtTm>2026-11-02T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>PF-1</Id><ElctrncSeqNb>212</ElctrncSeqNb><CreDtTm>2026-11-02T06:00:00</CreDtTm>
<Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">1750.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-02</Dt></Dt></Bal>
<Ntry><Amt Ccy="CHF">750.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-02</Dt></BookgDt><ValDt><Dt>2026-11-02</Dt></ValDt><AcctSvcrRef>20261102000123</AcctSvcrRef>
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>AUTT</SubFmlyCd></Fmly></Domn></BkTxCd>
<NtryDtls><TxDtls><Refs><AcctSvcrRef>TX-1</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
<Amt Ccy="CHF">750.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
<RltdPties><Dbtr><Nm>Muster AG</Nm></Dbtr><DbtrAcct><Id><IBAN>CH5604835012345678009</IBAN></Id></DbtrAcct></RltdPties>
<RmtInf>
<Strd><RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>RE-2026-0815</Nb></RfrdDocInf>
<CdtrRefInf><Tp><CdOrPrtry><Prtry>QRR</Prtry></CdOrPrtry></Tp><Ref>210000000003139471430009017</Ref></CdtrRefInf></Strd>
<Strd><RfrdDocInf><Nb>RE-2026-0816</Nb></RfrdDocInf><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf>
<AddtlRmtInf>Teilzahlung</AddtlRmtInf></Strd>
</RmtInf></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>`;
    const r = await importText(core, 'postfinance.xml', xml);
    expect(r).toMatchObject({ version: 'camt.053.001.04', balanceCheck: 'ok', new: 1 });
    expect(storedPostings(core)[0]).toMatchObject({
      amountMinor: 75000,
      currency: 'CHF',
      counterpartyName: 'Muster AG',
      counterpartyIban: 'CH5604835012345678009',
      creditorReference: '210000000003139471430009017',
      endToEndId: null,
      bankReference: 'TX-1',
      // Both invoice numbers and the second payment's RF reference were dropped before.
      remittance: 'RE-2026-0815 RE-2026-0816 Teilzahlung RF18539007547034',
    });
  });

  const envelope = (document: string) => `<?xml version="1.0" encoding="UTF-8"?>
<BizMsgEnvlp xmlns="urn:swift:xsd:envelope">
<AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02"><Fr><FIId><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></FIId></Fr>
<BizMsgIdr>B-1</BizMsgIdr><MsgDefIdr>camt.054.001.08</MsgDefIdr><CreDt>2026-11-03T07:00:00Z</CreDt></AppHdr>
${document}
</BizMsgEnvlp>`;

  it('a CAMT Document inside a business message envelope with AppHdr', async () => {
    const { core } = makeTestDb();
    const doc = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
<GrpHdr><MsgId>N-1</MsgId><CreDtTm>2026-11-03T07:00:00Z</CreDtTm></GrpHdr>
<Ntfctn><Id>N-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">42.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-03</Dt></BookgDt>
<NtryDtls><TxDtls><Refs><EndToEndId>E2E-9</EndToEndId></Refs><RmtInf><Ustrd>Bestellung 100600</Ustrd></RmtInf></TxDtls></NtryDtls>
</Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
    const r = await importText(core, 'gateway.xml', envelope(doc));
    expect(r).toMatchObject({ format: 'camt.054', version: 'camt.054.001.08', new: 1 });
    expect(storedPostings(core)[0]).toMatchObject({
      bookingDate: '2026-11-03',
      amountMinor: 4200,
      endToEndId: 'E2E-9',
      remittance: 'Bestellung 100600',
    });
  });

  it('an envelope around a payment order (pain.001) is refused with a typed error and stores nothing', async () => {
    const { core } = makeTestDb();
    const doc = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn><GrpHdr><MsgId>P</MsgId></GrpHdr></CstmrCdtTrfInitn></Document>`;
    const [r] = await core.bank.importBytes('order.xml', utf8(envelope(doc)));
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_UNSUPPORTED_XML' } });
    expect(r?.ok === false && r.error.message).toContain('order.xml');
    expect(storedPostings(core)).toHaveLength(0);
  });
});
