import { describe, expect, it } from 'vitest';
import {
  formatMinorAsDecimal,
  formatMoney,
  minorUnitExponent,
  money,
  parseDecimalToMinor,
} from '#core/money.ts';

describe('parseDecimalToMinor', () => {
  it.each([
    ['12.34', 'EUR', {}, 1234],
    ['-12.5', 'EUR', {}, -1250],
    ['0.01', 'EUR', {}, 1],
    ['1.234,56', 'EUR', { decimalSeparator: ',', groupSeparator: '.' }, 123456],
    ['1234,5', 'EUR', { decimalSeparator: ',' }, 123450],
    ['100', 'JPY', {}, 100],
    ['1.234', 'KWD', {}, 1234],
    ['12,34-', 'EUR', { decimalSeparator: ',' }, -1234],
    ['+7', 'EUR', {}, 700],
    ['0.29', 'EUR', {}, 29],
    ['1.005', 'EUR', { excess: 'round-half-even' }, 100],
    ['1.015', 'EUR', { excess: 'round-half-even' }, 102],
    ['1.00501', 'EUR', { excess: 'round-half-even' }, 101],
    ['100.00000', 'EUR', {}, 10000],
  ] as const)('%s %s -> %d', (text, currency, options, expected) => {
    expect(parseDecimalToMinor(text, currency, options)).toBe(expected);
  });

  it('never goes through a float: 0.1 + 0.2 style values stay exact', () => {
    expect(parseDecimalToMinor('0.10', 'EUR') + parseDecimalToMinor('0.20', 'EUR')).toBe(30);
    expect(parseDecimalToMinor('90071992547409.91', 'EUR')).toBe(9007199254740991);
  });

  it('refuses to round silently by default', () => {
    expect(() => parseDecimalToMinor('1.005', 'EUR')).toThrow(/more decimals/);
  });

  it.each(['', 'abc', '1,2', '1.2.3', '--1', '.'])('rejects "%s"', (text) => {
    expect(() => parseDecimalToMinor(text, 'EUR')).toThrow(
      expect.objectContaining({ code: 'MONEY_BAD_AMOUNT' }),
    );
  });

  it('rejects amounts beyond the safe integer range', () => {
    expect(() => parseDecimalToMinor('99999999999999999', 'EUR')).toThrow(
      expect.objectContaining({ code: 'MONEY_OUT_OF_RANGE' }),
    );
  });
});

describe('formatting', () => {
  it('formats minor units as a dot decimal', () => {
    expect(formatMinorAsDecimal(-1250, 'EUR')).toBe('-12.50');
    expect(formatMinorAsDecimal(5, 'EUR')).toBe('0.05');
    expect(formatMinorAsDecimal(100, 'JPY')).toBe('100');
    expect(formatMinorAsDecimal(1234, 'KWD')).toBe('1.234');
  });

  it('formats for the locale', () => {
    expect(formatMoney(123456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
    expect(formatMoney(123456, 'EUR', 'en-US')).toBe('€1,234.56');
  });

  it('knows minor unit exponents', () => {
    expect(minorUnitExponent('EUR')).toBe(2);
    expect(minorUnitExponent('jpy')).toBe(0);
  });

  it('money() validates', () => {
    expect(() => money(1.5, 'EUR')).toThrow(/whole number/);
    expect(() => money(1, 'eur')).toThrow(/ISO 4217/);
    expect(money(150, 'EUR')).toEqual({ amountMinor: 150, currency: 'EUR' });
  });
});
