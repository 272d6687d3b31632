import { describe, expect, it } from 'vitest';
import { CsvProfileDefinition } from '#core/bank/csv/profile.ts';
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
});
