/**
 * Money is an integer number of minor units plus an ISO 4217 currency code (design §3.1).
 * Conversions from and to decimal strings happen only at the edges and never go through a float.
 */
import { ValidationError } from './errors.ts';

export type Money = { readonly amountMinor: number; readonly currency: string };

/** ISO 4217 minor unit exponents that differ from 2. Everything else uses 2. */
const MINOR_UNIT_EXPONENT: Readonly<Record<string, number>> = {
  BHD: 3, BIF: 0, CLF: 4, CLP: 0, DJF: 0, GNF: 0, IQD: 3, ISK: 0, JOD: 3, JPY: 0, KMF: 0, KRW: 0,
  KWD: 3, LYD: 3, OMR: 3, PYG: 0, RWF: 0, TND: 3, UGX: 0, UYI: 0, UYW: 4, VND: 0, VUV: 0, XAF: 0,
  XOF: 0, XPF: 0,
};

export function minorUnitExponent(currency: string): number {
  return MINOR_UNIT_EXPONENT[currency.toUpperCase()] ?? 2;
}

export function money(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new ValidationError('MONEY_NOT_INTEGER', `Amount ${amountMinor} is not a whole number of minor units.`);
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
export function parseDecimalToMinor(text: string, currency: string, options: ParseDecimalOptions = {}): number {
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
  const exp = minorUnitExponent(currency);
  const negative = amountMinor < 0;
  const digits = Math.abs(amountMinor).toString().padStart(exp + 1, '0');
  const intPart = exp === 0 ? digits : digits.slice(0, -exp);
  const frac = exp === 0 ? '' : `.${digits.slice(-exp)}`;
  return `${negative ? '-' : ''}${intPart}${frac}`;
}

/** Locale display, e.g. "1.234,56 €" for de-DE. Uses Intl with a decimal string, not a float division. */
export function formatMoney(amountMinor: number, currency: string, locale = 'de-DE'): string {
  const decimal = formatMinorAsDecimal(amountMinor, currency);
  const exp = minorUnitExponent(currency);
  // Intl.NumberFormat accepts decimal strings exactly (ECMA-402 "string numeric literal" support).
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exp,
    maximumFractionDigits: exp,
  }).format(decimal as unknown as number);
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new ValidationError('MONEY_CURRENCY_MISMATCH', `Cannot add ${a.currency} and ${b.currency}.`);
  }
  return money(a.amountMinor + b.amountMinor, a.currency);
}
