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
