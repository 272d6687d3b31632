/**
 * Dates of bank postings are calendar days `YYYY-MM-DD`; instants are UTC ISO strings (design §3.2).
 * Time always comes from the injected clock.
 */
import { ValidationError } from './errors.ts';

export type IsoDate = string;
export type Instant = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function assertIsoDate(value: string, where: string): IsoDate {
  if (!isIsoDate(value))
    throw new ValidationError('DATE_INVALID', `${where}: "${value}" is not a date (YYYY-MM-DD).`);
  return value;
}

export function toInstant(date: Date): Instant {
  return date.toISOString();
}

/** The calendar day (UTC) of an instant. */
export function instantToDate(instant: Instant): IsoDate {
  return instant.slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/*
 * A module function, not a closure made per call: the CLI runs the sources through tsx, whose keepNames gives every
 * named closure an Object.defineProperty call (about 0.2 µs each).
 */
const digitAt = (text: string, i: number) => text.charCodeAt(i) - 48;

/** Where `YYYY-MM-DD` has its digits. */
const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

/** Days since 1970 of a `YYYY-MM-DD…` string, without building Date objects per comparison. */
export function epochDay(text: string | null | undefined): number | undefined {
  if (!text || text.length < 10) return undefined;
  // Read digit by digit (every order and posting has a date): the same numbers as Number(slice) for digits.
  let digits = true;
  for (const i of DATE_DIGITS) if (!(digitAt(text, i) >= 0 && digitAt(text, i) <= 9)) digits = false;
  if (digits)
    return utcDay(
      digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3),
      digitAt(text, 5) * 10 + digitAt(text, 6) - 1,
      digitAt(text, 8) * 10 + digitAt(text, 9),
    );
  const ms = Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)));
  return Number.isNaN(ms) ? undefined : Math.round(ms / 86_400_000);
}

/**
 * `Date.UTC(year, month, day) / 86 400 000` for a year 0–9999, month −1–98 and day 0–99 (what two and four digits
 * give) in integer arithmetic: Date.UTC is a call into the runtime, once per order and posting. The same rules:
 * years 0–99 are 1900–1999, months and days beyond their range carry over (month 12 is January of the next year,
 * day 0 the last of the month before), and days count in the proleptic Gregorian calendar (civil-from-days).
 */
function utcDay(year: number, month: number, day: number): number {
  const y = (year <= 99 ? 1900 + year : year) + Math.floor(month / 12);
  const m = month - Math.floor(month / 12) * 12;
  // Years from March, so that the leap day ends the year.
  const ym = m < 2 ? y - 1 : y;
  const era = Math.floor(ym / 400);
  const yearOfEra = ym - era * 400;
  const dayOfYear = Math.floor((153 * (m < 2 ? m + 10 : m - 2) + 2) / 5);
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468 + day - 1;
}
