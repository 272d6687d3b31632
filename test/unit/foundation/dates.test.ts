import { describe, expect, it } from 'vitest';
import { addDays, assertIsoDate, daysBetween, isIsoDate } from '#core/dates.ts';

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
});
