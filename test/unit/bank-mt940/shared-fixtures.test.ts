/**
 * Every MT940/MT942 file of the shared fixture set parses; where the source (wolph/mt940) ships an expected
 * result (.yml, a YAML dump of its Transactions model), the number of entries, the amounts and the dates agree.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { parseMt940 } from '#core/bank/mt940/index.ts';
import { parseDecimalToMinor } from '#core/money.ts';
import { SHARED_BANK_FIXTURES, collect, errorsOf, readText, walk } from './fixture-helpers.ts';

const files = [
  ...walk(join(SHARED_BANK_FIXTURES, 'mt940')),
  ...walk(join(SHARED_BANK_FIXTURES, 'mt942')),
].filter((f) => !/\.(yml|json)$/.test(f));

/** Deliberately broken inputs and the error each must produce. */
const EXPECTED_ERRORS: Record<string, string[]> = {
  // Ten lines "1".."10": no MT940 field at all.
  'mt940/wolph__mt940/self-provided/invalid_statement.sta': ['MT940_NO_STATEMENT'],
  // cmxl's header test file: value date "362268" (month 22) and a closing balance "C141387INR11 27421,94".
  'mt940/railslove__cmxl/mt940-headers.txt': ['MT940_BAD_DATE', 'MT940_BAD_BALANCE'],
  // Messages opened by :20: that end with the file without their mandatory closing balance :62F: (test snippets
  // cut from longer statements, one inside :86:): a cut-off download looks the same. Their entries still parse.
  'mt940/railslove__cmxl/mt940-with-colon-after-line-break.txt': ['MT940_TRUNCATED'],
  'mt940/wolph__mt940/self-provided/account_identification.sta': ['MT940_TRUNCATED'],
  'mt940/wolph__mt940/self-provided/gv_codes.sta': ['MT940_TRUNCATED'],
  // A complete message followed by a second one of which only the :20: line is there: exactly what a download cut
  // right after the start of its next message looks like (that statement would be lost unnoticed).
  'mt940/fruitl00p__php-mt940/Rabo/sample2': ['MT940_TRUNCATED'],
};
const onlyTruncated = (name: string) => EXPECTED_ERRORS[name]?.every((c) => c === 'MT940_TRUNCATED') ?? true;

type YamlTx = {
  data: {
    amount?: { amount?: string[]; currency?: string };
    date?: Uint8Array[];
    entry_date?: Uint8Array[] | null;
  };
};

/** mt940.models.Date is pickled as bytes: 2 bytes year (big endian), month, day. */
function pickledDate(v: Uint8Array[] | null | undefined): string | undefined {
  const b = v?.[0];
  if (!b || b.length < 4) return undefined;
  const year = (b[0] ?? 0) * 256 + (b[1] ?? 0);
  return `${year}-${String(b[2]).padStart(2, '0')}-${String(b[3]).padStart(2, '0')}`;
}

function expected(file: string): YamlTx[] | undefined {
  const yml = file.replace(/\.(sta|txt)$/, '.yml');
  if (yml === file || !existsSync(yml)) return undefined;
  const doc = YAML.parse(readFileSync(yml, 'utf8'), {
    version: '1.1',
    logLevel: 'silent',
    maxAliasCount: -1,
    customTags: ['binary'],
  }) as { transactions?: YamlTx[] } | null;
  return doc?.transactions ?? [];
}

