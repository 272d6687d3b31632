/**
 * Line-level reader for SWIFT MT940/MT942 text: splits lines (CR, LF or CRLF), strips the SWIFT FIN envelope
 * (`{1:…}{2:…}{3:…}{4:` … `-}{5:…}`) and groups lines into fields (`:TAG:` plus continuation lines).
 *
 * SWIFT User Handbook, Category 9 (MT940 "Customer Statement Message", MT942 "Interim Transaction Report"):
 * a field starts with `:tag:` at the beginning of a line; lines are at most 65 characters, so longer content
 * continues on the next line without a tag. A message ends with a line `-` (inside the FIN block 4: `-}`).
 *
 * This is a generator that walks the string once with charCodeAt and slices each line once: no regular
 * expression over the whole text and no growing strings, so a 100 000-entry file costs linear time.
 */

/** Tags of MT940/MT942 (SWIFT) plus `NS` (non-SWIFT, used by German FinTS/HBCI exports). */
const KNOWN_TAGS = new Set([
  '20',
  '21',
  '25',
  '25P',
  '28',
  '28C',
  '60F',
  '60M',
  '61',
  '62F',
  '62M',
  '64',
  '65',
  '86',
  '34F',
  '13',
  '13D',
  '90D',
  '90C',
  'NS',
]);
/** Fields whose content may continue on following lines (61: supplementary details; 86 and NS: free text). */
const CONTINUABLE = new Set(['61', '86', 'NS']);

const TAG_PATTERN = /^:([0-9]{2}[A-Z]?|NS):/;

export type Mt940Token =
  | { kind: 'field'; tag: string; lines: string[]; line: number }
  | { kind: 'end'; line: number }
  | { kind: 'unknown-tag'; tag: string; line: number }
  | { kind: 'stray'; text: string; line: number };

/** Lines of a text, any of CR, LF, CRLF as line end, with 1-based line numbers. */
export function* splitLines(text: string): Generator<{ text: string; line: number }> {
  const n = text.length;
  let start = 0;
  let line = 1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      yield { text: text.slice(start, i), line };
      line++;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < n) yield { text: text.slice(start), line };
}

/**
 * Removes leading SWIFT FIN blocks (`{1:…}`, `{2:…}`, `{3:{108:…}}`) and the opening of block 4 (`{4:`).
 * Returns the rest of the line (often empty, sometimes `:20:…` on the same line).
 */
function stripEnvelope(s: string): string {
  let rest = s;
  while (rest.startsWith('{')) {
    if (rest.startsWith('{4:')) {
      rest = rest.slice(3);
      continue;
    }
    let depth = 0;
    let end = -1;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '{') depth++;
      else if (rest[i] === '}' && --depth === 0) {
        end = i;
        break;
      }
    }
    if (end < 0) return '';
    rest = rest.slice(end + 1);
  }
  return rest;
}

/** True for the end-of-message line: `-`, `-}`, `-}{5:…}` (trailing blanks tolerated). */
function isMessageEnd(s: string): boolean {
  if (s[0] !== '-') return false;
  const rest = s.slice(1).trim();
  return rest === '' || rest.startsWith('}');
}

export function* readFields(text: string): Generator<Mt940Token> {
  let current: { tag: string; lines: string[]; line: number } | undefined;
  for (const { text: raw, line } of splitLines(text)) {
    let s = raw;
    if (s.startsWith('{')) {
      s = stripEnvelope(s);
      if (s === '') continue;
    }
    const trimmed = s.trimEnd();
    if (isMessageEnd(trimmed)) {
      if (current) yield { kind: 'field', ...current };
      current = undefined;
      yield { kind: 'end', line };
      continue;
    }
    const m = TAG_PATTERN.exec(s.trimStart());
    if (m) {
      const tag = m[1] ?? '';
      if (KNOWN_TAGS.has(tag)) {
        if (current) yield { kind: 'field', ...current };
        current = { tag, lines: [s.trimStart().slice(tag.length + 2)], line };
        continue;
      }
      // `:26:37 Fo…` inside a wrapped :86: is text, not a tag (seen in Sparkasse exports): only unknown tags
      // outside a free-text field are reported.
      if (!current || !CONTINUABLE.has(current.tag)) {
        if (current) yield { kind: 'field', ...current };
        current = undefined;
        yield { kind: 'unknown-tag', tag, line };
        continue;
      }
    }
    if (current) {
      current.lines.push(s);
    } else if (trimmed !== '') {
      yield { kind: 'stray', text: trimmed, line };
    }
  }
  if (current) yield { kind: 'field', ...current };
}
