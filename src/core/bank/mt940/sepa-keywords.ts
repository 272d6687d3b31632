/**
 * SEPA keywords inside German remittance text (DFÜ-Abkommen Anlage 3 "Spezifikation der Datenformate",
 * chapter "SEPA-Verwendungszweck" for MT940 :86: ?20–?29/?60–?63, also used by Sparkasse CSV-MT940 exports):
 * `EREF+` end-to-end id, `KREF+` customer reference, `MREF+` mandate id, `CRED+` creditor id, `DEBT+` debtor id,
 * `SVWZ+` remittance text, `ABWA+` ultimate debtor (abweichender Auftraggeber), `ABWE+` ultimate creditor
 * (abweichender Empfänger), `IBAN+`/`BIC+` counterparty, `COAM+`/`OAMT+` amounts, `PURP+` purpose code.
 * `NOTPROVIDED` (SEPA "not provided" filler) counts as empty.
 */
import { isValidCreditorReference } from '../../matching/references.ts';

const KEYWORDS = [
  'EREF',
  'KREF',
  'MREF',
  'CRED',
  'DEBT',
  'SVWZ',
  'ABWA',
  'ABWE',
  'IBAN',
  'BIC',
  'COAM',
  'OAMT',
  'BREF',
  'RREF',
  'PURP',
] as const;
type Keyword = (typeof KEYWORDS)[number];

const KEYWORD_AT_START = new RegExp(`^(?:${KEYWORDS.join('|')})\\+`);
/** Marks a fragment boundary inside joined text (private-use character, removed from every value). */
const BOUNDARY = '\uE000';
/** A keyword counts only at a boundary: start, after whitespace, or at the start of a subfield. */
const KEYWORD_ANYWHERE = new RegExp(`(?:^|(?<=[\\s${BOUNDARY}]))(${KEYWORDS.join('|')})\\+`, 'g');
/** Identifiers (EndToEndId, MndtId, CdtrSchmeId, customer reference) are Max35Text in the SEPA rulebooks. */
const ID_KEYWORDS = new Set<Keyword>(['EREF', 'KREF', 'MREF', 'CRED', 'DEBT']);
const MAX_ID = 35;
/** Keywords without any boundary (Sparkasse CSV-MT940 writes "…0591MREF+KD02…" with nothing in between). */
const KEYWORD_NO_BOUNDARY = new RegExp(`(${KEYWORDS.join('|')})\\+`, 'g');

/**
 * A keyword with one blank inside or before its "+" ("AB WA+", "KREF +"): Sparda-Bank's CSV joins the bank's
 * 27-character text fragments with a blank wherever they end, also inside a keyword. Counts only at a word start.
 */
const GAPPED_KEYWORD = new RegExp(
  `(?<=^|\\s)(${KEYWORDS.flatMap((k) => Array.from({ length: k.length }, (_, i) => `${k.slice(0, i + 1)} ${k.slice(i + 1)}`)).join('|')})\\+`,
  'g',
);

/** Closes blanks inside SEPA keywords (see GAPPED_KEYWORD); for CSV text columns, never MT940 subfields. */
export function closeKeywordGaps(text: string): string {
  return text.replace(GAPPED_KEYWORD, (m) => m.replace(' ', ''));
}

type TextField =
  | 'endToEndId'
  | 'customerReference'
  | 'mandateId'
  | 'creditorId'
  | 'debtorId'
  | 'ultimateDebtor'
  | 'ultimateCreditor'
  | 'iban'
  | 'bic'
  | 'purposeCode';
const FIELD_OF: readonly (readonly [Keyword, TextField])[] = [
  ['EREF', 'endToEndId'],
  ['KREF', 'customerReference'],
  ['MREF', 'mandateId'],
  ['CRED', 'creditorId'],
  ['DEBT', 'debtorId'],
  ['ABWA', 'ultimateDebtor'],
  ['ABWE', 'ultimateCreditor'],
  ['IBAN', 'iban'],
  ['BIC', 'bic'],
  ['PURP', 'purposeCode'],
];

