/** Amount and date cells of bank CSV exports. */
import { describe, expect, it } from 'vitest';
import { CsvProfileDefinition } from '#core/bank/csv/profile.ts';
import { CellError, parseCsvAmount, parseCsvDate } from '#core/bank/csv/values.ts';

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
