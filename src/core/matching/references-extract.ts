/**
 * Reference extraction from what the payer wrote (issue 5 §2): our payment references and RF creditor
 * references (recognised with certainty: check character / MOD 97), and candidate order or invoice numbers
 * (number-candidates.ts). SEPA field keywords (SVWZ+, EREF+, … from the DFÜ agreement, Anlage 3, "Belegung des
 * Verwendungszwecks") are dropped, and `NOTPROVIDED` (ISO 20022 EndToEndId placeholder) is ignored.
 */
import {
  REFERENCE_LENGTH,
  REFERENCE_PREFIX,
  REFERENCE_SEPARATORS,
  creditorReferenceBody,
  isValidReference,
} from './references.ts';
import { hasDigit, isDigitAt, numberKey } from './number-keys.ts';
import { Found, numberCandidates, type NumberCandidate } from './number-candidates.ts';
import { appended, EMPTY_LIST } from './lists.ts';
// toUpperCase without the copy when nothing changes (end-to-end ids are mostly upper case already).
import { upperCase } from './ascii-case.ts';

export type Extraction = {
  /** Our payment references with a valid check character (compact, upper case). */
  references: readonly string[];
  /** Near-references: `KW` + 7 characters whose check fails (a typo); the matcher may repair them. */
  brokenReferences: readonly string[];
  /** Bodies of valid RF creditor references (which may be our reference or an order number). */
  creditorBodies: readonly string[];
  numbers: readonly NumberCandidate[];
  /**
   * Number keys of the values the remittance writes after a label of another kind of number ("Kundennr. 10023",
   * "Beleg-Nr. 10023": remittance-text.ts LabelValues). No order numbers as written; the shared empty list for most
   * postings.
   */
  labelValues: readonly string[];
};

const SEPA_KEYWORDS = /\b(?:SVWZ|EREF|KREF|MREF|CRED|DEBT|ABWA|ABWE|COAM|OAMT|SQTP|PURP|BREF|RREF)\+/g;
/*
 * The expressions of this file are module constants (a literal in a function body is a new object each time it is
 * evaluated, for every posting). The global ones are used with replace and matchAll only, which start at lastIndex
 * 0 (matchAll on a copy) and leave it there.
 */
/** `KW` + 7 characters of the reference alphabet. */
const REFERENCE_SHAPE = /^KW[2-9A-HJ-NP-Z]{7}$/;
const CREDITOR_START = /RF\d{2}/g;
const NOT_PROVIDED = /\bNOTPROVIDED\b/g;

/** Our references in a (compacted) text: `KW` + 7 alphabet characters, separators and line breaks allowed in between. */
function findReferences(compact: string, out: Extraction): void {
  let from = 0;
  for (;;) {
    const at = compact.indexOf(REFERENCE_PREFIX, from);
    if (at < 0) break;
    from = at + 1;
    const candidate = compact.slice(at, at + REFERENCE_LENGTH);
    if (candidate.length < REFERENCE_LENGTH || !REFERENCE_SHAPE.test(candidate)) continue;
    if (isValidReference(candidate)) out.references = appended(out.references, candidate);
    else out.brokenReferences = appended(out.brokenReferences, candidate);
  }
}

/**
 * RF creditor references (ISO 11649) in a compacted text. `whole`: the text is a structured creditor reference
 * field, which holds one reference and nothing else, so only the whole of it counts.
 */
function findCreditorReferences(compact: string, out: Extraction, whole: boolean): void {
  if (!compact.includes('RF')) return;
  if (whole) {
    const body = compact.startsWith('RF') ? creditorReferenceBody(compact) : undefined;
    if (body) out.creditorBodies = appended(out.creditorBodies, body);
    return;
  }
  for (const m of compact.matchAll(CREDITOR_START)) {
    const start = m.index;
    // The body length is not marked in free text: every length that validates is a candidate (MOD 97 makes a
    // false positive 1 in 97 per length, and the body must then also be a known reference or number). A
    // shorter one that ends inside a run of digits or of letters is kept only when no longer one validates:
    // "RF13 1002 3" (printed in groups of four) is RF1310023 with body 10023, whose first four digits happen to
    // validate as well and would name order 1002.
    let longest = '';
    const bodies: string[] = [];
    for (let len = 1; len <= 21 && start + 4 + len <= compact.length; len++) {
      const body = creditorReferenceBody(compact.slice(start, start + 4 + len));
      if (!body) continue;
      longest = body;
      if (endsRun(compact, start + 4 + len)) bodies.push(body);
    }
    if (longest && !bodies.includes(longest)) bodies.push(longest);
    for (const body of bodies) out.creditorBodies = appended(out.creditorBodies, body);
  }
}

