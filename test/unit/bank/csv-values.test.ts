import { describe, expect, it } from 'vitest';
import { CsvProfileDefinition } from '#core/bank/csv/profile.ts';
import { currencyInHeader, currencyInPreamble } from '#core/bank/csv/layout.ts';
import { CellError, parseCsvAmount, parseCsvDate } from '#core/bank/csv/values.ts';

const profile = (input: Partial<Parameters<typeof CsvProfileDefinition.parse>[0]> = {}) =>
  CsvProfileDefinition.parse({ name: 't', columns: { bookingDate: 0, amount: 1 }, ...input });

describe('CSV cell values', () => {
  it('reads DD-MM-YYYY dates (Wise) and rejects impossible ones', () => {
    expect(parseCsvDate('03-11-2026', 'DD-MM-YYYY')).toBe('2026-11-03');
    expect(parseCsvDate('3-1-2026 10:15', 'DD-MM-YYYY')).toBe('2026-01-03');
    expect(parseCsvDate('31-02-2026', 'DD-MM-YYYY')).toBeUndefined();
    expect(parseCsvDate('2026-11-03', 'DD-MM-YYYY')).toBeUndefined();
  });

  it('reads a Unicode minus sign (U+2212) and narrow no-break spaces as spreadsheets write them', () => {
    const p = profile();
    expect(parseCsvAmount('\u22121.234,56', 'EUR', p)).toBe(-123456);
    expect(parseCsvAmount('12,50\u2212', 'EUR', p)).toBe(-1250);
    expect(parseCsvAmount('1\u202f234,00 €', 'EUR', p)).toBe(123400);
    expect(() => parseCsvAmount('12\u221250', 'EUR', p)).toThrow(CellError);
  });

  it('reads a Soll/Haben (S/H) or DR/CR mark written in the amount cell itself', () => {
    const p = profile();
    expect(parseCsvAmount('1.234,56 S', 'EUR', p)).toBe(-123456);
    expect(parseCsvAmount('12,50 H', 'EUR', p)).toBe(1250);
    expect(parseCsvAmount('12,50S', 'EUR', p)).toBe(-1250);
    expect(parseCsvAmount('99.00 DR', 'EUR', profile({ decimalSeparator: '.' }))).toBe(-9900);
    expect(parseCsvAmount('99.00 CR', 'EUR', profile({ decimalSeparator: '.' }))).toBe(9900);
    expect(() => parseCsvAmount('12,50 X', 'EUR', p)).toThrow(CellError);
    expect(() => parseCsvAmount('S', 'EUR', p)).toThrow(CellError);
    // After a currency, and with a minus sign that agrees; a minus sign with a credit mark is a contradiction.
    expect(parseCsvAmount('12,50 EUR H', 'EUR', p)).toBe(1250);
    expect(parseCsvAmount('12,50 € S', 'EUR', p)).toBe(-1250);
    expect(parseCsvAmount('-12,50 S', 'EUR', p)).toBe(-1250);
    expect(() => parseCsvAmount('-12,50 H', 'EUR', p)).toThrow(CellError);
    expect(() => parseCsvAmount('12,50- CR', 'EUR', profile({ decimalSeparator: ',' }))).toThrow(CellError);
    // Currency codes that end in a mark letter are currencies, not marks.
    expect(parseCsvAmount('12,50 ILS', 'ILS', p)).toBe(1250);
    expect(parseCsvAmount('12,50 CZK', 'CZK', p)).toBe(1250);
  });
});

describe('CSV dates and currencies named outside the columns', () => {
  it('reads ISO dates besides the profile format only where the profile allows it', () => {
    expect(parseCsvDate('2026-11-03', 'DD.MM.YYYY', true)).toBe('2026-11-03');
    expect(parseCsvDate('03.11.2026', 'DD.MM.YYYY', true)).toBe('2026-11-03');
    expect(parseCsvDate('2026-02-30', 'DD.MM.YYYY', true)).toBeUndefined();
    expect(parseCsvDate('2026-11-03', 'DD.MM.YYYY')).toBeUndefined();
  });

  it('finds the account currency in a preamble line or an amount header', () => {
    expect(
      currencyInPreamble([
        ['Datum von:', '2026-11-01'],
        ['Währung:', 'CHF'],
      ]),
    ).toBe('CHF');
    expect(currencyInPreamble([['Valuta:', '03.11.2026']])).toBeUndefined();
    expect(currencyInHeader(['Datum', 'Gutschrift in EUR'], [undefined, 1])).toBe('EUR');
    expect(currencyInHeader(['Date', 'Amount (USD)'], [1])).toBe('USD');
    expect(currencyInHeader(['Buchung', 'Betrag (€)'], [1])).toBeUndefined();
  });
});
