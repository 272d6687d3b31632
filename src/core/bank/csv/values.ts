/** Cell values of bank CSV exports: amounts (decimal comma or point, grouping), dates, header names. */
import { parseDecimalToMinor } from '../../money.ts';
import { isKassenwartError } from '../../errors.ts';
import type { CsvProfile, DateFormat } from './profile.ts';

export class CellError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Header names compare case-insensitively, without quotes, BOM, extra blanks, and with umlauts folded (ä = ae). */
export function normalizeHeader(s: string): string {
  return s
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"|"$/g, '')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * An amount cell to minor units. Drops currency signs and codes ("€", "EUR"), blanks and the grouping
 * separator — but only where it really groups thousands, so "-5.00" in a decimal-comma profile is rejected
 * instead of being read as -500.
 */
const amountPatterns = new WeakMap<CsvProfile, RegExp>();

/** Valid amount text for the profile's separators; grouping only in threes. Built once per profile. */
function amountPattern(profile: CsvProfile, dec: string, group: string): RegExp {
  let pattern = amountPatterns.get(profile);
  if (!pattern) {
    const d = dec === '.' ? '\\.' : ',';
    const g = group === '' || group === ' ' ? '' : group.replace(/[.]/g, '\\.');
    const grouped = g ? `\\d{1,3}(?:${g}\\d{3})+` : '(?!)';
    pattern = new RegExp(`^-?(?:${grouped}|\\d+)(?:${d}\\d*)?-?$|^-?${d}\\d+$`);
    amountPatterns.set(profile, pattern);
  }
  return pattern;
}

export function parseCsvAmount(raw: string, currency: string, profile: CsvProfile): number {
  const dec = profile.decimalSeparator;
  const group = profile.groupSeparator ?? (dec === ',' ? '.' : ',');
  let s = raw
    .replace(/[\s\u00a0\u202f]+/g, '')
    // U+2212 MINUS SIGN, as spreadsheet-style exports write negative amounts.
    .replace(/^\u2212|\u2212$/g, '-');
  // "12,50 S" / "12,50 H" (Soll/Haben) and "12.50 DR" / "12.50 CR" in the amount cell itself, also after a
  // currency ("12,50 EUR H"): the mark decides. A minus sign with a credit mark contradicts it: refused.
  const mark = /^([^A-Za-z]*\d(?:€|[A-Z]{3})?)(S|H|DR|CR)$/i.exec(s);
  let sign = 1;
  if (mark?.[1] && mark[2]) {
    const debit = /^(S|DR)$/i.test(mark[2]);
    s = mark[1];
    if (/^-|-(?:€|[A-Z]{3})?$/.test(s)) {
      if (!debit)
        throw new CellError('CSV_BAD_AMOUNT', `"${raw}" has a minus sign and the credit mark ${mark[2]}.`);
      s = s.replace(/^-|-(?=(?:€|[A-Z]{3})?$)/, '');
    }
    sign = debit ? -1 : 1;
  }
  s = s.replace(/€|[A-Z]{3}$/g, '').replace(/^\+/, '');
  if (!amountPattern(profile, dec, group).test(s)) {
    throw new CellError('CSV_BAD_AMOUNT', `"${raw}" is not an amount with decimal separator "${dec}".`);
  }
  try {
    const minor = parseDecimalToMinor(s, currency, {
      decimalSeparator: dec,
      groupSeparator: group === ' ' ? '' : group,
    });
    return sign === -1 ? -minor : minor;
  } catch (e) {
    if (isKassenwartError(e)) throw new CellError('CSV_BAD_AMOUNT', `"${raw}": ${e.message}`);
    throw e;
  }
}

const DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:\s.*)?$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$/;
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:\s.*)?$/;
const DASH_DMY = /^(\d{1,2})-(\d{1,2})-(\d{4})(?:\s.*)?$/;

function year(text: string): number {
  const n = Number(text);
  return text.length === 2 ? (n >= 80 ? 1900 + n : 2000 + n) : n;
}

function iso(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The two orders of day and month that slash dates are written in. */
type SlashFormat = 'MM/DD/YYYY' | 'DD/MM/YYYY';

/**
 * The day/month order of a file's slash dates. A first number over 12 is a day (DD/MM), a second one a day
 * (MM/DD). Where every date reads both ways, the reading whose dates lie clearly closer together wins (an export
 * covers days or weeks: 01/11, 02/11, 05/11 are 1–5 November, not January to May). `ambiguous` when even that
 * does not tell (and some date would read differently): then `preferred`.
 */
export function dayMonthOrder(
  cells: readonly string[],
  preferred: SlashFormat,
): { format: SlashFormat; ambiguous: boolean } {
  let firstIsDay = false;
  let secondIsDay = false;
  const dates: [number, number, number][] = [];
  for (const c of cells) {
    const m = SLASH.exec(c.trim());
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12) firstIsDay = true;
    if (b > 12) secondIsDay = true;
    dates.push([a, b, year(m[3] ?? '')]);
  }
  if (firstIsDay !== secondIsDay)
    return { format: firstIsDay ? 'DD/MM/YYYY' : 'MM/DD/YYYY', ambiguous: false };
  // Both: the file contradicts itself, and the rows that do not fit fail on their own.
  if (firstIsDay) return { format: preferred, ambiguous: false };
  const span = (dayFirst: boolean) => {
    let min = Infinity;
    let max = -Infinity;
    for (const [a, b, y] of dates) {
      const t = Date.UTC(y, (dayFirst ? b : a) - 1, dayFirst ? a : b);
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    return max - min;
  };
  const monthFirst = span(false);
  const dayFirst = span(true);
  if (dayFirst * 2 <= monthFirst && dayFirst < monthFirst) return { format: 'DD/MM/YYYY', ambiguous: false };
  if (monthFirst * 2 <= dayFirst && monthFirst < dayFirst) return { format: 'MM/DD/YYYY', ambiguous: false };
  return { format: preferred, ambiguous: dates.some(([a, b]) => a !== b) };
}

/** A date cell in the profile's day/month order (two- or four-digit year) to YYYY-MM-DD, or undefined. */
export function parseCsvDate(raw: string, format: DateFormat, acceptIso = false): string | undefined {
  const s = raw.trim();
  // acceptIso: the export writes YYYY-MM-DD as well (PostFinance changed its date spelling over the years).
  if (format === 'YYYY-MM-DD' || (acceptIso && /^\d{4}-/.test(s))) {
    const m = YMD.exec(s);
    return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  }
  if (format === 'DD-MM-YYYY') {
    const m = DASH_DMY.exec(s);
    return m ? iso(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
  }
  if (format === 'MM/DD/YYYY' || format === 'DD/MM/YYYY') {
    const m = SLASH.exec(s);
    if (!m) return undefined;
    const [a, b] = [Number(m[1]), Number(m[2])];
    return format === 'MM/DD/YYYY' ? iso(year(m[3] ?? ''), a, b) : iso(year(m[3] ?? ''), b, a);
  }
  const m = DMY.exec(s);
  return m ? iso(year(m[3] ?? ''), Number(m[2]), Number(m[1])) : undefined;
}
