/**
 * Money is an integer number of minor units plus an ISO 4217 currency code (design §3.1).
 * Conversions from and to decimal strings happen only at the edges and never go through a float.
 */
import {
  formatMoney as formatSharedMoney,
  minorToDecimalString,
  minorUnitExponentOf,
} from '#shared/format.ts';
import { ValidationError } from './errors.ts';

export type Money = { readonly amountMinor: number; readonly currency: string };

/** ISO 4217 minor unit exponent (2 for most currencies); one table, shared with the display formatting. */
export function minorUnitExponent(currency: string): number {
  return minorUnitExponentOf(currency);
}

export function money(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new ValidationError(
      'MONEY_NOT_INTEGER',
      `Amount ${amountMinor} is not a whole number of minor units.`,
    );
  }
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new ValidationError('MONEY_BAD_CURRENCY', `"${currency}" is not an ISO 4217 currency code.`);
  }
  return { amountMinor, currency };
}

export type ParseDecimalOptions = {
  /** Decimal separator used in the text; ',' for German bank CSVs and MT940. */
  decimalSeparator?: '.' | ',';
  /** Thousands separator to drop, if the source uses one. */
  groupSeparator?: '.' | ',' | ' ' | "'" | '';
  /**
   * What to do with digits beyond the currency's minor unit (CAMT allows 5 decimals).
   * 'reject' throws; 'round-half-even' rounds on the decimal string, never on a float.
   */
  excess?: 'reject' | 'round-half-even';
};

/**
 * Parses a decimal amount string such as "1.234,56", "-12.5" or "100.00001" into minor units using only
 * string and BigInt arithmetic. Throws `ValidationError('MONEY_BAD_AMOUNT')` on anything that is not a number.
 */
export function parseDecimalToMinor(
  text: string,
  currency: string,
  options: ParseDecimalOptions = {},
): number {
  const { decimalSeparator = '.', groupSeparator = '', excess = 'reject' } = options;
  let s = text.trim().replace(/\u00a0/g, ' ');
  if (groupSeparator) s = s.split(groupSeparator).join('');
  let sign = 1n;
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    sign = -1n;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    sign = -1n;
    s = s.slice(0, -1);
  }
  s = s.trim();
  const pattern = decimalSeparator === ',' ? /^(\d*)(?:,(\d*))?$/ : /^(\d*)(?:\.(\d*))?$/;
  const m = pattern.exec(s);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) {
    throw new ValidationError('MONEY_BAD_AMOUNT', `"${text}" is not a decimal amount.`);
  }
  const intPart = m[1] || '0';
  const fracPart = m[2] ?? '';
  const exp = minorUnitExponent(currency);
  const kept = fracPart.slice(0, exp).padEnd(exp, '0');
  const dropped = fracPart.slice(exp);
  let minor = BigInt(intPart + kept);
  if (/[1-9]/.test(dropped)) {
    if (excess === 'reject') {
      throw new ValidationError(
        'MONEY_TOO_PRECISE',
        `"${text}" has more decimals than ${currency} allows (${exp}); refusing to round silently.`,
      );
    }
    const first = Number(dropped[0]);
    const rest = /[1-9]/.test(dropped.slice(1));
    const lastKeptOdd = minor % 2n === 1n;
    if (first > 5 || (first === 5 && (rest || lastKeptOdd))) minor += 1n;
  }
  const result = sign * minor;
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new ValidationError('MONEY_OUT_OF_RANGE', `"${text}" is too large an amount.`);
  }
  return Number(result);
}

/** Minor units to a plain decimal string with a dot ("-12.50"), for APIs and files. */
export function formatMinorAsDecimal(amountMinor: number, currency: string): string {
  return minorToDecimalString(amountMinor, currency);
}

/** Locale display, e.g. "1.234,56 €" for de-DE (exact: Intl gets a decimal string, never a float). */
export function formatMoney(amountMinor: number, currency: string, locale = 'de-DE'): string {
  return formatSharedMoney(amountMinor, currency, locale);
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new ValidationError('MONEY_CURRENCY_MISMATCH', `Cannot add ${a.currency} and ${b.currency}.`);
  }
  return money(a.amountMinor + b.amountMinor, a.currency);
}
