import { describe, expect, it } from 'vitest';
import { parseTypedAmount } from '#core/typed-amount.ts';
import { ValidationError } from '#core/errors.ts';

function codeOf(text: string, currency = 'EUR'): string {
  try {
    parseTypedAmount(text, currency);
  } catch (error) {
    return error instanceof ValidationError ? error.code : `not a ValidationError: ${String(error)}`;
  }
  return 'no error';
}

describe('parseTypedAmount: amounts as a user types them, German or English', () => {
  it.each([
    ['1000', 100000],
    ['1000,00', 100000],
    ['1000.00', 100000],
    ['1.000,00', 100000], // German
    ['1,000.00', 100000], // English
    ['1.000.000', 100000000], // a separator used twice can only group thousands
    ['1,000,000', 100000000],
    ['1.234.567,89', 123456789],
    ['1,234,567.89', 123456789],
    ['10.5', 1050],
    ['10,50', 1050],
    ['10,5', 1050],
    ['49.90', 4990],
    ['0,01', 1],
    ['0.500', 50], // "0.500" is no thousands grouping (a group never starts with 0)
    ['1000.000', 100000], // four digits before the dot: no thousands grouping either
    ['1.0000', 100],
    ['12.', 1200],
    [',5', 50],
    ['  7 ', 700],
    ['-5', -500],
    ['-1.000,00', -100000],
    ['+12,50', 1250],
  ] as const)('%s -> %d minor units', (text, expected) => {
    expect(parseTypedAmount(text, 'EUR')).toBe(expected);
  });

  it.each(['1.000', '150.000', '1.234', '1,000', '999,999', '-1.000', '1.500'])(
    '%s is ambiguous (thousands in one writing, decimals in the other): refused',
    (text) => {
      expect(codeOf(text)).toBe('MONEY_AMBIGUOUS');
    },
  );

  it('the refusal says how to write it clearly, for either meaning', () => {
    expect(() => parseTypedAmount('1.000', 'EUR')).toThrow(
      /"1\.000" is ambiguous: .*German \(1000\).*English \(1,00\)\. Write 1000 or 1000,00 for the first, 1,00 for the second/,
    );
    expect(() => parseTypedAmount('150.000', 'EUR')).toThrow(
      /Write 150000 or 150000,00 for the first, 150,00/,
    );
    // 1,234 cannot be a euro amount: only the thousands reading is offered.
    expect(() => parseTypedAmount('1,234', 'EUR')).toThrow(
      /more decimals than EUR has\)\. Write 1234 or 1234,00\.$/,
    );
    expect(() => parseTypedAmount('1.000', 'JPY')).toThrow(/for the first, 1 for the second/);
  });

  it.each([
    ['1.00,00', 'MONEY_BAD_AMOUNT'], // thousands separator before a group of two
    ['1,00.00', 'MONEY_BAD_AMOUNT'],
    ['1.0000,00', 'MONEY_BAD_AMOUNT'],
    ['1.000.00', 'MONEY_BAD_AMOUNT'], // a dot used twice groups thousands: "00" is no group
    ['1.000,00.5', 'MONEY_BAD_AMOUNT'],
    ['12,50 €', 'MONEY_BAD_AMOUNT'],
    ['1 000', 'MONEY_BAD_AMOUNT'],
    ['abc', 'MONEY_BAD_AMOUNT'],
    ['', 'MONEY_BAD_AMOUNT'],
    ['.', 'MONEY_BAD_AMOUNT'],
    ['1.0a0', 'MONEY_BAD_AMOUNT'],
    ['10,505', 'MONEY_AMBIGUOUS'],
    ['10.5050', 'MONEY_TOO_PRECISE'],
    ['1.000,505', 'MONEY_TOO_PRECISE'],
  ])('%s is refused with %s', (text, code) => {
    expect(codeOf(text)).toBe(code);
  });
});