export type SepaFields = {
  remittance?: string;
  endToEndId?: string;
  customerReference?: string;
  mandateId?: string;
  creditorId?: string;
  debtorId?: string;
  ultimateDebtor?: string;
  ultimateCreditor?: string;
  iban?: string;
  bic?: string;
  purposeCode?: string;
  creditorReference?: string;
  /** True when at least one keyword was found. */
  structured: boolean;
};

/**
 * Identifiers written with a label instead of a SEPA keyword, in texts of the first SEPA years and of some banks
 * to this day ("END-TO-END-REF.: 16461823.117162119 CORE / MANDATSREF.: MA6105423J8 GLÄUBIGER-ID: DE21ZTZ…"):
 * taken out of the text like a keyword's value. The umlaut may come garbled from an old code page ("GLM-DUBIGER").
 */
const LABELLED: readonly [RegExp, 'endToEndId' | 'mandateId' | 'creditorId'][] = [
  [/\bEND-?TO-?END-?REF(?:ERENZ)?\.?:\s*(\S+)/i, 'endToEndId'],
  [/\bMANDATSREF(?:ERENZ)?\.?:\s*(\S+)/i, 'mandateId'],
  [/\bGL\S{1,4}UBIGER-?ID\.?:\s*([A-Z]{2}\d{2}[A-Z0-9]{3,31})\b/i, 'creditorId'],
];

function labelledIdentifiers(text: string): { rest: string; fields: Partial<SepaFields> } {
  if (!text.includes(':')) return { rest: text, fields: {} };
  let rest = text;
  const fields: Partial<SepaFields> = {};
  for (const [label, field] of LABELLED) {
    const m = label.exec(cleanText(rest));
    const v = m?.[1]?.replace(/[.,;]$/, '');
    if (!m || !v || v.toUpperCase() === 'NOTPROVIDED') continue;
    fields[field] = v;
    rest = cleanText(rest).replace(m[0], ' ');
  }
  return { rest, fields };
}

/** Removes boundary marks, folds runs of whitespace into one blank, trims. Cheap when there is nothing to do. */
export function cleanText(s: string): string {
  let t = s.includes(BOUNDARY) ? s.split(BOUNDARY).join('') : s;
  // A soft hyphen (U+00AD) is an invisible hyphenation hint ("Handels\u00adgesellschaft"), never part of a name.
  if (t.includes('\u00ad')) t = t.split('\u00ad').join('');
  if (/\s\s|[\t\n\r\f\v\u00a0]/.test(t)) t = t.replace(/\s+/g, ' ');
  return t.trim();
}

function value(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const v = cleanText(s);
  return v === '' || v.toUpperCase() === 'NOTPROVIDED' ? undefined : v;
}

/**
 * Joins remittance fragments (e.g. ?20…?29, max 27 characters each). A fragment that starts with a SEPA keyword
 * starts a new segment. A fragment of full length was cut by the bank wherever the line was full, so it joins
 * without a blank. Legacy texts without keywords were written as lines: a shorter fragment ended a line, and a
 * blank follows. SEPA values (DFÜ-Abkommen, Anlage 3: SVWZ+, EREF+ …) are one continuous text that banks cut into
 * the subfields at any length: Volksbanks and Commerzbank cut well short of 27 characters in the middle of words,
 * IBANs and numbers ("IBAN: DE835" / "00105179219844142", "inklusi" / "ve"), others at the end of a word
 * ("Januar" / "Mitgliedsnr."). There a short fragment joins without a blank where the cut runs through a number
 * or a word (digit|digit, lower|lower, upper|upper), and with one where it most likely ends a word (lower|Upper,
 * between letters and digits, after punctuation).
 */
export function joinFragments(fragments: readonly string[], fullLength = 27): string {
  const sepa = fragments.some((f) => KEYWORD_AT_START.test(f));
  const parts: string[] = [];
  let previous: string | undefined;
  for (const f of fragments) {
    if (previous !== undefined) {
      const blank =
        KEYWORD_AT_START.test(f) ||
        (previous.length < fullLength && (!sepa || !cutInside(previous.at(-1) ?? ' ', f[0] ?? ' ')));
      if (blank) parts.push(' ');
      parts.push(BOUNDARY);
    }
    parts.push(f);
    previous = f;
  }
  return parts.join('');
}

