/**
 * Amounts as a person types them (the CLI's `assign ORDER:AMOUNT` and `search --amount`), in German or English
 * writing: "49,90", "49.90", "1.000,00", "1,000.00", "1000". Bank files and shop APIs have one known format each
 * and go through `parseDecimalToMinor` with their own options; this is only for what a user types.
 *
 * A single "." or "," followed by exactly three digits ("1.000", "150.000", "1,000") is ambiguous: Germans group
 * thousands with the dot and write decimals with the comma, English writing does the opposite. Guessing either way
 * turns one thousand euros into one euro for half the users, so it is refused with the ways to write it clearly.
 */
import { ValidationError } from './errors.ts';
import { minorUnitExponent, parseDecimalToMinor } from './money.ts';

/** Digits grouped in threes by `sep` after a first group of one to three digits ("1.000.000", "12,345"). */
function isGrouped(digits: string, sep: '.' | ','): boolean {
  const s = sep === '.' ? '\\.' : ',';
  return new RegExp(`^[1-9]\\d{0,2}(?:${s}\\d{3})+$`).test(digits);
}

function badGrouping(text: string, sep: string): ValidationError {
  return new ValidationError(
    'MONEY_BAD_AMOUNT',
    `"${text}" is not an amount: "${sep}" as a thousands separator must stand before groups of exactly three digits. Write the amount without thousands separators, like 1000 or 1000,00.`,
  );
}

function ambiguous(text: string, int: string, sep: string, frac: string, currency: string): ValidationError {
  const thousands = `${int}${frac}`;
  const exp = minorUnitExponent(currency);
  // The decimal reading written unambiguously (two decimals for EUR: "1,50"), when the currency can hold it.
  const decimal =
    frac.replace(/0+$/, '').length > exp
      ? undefined
      : exp === 0
        ? int
        : `${int},${frac.slice(0, exp).padEnd(exp, '0')}`;
  const [groups, decimals] = sep === '.' ? ['German', 'English'] : ['English', 'German'];
  const decimalReading = decimal ?? `${int}${sep}${frac}, more decimals than ${currency} has`;
  return new ValidationError(
    'MONEY_AMBIGUOUS',
    `"${text}" is ambiguous: "${sep}" before exactly three digits groups thousands in ${groups} (${thousands}) but marks decimals in ${decimals} (${decimalReading}). Write ${thousands} or ${thousands},00${decimal === undefined ? '' : ` for the first, ${decimal} for the second`}.`,
  );
}

/**
 * A typed amount in minor units of `currency`. With both "." and ",", the last one is the decimal separator and
 * the other must group thousands ("1.000,00", "1,000.00"); one separator used several times groups thousands
 * ("1.000.000"); used once it is the decimal separator ("10.5", "10,50"), except before exactly three digits
 * (MONEY_AMBIGUOUS). Other errors as parseDecimalToMinor (MONEY_BAD_AMOUNT, MONEY_TOO_PRECISE, ...).
 */
export function parseTypedAmount(text: string, currency: string): number {
  const unsigned = text
    .trim()
    .replace(/^[+\-\u2212]/, '')
    .replace(/-$/, '')
    .trim();
  // Anything but digits and separators: parseDecimalToMinor says it is no amount.
  if (!/^[\d.,]*$/.test(unsigned)) return parseDecimalToMinor(text, currency);
  const dot = unsigned.lastIndexOf('.');
  const comma = unsigned.lastIndexOf(',');
  if (dot < 0 && comma < 0) return parseDecimalToMinor(text, currency);
  if (dot >= 0 && comma >= 0) {
    const decimalSeparator = dot > comma ? '.' : ',';
    const groupSeparator = dot > comma ? ',' : '.';
    const at = Math.max(dot, comma);
    if (!isGrouped(unsigned.slice(0, at), groupSeparator)) throw badGrouping(text, groupSeparator);
    return parseDecimalToMinor(text, currency, { decimalSeparator, groupSeparator });
  }
  const sep = dot >= 0 ? '.' : ',';
  const other = sep === '.' ? ',' : '.';
  const parts = unsigned.split(sep);
  if (parts.length > 2) {
    if (!isGrouped(unsigned, sep)) throw badGrouping(text, sep);
    return parseDecimalToMinor(text, currency, { decimalSeparator: other, groupSeparator: sep });
  }
  const [int = '', frac = ''] = parts;
  // "0.500" or "1000.000" cannot be thousands grouping: only a first group of 1-3 digits without a leading 0 can.
  if (/^\d{3}$/.test(frac) && /^[1-9]\d{0,2}$/.test(int)) throw ambiguous(text, int, sep, frac, currency);
  return parseDecimalToMinor(text, currency, { decimalSeparator: sep });
}
