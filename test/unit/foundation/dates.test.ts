import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, assertIsoDate, daysBetween, epochDay, isIsoDate } from '#core/dates.ts';

describe('dates', () => {
  it('validates calendar days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('25-01-01')).toBe(false);
    expect(() => assertIsoDate('31.12.2025', 'booking date')).toThrow(/booking date/);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-30', 3)).toBe('2026-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2025-12-30', '2026-01-02')).toBe(3);
  });

  it('counts days since 1970 of a date or the day of an instant (epochDay)', () => {
    expect(epochDay('1970-01-01')).toBe(0);
    expect(epochDay('2026-10-09T09:00:00.000Z')).toBe(epochDay('2026-10-09'));
    expect(epochDay('1969-12-31')).toBe(-1);
    for (const missing of [null, undefined, '', '2026-10']) expect(epochDay(missing)).toBeUndefined();
    expect(epochDay('20xx-10-09')).toBeUndefined();
    // The digit-by-digit reading agrees with the calendar for every day of four centuries.
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2299-12-31'), noInvalidDate: true }),
        (d) => {
          const day = d.toISOString().slice(0, 10);
          expect(epochDay(day)).toBe(daysBetween('1970-01-01', day));
        },
      ),
    );
  });

  it('epochDay reads any YYYY-MM-DD of digits as Date.UTC does (years 0-99 as 19xx, months and days carrying over)', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, m, d) =>
          epochDay(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`) ===
          Math.round(Date.UTC(y, m - 1, d) / 86_400_000),
      ),
      { numRuns: 5000 },
    );
  });
});
