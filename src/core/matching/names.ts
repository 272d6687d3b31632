/**
 * Payer and customer name normalisation (issue 5 §3): umlauts and other diacritics (Müller = Mueller =
 * MULLER), order of first and last name ("MUELLER, THOMAS"), titles and salutations, and company legal forms
 * (GmbH, UG (haftungsbeschränkt), e.K., …) so "Müller & Söhne GmbH" and "MUELLER UND SOEHNE" compare equal.
 */

import { byCodeUnits, sortSmall } from './small-sort.ts';

const LEGAL_FORMS = new Set([
  'gmbh',
  'mbh',
  'ug',
  'haftungsbeschrankt',
  'hb',
  'ek',
  'ekfr',
  'ekfm',
  'ohg',
  'kg',
  'ag',
  'gbr',
  'ev',
  'eg',
  'se',
  'kgaa',
  'partg',
  'ltd',
  'limited',
  'inc',
  'llc',
  'llp',
  'plc',
  'sarl',
  'sas',
  'sa',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'aps',
  'co',
  'corp',
  'company',
  'und',
  'and',
  'u',
  'cie',
  // Written out: Aktiengesellschaft, Kommanditgesellschaft, Gesellschaft mit beschränkter Haftung.
  'aktiengesellschaft',
  'kommanditgesellschaft',
  'gesellschaft',
  'mit',
  'beschrankter',
  'haftung',
]);
const TITLES = new Set([
  'herr',
  'herrn',
  'frau',
  'dr',
  'prof',
  'dipl',
  'ing',
  'mr',
  'mrs',
  'ms',
  'miss',
  'fam',
  'familie',
  'eheleute',
  // Academic and professional titles: "Dr. med.", "Dipl.-Kfm.", "Mag.", "Hr.", "Inh." (not "jun.", "phil.", "nat.",
  // "sen.": Jun, Phil, Nat and Şen are names too).
  'med',
  'rer',
  'jur',
  'kfm',
  'kffr',
  'mag',
  'mba',
  'hr',
  'fr',
  'inh',
]);

/*
 * Titles and legal forms are short words: a word of another length is none of them without a set lookup (which
 * hashes the word: once per word of every name the matcher reads).
 */
const STOP_WORD_LENGTHS: boolean[] = [];
for (const w of [...LEGAL_FORMS, ...TITLES]) STOP_WORD_LENGTHS[w.length] = true;

function isStopWord(w: string): boolean {
  return STOP_WORD_LENGTHS[w.length] === true && (LEGAL_FORMS.has(w) || TITLES.has(w));
}

/**
 * Lower case ASCII: ä/ae → a, ö/oe → o, ü/ue → u, ß → ss, ø → o, đ/dj → d, other diacritics dropped. Đ is "Dj" in
 * Serbian and Croatian passports and bank master data ("DJORDJE DJURIC") and "D" where a bank drops the stroke
 * ("DORDE DURIC"): both fold to what "Đorđe Đurić" folds to.
 */
export function foldName(text: string): string {
  const lower = text.toLowerCase();
  // Fast path: plain ASCII needs no Unicode normalisation (most bank payer fields are upper-case ASCII).
  const folded = /^[\x20-\x7e]*$/.test(lower) ? lower : foldMarks(lower);
  return folded.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u').replace(/dj/g, 'd');
}

/** foldName of lower-case text before its ae/oe/ue replacements: special letters, then diacritics dropped. */
function foldMarks(lower: string): string {
  return lower
    .replace(/ß/g, 'ss')
    .replace(/[øœ]/g, 'o')
    .replace(/æ/g, 'a')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/*
 * The letters of Latin-1 and Latin Extended-A (U+00C0–U+017F: the umlauts, accents and ß of most European names)
 * fold one by one: lower case, the replacements, NFD and dropping the marks never look at a neighbour there. So
 * each one's fold is made once, here, and nameTokens reads such names without normalising the whole text.
 */
const LATIN_FROM = 0xc0;
const LATIN_TO = 0x17f;
const LATIN_FOLDS: string[] = [];
for (let c = LATIN_FROM; c <= LATIN_TO; c++)
  LATIN_FOLDS.push(foldMarks(String.fromCharCode(c).toLowerCase()));

/**
 * `text` with its U+00C0–U+017F letters folded (the rest as it is), or undefined when it has other non-ASCII or
 * control characters.
 */
function latinFolded(text: string): string | undefined {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) continue;
    if (c < LATIN_FROM || c > LATIN_TO) return undefined;
    out += text.slice(from, i) + (LATIN_FOLDS[c - LATIN_FROM] as string);
    from = i + 1;
  }
  return out + text.slice(from);
}

