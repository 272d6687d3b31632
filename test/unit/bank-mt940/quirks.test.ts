/** One small fixture per MT940/MT942 quirk (test/fixtures/bank/mt940/), see the comment in each test. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMt940 } from '#core/bank/mt940/index.ts';
import { parseAccount } from '#core/bank/mt940/values.ts';
import { OWN_BANK_FIXTURES, collect, errorsOf, readText } from './fixture-helpers.ts';

const load = (name: string) => readText(join(OWN_BANK_FIXTURES, 'mt940', name));
const parse = (name: string, text = load(name)) => collect(parseMt940(text, name));

describe('MT940 quirks', () => {
  it('German structured :86: (DFÜ Anlage 3): GVC, ?00, ?10, ?2x/?6x, ?30–?34 and SEPA keywords', () => {
    const r = parse('german-structured.sta');
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries).toHaveLength(2);
    const [credit, debit] = r.entries;
    expect(credit).toMatchObject({
      amountMinor: 11990,
      currency: 'EUR',
      bookingDate: '2025-01-03',
      valueDate: '2025-01-03',
      bookingStatus: 'booked',
      bankTxCode: 'GVC:166',
      bookingText: 'SEPA-GUTSCHRIFT',
      endToEndId: 'BESTELLUNG-4711',
      customerReference: 'KUNDE-0815',
      remittance: 'Rechnung 2025-0042 Bestellung 4711 vom 02.01.2025',
      ultimateDebtor: 'Erika Mustermann GmbH',
      counterpartyBic: 'COBADEFFXXX',
      counterpartyIban: 'DE02120300000000202051',
      counterpartyName: 'Max Mustermann Handelsgesellschaft mbH',
      bankReference: 'BANKREF-0001',
      details: expect.objectContaining({ primanota: '9310', textKeyExtension: '997', gvc: '166' }) as unknown,
    });
    expect(credit?.customerReference).toBe('KUNDE-0815');
    expect(debit).toMatchObject({
      amountMinor: -4995,
      bankTxCode: 'GVC:105',
      mandateId: 'MANDAT-2024-17',
      creditorId: 'DE98ZZZ09999999999',
      ultimateCreditor: 'Verein Beispiel e.V.',
      counterpartyIban: 'DE44500105175407324931',
      counterpartyName: 'Beispiel Verein e.V.',
      // ?60/?61 continue the remittance after ?29 (DFÜ Anlage 3: Verwendungszweck 11–14).
      remittance: 'Monatsbeitrag Januar Mitgliedsnr. 4711 Danke',
    });
    // EREF+NOTPROVIDED is the SEPA filler for "no end-to-end id".
    expect(debit?.endToEndId).toBeUndefined();
    expect(r.statements[0]).toMatchObject({
      format: 'mt940',
      account: { otherId: '37040044/0532013000', currency: 'EUR' },
      sequence: '00012/001',
      statementId: 'STARTUMSE',
      openingBalanceMinor: 100000,
      closingBalanceMinor: 106995,
      fromDate: '2025-01-02',
      toDate: '2025-01-03',
    });
  });

  it('SEPA ?2x pieces cut short in the middle of words, IBANs and numbers (Volksbank, Commerzbank) join without a blank', () => {
    // As in the Volksbank and Commerzbank samples of jejik/mt940: the continuous SVWZ+ value is cut wherever the
    // bank likes, well short of 27 characters. Where the cut ends a word ("Januar" / "Mitgliedsnr.") a blank stays.
    const text = [
      ':20:STARTUMSE',
      ':25:37040044/0532013000EUR',
      ':28C:00001/001',
      ':60F:C250102EUR0,00',
      ':61:2501030103CR49,90NTRFNONREF',
      ':86:166?00UEBERWEISUNG?10931?20SVWZ+Beitrag fuer FRIDA',
      '?21 inklusi?22ve 1 CD IBAN: DE835?2300105179219844142 Kundennum?24mer 2?2502227779 Bestellung?26Nr. 100512',
      '?30SBCRDE66?31DE83500105179219844142?32Antonio Sueto',
      ':62F:C250103EUR49,90',
      '-',
    ].join('\n');
    const r = parse('inline.sta', text);
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]?.remittance).toBe(
      'Beitrag fuer FRIDA inklusive 1 CD IBAN: DE83500105179219844142 Kundennummer 202227779 Bestellung Nr. 100512',
    );
  });

  it('Triodos: > as subfield separator, BIC and IBAN in >20/>21 or text there, own account in >31', () => {
    // As in the Triodos samples of zilverline/mt940 and dovadi/mt940 (27-character pieces cut anywhere).
    const text = [
      ':20:6565656565656/1',
      ':25:TRIODOSBANK/0454545454',
      ':28:1',
      ':60F:C131007EUR0,00',
      ':61:131007C1000,00NET NONREF',
      ':86:000>100000000000',
      '>20RABONL2U',
      '>21NL91ABNA0417164300',
      '>22MAX MUSTERMANN BESTELLING>23 10023',
      '>310454545454',
      ':61:131025D10,00NET NONREF',
      ':86:000>100000000000',
      '>20NS-AMSTERDAM CS 201 \\KLM>21FOOBAR \\ BETAALAUTOMAAT 22-',
      '>2209-14 12:00 PASNR. 009>310454545454',
      ':62F:C131025EUR990,00',
      '-',
    ].join('\n');
    const r = parse('triodos.sta', text);
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]).toMatchObject({
      amountMinor: 100000,
      counterpartyBic: 'RABONL2U',
      counterpartyIban: 'NL91ABNA0417164300',
      remittance: 'MAX MUSTERMANN BESTELLING 10023',
    });
    // No BIC in >20: a card payment's text, and no subfield codes in the remittance.
    expect(r.entries[1]?.counterpartyIban).toBeUndefined();
    expect(r.entries[1]?.remittance).toBe(
      'NS-AMSTERDAM CS 201 \\KLM FOOBAR \\ BETAALAUTOMAAT 22-09-14 12:00 PASNR. 009',
    );
  });

  it('Austrian ~ instead of ? as subfield separator', () => {
    const r = parse('austrian-tilde.sta');
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]).toMatchObject({
      amountMinor: 25000,
      endToEndId: 'AUFTRAG-88',
      remittance: 'Zahlung Bestellung 88',
      counterpartyIban: 'AT483200000012345864',
      counterpartyBic: 'RZBAATWW',
      counterpartyName: 'Alpen Shop OG',
    });
    expect(r.statements[0]?.account.iban).toBe('AT611904300234573201');
  });

  it('reversals: RC is a debit, RD a credit (SWIFT), flagged, and the balance adds up', () => {
    const r = parse('reversal.sta');
    expect(r.entries.map((e) => [e.amountMinor, e.reversal])).toEqual([
      [10000, false],
      [-10000, true],
      [-2500, false],
      [2500, true],
    ]);
    const st = r.statements[0];
    expect((st?.openingBalanceMinor ?? 0) + r.entries.reduce((a, e) => a + e.amountMinor, 0)).toBe(
      st?.closingBalanceMinor,
    );
  });

  it('entry date (MMDD) across the turn of the year takes the year nearest to the value date', () => {
    const r = parse('turn-of-year.sta');
    expect(r.entries.map((e) => [e.valueDate, e.bookingDate])).toEqual([
      ['2024-12-31', '2024-12-31'],
      ['2025-01-02', '2024-12-31'],
      ['2024-12-30', '2025-01-02'],
      ['2025-01-02', '2025-01-02'], // no entry date: the value date
    ]);
  });

  it('lines wrapped inside :61: and :86:, a ?2x marker split across two lines', () => {
    const r = parse('wrapped.sta');
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]).toMatchObject({
      amountMinor: 7700,
      customerReference: 'KD-REF-1',
      bankReference: 'BANK-REF-9',
      endToEndId: 'E2E-2025-04-01-0001',
      remittance: 'Ein sehr langer Verwendungszweck ueber mehrere Zeilen und Felder',
      counterpartyName: 'Anna Beispiel',
      details: expect.objectContaining({
        supplementaryDetails: 'Supplementary detail',
        fundsCode: 'R',
      }) as unknown,
    });
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('line endings %s give the same result', (_name, eol) => {
    const lf = load('german-structured.sta').replace(/\r\n?/g, '\n');
    const expected = parse('x', lf);
    const other = parse('x', lf.replace(/\n/g, eol));
    expect(other.entries).toEqual(expected.entries);
    expect(other.statements).toEqual(expected.statements);
  });

  it(':86: missing: entries without details', () => {
    const r = parse('no-86.sta');
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries).toMatchObject([
      { amountMinor: -250, bankReference: 'FEE-1', bankTxCode: 'SWIFT:NCHG' },
      { amountMinor: 500 },
    ]);
    expect(r.entries[1]?.remittance).toBeUndefined();
  });

  it(':86: missing: the :61: reference for the account owner and its supplementary details are the remittance', () => {
    // Danske Bank sends no :86: (mt940-rs MT940_DK_Example.sta): ":61:…NTRFDansken" is all there is about the payment.
    const text = [
      ':20:DK',
      ':25:DK8030000001234567',
      ':28C:00001/001',
      ':60F:C250501DKK0,00',
      ':61:2505020502C150,00NTRFBestellung 10023',
      'Anna Beispiel',
      ':61:2505020502D10,00NMSCNONREF',
      ':62F:C250502DKK140,00',
      '-',
    ].join('\n');
    const r = parse('dk.sta', text);
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries.map((e) => e.remittance)).toEqual(['Bestellung 10023 Anna Beispiel', undefined]);
  });

  it('with a :86: that has no text (only identifiers), the :61: reference does not become the remittance', () => {
    const text = [
      ':20:X',
      ':25:DE89370400440532013000',
      ':28C:1',
      ':60F:C250501EUR0,00',
      ':61:2505020502CR150,00NTRFE2E-4711-0815',
      ':86:166?00SEPA-GUTSCHRIFT?20EREF+E2E-4711-0815',
      ':62F:C250502EUR150,00',
      '-',
    ].join('\n');
    const r = parse('e2e.sta', text);
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]).toMatchObject({ endToEndId: 'E2E-4711-0815' });
    expect(r.entries[0]?.remittance).toBeUndefined();
  });

  it('funds code letter, decimal comma without decimals or integer part, customer and bank reference', () => {
    const r = parse('funds-code.sta');
    expect(errorsOf(r)).toEqual([]);
    expect(
      r.entries.map((e) => [e.amountMinor, e.details?.fundsCode, e.customerReference, e.bankReference]),
    ).toEqual([
      [123450, 'R', 'CUSTREF-1', 'BANKREF-X'],
      [-1, 'D', undefined, 'BANKREF-Y'],
      [99, undefined, 'ABC', undefined],
    ]);
  });

  it('a three-letter transaction type padded with a blank (ING NL "NOV ") is the type, not part of the reference', () => {
    const text = [
      ':20:ING',
      ':25:NL91ABNA0417164300',
      ':28C:1',
      ':60F:C120810EUR0,00',
      ':61:120810C1,41NOV EV41411REP170112',
      ':86:Test',
      ':62F:C120810EUR1,41',
      '-',
    ].join('\n');
    const r = parse('ing.sta', text);
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]).toMatchObject({ bankTxCode: 'SWIFT:NOV', customerReference: 'EV41411REP170112' });
  });

  it('identifiers written with labels instead of SEPA keywords (END-TO-END-REF.:, MANDATSREF.:, GLÄUBIGER-ID:)', () => {
    // As in my-flow/mt940's message_separator_in_text.sta (GVC 005, the umlaut garbled by an old code page).
    const text = [
      ':20:X',
      ':25:37040044/532013000',
      ':28C:1',
      ':60F:C110202EUR500,00',
      ':61:1102020202DR437,69NMSCNONREF//POS 2908012830',
      ':86:005?20LASTSCHRIFT/BELAST.?2104 42 26461822?22END-TO-END-REF.:?231',
      '6461823.117162119?24CORE / MANDATSREF.:?25MA6105423J8?26GLM-DUBIGER',
      '-ID:?27DE21ZTZ00000021333?28Ref. JK215028I1618108/19954?32MALLESC',
      'HE RV AG',
      ':62F:C110202EUR62,31',
      '-',
    ].join('\n');
    const r = parse('labels.sta', text);
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]).toMatchObject({
      endToEndId: '16461823.117162119',
      mandateId: 'MA6105423J8',
      creditorId: 'DE21ZTZ00000021333',
      remittance: 'LASTSCHRIFT/BELAST. 04 42 26461822 CORE / Ref. JK215028I1618108/19954',
    });
  });

  it("Rabobank: the counterparty's IBAN as the :61: supplementary details", () => {
    // As in zilverline/mt940's rabobank_mt940_structured.txt; an account number there is no IBAN and stays text.
    const text = [
      ':20:940S130403',
      ':25:NL50RABO0123456789',
      ':28C:0',
      ':60F:C130402EUR0,00',
      ':61:130403D000000000127,50N102EREF',
      'NL96RBOS0523149468',
      ':86:/EREF/02-04-2013 22:56 1120000153447185/BENM//NAME/Nespresso Nederland B.V./REMI/674725433',
      ':61:130403C000000000169,90N122NONREF',
      '0663616476',
      ':62F:C130403EUR42,40',
      '-',
    ].join('\n');
    const r = parse('rabo.sta', text);
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries.map((e) => [e.counterpartyIban, e.remittance])).toEqual([
      ['NL96RBOS0523149468', '674725433'],
      [undefined, '0663616476'],
    ]);
  });

  it('SWIFT envelope {1:}{2:}{3:}{4: … -}{5:}, several messages, :60M:/:62M: intermediate balances', () => {
    const r = parse('swift-envelope.sta');
    expect(errorsOf(r)).toEqual([]);
    expect(
      r.statements.map((s) => [
        s.index,
        s.statementId,
        s.sequence,
        s.openingBalanceMinor,
        s.closingBalanceMinor,
      ]),
    ).toEqual([
      [0, 'ENV-1', '00010/001', 10000, 15000],
      [1, 'ENV-2', '00010/002', 15000, 13000],
    ]);
    expect(r.statements[0]?.account).toEqual({ bic: 'COBADEFFXXX', otherId: 'COBADEFFXXX/0532013000' });
    expect(r.entries.map((e) => [e.statementIndex, e.amountMinor])).toEqual([
      [0, 5000],
      [1, -2000],
    ]);
  });

  it('MT942: floor limits, :13D: date-time, :90D:/:90C: sums; entries are pending', () => {
    const r = parse('mt942-intraday.sta');
    expect(errorsOf(r)).toEqual([]);
    expect(r.statements[0]).toMatchObject({
      format: 'mt942',
      version: 'MT942',
      floorLimitDebitMinor: 1000,
      floorLimitCreditMinor: 500,
      createdAt: '2025-08-14T13:30:00.000Z',
      debitCount: 1,
      debitSumMinor: 1234,
      creditCount: 1,
      creditSumMinor: 50000,
    });
    expect(r.entries.map((e) => [e.bookingStatus, e.amountMinor])).toEqual([
      ['pending', 50000],
      ['pending', -1234],
      ['pending', 7500],
    ]);
    // EC = expected credit; the :86: starts its subfields on the next line.
    expect(r.entries[2]).toMatchObject({
      details: expect.objectContaining({ debitCreditMark: 'EC' }) as unknown,
      remittance: 'Erwartet',
    });
    expect(r.statements[1]).toMatchObject({
      floorLimitDebitMinor: 0,
      floorLimitCreditMinor: 0,
      creditCount: 1,
    });
  });

  it('a broken :61: is an error with code, file and line; the rest still parses', () => {
    const r = parse('broken-61.sta');
    const errors = errorsOf(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'MT940_BAD_61', file: 'broken-61.sta', line: 6 });
    expect(errors[0]?.message).toMatch(/broken-61\.sta, line 6/);
    expect(r.entries).toHaveLength(1);
  });

  it(':25: account identification variants', () => {
    expect(parseAccount('DE89370400440532013000')).toEqual({ iban: 'DE89370400440532013000' });
    expect(parseAccount('DE89370400440532013000EUR')).toEqual({
      iban: 'DE89370400440532013000',
      currency: 'EUR',
    });
    expect(parseAccount('50880050/0194787400888')).toEqual({ otherId: '50880050/0194787400888' });
    expect(parseAccount('70011110/4005287001EUR')).toEqual({
      otherId: '70011110/4005287001',
      currency: 'EUR',
    });
    expect(parseAccount('0800003200000001610722 EUR')).toEqual({
      otherId: '0800003200000001610722',
      currency: 'EUR',
    });
    expect(parseAccount('BPHKPLPK/320000546101')).toEqual({
      bic: 'BPHKPLPK',
      otherId: 'BPHKPLPK/320000546101',
    });
  });
});
