/** Property tests: mutated CSV exports never crash the parser with anything but a typed KassenwartError. */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvProfileInput } from '#core/bank/csv/index.ts';
import { isIsoDate } from '#core/dates.ts';
import { isKassenwartError } from '#core/errors.ts';
import { OWN_BANK_FIXTURES, SHARED_BANK_FIXTURES, readText } from '../bank-mt940/fixture-helpers.ts';

const seeds = [
  join(OWN_BANK_FIXTURES, 'csv/deutsche-bank-postbank.csv'),
  join(OWN_BANK_FIXTURES, 'csv/dkb.csv'),
  join(OWN_BANK_FIXTURES, 'csv/paypal-de.csv'),
  join(OWN_BANK_FIXTURES, 'csv/ing.csv'),
  join(OWN_BANK_FIXTURES, 'csv/commerzbank.csv'),
  join(SHARED_BANK_FIXTURES, 'csv/omarkohl__ofxstatement-sparkasse-freiburg/simple2.csv'),
].map(readText);

const userProfile: CsvProfileInput = {
  name: 'fuzz',
  headerLines: 0,
  columns: { bookingDate: 0, amount: 1, debit: 2, credit: 3, name: 4, remittance: [5, 6] },
};

const grammarChar = fc.constantFrom(';', ',', '"', '\n', '\r', '\t', '.', '-', '0', '9', ' ', '€', 'E');
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ unit: grammarChar, maxLength: 5 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 5 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  return m.kind === 'insert'
    ? text.slice(0, at) + m.text + text.slice(at)
    : text.slice(0, at) + text.slice(at + m.length);
}

function parseAll(text: string, profile?: CsvProfileInput): void {
  try {
    for (const ev of parseCsv(text, 'fuzz.csv', profile ? { profile } : {})) {
      if (ev.kind !== 'entry') continue;
      expect(Number.isSafeInteger(ev.entry.amountMinor)).toBe(true);
      // Pending rows may have no booking date yet (comdirect "offen", Sparkasse "Umsatz vorgemerkt").
      if (ev.entry.bookingStatus === 'booked' || ev.entry.bookingDate !== undefined)
        expect(isIsoDate(ev.entry.bookingDate ?? '')).toBe(true);
    }
  } catch (e) {
    if (!isKassenwartError(e)) throw e;
  }
}

describe('CSV parser under mutation', () => {
  it('mutated bank exports never crash it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 5 }),
        (seed, ms) => {
          parseAll(ms.reduce(apply, seeds[seed] ?? ''));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('arbitrary text with a user profile never crashes it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 8 }), { maxLength: 12 }),
        fc.constantFrom(';', ',', '\t'),
        (rows, d) => {
          parseAll(rows.map((r) => r.join(d)).join('\n'), { ...userProfile, delimiter: d });
        },
      ),
      { numRuns: 300 },
    );
  });
});
