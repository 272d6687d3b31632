import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatMoney, minorToDecimalString } from '#shared/format.ts';

const NBSP = '\u00a0';

describe('minorToDecimalString', () => {
  it('places the decimal point by the currency exponent, exactly', () => {
    expect(minorToDecimalString(123456, 'EUR')).toBe('1234.56');
    expect(minorToDecimalString(5, 'EUR')).toBe('0.05');
    expect(minorToDecimalString(-5, 'EUR')).toBe('-0.05');
    expect(minorToDecimalString(0, 'EUR')).toBe('0.00');
    expect(minorToDecimalString(1500, 'JPY')).toBe('1500');
    expect(minorToDecimalString(1234, 'KWD')).toBe('1.234');
    expect(minorToDecimalString(12345678901234567890n, 'EUR')).toBe('123456789012345678.90');
  });

  it('round-trips through BigInt for any integer', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (minor) => {
        const text = minorToDecimalString(minor, 'EUR');
        expect(BigInt(text.replace('.', ''))).toBe(minor);
      }),
    );
  });
});

describe('formatMoney', () => {
  it('formats in the locale without float rounding', () => {
    expect(formatMoney(123456, 'EUR', 'de-DE')).toBe(`1.234,56${NBSP}€`);
    expect(formatMoney(123456, 'EUR', 'en-GB')).toBe('€1,234.56');
    expect(formatMoney(-199, 'EUR', 'de-DE')).toBe(`-1,99${NBSP}€`);
    expect(formatMoney(1500, 'JPY', 'de-DE')).toBe(`1.500${NBSP}¥`);
    // 2^53 + 1 cents: a float would lose the last cent.
    expect(formatMoney(9007199254740993n, 'EUR', 'en-GB')).toBe('€90,071,992,547,409.93');
  });
});

describe('formatCount and formatDate', () => {
  it('groups digits per locale', () => {
    expect(formatCount(12345, 'de-DE')).toBe('12.345');
    expect(formatCount(12345, 'en-GB')).toBe('12,345');
  });

  it('formats a posting date as a calendar day, whatever the time zone', () => {
    expect(formatDate('2026-01-01', 'de-DE')).toBe('01.01.2026');
    expect(formatDate('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
    expect(formatDate('not-a-date', 'de-DE')).toBe('not-a-date');
  });
});
