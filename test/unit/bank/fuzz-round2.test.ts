/**
 * Property tests (fast-check) for the dialects of the second robustness round: mutated files import fully or fail
 * with a typed ImportError, and a failed import leaves the database unchanged.
 */
import { describe, it } from 'vitest';
import { expectAtomicImports, mutations } from '../../helpers/import-fuzz.ts';

const camtInEnvelope = `
<?xml version="1.0" encoding="UTF-8"?>
<BizMsgEnvlp><AppHdr><BizMsgIdr>B</BizMsgIdr></AppHdr>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId></GrpHdr>
<Stmt><Id>S</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">-10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2026-11-01</Dt></Dt></Bal>
<Ntry><Amt Ccy="CHF">750.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-02</Dt></BookgDt>
<NtryDtls><TxDtls><RmtInf><Strd><RfrdDocInf><Nb>RE-1</Nb></RfrdDocInf><CdtrRefInf><Ref>210000000003139471430009017</Ref></CdtrRefInf></Strd>
<Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document></BizMsgEnvlp>`;

const fintsMt940 = [
  ':20:STARTUMSE',
  ':25:COBADEFFXXX/DE89370400440532013000',
  ':28C:1/1',
  ':60F:C261101EUR0,00',
  ':61:2611021102CR12,34NTRFNONREF',
  ':86:166?00GUTSCHRIFT?20SVWZ+Test?32Kunde',
  ':62F:C261102EUR12,34',
  '-',
].join('@@');

const postFinance = [
  'Konto:;CH9300762011623852957',
  'Währung:;CHF',
  'Buchungsdatum;Avisierungstext;Gutschrift;Lastschrift;Valuta;Saldo',
  '2026-11-03;"GIRO AUS KONTO MUSTER AG";1\'250.00;;2026-11-03;',
  '2026-11-04;"KAUF";;-23.40;2026-11-04;',
  'Disclaimer:',
].join('\n');

const stripe = [
  'id,Type,Source,Amount,Fee,Net,Currency,Created (UTC),Available On (UTC),Description',
  'txn_1,charge,ch_1,60.00,1.04,58.96,eur,2026-11-05 10:00,2026-11-10 00:00,Order #1',
  'txn_2,payout,po_1,-58.96,0.00,-58.96,eur,2026-11-12 00:00,2026-11-12 00:00,STRIPE PAYOUT',
].join('\n');

const mutation = mutations({
  maxDelete: 30,
  maxText: 10,
  tokens: ['@@', '@@-', '<Document>', '</Strd>', '-', '\u2212', ' S', ';', '"', '\r', ':25:/'],
  flips: false,
});

describe('fuzzing the second-round dialects', () => {
  for (const [label, source] of [
    ['CAMT in an envelope', camtInEnvelope],
    ['MT940 with @@', fintsMt940],
    ['PostFinance CSV', postFinance],
    ['Stripe CSV', stripe],
  ] as const) {
    it(`${label}: mutated files import fully or fail with a typed ImportError, never half`, () =>
      expectAtomicImports(source, mutation, { maxMutations: 3, numRuns: 120, seed: 20261127 }));
  }
});