describe('shared MT940/MT942 fixtures', () => {
  it('finds the fixture set', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  for (const file of files) {
    const name = relative(SHARED_BANK_FIXTURES, file);
    it(`parses ${name}`, () => {
      const result = collect(parseMt940(readText(file), name));
      const errors = errorsOf(result).map((p) => p.code);
      expect(errors).toEqual(EXPECTED_ERRORS[name] ?? []);
      for (const p of result.problems) {
        expect(p.file).toBe(name);
        expect(p.line).toBeGreaterThan(0);
      }
      const txs = expected(file);
      if (!txs || !onlyTruncated(name)) return;
      expect(result.entries.length).toBe(txs.length);
      txs.forEach((tx, i) => {
        const entry = result.entries[i];
        const currency = tx.data.amount?.currency ?? 'EUR';
        const amount = tx.data.amount?.amount?.[0];
        if (amount !== undefined && entry) {
          const want = parseDecimalToMinor(amount, currency);
          if (entry.reversal) {
            // python mt940 signs RC as a credit; SWIFT defines RC as "reversal of credit (debit entry)" and the
            // balances of sepa_mt9401.sta only add up that way (see the balance test below).
            expect(entry.amountMinor).toBe(
              entry.details?.debitCreditMark === 'RC' ? -Math.abs(want) : Math.abs(want),
            );
          } else {
            expect(entry.amountMinor, `amount of entry ${i}`).toBe(want);
          }
        }
        expect(entry?.valueDate, `value date of entry ${i}`).toBe(pickledDate(tx.data.date));
        const entryDate = pickledDate(tx.data.entry_date);
        if (entryDate) expect(entry?.bookingDate, `entry date of entry ${i}`).toBe(entryDate);
      });
    });
  }

  it('reversals follow SWIFT (RC is a debit): the statements of sepa_mt9401.sta balance', () => {
    const name = 'mt940/wolph__mt940/betterplace/sepa_mt9401.sta';
    const result = collect(parseMt940(readText(join(SHARED_BANK_FIXTURES, name)), name));
    const reversed = result.entries.filter((e) => e.reversal);
    expect(reversed.length).toBeGreaterThan(0);
    for (const idx of new Set(reversed.map((e) => e.statementIndex))) {
      const st = result.statements.find((s) => s.index === idx);
      const sum = result.entries
        .filter((e) => e.statementIndex === idx)
        .reduce((a, e) => a + e.amountMinor, 0);
      expect((st?.openingBalanceMinor ?? NaN) + sum).toBe(st?.closingBalanceMinor);
    }
  });

  it('Dutch slash codes (/TRTP/ /NAME/ /REMI/ /EREF/ /MARF/ /CSID/), wrapped without blanks at any line length', () => {
    const name = 'mt940/fruitl00p__php-mt940/Abn/issue48';
    const r = collect(parseMt940(readText(join(SHARED_BANK_FIXTURES, name)), name));
    expect(r.entries[0]).toMatchObject({
      counterpartyName: 'HR K XXXXXXX EN/OF MW H XXXXXXX',
      remittance: 'RES.NR 00042',
      bookingText: 'SEPA OVERBOEKING',
    });
    // "/EREF/NOTPROV" + "IDED" on the next line is the SEPA filler, not an id.
    expect(r.entries[0]?.endToEndId).toBeUndefined();
    expect(r.entries[1]).toMatchObject({
      endToEndId: '012345678912361000',
      mandateId: '000000059990',
      creditorId: 'NL36ZZZ123456780000',
    });
  });

  it('an identifier keyword never swallows the following subfields beyond 35 characters (SEPA Max35Text)', () => {
    const name = 'mt940/wolph__mt940/betterplace/sepa_snippet.sta';
    const r = collect(parseMt940(readText(join(SHARED_BANK_FIXTURES, name)), name));
    // ?20EREF+TFNR 40001 00005?21MTLG:Grund nicht s…: the bank wrote the return reason without a keyword.
    expect(r.entries[4]).toMatchObject({
      endToEndId: 'TFNR 40001 00005',
      remittance: 'MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag',
      bankTxCode: 'GVC:159',
      details: expect.objectContaining({ textKeyExtension: '914' }) as unknown,
    });
    const wrapped = 'mt940/wolph__mt940/self-provided/details_60-63.sta';
    const [entry] = collect(parseMt940(readText(join(SHARED_BANK_FIXTURES, wrapped)), wrapped)).entries;
    expect(entry).toMatchObject({
      endToEndId: '123/123/12345-----L110',
      ultimateDebtor: 'Finanzamt Muenchen Abteilung Erhebung',
    });
  });
});
