/**
 * Every CSV of the shared fixture set parses without error; for the Sparkasse CSV-CAMT files the source
 * (omarkohl/ofxstatement-sparkasse-freiburg) ships the expected OFX: count, amounts and dates agree.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '#core/bank/csv/index.ts';
import { parseDecimalToMinor } from '#core/money.ts';
import { SHARED_BANK_FIXTURES, collect, errorsOf, readText, walk } from '../bank-mt940/fixture-helpers.ts';

const files = walk(join(SHARED_BANK_FIXTURES, 'csv')).filter((f) => /\.csv$/i.test(f));

/** Which built-in layout each shared file is (SOURCES.md), and how many rows it has. */
const EXPECTED: Record<string, { profile: string; entries: number }> = {
  'csv/bank2ynab__bank2ynab/20171001-20171106.csv': { profile: 'n26-legacy', entries: 1 },
  'csv/bank2ynab__bank2ynab/20180226-1000594757-umsatz.CSV': { profile: 'sparkasse-csv-mt940', entries: 1 },
  'csv/bank2ynab__bank2ynab/Umsaetze_KtoNr538917600_EUR_02-03-2018_1503.CSV': {
    profile: 'commerzbank',
    entries: 1,
  },
  'csv/bank2ynab__bank2ynab/umsatz-1234________1234-20180227.CSV': {
    profile: 'sparkasse-kreditkarte',
    entries: 1,
  },
  'csv/omarkohl__ofxstatement-sparkasse-freiburg/simple1.csv': { profile: 'sparkasse-csv-camt', entries: 2 },
  'csv/omarkohl__ofxstatement-sparkasse-freiburg/simple2.csv': { profile: 'sparkasse-csv-camt', entries: 18 },
};

/** <STMTTRN> blocks of an OFX file: amount and DTPOSTED (the Sparkasse plugin posts on the value date). */
function ofxTransactions(path: string): { amount: string; date: string }[] {
  const text = readFileSync(path, 'utf8').replace(/\s+/g, '');
  return [...text.matchAll(/<STMTTRN>(.*?)<\/STMTTRN>/g)].map((m) => {
    const body = m[1] ?? '';
    const date = /<DTPOSTED>(\d{8})/.exec(body)?.[1] ?? '';
    return {
      amount: /<TRNAMT>([-\d.]+)/.exec(body)?.[1] ?? '',
      date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
    };
  });
}

describe('shared CSV fixtures', () => {
  it('finds the fixture set', () => {
    expect(files.length).toBe(Object.keys(EXPECTED).length);
  });

  for (const file of files) {
    const name = relative(SHARED_BANK_FIXTURES, file);
    it(`parses ${name}`, () => {
      const result = collect(parseCsv(readText(file), name));
      expect(errorsOf(result)).toEqual([]);
      const expected = EXPECTED[name];
      expect(result.statements[0]?.version).toBe(expected?.profile);
      expect(result.entries).toHaveLength(expected?.entries ?? -1);
      for (const e of result.entries) {
        expect(Number.isSafeInteger(e.amountMinor)).toBe(true);
        expect(e.bookingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      const ofx = file.replace(/\.csv$/i, '.ofx');
      if (ofx === file || !existsSync(ofx)) return;
      const txs = ofxTransactions(ofx);
      expect(result.entries).toHaveLength(txs.length);
      txs.forEach((tx, i) => {
        expect(result.entries[i]?.amountMinor, `amount ${i}`).toBe(parseDecimalToMinor(tx.amount, 'EUR'));
        expect(result.entries[i]?.valueDate, `date ${i}`).toBe(tx.date);
      });
    });
  }

  it('reads SEPA keywords glued together in the Sparkasse CSV-MT940 remittance', () => {
    const name = 'csv/bank2ynab__bank2ynab/20180226-1000594757-umsatz.CSV';
    const [entry] = collect(parseCsv(readText(join(SHARED_BANK_FIXTURES, name)), name)).entries;
    expect(entry).toMatchObject({
      amountMinor: -3699,
      endToEndId: 'RECHNR. 100532580591',
      mandateId: 'KD020007057822',
      creditorId: 'DE20KD000000058294',
      remittance: '02/2018 K-NR. 132587495 Ihre Rechnung online bei www.vodafone.de/meinkabel',
      counterpartyIban: 'DE13380700590045335700',
      counterpartyBic: 'DEUTDEDK380',
    });
  });

  it('marks Sparkasse "Umsatz vorgemerkt" rows pending', () => {
    const name = 'csv/omarkohl__ofxstatement-sparkasse-freiburg/simple1.csv';
    const r = collect(parseCsv(readText(join(SHARED_BANK_FIXTURES, name)), name));
    expect(r.entries.map((e) => e.bookingStatus)).toEqual(['pending', 'booked']);
  });
});
