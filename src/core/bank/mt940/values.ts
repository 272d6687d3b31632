/**
 * Value parsers for MT940/MT942 fields: dates (YYMMDD, MMDD), amounts with decimal comma (SWIFT "15d"),
 * balances (:60F:/:60M:/:62F:/:62M:/:64:/:65:, format 1!a6!n3!a15d), floor limits (:34F:), sums (:90D:/:90C:),
 * :13D: date-time and :25: account identification.
 */
import { isValidBIC, isValidIBAN } from 'ibantools';
import { parseDecimalToMinor } from '../../money.ts';
import { isKassenwartError } from '../../errors.ts';
import type { StatementAccount } from '../types.ts';

export class FieldError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Two-digit years: 80–99 are 19xx, 00–79 are 20xx (MT940 has no century). */
function fullYear(yy: number): number {
  return yy >= 80 ? 1900 + yy : 2000 + yy;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS[month - 1] ?? 31);
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A calendar date. Day 29–31 beyond the month's end (German banks send 30 February: interest calculation uses
 * 30-day months) is moved to the month's last day; `clamped` says so. Anything else invalid throws.
 */
export function makeDate(y: number, m: number, d: number, what: string): { date: string; clamped: boolean } {
  if (m < 1 || m > 12 || d < 1 || d > 31)
    throw new FieldError('MT940_BAD_DATE', `${what} is not a valid date.`);
  const last = daysInMonth(y, m);
  return d > last ? { date: iso(y, m, last), clamped: true } : { date: iso(y, m, d), clamped: false };
}

export function parseYymmdd(s: string, what: string): { date: string; clamped: boolean } {
  if (!/^\d{6}$/.test(s)) throw new FieldError('MT940_BAD_DATE', `${what} "${s}" is not a date (YYMMDD).`);
  return makeDate(
    fullYear(Number(s.slice(0, 2))),
    Number(s.slice(2, 4)),
    Number(s.slice(4, 6)),
    `${what} "${s}"`,
  );
}

/**
 * Entry date MMDD of :61: takes its year from the value date; across the turn of the year it belongs to the
 * neighbouring year (value date 2014-12-24, entry date 0102 → 2015-01-02; value 2014-01-10, entry 1224 → 2013).
 */
export function entryDateNear(valueDate: string, mmdd: string): { date: string; clamped: boolean } {
  const vy = Number(valueDate.slice(0, 4));
  const vm = Number(valueDate.slice(5, 7));
  const em = Number(mmdd.slice(0, 2));
  const ed = Number(mmdd.slice(2, 4));
  let year = vy;
  if (em - vm > 6) year = vy - 1;
  else if (vm - em > 6) year = vy + 1;
  return makeDate(year, em, ed, `Entry date "${mmdd}"`);
}

/**
 * SWIFT amount "1234,56" (format "15d": digits with a mandatory decimal comma, "49," for whole units, no sign) to
 * minor units, via the string/BigInt parser. Without the comma "49" may be the start of "49,90" in a cut-off
 * file, so it is refused; `wholeUnits` accepts it where the amount is visibly complete (delimited by the next
 * subfield).
 */
export function parseAmount(s: string, currency: string, opts: { wholeUnits?: boolean } = {}): number {
  const text = s.trim();
  // Old Rabobank exports write a decimal point ("000000000300.00"); SWIFT itself only knows the comma.
  const point = /^\d+\.\d*$/.test(text);
  const comma = /^\d*,\d*$/.test(text) && text !== ',';
  const whole = opts.wholeUnits === true && /^\d+$/.test(text);
  if (!point && !comma && !whole) {
    throw new FieldError(
      'MT940_BAD_AMOUNT',
      /^\d+$/.test(text)
        ? `Amount "${s}" has no decimal comma (SWIFT writes "${text},00" or "${text},"): the amount may be cut off.`
        : `Amount "${s}" is not a SWIFT amount (digits with a decimal comma).`,
    );
  }
  try {
    return parseDecimalToMinor(whole ? `${text},` : text, currency, { decimalSeparator: point ? '.' : ',' });
  } catch (e) {
    if (isKassenwartError(e))
      throw new FieldError('MT940_BAD_AMOUNT', `Amount "${s}" ${currency}: ${e.message}`);
    throw e;
  }
}

export type Balance = { date: string; currency: string; amountMinor: number };

