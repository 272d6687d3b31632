/**
 * Every shared CAMT fixture imports (or fails with the right typed error), and where the source ships an
 * expected result (.json: genkgo/camt's message model, iso20022.js's parsed document), entry count, amounts
 * and dates agree. Expected results are per Ntry; our batch splitting is compared by summing per Ntry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCamt } from '#core/bank/camt/index.ts';
import type { ParsedEntry } from '#core/bank/types.ts';
import { makeTestDb } from '../../helpers/db.ts';
import { listFiles, rel, SHARED_BANK_FIXTURES } from '../../helpers/bank-fixtures.ts';

const camtFiles = ['camt052', 'camt053', 'camt054']
  .flatMap((d) => listFiles(`${SHARED_BANK_FIXTURES}${d}`))
  .filter((f) => f.endsWith('.xml'));

const EXPECTED_ERRORS: Record<string, string> = {
  'camt053/genkgo__camt/camt053.v2.wrong.xml': 'CAMT_NO_STATEMENT',
};
/** Deliberately broken balances (SOURCES.md: "one amount changed so balances do not add up"): imported, reported. */
const EXPECTED_MISMATCH = new Set(['camt053/newinnovations__camt053/error-camt053.xml']);

type Expected = {
  amountMinor: number;
  currency: string;
  bookingDate: string | null;
  valueDate?: string | null;
};

function expectedFromJson(file: string): { entries: Expected[]; exactCount: boolean } | undefined {
  const jsonFile = file.replace(/\.xml$/, '.json');
  if (!existsSync(jsonFile)) return undefined;
  const j = JSON.parse(readFileSync(jsonFile, 'utf8')) as Record<string, unknown>;
  if (Array.isArray(j['getEntries'])) {
    type G = {
      getAmount: { getAmount: string; getCurrency: { getCode: string } };
      getBookingDate: { 0: string } | null;
      getValueDate: { 0: string } | null;
    };
    const entries = (j['getEntries'] as G[]).map((e) => ({
      amountMinor: Number(e.getAmount.getAmount),
      currency: e.getAmount.getCurrency.getCode,
      bookingDate: e.getBookingDate?.[0].slice(0, 10) ?? null,
      valueDate: e.getValueDate?.[0].slice(0, 10) ?? null,
    }));
    // genkgo serialises the entries of the last record only; with one record the count must match exactly.
    return { entries, exactCount: (j['getRecords'] as unknown[]).length === 1 };
  }
  type N = {
    Amt: { '#text': string | number; '@_Ccy': string };
    CdtDbtInd: string;
    BookgDt?: { Dt?: string; DtTm?: string };
    ValDt?: { Dt?: string; DtTm?: string };
  };
  const doc = j['Document'] as { BkToCstmrStmt: { Stmt: { Ntry: N[] }[] } };
  const entries = doc.BkToCstmrStmt.Stmt.flatMap((s) => s.Ntry).map((n) => {
    const [int = '0', frac = ''] = String(n.Amt['#text']).split('.');
    const minor = Number(int) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
    return {
      amountMinor: n.CdtDbtInd === 'DBIT' ? -minor : minor,
      currency: n.Amt['@_Ccy'],
      bookingDate: (n.BookgDt?.Dt ?? n.BookgDt?.DtTm)?.slice(0, 10) ?? null,
      // iso20022.js's expected document omits ValDt, so value dates are not compared for it.
    };
  });
  return { entries, exactCount: true };
}

/** Our postings grouped back into their Ntry (batch entries are split into one posting per TxDtls). */
function perNtry(entries: ParsedEntry[]): Expected[] {
  const groups = new Map<string, Expected>();
  for (const e of entries) {
    const key = (e.location ?? '').replace(/\/NtryDtls\/TxDtls\[\d+\]$/, '');
    const g = groups.get(key);
    if (g) g.amountMinor += e.amountMinor;
    else
      groups.set(key, {
        amountMinor: e.amountMinor,
        currency: e.currency,
        bookingDate: e.bookingDate ?? null,
        valueDate: e.valueDate ?? null,
      });
  }
  return [...groups.values()];
}

describe('shared CAMT fixtures', () => {
  it('finds the fixtures', () => {
    expect(camtFiles.length).toBeGreaterThan(30);
  });

  for (const file of camtFiles) {
    const name = rel(file);
    it(`imports ${name}`, async () => {
      const { core, db } = makeTestDb();
      const [result, ...more] = await core.bank.importFiles([file]);
      expect(more).toHaveLength(0);
      const wantError = EXPECTED_ERRORS[name];
      if (wantError) {
        expect(result).toMatchObject({ ok: false, error: { code: wantError } });
        expect(db.$client.prepare('SELECT count(*) AS n FROM postings').get()).toEqual({ n: 0 });
        return;
      }
      if (!result?.ok) throw new Error(`import failed: ${JSON.stringify(result)}`);
      const parsed = [...parseCamt(readFileSync(file, 'utf8'), name)].flatMap((e) =>
        e.kind === 'entry' ? [e.entry] : [],
      );
      expect(result.entries).toBe(parsed.length);
      expect(result.new + result.duplicate).toBe(parsed.length);
      // Several synthetic samples really do not balance (e.g. genkgo five.decimals: 18.15 + 8.85 ≠ 27.05):
      // a mismatch must always come with its warning; the deliberately broken file must be one.
      expect(result.balanceCheck === 'mismatch').toBe(
        result.warnings.some((w) => w.code === 'BALANCE_MISMATCH'),
      );
      if (EXPECTED_MISMATCH.has(name)) expect(result.balanceCheck).toBe('mismatch');
      if (name === 'camt053/newinnovations__camt053/test-camt053.xml') expect(result.balanceCheck).toBe('ok');
      const [again] = await core.bank.importFiles([file]);
      expect(again).toMatchObject({ ok: true, new: 0, replaced: 0, duplicate: parsed.length });
      const expected = expectedFromJson(file);
      if (!expected) return;
      const ours = perNtry(parsed);
      if (expected.exactCount) expect(ours).toHaveLength(expected.entries.length);
      for (const want of expected.entries) {
        const projected = ours.map((o) =>
          'valueDate' in want
            ? o
            : { amountMinor: o.amountMinor, currency: o.currency, bookingDate: o.bookingDate },
        );
        expect(projected).toContainEqual(want);
      }
    });
  }
});
