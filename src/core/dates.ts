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
  const ms = digits
    ? Date.UTC(
        digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3),
        digitAt(text, 5) * 10 + digitAt(text, 6) - 1,
        digitAt(text, 8) * 10 + digitAt(text, 9),
      )
    : Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)));
  return Number.isNaN(ms) ? undefined : Math.round(ms / 86_400_000);
}
