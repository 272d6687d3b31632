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
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Core } from '#core/index.ts';
import type { ImportOptions } from '#core/bank/import-service.ts';
import { makeTestDb } from '../../helpers/db.ts';
import { makeBankAccount } from '../../helpers/factories.ts';
import { storedPostings } from '../../helpers/realistic-bank.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Imports `text` (UTF-8) or ready-encoded bytes; throws unless the import succeeded. */
async function importText(core: Core, name: string, text: string | Uint8Array, options: ImportOptions = {}) {
  const [r] = await core.bank.importBytes(name, typeof text === 'string' ? utf8(text) : text, options);
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

  /** A corporate MT940 export naming its account as BIC/IBAN in :25: (SWIFT 35x). */
  const BIC_IBAN_MT940 = [
    ':20:940S261116',
    ':25:COBADEFFXXX/DE89370400440532013000',
    ':28C:00321/001',
    ':60F:C261116EUR100,00',
    ':61:261116C59,90NTRFNONREF//2611160815',
    ':86:166?00GUTSCHRIFT?20Rechnung 4711?32Max Muster',
    ':62F:C261116EUR159,90',
    '-',
  ].join('\r\n');

  it('MT940 :25: "BIC/IBAN" names the IBAN account, so the CAMT of the same days adds nothing', async () => {
    const { core } = makeTestDb();
    expect(await importText(core, 'mt940.sta', BIC_IBAN_MT940)).toMatchObject({
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

  it('an account that an earlier version stored by its MT940 ":25:" text learns the IBAN (no second account)', async () => {
    const { core, db } = makeTestDb();
    const old = makeBankAccount(db, { iban: null, otherId: 'COBADEFFXXX/DE89370400440532013000' });
    expect(await importText(core, 'mt940.sta', BIC_IBAN_MT940)).toMatchObject({
      new: 1,
      accounts: [{ iban: 'DE89370400440532013000', created: false }],
    });
    expect(core.bank.accounts()).toEqual([
      expect.objectContaining({ id: old.id, iban: 'DE89370400440532013000' }),
    ]);
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

  it('Revolut Business: one statement per pocket, card payment in a foreign currency, REVERTED skipped, trailing PENDING row kept', async () => {
    const { core } = makeTestDb();
    const header =
      '"Date started (UTC)","Date completed (UTC)","Date started (Europe/Berlin)","Date completed (Europe/Berlin)","ID","Type","State","Description","Reference","Payer","Card number","Card label","Card state","Orig currency","Orig amount","Payment currency","Amount","Total amount","Exchange rate","Fee","Fee currency","Balance","Account","Beneficiary account number","Beneficiary sort code or routing number","Beneficiary IBAN","Beneficiary BIC","MCC","Related transaction id","Spend program"';
    const csv = [
      header,
      '"2026-11-02","2026-11-02","2026-11-02","2026-11-02","65f0a1b2-0001","TRANSFER","COMPLETED","Money added from ERIKA MUSTERMANN","Bestellung 100541","Erika Mustermann",,,,"EUR","249.90","EUR","249.90","249.90",,"0.00","EUR","1249.90","EUR Main",,,,,,,',
      '"2026-11-02","2026-11-03","2026-11-02","2026-11-03","65f0a1b2-0002","CARD_PAYMENT","COMPLETED","Shopify* 123456","","","459999******1234","Ads","ACTIVE","USD","29.00","EUR","-27.12","-27.12","0.9352","0.00","EUR","1222.78","EUR Main",,,,,"5734",,',
      '"2026-11-03","2026-11-03","2026-11-03","2026-11-03","65f0a1b2-0003","TRANSFER","COMPLETED","Money added from ACME INC","Invoice 2026-77","ACME Inc",,,,"USD","100.00","USD","100.00","100.00",,"0.00","USD","600.00","USD Main",,,,,,,',
      '"2026-11-03","","2026-11-03","","65f0a1b2-0004","CARD_PAYMENT","REVERTED","Amazon","","","459999******1234","Ads","ACTIVE","EUR","15.00","EUR","-15.00","-15.00",,"0.00","EUR","","EUR Main",,,,,"5942",,',
      '"2026-11-04","","2026-11-04","","65f0a1b2-0005","CARD_PAYMENT","PENDING","Google Ads","","","459999******1234","Ads","ACTIVE","EUR","9.99","EUR","-9.99","-9.99",,"0.00","EUR","","EUR Main",,,,,"7311",,',
    ].join('\n');
    const r = await importText(core, 'transaction-statement_01-Nov-2026_30-Nov-2026.csv', csv);
    expect(r).toMatchObject({
      version: 'revolut-business',
      entries: 4,
      accounts: [{ otherId: 'EURMAIN' }, { otherId: 'USDMAIN' }],
    });
    expect(r.warnings.map((w) => w.code)).toContain('CSV_ROWS_SKIPPED');
    expect(r.warnings.map((w) => w.code)).not.toContain('CSV_FOOTER_IGNORED');
    expect(
      storedPostings(core).map((p) => [
        p.bookingDate,
        p.amountMinor,
        p.currency,
        p.bookingStatus,
        p.counterpartyName,
        p.remittance,
        p.bankReference,
      ]),
    ).toEqual([
      [
        '2026-11-02',
        24990,
        'EUR',
        'booked',
        'Erika Mustermann',
        'Bestellung 100541 Money added from ERIKA MUSTERMANN',
        '65f0a1b2-0001',
      ],
      ['2026-11-03', -2712, 'EUR', 'booked', null, 'Shopify* 123456', '65f0a1b2-0002'],
      [
        '2026-11-03',
        10000,
        'USD',
        'booked',
        'ACME Inc',
        'Invoice 2026-77 Money added from ACME INC',
        '65f0a1b2-0003',
      ],
      // Pending without a completion date (stored once its statement's date is known, see dedupe.ts).
      [null, -999, 'EUR', 'pending', null, 'Google Ads', '65f0a1b2-0005'],
    ]);
  });

  it('Qonto (English export): settled and pending rows, declined skipped, account chosen on import', async () => {
    const { core } = makeTestDb();
    const csv = [
      'Status,Settlement date (UTC),Operation date (UTC),Total amount (incl. VAT),Currency,Counterparty name,Payment method,Transaction ID,IBAN,Reference,Category,Note,VAT amount,Initiator,Label 1,Label 2,Label 3',
      'settled,2026-11-04 09:12:44,2026-11-04 09:12:44,1299.00,EUR,Muster GmbH,transfer,qonto-tx-1,DE89370400440532013000,"RE 2026-1042, Kd 77",sales,,0.00,,,,',
      'settled,2026-11-05 00:00:00,2026-11-03 18:20:11,-35.70,EUR,Google Ads,card,qonto-tx-2,,,marketing,,-5.70,Jane Doe,,,',
      'declined,,2026-11-05 10:00:00,-80.00,EUR,Airline,card,qonto-tx-3,,,travel,,,Jane Doe,,,',
      'pending,,2026-11-06 07:00:00,-12.00,EUR,Hosting SAS,direct_debit,qonto-tx-4,FR1420041010050500013M02606,Facture 11/2026,it,,,,,,',
    ].join('\r\n');
    const r = await importText(core, 'qonto.csv', csv, { accountIban: 'DE02120300000000202051' });
    expect(r).toMatchObject({ version: 'qonto', entries: 3, accounts: [{ iban: 'DE02120300000000202051' }] });
    expect(
      storedPostings(core).map((p) => [
        p.bookingDate,
        p.valueDate,
        p.amountMinor,
        p.bookingStatus,
        p.counterpartyName,
        p.counterpartyIban,
        p.remittance,
      ]),
    ).toEqual([
      [
        '2026-11-04',
        '2026-11-04',
        129900,
        'booked',
        'Muster GmbH',
        'DE89370400440532013000',
        'RE 2026-1042, Kd 77',
      ],
      ['2026-11-05', '2026-11-03', -3570, 'booked', 'Google Ads', null, null],
      [null, '2026-11-06', -1200, 'pending', 'Hosting SAS', 'FR1420041010050500013M02606', 'Facture 11/2026'],
    ]);
  });

  it('Wise: DD-MM-YYYY dates, payer or payee by direction, Wise charges as a row of their own', async () => {
    const { core } = makeTestDb();
    const csv = [
      '"TransferWise ID","Date","Amount","Currency","Description","Payment Reference","Running Balance","Exchange From","Exchange To","Exchange Rate","Payer Name","Payee Name","Payee Account Number","Merchant","Card Last Four Digits","Card Holder Full Name","Attachment","Note","Total fees"',
      '"TRANSFER-1187766001","03-11-2026","499.00","EUR","Received money from ANNA MUELLER with reference Bestellung 100577","Bestellung 100577","1499.00","","","","ANNA MUELLER","","","","","","","","0.00"',
      '"TRANSFER-1187766002","04-11-2026","-250.00","EUR","Sent money to Supplier Ltd","INV-2026-31","1249.00","","","","","Supplier Ltd","GB29NWBK60161331926819","","","","","","0.00"',
      '"FEE-TRANSFER-1187766002","04-11-2026","-0.62","EUR","Wise Charges for: TRANSFER-1187766002","","1248.38","","","","","","","","","","","","0.62"',
    ].join('\n');
    const r = await importText(core, 'statement_EUR_2026-11-01_2026-11-30.csv', csv, {
      accountIban: 'GB33BUKB20201555555555',
    });
    expect(r).toMatchObject({ version: 'wise', entries: 3, accounts: [{ iban: 'GB33BUKB20201555555555' }] });
    expect(
      storedPostings(core).map((p) => [
        p.bookingDate,
        p.amountMinor,
        p.counterpartyName,
        p.remittance,
        p.bankReference,
      ]),
    ).toEqual([
      [
        '2026-11-03',
        49900,
        'ANNA MUELLER',
        'Bestellung 100577 Received money from ANNA MUELLER with reference Bestellung 100577',
        'TRANSFER-1187766001',
      ],
      ['2026-11-04', -25000, 'Supplier Ltd', 'INV-2026-31 Sent money to Supplier Ltd', 'TRANSFER-1187766002'],
      ['2026-11-04', -62, null, 'Wise Charges for: TRANSFER-1187766002', 'FEE-TRANSFER-1187766002'],
    ]);
  });

  it('Revolut (personal layout): date-times, REVERTED skipped, one statement per product', async () => {
    const { core } = makeTestDb();
    const csv = [
      'Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance',
      'TOPUP,Current,2026-11-02 10:00:00,2026-11-02 10:01:12,Payment from Erika Mustermann,89.90,0.00,EUR,COMPLETED,1289.90',
      'CARD_PAYMENT,Current,2026-11-02 12:00:00,2026-11-03 09:15:00,Hetzner Online,-40.00,0.00,EUR,COMPLETED,1249.90',
      'CARD_PAYMENT,Current,2026-11-03 12:00:00,,Hotel,-220.00,0.00,EUR,REVERTED,',
    ].join('\n');
    const r = await importText(core, 'account-statement_2026-11.csv', csv);
    expect(r).toMatchObject({ version: 'revolut', entries: 2, accounts: [{ otherId: 'CURRENT' }] });
    expect(storedPostings(core).map((p) => [p.bookingDate, p.amountMinor, p.remittance])).toEqual([
      ['2026-11-02', 8990, 'Payment from Erika Mustermann'],
      ['2026-11-03', -4000, 'Hetzner Online'],
    ]);
  });

  it('Stripe balance export: gross charge plus its fee as an entry, refund, payout; account "stripe"', async () => {
    const { core } = makeTestDb();
    const csv = [
      'id,Type,Source,Amount,Fee,Net,Currency,Created (UTC),Available On (UTC),Description,Customer Facing Amount,Customer Facing Currency,Transfer,Transfer Date (UTC),Transfer Group',
      'txn_3QkA1,charge,ch_3QkA1,60.00,1.04,58.96,eur,2026-11-05 10:00,2026-11-10 00:00,Order #100541,60.00,eur,po_1Qz,2026-11-12 00:00,',
      'txn_3QkA2,refund,re_3QkA2,-20.00,0.00,-20.00,eur,2026-11-06 09:30,2026-11-06 09:30,REFUND FOR CHARGE (Order #100512),-20.00,eur,po_1Qz,2026-11-12 00:00,',
      'txn_1QzP,payout,po_1Qz,-38.96,0.00,-38.96,eur,2026-11-12 00:00,2026-11-12 00:00,STRIPE PAYOUT,,,,,',
    ].join('\n');
    const r = await importText(core, 'balance_history.csv', csv);
    expect(r).toMatchObject({ version: 'stripe', entries: 4, accounts: [{ otherId: 'stripe' }] });
    expect(
      storedPostings(core).map((p) => [
        p.bookingDate,
        p.valueDate,
        p.amountMinor,
        p.currency,
        p.remittance,
        p.bankReference,
      ]),
    ).toEqual([
      ['2026-11-05', '2026-11-10', 6000, 'EUR', 'Order #100541 ch_3QkA1', 'txn_3QkA1'],
      ['2026-11-05', '2026-11-10', -104, 'EUR', 'Stripe-Gebühr für txn_3QkA1', 'txn_3QkA1/FEE'],
      ['2026-11-06', '2026-11-06', -2000, 'EUR', 'REFUND FOR CHARGE (Order #100512) re_3QkA2', 'txn_3QkA2'],
      ['2026-11-12', '2026-11-12', -3896, 'EUR', 'STRIPE PAYOUT po_1Qz', 'txn_1QzP'],
    ]);
  });

  it('Consorsbank: preamble before the header, U+2212 minus (UTF-8)', async () => {
    const { core } = makeTestDb();
    const csv = [
      'Konto',
      'Girokonto;DE89 3704 0044 0532 0130 00',
      'Allgemeine Informationen',
      'Kontostand;1.234,56 EUR',
      'Kontoumsätze',
      'Buchung;Valuta;Sender / Empfänger;IBAN;BIC;Buchungstext;Verwendungszweck;Kategorie;Stichwörter;Umsatz geteilt;Betrag;Währung',
      '05.11.2026;05.11.2026;Jürgen Weiß;DE02120300000000202051;BYLADEM1001;GUTSCHRIFT;Bestellung 100590;n/a;n/a;n/a;1.049,00;EUR',
      '06.11.2026;06.11.2026;Telekom Deutschland GmbH;DE89370400440532013000;COBADEFFXXX;Lastschrift (Einzugsermächtigung);Festnetz Vertragskonto;Kommunikation;n/a;n/a;\u221244,95;EUR',
    ].join('\r\n');
    const r = await importText(core, 'Umsaetze.csv', csv);
    expect(r).toMatchObject({
      version: 'consorsbank',
      encoding: 'utf-8',
      accounts: [{ iban: 'DE89370400440532013000' }],
    });
    expect(
      storedPostings(core).map((p) => [
        p.bookingDate,
        p.amountMinor,
        p.counterpartyName,
        p.counterpartyIban,
        p.remittance,
      ]),
    ).toEqual([
      ['2026-11-05', 104900, 'Jürgen Weiß', 'DE02120300000000202051', 'Bestellung 100590'],
      ['2026-11-06', -4495, 'Telekom Deutschland GmbH', 'DE89370400440532013000', 'Festnetz Vertragskonto'],
    ]);
  });

  it('HypoVereinsbank: own account number per row, name in "Empfaenger 1", ISO-8859-1', async () => {
    const { core } = makeTestDb();
    const csv = [
      'Kontonummer;Buchungsdatum;Valuta;Empfaenger 1;Empfaenger 2;Verwendungszweck;Betrag;Waehrung',
      '90935230;05.11.2026;05.11.2026;Björn Müller;;SEPA-GUTSCHRIFT Bestellung 100601 EREF: 100601;59,90;EUR',
      '90935230;06.11.2026;06.11.2026;;;SEPA-LASTSCHRIFT Hosting November;-12,00;EUR',
    ].join('\r\n');
    const r = await importText(core, 'hvb.csv', iconv.encode(csv, 'latin1'));
    expect(r).toMatchObject({ version: 'hypovereinsbank', accounts: [{ otherId: '90935230' }] });
    expect(storedPostings(core).map((p) => [p.amountMinor, p.counterpartyName, p.remittance])).toEqual([
      [5990, 'Björn Müller', 'SEPA-GUTSCHRIFT Bestellung 100601 EREF: 100601'],
      [-1200, null, 'SEPA-LASTSCHRIFT Hosting November'],
    ]);
  });

  it('PostFinance: currency and account from the preamble, ISO dates, credit/debit columns, disclaimer footer', async () => {
    const { core } = makeTestDb();
    const csv = [
      'Datum von:;2026-11-01',
      'Buchungsart:;Alle Buchungen',
      'Konto:;CH9300762011623852957',
      'Währung:;CHF',
      'Buchungsdatum;Avisierungstext;Gutschrift;Lastschrift;Valuta;Saldo',
      '2026-11-03;"GIRO AUS KONTO CH5604835012345678009 MUSTER AG MITTEILUNGEN: RECHNUNG 2026-118";1\'250.00;;2026-11-03;',
      '2026-11-04;"KAUF/DIENSTLEISTUNG VOM 03.11.2026 KARTEN NR. XXXX1234";;-23.40;2026-11-04;1226.60',
      '',
      'Disclaimer:',
      'Dies ist kein durch PostFinance AG erstelltes Dokument. PostFinance AG ist nicht verantwortlich für den Inhalt.',
    ].join('\n');
    const r = await importText(core, 'export_transaktionen.csv', csv);
    expect(r).toMatchObject({ version: 'postfinance', accounts: [{ iban: 'CH9300762011623852957' }] });
    expect(storedPostings(core).map((p) => [p.bookingDate, p.amountMinor, p.currency])).toEqual([
      ['2026-11-03', 125000, 'CHF'],
      ['2026-11-04', -2340, 'CHF'],
    ]);
    expect(r.warnings.map((w) => w.code)).toContain('CSV_FOOTER_IGNORED');
  });

  it('PostFinance (newer layout): a EUR account named by the amount headers, DD.MM.YYYY dates', async () => {
    const { core } = makeTestDb();
    const csv = [
      'Konto:;CH5604835012345678009',
      'Datum;Bewegungstyp;Avisierungstext;Gutschrift in EUR;Lastschrift in EUR;Label;Kategorie',
      '03.11.2026;Gutschrift;"GUTSCHRIFT VON ERIKA MUSTERMANN BESTELLUNG 100700";89.00;;;',
    ].join('\n');
    const r = await importText(core, 'pf-eur.csv', csv);
    expect(r).toMatchObject({ version: 'postfinance' });
    expect(storedPostings(core)[0]).toMatchObject({
      bookingDate: '2026-11-03',
      amountMinor: 8900,
      currency: 'EUR',
    });
  });

  it('PostFinance with English headers (E-Finance in English): a debit cell with its minus, the currency from the header', async () => {
    // Header as in tarioch/beancounttools' PostFinance test files.
    const { core } = makeTestDb();
    const csv = [
      'Booking date;Notification text;Credit in CHF;Debit in CHF;Value;Balance in CHF',
      '31.12.2026;"Preis für Bankpaket Smart";;-5;31.12.2026;7881.98',
      '30.12.2026;"GUTSCHRIFT VON ERIKA MUSTERMANN BESTELLUNG 100701";89.50;;30.12.2026;7886.98',
    ].join('\n');
    const r = await importText(core, 'pf-en.csv', csv, { accountIban: 'CH9300762011623852957' });
    expect(r).toMatchObject({ version: 'postfinance' });
    expect(storedPostings(core).map((p) => [p.bookingDate, p.amountMinor, p.currency, p.remittance])).toEqual(
      [
        ['2026-12-31', -500, 'CHF', 'Preis für Bankpaket Smart'],
        ['2026-12-30', 8950, 'CHF', 'GUTSCHRIFT VON ERIKA MUSTERMANN BESTELLUNG 100701'],
      ],
    );
  });

  it('Stripe export in German number format ("60,00"): the decimal comma is read from the amounts', async () => {
    const { core } = makeTestDb();
    const csv = [
      'id,Type,Source,Amount,Fee,Net,Currency,Created (UTC),Available On (UTC),Description',
      'txn_9000000001,charge,ch_9000000001,"1.060,00","15,67","1.044,33",eur,2026-03-05 10:00,2026-03-10 00:00,Order #100800',
      'txn_9000000002,stripe_fee,,"-0,30","0,00","-0,30",eur,2026-03-20 00:00,2026-03-20 00:00,Radar',
    ].join('\n');
    const r = await importText(core, 'balance_history_de.csv', csv);
    expect(r).toMatchObject({ version: 'stripe', entries: 3 });
    expect(storedPostings(core).map((p) => p.amountMinor)).toEqual([106000, -1567, -30]);
  });

  it('comdirect export of all accounts: the Girokonto table imports, the Visa table of another account is left out with a warning', async () => {
    const { core } = makeTestDb();
    const csv = [
      ';',
      '"Umsätze Girokonto";"Zeitraum: 30 Tage";',
      '"Neuer Kontostand";"1.234,56 EUR";',
      '',
      '"Buchungstag";"Wertstellung (Valuta)";"Vorgang";"Buchungstext";"Umsatz in EUR";',
      '"03.11.2026";"03.11.2026";"Übertrag / Überweisung";"Auftraggeber: Erika Mustermann Buchungstext: Bestellung 100541 End-to-End-Ref.: E2E-1";"249,90";',
      '"02.11.2026";"02.11.2026";"Lastschrift / Belastung";"Empfänger: Host GmbHKto/IBAN: DE02120300000000202051 BLZ/BIC: BYLADEM1001 Buchungstext: Hosting";"-12,00";',
      '',
      '"Alter Kontostand";"997,66 EUR";',
      '',
      '"Umsätze Visa-Karte (Kreditkarte)";"Zeitraum: 30 Tage";',
      '"Neuer Kontostand";"-45,00 EUR";',
      '',
      '"Buchungstag";"Umsatztag";"Vorgang";"Referenz";"Buchungstext";"Umsatz in EUR";',
      '"02.11.2026";"01.11.2026";"Visa-Umsatz";"4711";"AMAZON EU";"-45,00";',
      '',
      '"Alter Kontostand";"0,00 EUR";',
    ].join('\r\n');
    const r = await importText(core, 'umsaetze_alle_konten.csv', csv, {
      accountIban: 'DE89370400440532013000',
    });
    expect(r).toMatchObject({ version: 'comdirect', entries: 2, new: 2 });
    expect(r.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['CSV_MORE_TABLES_IGNORED', 'CSV_FOOTER_IGNORED']),
    );
    expect(storedPostings(core).map((p) => [p.amountMinor, p.counterpartyName])).toEqual([
      [24990, 'Erika Mustermann'],
      [-1200, 'Host GmbH'],
    ]);
  });

  it('MoneyMoney export: counterparty account and bank code, category ignored, account chosen on import', async () => {
    const { core } = makeTestDb();
    const csv = [
      'Datum;Wertstellung;Kategorie;Name;Verwendungszweck;Konto;Bank;Betrag;Währung',
      '04.11.2026;04.11.2026;Einnahmen;Erika Mustermann;Bestellung 100541;DE02120300000000202051;BYLADEM1001;249,90;EUR',
      '05.11.2026;04.11.2026;Gebühren;;Kontoführung Oktober;;;-9,90;EUR',
    ].join('\n');
    const r = await importText(core, 'Umsaetze.csv', csv, { accountIban: 'DE89370400440532013000' });
    expect(r).toMatchObject({ version: 'moneymoney', entries: 2 });
    expect(
      storedPostings(core).map((p) => [
        p.bookingDate,
        p.amountMinor,
        p.counterpartyName,
        p.counterpartyIban,
        p.counterpartyBic,
        p.remittance,
      ]),
    ).toEqual([
      ['2026-11-04', 24990, 'Erika Mustermann', 'DE02120300000000202051', 'BYLADEM1001', 'Bestellung 100541'],
      ['2026-11-05', -990, null, null, null, 'Kontoführung Oktober'],
    ]);
  });
});
