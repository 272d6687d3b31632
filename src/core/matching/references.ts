/**
 * Our payment references (issue 5 §1).
 *
 * Format: `KW` + 6 random characters + 1 check character, e.g. `KW7HPX4TQ`, from the 32-character alphabet
 * `23456789ABCDEFGHJKLMNPQRSTUVWXYZ` (no 0/O, no 1/I), and no character equal to its neighbour (people
 * misread "MM"/"77" as one character more often than anything else).
 *
 * Check character: the Damm algorithm (H. M. Damm, "Total anti-symmetrische Quasigruppen", 2004) over the
 * quasigroup `x ∘ y = α·x ⊕ y` in GF(32) (polynomial x^5 + x^2 + 1, α = 2). Every row and column of that
 * table is a permutation (α ≠ 0), so every single substitution changes the final interim value; and
 * `(c∘x)∘y = α²c ⊕ αx ⊕ y` equals `(c∘y)∘x` only when `(α ⊕ 1)(x ⊕ y) = 0`, i.e. `x = y` (α ≠ 1), so every
 * adjacent transposition — including one with the check character — is detected. test/unit/matching/
 * references.test.ts verifies both properties exhaustively over the whole table.
 *
 * Optionally the same reference as an ISO 11649 creditor reference: `RF` + 2 check digits (ISO 7064
 * MOD 97-10) + our reference, e.g. `RF47KW7HPX4TQ`, for banking apps that have a structured-reference field.
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const REFERENCE_PREFIX = 'KW';
export const REFERENCE_BODY_LENGTH = 6;
/** Total length of a reference: prefix + body + check character. */
export const REFERENCE_LENGTH = REFERENCE_PREFIX.length + REFERENCE_BODY_LENGTH + 1;

const ALPHA = 2;
const POLY = 0b100101; // x^5 + x^2 + 1, primitive over GF(2)

function gfMul(a: number, b: number): number {
  let result = 0;
  let x = a;
  let y = b;
  while (y > 0) {
    if (y & 1) result ^= x;
    y >>= 1;
    x <<= 1;
    if (x & 0b100000) x ^= POLY;
  }
  return result;
}

/**
 * The Damm quasigroup operation on alphabet indices 0..31: α·interim ⊕ symbol, α·interim from a table (the reference
 * pass checks every candidate it reads). Exported for the exhaustive property tests.
 */
export function dammOp(interim: number, symbol: number): number {
  return (TIMES_ALPHA[interim] as number) ^ symbol;
}

/** Alphabet index by character code (ASCII), -1 for a character outside the alphabet. */
const INDEX_OF_CODE = new Int8Array(128).fill(-1);
for (let i = 0; i < REFERENCE_ALPHABET.length; i++) INDEX_OF_CODE[REFERENCE_ALPHABET.charCodeAt(i)] = i;

/** α·interim for each interim 0..31 (dammOp). */
const TIMES_ALPHA = Int8Array.from({ length: 32 }, (_, x) => gfMul(ALPHA, x));

/**
 * The Damm interim value after all characters of `text`, or -1 when one is outside the alphabet. A loop over the
 * character codes: no array of indices, no string iterator (a string's code units; a character beyond the BMP is
 * two of them, both outside the alphabet, as it is one character outside it for a code-point loop).
 */
function interimOf(text: string): number {
  let interim = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const symbol = c < 128 ? (INDEX_OF_CODE[c] as number) : -1;
    if (symbol < 0) return -1;
    interim = dammOp(interim, symbol);
  }
  return interim;
}

/** Check character for `payload` (prefix + body), or undefined if it has characters outside the alphabet. */
export function checkCharacter(payload: string): string | undefined {
  const interim = interimOf(payload);
  if (interim < 0) return undefined;
  // The check symbol d makes the final interim 0: α·interim ⊕ d = 0 ⇔ d = α·interim.
  return REFERENCE_ALPHABET[dammOp(interim, 0)];
}

/** True when `text` (upper case, no separators) is a well-formed reference with a correct check character. */
export function isValidReference(text: string): boolean {
  if (text.length !== REFERENCE_LENGTH || !text.startsWith(REFERENCE_PREFIX)) return false;
  return interimOf(text) === 0;
}

/** Random integer in [0, n); injectable so tests and benchmarks are reproducible. */
export type RandomInt = (n: number) => number;

/** A new reference: random body without equal neighbours, and a check character unlike the last body char. */
export function generateReference(randomInt: RandomInt): string {
  for (;;) {
    let text = REFERENCE_PREFIX;
    for (let i = 0; i < REFERENCE_BODY_LENGTH; i++) {
      let ch: string;
      do ch = REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)] ?? '2';
      while (ch === text[text.length - 1]);
      text += ch;
    }
    const check = checkCharacter(text);
    if (check !== undefined && check !== text[text.length - 1]) return text + check;
  }
}

/** Upper case, without spaces, hyphens, dots or line breaks: how a reference is compared. */
export function compactReference(text: string): string {
  return text.toUpperCase().replace(REFERENCE_SEPARATORS, '');
}

/** What compactReference drops: spaces, hyphens, dots, slashes, line breaks. */
export const REFERENCE_SEPARATORS = /[\s\-./]/g;

// ---- ISO 11649 creditor reference ----------------------------------------------------------------------

/** ISO 7064 MOD 97-10 remainder of an alphanumeric string (A=10 … Z=35), computed in chunks (no BigInt). */
function mod97(alnum: string): number {
  let rest = 0;
  for (const ch of alnum) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}

/** `RF` + check digits + `body` (1–21 characters A–Z, 0–9). */
export function toCreditorReference(body: string): string {
  const clean = compactReference(body);
  if (!/^[A-Z0-9]{1,21}$/.test(clean))
    throw new RangeError(`"${body}" cannot be an ISO 11649 reference body.`);
  const check = 98 - mod97(`${clean}RF00`);
  return `RF${String(check).padStart(2, '0')}${clean}`;
}

/** ISO 11649 validation: move `RFnn` to the end; the MOD 97-10 remainder must be 1. */
export function isValidCreditorReference(text: string): boolean {
  const clean = compactReference(text);
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(clean)) return false;
  return mod97(`${clean.slice(4)}${clean.slice(0, 4)}`) === 1;
}

/** The body of a valid creditor reference (what follows `RFnn`), or undefined. */
export function creditorReferenceBody(text: string): string | undefined {
  return isValidCreditorReference(text) ? compactReference(text).slice(4) : undefined;
}