/** Significant name tokens, sorted (order-independent), without titles and legal forms. */
export function nameTokens(text: string | null | undefined): string[] {
  if (!text) return [];
  // Runs every time the matcher indexes an order or reads a payer (100 000s per run): one split, no
  // intermediate arrays; the result is the same as replace → split → filter → Set → sort.
  // Printable ASCII, and Latin letters folded one by one, read in one pass (asciiWords); the rest as foldName says.
  const plain = isPrintableAscii(text) ? text : latinFolded(text);
  const words = plain !== undefined ? asciiWords(plain) : joinLetters(foldName(text).split(NOT_ALNUM));
  // Filtered, sorted and made unique in place (sorted, so duplicates are neighbours); then copied once, because
  // an array that grew by push keeps room for 16 or more: the order index keeps the tokens of every distinct
  // name of a run (~80 000 in the 100k speed set), and the copy holds just the tokens.
  let kept = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w.length > 1 && !isStopWord(w)) words[kept++] = w;
  }
  words.length = kept;
  sortSmall(words, byCodeUnits);
  let n = 0;
  for (let i = 0; i < words.length; i++)
    if (i === 0 || words[i] !== words[n - 1]) words[n++] = words[i] as string;
  return words.slice(0, n);
}

const NOT_ALNUM = /[^a-z0-9]+/;

/** "e. K." / "e.K." fold to "e k": one-letter runs are joined so they become "ek" before the legal-form check. */
function joinLetters(words: readonly string[]): string[] {
  const joined: string[] = [];
  for (const w of words) if (w.length > 0) pushJoined(joined, w);
  return joined;
}

function pushJoined(joined: string[], w: string): void {
  const prev = joined[joined.length - 1];
  if (w.length === 1 && prev?.length === 1) joined[joined.length - 1] = prev + w;
  else joined.push(w);
}

function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * joinLetters(foldName(text).split(NOT_ALNUM)) for printable ASCII (most names, all bank payer fields) or text
 * whose Latin letters are folded already (latinFolded), in one pass: the runs of a–z and digits are the words
 * (any other character separates them, as NOT_ALNUM does), and foldName's ae/oe/ue replacements, which never
 * reach across a separator, are made per word (the same replacements in the same order).
 */
function asciiWords(text: string): string[] {
  const lower = text.toLowerCase();
  const joined: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const alnum = i < lower.length && isAlnum(lower.charCodeAt(i));
    if (alnum && start < 0) start = i;
    else if (!alnum && start >= 0) {
      let w = lower.slice(start, i);
      if (hasUmlautPair(w)) w = w.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
      if (w.indexOf('dj') >= 0) w = w.replace(/dj/g, 'd');
      pushJoined(joined, w);
      start = -1;
    }
  }
  return joined;
}

/**
 * Does the word write "ae", "oe" or "ue"? Without one the three replacements leave it as it is, and most words
 * have none ("stefan" has an "e", no pair): a character loop instead of three regular expression calls per word.
 */
function hasUmlautPair(w: string): boolean {
  for (let i = w.indexOf('e', 1); i > 0; i = w.indexOf('e', i + 1)) {
    const c = w.charCodeAt(i - 1);
    if (c === 97 || c === 111 || c === 117) return true;
  }
  return false;
}

/** Legal forms that name the same form: "mbH" is "GmbH", "Limited" is "Ltd", "(haftungsbeschränkt)" is "UG". */
const SAME_FORM: Readonly<Record<string, string>> = {
  mbh: 'gmbh',
  limited: 'ltd',
  haftungsbeschrankt: 'ug',
  hb: 'ug',
  aktiengesellschaft: 'ag',
  kommanditgesellschaft: 'kg',
  haftung: 'gmbh',
};
/** LEGAL_FORMS' connectors and parts, which are no form of their own ("& Co.", "und", "Cie", "Gesellschaft mit"). */
const CONNECTORS = new Set([
  'co',
  'company',
  'und',
  'and',
  'u',
  'cie',
  'gesellschaft',
  'mit',
  'beschrankter',
]);

/** The legal forms a name writes ("Müller GmbH & Co. KG" -> "gmbh kg"), sorted; '' when none. */
export function legalForms(text: string | null | undefined): string {
  const forms = new Set<string>();
  for (const w of joinLetters(foldName(text ?? '').split(NOT_ALNUM)))
    if (LEGAL_FORMS.has(w) && !CONNECTORS.has(w)) forms.add(SAME_FORM[w] ?? w);
  return sortSmall([...forms], byCodeUnits).join(' ');
}

/** Are all forms of `a` (legalForms) among those of `b`? */
function formsWithin(a: string, b: string): boolean {
  const of = b.split(' ');
  return a !== '' && a.split(' ').every((f) => of.includes(f));
}

/**
 * Does a payer whose name equals a customer's company name (legal forms left out) name that company? Not when
 * both write a legal form and the forms differ ("Müller AG" is not "Müller GmbH"), and for a company of one word
 * only when the payer writes the same legal form: "HERR MUELLER", "Familie Müller" or "T. Müller" is a person
 * sharing the surname with "Müller GmbH", not the company.
 */