/** Does a cut between these two characters run through a number or a word (see joinFragments)? */
function cutInside(before: string, after: string): boolean {
  const kind = (c: string) =>
    /\d/.test(c) ? 'digit' : /\p{Ll}/u.test(c) ? 'lower' : /\p{Lu}/u.test(c) ? 'upper' : 'other';
  const a = kind(before);
  return a !== 'other' && a === kind(after);
}

/**
 * Splits joined remittance text at SEPA keywords. Text without keywords is returned as remittance.
 * `anywhere`: keywords count even glued to the preceding text (CSV exports that concatenate the subfields).
 */
export function parseSepaKeywords(text: string, options: { anywhere?: boolean } = {}): SepaFields {
  const found: { keyword: Keyword; start: number; valueStart: number }[] = [];
  for (const m of text.matchAll(options.anywhere ? KEYWORD_NO_BOUNDARY : KEYWORD_ANYWHERE)) {
    found.push({ keyword: m[1] as Keyword, start: m.index, valueStart: m.index + m[0].length });
  }
  if (found.length === 0) {
    const labelled = labelledIdentifiers(text);
    const remittance = value(labelled.rest);
    return {
      structured: false,
      ...labelled.fields,
      ...(remittance ? { remittance } : {}),
      ...creditorRef(remittance),
    };
  }
  const values = new Map<Keyword, string>();
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    if (!f) continue;
    const end = found[i + 1]?.start ?? text.length;
    const v = text.slice(f.valueStart, end);
    const prev = values.get(f.keyword);
    values.set(f.keyword, prev === undefined ? v : `${prev} ${v}`);
  }
  // An identifier longer than 35 characters swallowed the following subfields, which the bank wrote without a
  // keyword (e.g. "EREF+TFNR 40001 00005?21MTLG:Grund …"): those subfields are remittance text.
  const overflow: string[] = [];
  for (const k of ID_KEYWORDS) {
    const raw = values.get(k);
    if (raw === undefined || cleanText(raw).length <= MAX_ID) continue;
    const parts = raw.split(BOUNDARY);
    let keep = parts[0] ?? '';
    let i = 1;
    for (; i < parts.length && cleanText(keep + (parts[i] ?? '')).length <= MAX_ID; i++)
      keep += parts[i] ?? '';
    if (i === parts.length) continue;
    values.set(k, keep);
    overflow.push(parts.slice(i).join(''));
  }
  const prefix = value(text.slice(0, found[0]?.start ?? 0));
  const svwz = value(values.get('SVWZ'));
  const remittance = [prefix, ...overflow.map(value), svwz].filter(Boolean).join(' ') || undefined;
  const result: SepaFields = { structured: true };
  if (remittance !== undefined) result.remittance = remittance;
  for (const [keyword, field] of FIELD_OF) {
    const raw = values.get(keyword);
    const v = raw === undefined ? undefined : value(raw);
    if (v !== undefined) result[field] = keyword === 'IBAN' || keyword === 'BIC' ? v.replace(/\s/g, '') : v;
  }
  const rf = creditorRef(remittance).creditorReference;
  if (rf) result.creditorReference = rf;
  return result;
}

/** An ISO 11649 creditor reference (RFnn…) at the start of the remittance text, if its check digits hold. */
export function creditorRef(remittance: string | undefined): { creditorReference?: string } {
  if (!remittance) return {};
  const candidates = [
    /^RF\d{2}[A-Z0-9]{1,21}(?=\s|$)/i.exec(remittance)?.[0],
    /^RF\d{2}(?: [A-Z0-9]{1,4}){1,6}(?=\s|$)/i.exec(remittance)?.[0], // printed in groups of four
  ];
  for (const c of candidates) {
    const compact = c?.replace(/\s/g, '').toUpperCase();
    if (compact && isValidCreditorReference(compact)) return { creditorReference: compact };
  }
  return {};
}
