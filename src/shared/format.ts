/**
 * Display formatting shared by the renderer and any other shell: numbers, money and dates through Intl in the
 * user's locale. Pure and isomorphic (no DOM, no Node). Money arrives as integer minor units (design §3.1) and
 * is turned into an exact decimal string with BigInt before Intl sees it, so no float division ever happens.
 */

/** ISO 4217 minor unit exponents that differ from 2; the one table (core/money.ts uses it too). */
// prettier-ignore
const MINOR_UNIT_EXPONENT: Readonly<Record<string, number>> = {
  BHD: 3, BIF: 0, CLF: 4, CLP: 0, DJF: 0, GNF: 0, IQD: 3, ISK: 0, JOD: 3, JPY: 0, KMF: 0, KRW: 0,
  KWD: 3, LYD: 3, OMR: 3, PYG: 0, RWF: 0, TND: 3, UGX: 0, UYI: 0, UYW: 4, VND: 0, VUV: 0, XAF: 0,
  XOF: 0, XPF: 0,
};

export function minorUnitExponentOf(currency: string): number {
  return MINOR_UNIT_EXPONENT[currency.toUpperCase()] ?? 2;
}

/** 12345 EUR -> "123.45"; -5 EUR -> "-0.05". Exact, via BigInt. */
export function minorToDecimalString(amountMinor: number | bigint, currency: string): `${number}` {
  const exp = minorUnitExponentOf(currency);
  const value = BigInt(amountMinor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exp + 1, '0');
  const intPart = digits.slice(0, digits.length - exp);
  const fracPart = digits.slice(digits.length - exp);
  const text = `${negative ? '-' : ''}${intPart}${exp > 0 ? `.${fracPart}` : ''}`;
  return text as `${number}`;
}

/** Formats minor units as money in the locale, e.g. (123456, 'EUR', 'de-DE') -> "1.234,56 €". */
export function formatMoney(amountMinor: number | bigint, currency: string, locale: string): string {
  const exp = minorUnitExponentOf(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exp,
    maximumFractionDigits: exp,
  }).format(minorToDecimalString(amountMinor, currency));
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A posting date `YYYY-MM-DD` as a calendar date; formatted in UTC so no time zone can shift the day. */
export function formatDate(isoDate: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** An instant (UTC ISO string) in the user's local time zone. */
export function formatInstant(isoInstant: string, locale: string, timeZone?: string): string {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
