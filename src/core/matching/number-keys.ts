/**
 * Order and invoice numbers as the index keys them (issue 5 §2): the key is the number upper-cased without
 * separators (`WC-10023` -> `WC10023`), the core its last run of digits without leading zeros (`10023`). The
 * index keys every open order this way and the extraction every written token, so both meet on equal strings.
 */
import { compactReference } from './references.ts';

/** Is the character at `i` an ASCII digit? (A module function: see dates.ts digitAt on closures.) */
export function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** The last run of digits in the text as written (separators split runs), without leading zeros. */
export function numberCore(text: string): string {
  // Scanned from the end (the matcher asks this for every order and every written token): no arrays.
  let end = text.length;
  while (end > 0 && !isDigitAt(text, end - 1)) end--;
  let start = end;
  while (start > 0 && isDigitAt(text, start - 1)) start--;
  // Leading zeros go, the last digit stays ("007" -> "7", "000" -> "0").
  while (start < end - 1 && text.charCodeAt(start) === 48) start++;
  return text.slice(start, end);
}

/** The key of a number: upper case, letters and digits only (`wc-10023` -> `WC10023`). */
export function numberKey(number: string): string {
  // Most numbers are written as their key already ("10023", "WC10023") or with ASCII separators ("WC-10023",
  // "RE-2026-0042"): nothing to copy then, or the runs between the separators joined, without a regular
  // expression (the index asks this for every order, the extraction for every token with a digit). Lower case and
  // other letters take the general path (toUpperCase may turn "ß" or "ı" into ASCII letters).
  let key = '';
  let from = 0;
  for (let i = 0; i < number.length; i++) {
    const c = number.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) continue;
    if ((c >= 97 && c <= 122) || c > 127) return number.toUpperCase().replace(/[^A-Z0-9]/g, '');
    key += number.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? number : key + number.slice(from);
}

/** Does the text contain an ASCII digit? (`/\d/.test` without the regular expression: called per token.) */
export function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isDigitAt(text, i)) return true;
  return false;
}

/** The number keys and digit cores (4+ digits) of order and invoice numbers: MatchInput.closedNumbers. */
export function numberKeysOf(numbers: Iterable<string | null | undefined>): Set<string> {
  const out = new Set<string>();
  for (const n of numbers) {
    if (!n) continue;
    const key = numberKey(n);
    if (key) out.add(key);
    const core = numberCore(n);
    if (core.length >= 4) out.add(core);
  }
  return out;
}

/**
 * MatchInput.closedNumbers of closed orders: numberKeysOf their order and invoice numbers, and their payment
 * references as the extraction reads them (references.ts compactReference: upper case, no separators). A
 * reference's digits are no number: it is added whole, without a digit core.
 */
export function closedOrderKeys(
  numbers: Iterable<string | null | undefined>,
  references: Iterable<string | null | undefined>,
): Set<string> {
  const out = numberKeysOf(numbers);
  for (const r of references) if (r) out.add(compactReference(r));
  return out;
}

/**
 * Are the digits written (leading zeros aside) the last digits of the number? "2026-0042" and "0042" end
 * RE-2026-0042, "0010023" is 10023; "4711-10023" (a file number) and "030-10023" (a phone number) end with the
 * core of WC-10023 but write digits the number does not have.
 */
export function digitsEndNumber(written: string, number: string): boolean {
  let i = written.length - 1;
  let j = number.length - 1;
  for (;;) {
    while (i >= 0 && !isDigitAt(written, i)) i--;
    if (i < 0) return true;
    while (j >= 0 && !isDigitAt(number, j)) j--;
    if (j < 0) break;
    if (written.charCodeAt(i) !== number.charCodeAt(j)) return false;
    i--;
    j--;
  }
  // The number has no more digits: what is left of the written ones must be leading zeros.
  for (; i >= 0; i--) if (isDigitAt(written, i) && written.charCodeAt(i) !== 48) return false;
  return true;
}

/**
 * Is one string the other with one character more ("557249" for 55724, a digit typed twice)? The typo pass reads
 * replaced and swapped digits; this is the slip it does not read.
 */
export function oneCharacterMore(a: string, b: string): boolean {
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  return long.slice(i + 1) === short.slice(i);
}

const isUpperAt = (text: string, i: number) => text.charCodeAt(i) >= 65 && text.charCodeAt(i) <= 90;

/**
 * numberKey and numberCore of an order or invoice number, read in one pass without making either string, for the
 * usual form: letters A–Z (or none), then digits and separators (printable ASCII other than letters), the first
 * digit not 0, at most 15 digits ("WC-10588", "230988", "RE-2026-00985"). The index reads every open order's
 * numbers; the strings it would make for them are only looked up by their value (index-tables.ts NumberKeyMap)
 * and dropped. One reader per index, reused for every number.
 */
export class NumberParts {
  /** The letters that open the key (and the text): `text.slice(0, letters)`. */
  letters = 0;
  /** The key's digits after its letters: how many, and their value. */
  digits = 0;
  value = 0;
  /** The core (numberCore): how many digits, and their value. */
  coreDigits = 0;
  core = 0;
  /** Is the core the whole key (no letters, one run of digits)? */
  coreIsKey = false;

  /** Reads `text`; false when it is not of the usual form (then numberKey and numberCore say what it is). */
  read(text: string): boolean {
    let i = 0;
    while (i < text.length && isUpperAt(text, i)) i++;
    this.letters = i;
    let digits = 0;
    let value = 0;
    let runs = 0;
    let core = 0;
    let coreDigits = 0;
    for (let inRun = false; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        if (digits === 0 && c === 48) return false;
        if (!inRun) {
          runs++;
          core = 0;
          coreDigits = 0;
        }
        inRun = true;
        value = value * 10 + (c - 48);
        digits++;
        // Leading zeros of the last run are no part of the core.
        if (coreDigits > 0 || c !== 48) {
          core = core * 10 + (c - 48);
          coreDigits++;
        }
      } else if (c < 32 || c > 126 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return false;
      else inRun = false;
    }
    if (digits === 0 || digits > 15) return false;
    this.digits = digits;
    this.value = value;
    // A last run of zeros is the core "0".
    this.coreDigits = coreDigits === 0 ? 1 : coreDigits;
    this.core = core;
    this.coreIsKey = this.letters === 0 && runs === 1;
    return true;
  }
}