/** Does a run of digits or of letters end at `end` (the text ends, or digit and letter meet)? */
function endsRun(text: string, end: number): boolean {
  return end >= text.length || isDigitAt(text, end - 1) !== isDigitAt(text, end);
}

/**
 * SEPA identifier fields left in the remittance text (a bank export that did not split them, DFÜ-Abkommen
 * Anlage 3): `EREF+` (end-to-end id) and `KREF+` (customer reference) are identifiers set by the payer's
 * system, so like the structured end-to-end id they count only as a whole (pushed to `ids`) — the payer's own
 * "ZV-2026-10023" must not name an order by its last digits. `MREF+` (mandate), `CRED+` (creditor id),
 * `DEBT+` (debtor id), `BREF+` (the bank's reference) and `RREF+` (a return's reference) never identify an
 * order: dropped. SEPA identifiers contain no blanks, so a value ends at
 * the first blank or at the next keyword. Returns the text without those fields.
 */
function sepaIdentifiers(text: string, ids: string[]): string {
  return text.replace(
    /\b(EREF|KREF|MREF|CRED|DEBT|BREF|RREF)\+\s*(\S*?)(?=\s|$|(?:SVWZ|EREF|KREF|MREF|CRED|DEBT|ABWA|ABWE|COAM|OAMT|SQTP|PURP|BREF|RREF)\+)/gi,
    (m: string, keyword: string, value: string) => {
      const kw = keyword.toUpperCase();
      if ((kw === 'EREF' || kw === 'KREF') && value && value.toUpperCase() !== 'NOTPROVIDED')
        ids.push(value.toUpperCase());
      return ' '.repeat(m.length);
    },
  );
}

export type ExtractInput = {
  remittance?: string | null;
  endToEndId?: string | null;
  creditorReference?: string | null;
};

/** Upper case, without SEPA field keywords and the `NOTPROVIDED` placeholder. */
function clean(raw: string): string {
  // Both replacements need their marker ('+' of a SEPA keyword, the placeholder word): skip them without it.
  let t = upperCase(raw);
  if (t.includes('+')) t = t.replace(SEPA_KEYWORDS, ' ');
  if (t.includes('NOTPROVIDED')) t = t.replace(NOT_PROVIDED, ' ');
  return t;
}

/** Our references and RF creditor references in one text (upper case already). */
function findAllReferences(text: string, out: Extraction, structured = false): void {
  // Ours start with KW, RF references with RF, and compacting only removes separators: a text without both
  // letters of either has none (most texts; the same result without the copy).
  if (!(text.includes('K') && text.includes('W')) && !(text.includes('R') && text.includes('F'))) return;
  // compactReference without its upper-casing: clean() did that already.
  const compact = text.replace(REFERENCE_SEPARATORS, '');
  findReferences(compact, out);
  findCreditorReferences(compact, out, structured);
}

/**
 * Can readIdentifiers find our reference or an RF creditor reference in these fields? False only when it certainly
 * cannot: findAllReferences needs both letters of "KW" or of "RF" in one field, and cleaning (upper case, SEPA
 * keywords and identifier fields blanked) adds no letter to plain ASCII text. The reference pass asks this first,
 * so the postings without any (most) are read once, in the number pass, instead of twice.
 */
export function mayHoldReference(input: ExtractInput): boolean {
  return (
    mayHoldReferenceIn(input.remittance) ||
    mayHoldReferenceIn(input.endToEndId) ||
    mayHoldReferenceIn(input.creditorReference)
  );
}

function mayHoldReferenceIn(text: string | null | undefined): boolean {
  if (!text) return false;
  let k = false;
  let w = false;
  let r = false;
  let f = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Upper-casing other characters may make ASCII letters ("ﬀ" -> "FF"): read them the long way.
    if (c > 127) return true;
    const lower = c | 32;
    if (lower === 107) k = true;
    else if (lower === 119) w = true;
    else if (lower === 114) r = true;
    else if (lower === 102) f = true;
  }
  return (k && w) || (r && f);
}