/** 1!a6!n3!a15d: D/C mark, date YYMMDD, currency, amount. A debit balance is negative. */
export function parseBalance(content: string, fallbackCurrency?: string): Balance {
  const m = /^\s*([CD])(\d{6})([A-Z]{3})?\s*(\d[\d,.]*)\s*$/.exec(content);
  if (!m)
    throw new FieldError(
      'MT940_BAD_BALANCE',
      `Balance "${content}" does not read as D/C mark, YYMMDD, currency, amount.`,
    );
  // FinTS samples omit the currency in :62M: when the statement already named it.
  const [, mark, date, currency = fallbackCurrency, amount = ''] = m;
  if (!currency) throw new FieldError('MT940_BAD_BALANCE', `Balance "${content}" names no currency.`);
  const minor = parseAmount(amount, currency);
  return {
    date: parseYymmdd(date ?? '', 'Balance date').date,
    currency,
    amountMinor: mark === 'D' && minor !== 0 ? -minor : minor,
  };
}

/** :34F: floor limit 3!a[1!a]15d (one for both directions, or a D and a C line). */
export function parseFloorLimit(content: string): {
  currency: string;
  mark?: 'D' | 'C';
  amountMinor: number;
} {
  const m = /^\s*([A-Z]{3})([DC])?\s*([\d,]+)\s*$/.exec(content);
  if (!m)
    throw new FieldError(
      'MT942_BAD_34F',
      `Floor limit "${content}" does not read as currency, [D/C], amount.`,
    );
  const currency = m[1] ?? 'XXX';
  const mark = m[2] as 'D' | 'C' | undefined;
  // mBank writes ":34F:PLN0": a floor limit is no posting, and the field ends with the amount.
  const amountMinor = parseAmount(m[3] ?? '', currency, { wholeUnits: true });
  return { currency, ...(mark ? { mark } : {}), amountMinor };
}

/** :90D:/:90C: 5n3!a15d — number of entries, currency, sum. */
export function parseSum(content: string): { count: number; currency: string; amountMinor: number } {
  const m = /^\s*(\d{0,5})([A-Z]{3})\s*([\d,]+)\s*$/.exec(content);
  if (!m)
    throw new FieldError(
      'MT942_BAD_90',
      `Sum of entries "${content}" does not read as count, currency, amount.`,
    );
  const currency = m[2] ?? 'XXX';
  return { count: Number(m[1] || '0'), currency, amountMinor: parseAmount(m[3] ?? '', currency) };
}

/** :13D: 6!n4!n1!x4!n — YYMMDDhhmm and UTC offset ±hhmm; returned as UTC instant. */
export function parseDateTime(content: string): string {
  const m = /^\s*(\d{6})(\d{2})(\d{2})(?:([+-])(\d{2})(\d{2}))?/.exec(content);
  if (!m) throw new FieldError('MT942_BAD_13D', `Date-time "${content}" does not read as YYMMDDhhmm±hhmm.`);
  const { date } = parseYymmdd(m[1] ?? '', 'Date-time');
  const hh = Number(m[2]);
  const mi = Number(m[3]);
  if (hh > 23 || mi > 59)
    throw new FieldError('MT942_BAD_13D', `Date-time "${content}" has an invalid time.`);
  const offset = m[4] ? (m[4] === '-' ? -1 : 1) * (Number(m[5]) * 60 + Number(m[6])) : 0;
  const ms = Date.parse(`${date}T${m[2]}:${m[3]}:00Z`) - offset * 60_000;
  return new Date(ms).toISOString();
}

/**
 * :25: account identification (35x): an IBAN, or "BLZ/Kontonummer" (German), or "BIC/account", optionally
 * followed by the account currency ("…/0194787400888EUR", "0800003200000001610722 EUR").
 */
export function parseAccount(content: string): StatementAccount {
  let s = content.trim();
  const account: StatementAccount = {};
  const cur = /^(.*?[0-9/.\s-])\s*([A-Z]{3})$/.exec(s);
  if (cur?.[1] && cur[2] && !isValidIBAN(s.replace(/\s/g, ''))) {
    account.currency = cur[2];
    s = cur[1].trim();
  }
  const compactId = s.replace(/\s/g, '');
  if (isValidIBAN(compactId)) return { ...account, iban: compactId };
  // SWIFT 35x allows "BIC/IBAN" (e.g. "COBADEFFXXX/DE89…") and a leading slash ("/PL27…", mBank): the IBAN
  // names the account, so a CAMT or CSV file of the same account lands on the same bank account.
  const parts = compactId.split('/').filter((p) => p !== '');
  const iban = parts.find((p) => isValidIBAN(p));
  if (iban && parts.every((p) => p === iban || isValidBIC(p))) {
    const bic = parts.find((p) => p !== iban);
    return { ...account, iban, ...(bic ? { bic } : {}) };
  }
  const slash = s.indexOf('/');
  if (slash > 0) {
    const bank = s.slice(0, slash);
    if (isValidBIC(bank)) account.bic = bank;
  }
  if (s !== '') account.otherId = s;
  return account;
}
