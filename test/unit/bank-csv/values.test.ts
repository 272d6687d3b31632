/** Amount and date cells of bank CSV exports. */
import { describe, expect, it } from 'vitest';
import { CsvProfileDefinition } from '#core/bank/csv/profile.ts';
import { CellError, dayMonthOrder, parseCsvAmount, parseCsvDate } from '#core/bank/csv/values.ts';

const comma = CsvProfileDefinition.parse({ name: 'c', columns: { bookingDate: 0 } });
const point = CsvProfileDefinition.parse({ name: 'p', decimalSeparator: '.', columns: { bookingDate: 0 } });

describe('CSV amounts', () => {
  it.each([
    ['-1.234,56', -123456],
    ['1.000', 100000], // DKB drops trailing zeros: one thousand, not one
    ['-100,8', -10080],
    ['750', 75000],
    ['100.000,00 €', 10000000],
    ['-10,22 €', -1022],
    ['2.647,74 EUR', 264774],
    ['+12,00', 1200],
    ['12,50-', -1250],
    [',99', 99],
  ])('decimal comma %s', (text, minor) => {
    expect(parseCsvAmount(text, 'EUR', comma)).toBe(minor);
  });

  it.each([
    ['1,234.50', 123450],
    ['-59.99', -5999],
    ['0.8', 80],
  ])('decimal point %s', (text, minor) => {
    expect(parseCsvAmount(text, 'USD', point)).toBe(minor);
  });

  it.each(['-5.00', '1.23,4', 'abc', '', '1,2,3', '12,345'])('rejects %s in a decimal-comma file', (text) => {
    expect(() => parseCsvAmount(text, 'EUR', comma)).toThrow(CellError);
  });

  it('never rounds: more decimals than the currency has is an error', () => {
    expect(() => parseCsvAmount('1,005', 'EUR', comma)).toThrow(/more decimals/);
    expect(parseCsvAmount('1.005', 'KWD', point)).toBe(1005);
  });
});

describe('CSV dates', () => {
  it.each([
    ['05.12.25', 'DD.MM.YY', '2025-12-05'],
    ['1.6.2026', 'DD.MM.YYYY', '2026-06-01'],
    ['30.06.2026', 'DD.MM.YY', '2026-06-30'],
    ['2024-10-01', 'YYYY-MM-DD', '2024-10-01'],
    ['2024-10-01T10:15:00', 'YYYY-MM-DD', '2024-10-01'],
    ['11/03/2025', 'MM/DD/YYYY', '2025-11-03'],
    ['11/03/2025', 'DD/MM/YYYY', '2025-03-11'],
    ['31.12.99', 'DD.MM.YY', '1999-12-31'],
  ] as const)('%s as %s', (text, format, iso) => {
    expect(parseCsvDate(text, format)).toBe(iso);
  });

  it.each(['30.02.2025', 'offen', '--', '', '2025-13-01'])('%s is no date', (text) => {
    expect(parseCsvDate(text, text.includes('-') ? 'YYYY-MM-DD' : 'DD.MM.YYYY')).toBeUndefined();
  });
});

describe('dayMonthOrder: the order of slash dates from the file', () => {
  it('a number over 12 tells the day', () => {
    expect(dayMonthOrder(['29/12/2015', '01/12/2015'], 'MM/DD/YYYY')).toEqual({
      format: 'DD/MM/YYYY',
      ambiguous: false,
    });
    expect(dayMonthOrder(['12/29/2015', '12/01/2015'], 'DD/MM/YYYY')).toEqual({
      format: 'MM/DD/YYYY',
      ambiguous: false,
    });
  });

  it('otherwise the reading whose dates lie clearly closer together', () => {
    expect(dayMonthOrder(['09/11/2026', '03/11/2026', '01/11/2026'], 'MM/DD/YYYY').format).toBe('DD/MM/YYYY');
    expect(dayMonthOrder(['11/09/2026', '11/03/2026', '11/01/2026'], 'DD/MM/YYYY').format).toBe('MM/DD/YYYY');
  });

  it('ambiguous when that does not tell either: the preferred order, flagged', () => {
    expect(dayMonthOrder(['03/04/2026'], 'MM/DD/YYYY')).toEqual({ format: 'MM/DD/YYYY', ambiguous: true });
    expect(dayMonthOrder(['01/02/2026', '02/03/2026'], 'MM/DD/YYYY')).toEqual({
      format: 'MM/DD/YYYY',
      ambiguous: true,
    });
    // The same day and month: no reading differs.
    expect(dayMonthOrder(['05/05/2026', ''], 'MM/DD/YYYY')).toEqual({
      format: 'MM/DD/YYYY',
      ambiguous: false,
    });
  });
});