/*
 * The lists of an Extraction and the identifiers start as the shared empty list (lists.ts), and an addition makes a
 * new list: most postings have no reference and no identifier, and four empty arrays per posting (and an identifier
 * pushed into a fifth) were most of what reading the identifiers allocated.
 */
/**
 * The first half of extractReferences: the texts (the cleaned remittance, the identifiers) and our references and
 * RF creditor references in them, without the number candidates. The matcher reads this alone to see whether a
 * posting can be assigned by reference at all (most cannot), and hands it to extractReferences when it needs more.
 */
export type Identifiers = {
  /** The remittance, upper case, SEPA field keywords and identifier fields removed; undefined when empty. */
  remittance: string | undefined;
  /** EREF+/KREF+ values of the remittance, end-to-end id and structured reference (cleaned). */
  ids: readonly string[];
  /** references, brokenReferences and creditorBodies filled; numbers still empty. */
  extraction: Extraction;
};

/** An identifier field (end-to-end id, structured reference), cleaned; undefined when that leaves nothing. */
function identifier(raw: string | null | undefined): string | undefined {
  // The placeholder alone (half of all end-to-end ids) cleans to nothing: skipped without the copies.
  if (!raw || raw === 'NOTPROVIDED') return undefined;
  return clean(raw).trim() || undefined;
}

export function readIdentifiers(input: ExtractInput): Identifiers {
  const out: Extraction = {
    references: EMPTY_LIST,
    brokenReferences: EMPTY_LIST,
    creditorBodies: EMPTY_LIST,
    numbers: EMPTY_LIST,
    labelValues: EMPTY_LIST,
  };
  // Free text is parsed in full. The end-to-end id and the structured reference are identifiers set by the
  // payer's bank or app: they count only as a whole (or as our reference inside), never split into tokens —
  // a random id like "E2E1234X567890" must not turn into the order number 567890.
  let remittance: string | undefined;
  let ids: readonly string[] = EMPTY_LIST;
  if (input.remittance) {
    let raw = input.remittance;
    if (raw.includes('+')) {
      const fields: string[] = [];
      raw = sepaIdentifiers(raw, fields);
      ids = fields;
    }
    const text = clean(raw);
    if (text.trim()) remittance = text;
  }
  const endToEnd = identifier(input.endToEndId);
  if (endToEnd) ids = appended(ids, endToEnd);
  // The structured creditor reference, when the field is not empty: read as one reference.
  const structured = identifier(input.creditorReference);
  if (structured) ids = appended(ids, structured);
  if (remittance) findAllReferences(remittance, out);
  for (const text of ids) findAllReferences(text, out, structured !== undefined && text === structured);
  return { remittance, ids, extraction: out };
}

/** Everything the payer may have meant as a reference, from the remittance, the EndToEndId and the RF field. */
export function extractReferences(
  input: ExtractInput,
  patterns: readonly RegExp[] = [],
  /** readIdentifiers(input), when the caller has it already. */
  identifiers: Identifiers = readIdentifiers(input),
): Extraction {
  const { remittance, ids, extraction: out } = identifiers;
  // The remittance is the only free text: its candidates, deduplicated by key as they are found, are the numbers.
  const numbers = new Found();
  if (remittance) numberCandidates(remittance, patterns, numbers);
  for (const text of ids) {
    const key = numberKey(text);
    if (key.length >= 3 && key.length <= 24 && hasDigit(key) && !numbers.get(key))
      numbers.add({
        key,
        core: '',
        joined: false,
        keyword: false,
        orderWord: false,
        invoiceWord: false,
        fromId: true,
      });
  }
  out.numbers = numbers.items;
  out.labelValues = numbers.labelValues;
  // Most texts have none or one of each: nothing to deduplicate then.
  if (out.references.length > 1) out.references = [...new Set(out.references)];
  if (out.brokenReferences.length > 1 || (out.brokenReferences.length === 1 && out.references.length > 0)) {
    out.brokenReferences = [...new Set(out.brokenReferences)].filter((r) => !out.references.includes(r));
  }
  if (out.creditorBodies.length > 1) out.creditorBodies = [...new Set(out.creditorBodies)];
  return out;
}