export function namesCompany(
  payer: string,
  company: string | null | undefined,
  companyTokens: number,
): boolean {
  const payerForms = legalForms(payer);
  const companyForms = legalForms(company);
  // A bank cuts long payer names ("MUELLER HOLZBAU GMBH + CO" for "… GmbH & Co. KG"): forms agree when one
  // name's forms are among the other's.
  const agree = formsWithin(payerForms, companyForms) || formsWithin(companyForms, payerForms);
  if (payerForms !== '' && companyForms !== '' && !agree) return false;
  return companyTokens >= 2 || (payerForms !== '' && companyForms !== '' && agree);
}

/**
 * Fewer than two significant words (titles, legal forms and initials left out): "Familie Schneider", "HERR
 * SCHNEIDER", "Schneider GmbH" — a surname alone. "Günther Günther" has two words, though one token.
 */
export function isSingleWordName(text: string | null | undefined): boolean {
  let n = 0;
  for (const w of foldName(text ?? '').split(NOT_ALNUM))
    if (w.length > 1 && !isStopWord(w) && ++n >= 2) return false;
  return true;
}

/**
 * The keys (nameKey form) of every run of two or three consecutive words of a free text, titles and legal forms
 * left out: what to look up in a name index to find full names written in a remittance ("fuer Julia Weber",
 * "Weber, Julia"). Letters only (digits are numbers, not names), at most the first 40 words.
 */
export function nameKeysInText(text: string | null | undefined): string[] {
  if (!text || !/[A-Za-zÀ-ÿ]{2}/.test(text)) return [];
  const words: string[] = [];
  for (const w of foldName(text).split(/[^a-z]+/)) {
    if (w.length > 1 && !isStopWord(w)) words.push(w);
    if (words.length >= 40) break;
  }
  const keys: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i] as string;
    const b = words[i + 1] as string;
    if (a !== b) keys.push(a < b ? `${a} ${b}` : `${b} ${a}`);
    const c = words[i + 2];
    if (c !== undefined && c !== a && c !== b) keys.push(sortSmall([a, b, c], byCodeUnits).join(' '));
  }
  return keys;
}

/** The words of a name in the order written, folded (foldName), without titles, legal forms and single letters. */
export function nameTokensInOrder(text: string | null | undefined): string[] {
  const out: string[] = [];
  for (const w of foldName(text ?? '').split(NOT_ALNUM)) if (w.length > 1 && !isStopWord(w)) out.push(w);
  return out;
}

/** The normalised key of a name: sorted tokens joined by one space ('' when nothing is left). */
export function nameKey(text: string | null | undefined): string {
  return nameTokens(text).join(' ');
}

/** Pairs of tokens (sorted), the index keys for "same person, one extra middle name or second surname". */
export function tokenPairs(tokens: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < tokens.length; i++)
    for (let j = i + 1; j < tokens.length; j++) pairs.push(`${tokens[i]} ${tokens[j]}`);
  return pairs;
}

export type NameAgreement = 'exact' | 'partial' | 'none';

/**
 * How well a payer name agrees with a customer name or company: `exact` when the token sets are equal,
 * `partial` when one contains the other with at least two shared tokens (middle names, double surnames,
 * "THOMAS UND ANNA MUELLER"), else `none`. A shared surname alone is not agreement: too common.
 */
export function compareNames(payer: readonly string[], customer: readonly string[]): NameAgreement {
  if (payer.length === 0 || customer.length === 0) return 'none';
  // The same list (the order index normalises each spelling once): the payer is the customer, as written.
  if (payer === customer) return 'exact';
  // Both token lists are sorted and unique (nameTokens): count the shared tokens by merging, no allocation.
  let shared = 0;
  for (let i = 0, j = 0; i < payer.length && j < customer.length;) {
    const a = payer[i] as string;
    const b = customer[j] as string;
    if (a === b) {
      shared++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  if (shared === payer.length && shared === customer.length) return 'exact';
  if (shared >= 2 && (shared === payer.length || shared === customer.length)) return 'partial';
  // Single-token company names ("ACME") agree only exactly.
  return 'none';
}

/** Customer identity key for learning: the e-mail when known, else the normalised name. */
export function customerKey(order: {
  email?: string | null;
  customerName?: string | null;
  company?: string | null;
}): string | undefined {
  const email = order.email?.trim().toLowerCase();
  if (email) return `email:${email}`;
  const key = nameKey(order.company || order.customerName);
  return key ? `name:${key}` : undefined;
}

/** IBAN without spaces, upper case. */
export function normaliseIban(iban: string | null | undefined): string | undefined {
  if (!iban) return undefined;
  // Most IBANs arrive compact and in upper case (CAMT, MT940): then there is nothing to copy.
  if (/^[A-Z0-9]+$/.test(iban)) return iban;
  const clean = iban.replace(/\s+/g, '').toUpperCase();
  return clean ? clean : undefined;
}
