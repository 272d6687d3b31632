/**
 * Candidate order and invoice numbers in what the payer wrote (issue 5 §2), for references-extract.ts
 * extractReferences. They are only candidates: the matcher looks each one up in the index of open orders, so a
 * token counts only when an order with exactly that number exists. The text is masked first (remittance-text.ts:
 * IBANs, dates, amounts, customer and contract numbers, postcodes after a street), then tokenised; tokens are
 * joined across blanks and line breaks where a bank wrapped a number, and a shop's own number pattern finds numbers
 * glued to a keyword.
 */
import { hasDigit, isDigitAt, numberCore, numberKey } from './number-keys.ts';
import { isJoiner, isTokenChar, maskNonOrderNumbers, tokenize, type Token } from './remittance-text.ts';
import { appended, EMPTY_LIST } from './lists.ts';

export type NumberCandidate = {
  /** Upper-case alphanumeric key, e.g. `WC10023`, `RE202600123`. */
  key: string;
  /** The last digit run without leading zeros (`10023`, `123`), or '' when the token has no digits. */
  core: string;
  /** True when the candidate was put together from tokens separated by a space or a line break. */
  joined: boolean;
  /** An order keyword ("Bestellung", "Rechnung", "Order", "#") right before the token. */
  keyword: boolean;
  /**
   * A word that names an order, not an invoice or a reference ("Bestellung", "Auftrag", "Order", "#", also with
   * "Nr." between), right before the token: the number is meant as an order number.
   */
  orderWord: boolean;
  /** The same for an invoice ("Rechnung", "RE", "Invoice", also with "Nr." between): meant as an invoice number. */
  invoiceWord: boolean;
  /**
   * Set when every occurrence is a bare number of 4–5 digits followed by a word ("80331 MUENCHEN"): the shape of
   * a postcode and its place (DE/FR/IT/ES: 5 digits; AT/CH/BE/DK: 4). The word, as written; the matcher checks
   * whether it is a name of the payer or the customer instead ("20345 THOMAS MUELLER").
   */
  place?: string | undefined;
  /**
   * The token as written, when it separates two digits with '-', '/' or '_' ("10023-1", "10023/2") and no other
   * occurrence of the key writes them together: a suffix (part delivery, instalment) or a second number, so it does
   * not name an order whose number has those digits side by side (100231). Undefined for most tokens.
   */
  splitAt?: string | undefined;
  /**
   * For a candidate joined from tokens (`joined`): the key of its first token. A first token that is a number of an
   * order by itself ("Bestellung 10023 1 Stueck") is that number, not the start of a wrapped longer one.
   */
  head?: string | undefined;
  /**
   * Read from an identifier field only (end-to-end id, EREF+/KREF+, the structured reference), not from the free
   * text: the payer's or their bank's own reference, which names our order only by agreement with the payer.
   */
  fromId?: true;
  /**
   * Named only in an abbreviated list of one customer's consecutive orders ("10023/24", "10023, 24 u. 25"): the keys of
   * the whole list, its first number and each number the list writes by its last digits (here in full). Such a number
   * names an order only together with the rest of the list (single.ts number_abbreviated, combined.ts). Undefined
   * for most candidates, and for a number also written in full.
   */
  listed?: readonly string[] | undefined;
};

/** Words that name an order (not an invoice, a reference or a payment): see NumberCandidate.orderWord. */
const ORDER_WORDS = new Set([
  'BESTELLUNG',
  'BESTELLUNGEN',
  'BESTELLNR',
  'BESTELLNUMMER',
  'BESTELL',
  'BEST',
  'BESTNR',
  'AUFTRAG',
  'AUFTRAEGE',
  'AUFTRÄGE',
  'AUFTRAGSNR',
  'AUFTRAGSNUMMER',
  'ORDER',
  'ORDERS',
  'ORDERNR',
  'ORDERNUMBER',
]);
/** Words that name an invoice: see NumberCandidate.invoiceWord. */
const INVOICE_WORDS = new Set([
  'RECHNUNG',
  'RECHNUNGEN',
  'RECHNUNGSNR',
  'RECHNUNGSNUMMER',
  'RG',
  'RGNR',
  'RE',
  'RNR',
  'INVOICE',
  'INV',
]);
/** Words between an order word and its number ("Bestellung Nr. 10023"). */
const NUMBER_WORDS = new Set(['NR', 'NO', 'NUMMER']);
/**
 * Words before a number the payer meant as a reference: the order words, invoices, the shop's "Vorgang", joiners.
 * Not "Beleg": a voucher of the payer's own books ("Beleg 4711", "Beleg-Nr.", "Belegnummer"). order-labels.ts reads
 * "Beleg-Nr." and "Belegnr." as another label; the number after "Beleg" alone stays a bare number, so that one naming
 * another customer's open order keeps the payer pass from deciding.
 */
const ORDER_KEYWORDS = new Set([
  ...ORDER_WORDS,
  ...NUMBER_WORDS,
  ...INVOICE_WORDS,
  ...['VORGANG', 'REF', 'REFERENZ', 'ZAHLUNG', 'FUER', 'FÜR', 'FOR', 'UND', 'AND'],
]);

/** Is `word` (upper case) a word that introduces a number ("BESTELLUNG", "RECHNUNG", "NR", "REF")? */
export function isOrderKeyword(word: string): boolean {
  return ORDER_KEYWORDS.has(word);
}

/**
 * Does a written number's letter part fit an order number found by its digits ("10023", "#10023", "Nr10023",
 * "WC10023" for WC-10023)? Other letters ("RE10023", "GS10023") say it is another kind of number — the shop's
 * separately counted invoice, a voucher — whose digits only happen to be the order's.
 */
export function lettersAgree(writtenKey: string, number: string, field: 'number' | 'invoice'): boolean {
  // Most numbers are written as digits alone ("10023"): they agree with any order number, nothing to compare.
  let letters = false;
  for (let i = 0; i < writtenKey.length && !letters; i++) letters = !isDigitAt(writtenKey, i);
  if (!letters) return true;
  const written = writtenKey.replace(DIGIT_RUNS, '');
  if (written === '' || written === numberKey(number).replace(DIGIT_RUNS, '')) return true;
  // A glued keyword ("Nr10023", "Bestellnr10023") — but an invoice prefix glued to the digits ("RE-10023",
  // "RG10023") formats an invoice number, which is no order number.
  return ORDER_KEYWORDS.has(written) && (field === 'invoice' || !INVOICE_PREFIXES.has(written));
}

/** (A module constant: a literal is a new object per call. Global, but replace starts and ends at lastIndex 0.) */
const DIGIT_RUNS = /\d+/g;

const INVOICE_PREFIXES = new Set(['RE', 'RG', 'RNR', 'RGNR', 'RECHNUNG', 'RECHNUNGSNR', 'INV', 'INVOICE']);

/** Four or more letters A–Z, Ä, Ö, Ü and nothing else (a word, no number): /^[A-ZÄÖÜ]{4,}$/ without the regex call. */
function isWord(text: string): boolean {
  if (text.length < 4) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || c === 196 || c === 214 || c === 220)) return false;
  }
  return true;
}

function pushCandidate(
  out: Found,
  text: string,
  joined: boolean,
  keyword: boolean,
  /** The place word when this occurrence looks like a postcode, null when it does not, undefined: no opinion. */
  place: string | null | undefined,
  orderWord = false,
  invoiceWord = false,
  /** For a joined candidate: its first token (NumberCandidate.head is its key). */
  headText?: string,
): void {
  // A key has a digit exactly when the text has one (numberKey keeps the digits): words are skipped before
  // their key is built.
  if (!hasDigit(text)) return;
  const key = numberKey(text);
  if (key.length < 3 || key.length > 24) return;
  const split = !joined && key.length !== text.length && separatesDigits(text);
  const existing = out.get(key);
  if (existing) {
    existing.keyword ||= keyword;
    existing.orderWord ||= orderWord;
    existing.invoiceWord ||= invoiceWord;
    existing.joined &&= joined;
    // Written once with the digits together: that occurrence names the order.
    if (!split && !joined) existing.splitAt = undefined;
    existing.listed = undefined;
    if (!existing.joined) existing.head = undefined;
    // Written once as a postcode and once otherwise: the other occurrence counts.
    if (place === null) existing.place = undefined;
    return;
  }
  const candidate: NumberCandidate = {
    key,
    core: numberCore(text),
    joined,
    keyword,
    orderWord,
    invoiceWord,
  };
  if (place) candidate.place = place;
  if (split) candidate.splitAt = text;
  if (joined && headText !== undefined) candidate.head = numberKey(headText);
  out.add(candidate);
}

/** The parts of a token of digit runs of one length (5–8) joined by '-', '/' or '_', as candidates of their own. */
function pushParts(
  found: Found,
  text: string,
  keyword: boolean,
  orderWord: boolean,
  invoiceWord: boolean,
): void {
  const parts = text.split(/[-/_]/);
  const n = parts[0]?.length ?? 0;
  if (n < 5 || n > 8 || parts.some((part) => part.length !== n || !/^[1-9]\d*$/.test(part))) return;
  for (const part of parts) pushCandidate(found, part, false, keyword, null, orderWord, invoiceWord);
}

/** The first number of an abbreviated list ("10023/24"): 5–8 digits, no leading zero (an order number's shape). */
const LIST_HEAD = /^[1-9]\d{4,7}$/;
/** "10023/24", "10023/24/25": the first number and the last one or two digits of each further one. */
const SLASHED_LIST = /^([1-9]\d{4,7})((?:\/\d{1,2})+)$/;
/** Between the numbers of a list written with tokens of their own: a comma, '+', '&' or '/', blanks around it. */
const LIST_GAP = /^ *[,+&/] *$/;
const LIST_TAIL = /^\d{1,2}$/;
/** After "U" or "UND" in a list: its dot, if any, and blanks. */
const LIST_AND = /^\.? +$/;

/**
 * Lists of one customer's consecutive orders written with the first number in full and the others by their last
 * one or two digits: "10023/24" (the token `i`), "10023, 24 u. 25", "10023 + 24" (the tokens after it). Each number
 * of the list is a candidate marked `listed`; the first of a list of tokens is a candidate of its own already. Only
 * ascending lists (each number above the one before: "10023, 12" lists nothing); the digits may be a year ("Rechnung
 * 10023/24") or a quantity, so the matcher takes such numbers only together, paid exactly (combined.ts).
 */
function abbreviatedList(
  found: Found,
  masked: string,
  tokens: readonly Token[],
  i: number,
  flags: { keyword: boolean; orderWord: boolean; invoiceWord: boolean },
): void {
  const tok = tokens[i] as Token;
  const slashed = SLASHED_LIST.exec(tok.text);
  const head = slashed ? (slashed[1] as string) : tok.text;
  const tails = slashed ? (slashed[2] as string).slice(1).split('/') : tailsAfter(masked, tokens, i);
  if (tails.length === 0 || (slashed && !endsList(masked, tokens, i))) return;
  const keys = [head];
  for (const tail of tails) {
    const next = head.slice(0, head.length - tail.length) + tail;
    if (next <= (keys[keys.length - 1] as string)) return;
    keys.push(next);
  }
  Object.freeze(keys);
  for (let k = slashed ? 0 : 1; k < keys.length; k++) {
    const key = keys[k] as string;
    if (found.get(key)) continue;
    pushCandidate(found, key, false, flags.keyword, null, flags.orderWord, flags.invoiceWord);
    const c = found.get(key);
    if (c) c.listed = keys;
  }
}

/** May the token after a number continue an abbreviated list: one or two digits, "U" or "UND"? */
function mayContinueList(next: Token | undefined): boolean {
  if (next === undefined || next.text.length > 3) return false;
  return isDigitAt(next.text, 0) || next.text === 'U' || next.text === 'UND';
}

/** The one or two digits after tokens[i] that continue a list ("10023, 24 u. 25" -> 24, 25); [] when none do. */
function tailsAfter(masked: string, tokens: readonly Token[], i: number): string[] {
  const tails: string[] = [];
  let last = i;
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    let gap = masked.slice((tokens[j - 1] as Token).end, t.start);
    // "u." or "und" between the last two: the token after it continues the list.
    if ((t.text === 'U' || t.text === 'UND') && gap.trim() === '' && j + 1 < tokens.length) {
      const after = tokens[j + 1] as Token;
      gap = masked.slice(t.end, after.start);
      if (!LIST_AND.test(gap) || !LIST_TAIL.test(after.text)) break;
      tails.push(after.text);
      last = ++j;
      continue;
    }
    if (!LIST_GAP.test(gap) || !LIST_TAIL.test(t.text)) break;
    tails.push(t.text);
    last = j;
  }
  return tails.length > 0 && endsList(masked, tokens, last) ? tails : [];
}

/**
 * Does the list end at tokens[j]? Not when decimals or a date go on (",5", ".11.": "10023, 24.11." is an order and a
 * day) nor when a unit follows ("10023 u. 24 Stueck" orders 24 pieces).
 */
function endsList(masked: string, tokens: readonly Token[], j: number): boolean {
  const t = tokens[j] as Token;
  const c = masked.charCodeAt(t.end);
  if ((c === 44 || c === 46) && isDigitAt(masked, t.end + 1)) return false;
  const next = tokens[j + 1];
  return next === undefined || !UNITS.has(next.text);
}

/** Words of a quantity or an amount after a number. */
const UNITS = new Set([
  'ST',
  'STK',
  'STCK',
  'STÜCK',
  'STUECK',
  'X',
  'MAL',
  'PCS',
  'KG',
  'G',
  'L',
  'M',
  'CM',
  'EUR',
  'EURO',
]);

/** Does a character that is no letter or digit stand between two digits of the text ("10023-1", "2026/0042")? */
function separatesDigits(text: string): boolean {
  for (let i = 1; i + 1 < text.length; i++)
    if (!isTokenChar(text.charCodeAt(i)) && isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) return true;
  return false;
}

/** A character numberKey keeps (ASCII letters and digits). */
function isKeyChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Does `written` separate two digits that `own` writes side by side? Both have the same key (the same letters and
 * digits): "10023-1" splits a run of order 100231's number; "RE-2026-0042" does not split invoice RE-2026-0042's.
 */
export function splitsDigitRun(written: string, own: string): boolean {
  let i = 0;
  let j = 0;
  let prevDigit = false;
  for (;;) {
    let gap = false;
    while (i < written.length && !isKeyChar(written.charCodeAt(i))) {
      i++;
      gap = true;
    }
    let ownGap = false;
    while (j < own.length && !isKeyChar(own.charCodeAt(j))) {
      j++;
      ownGap = true;
    }
    if (i >= written.length || j >= own.length) return false;
    const digit = isDigitAt(written, i);
    if (gap && !ownGap && prevDigit && digit) return true;
    prevDigit = digit;
    i++;
    j++;
  }
}

/**
 * The number candidates of a text in the order they were found, by key. A text has a handful: a scan of the short
 * list costs less than a map per posting; a long text (a CSV export's free-text column) gets the map after 16.
 */
export class Found {
  /** In the order found; a new list of the exact length per addition (lists.ts appended: most texts have one to three). */
  items: readonly NumberCandidate[] = EMPTY_LIST;
  /** The values the masking took out after a label of another kind of number (remittance-text.ts LabelValues). */
  labelValues: readonly string[] = EMPTY_LIST;
  private byKey: Map<string, NumberCandidate> | undefined;

  get(key: string): NumberCandidate | undefined {
    if (this.byKey) return this.byKey.get(key);
    for (const c of this.items) if (c.key === key) return c;
    return undefined;
  }

  add(c: NumberCandidate): void {
    this.items = appended(this.items, c);
    if (this.byKey) this.byKey.set(c.key, c);
    else if (this.items.length > 16) this.byKey = new Map(this.items.map((x) => [x.key, x]));
  }
}

/**
 * The word after a bare 4–5 digit token, when the two look like a postcode and a place: "80331 MUENCHEN",
 * "10117 BERLIN-MITTE", "06108 HALLE/SAALE", "66386 ST. INGBERT", "10117, BERLIN", or the place on the next line
 * of an address.
 */
function placeAfter(
  masked: string,
  tok: Token,
  next: Token | undefined,
  keyword: boolean,
): string | undefined {
  if (keyword || !next || !POSTCODE_SHAPE.test(tok.text)) return undefined;
  const place = PLACE.exec(next.text)?.[1];
  if (!place || ORDER_KEYWORDS.has(place)) return undefined;
  // A two-letter word is a place only as an abbreviation ("ST.", "BAD" has three).
  if (place.length === 2 && masked[next.end] !== '.') return undefined;
  return PLACE_GAP.test(masked.slice(tok.end, next.start)) ? place : undefined;
}

/*
 * The expressions of this file are module constants: a literal in a function body is a new object each time it is
 * evaluated, and these run per token of every posting. None is global except GLUED_BREAK (only used by replace,
 * which starts at lastIndex 0 and leaves it there).
 */
const POSTCODE_SHAPE = /^\d{4,5}$/;
/** Between a postcode and its place: one or two blanks, a comma, or a line break. */
const PLACE_GAP = /^(?:[ \t]{1,2}|,[ \t]{0,2}|[ \t]*\n[ \t]*)$/;
/** Between tokens of one wrapped number: one or two blanks, or a hyphen or slash left at the end of a line. */
const WRAP_GAP = /^(?:\s{1,2}|[-/][ \t]*\n[ \t]*)$/;
const THOUSANDS_HEAD = /^\d{1,3}$/;
const THOUSANDS_GROUP = /^\d{3}$/;
const GLUED_BREAK = /[ \t]*\n[ \t]*/g;

/** A place name's token: letters, possibly joined to more words by '-' or '/' (the first word is returned). */
const PLACE = /^([A-ZÄÖÜ]{2,})(?:[-/][A-Z]{2,})*$/;

/**
 * The number candidates of a free text, by key, into `found` (empty: the remittance is the only free text), and the
 * values masked after labels of other numbers into `found.labelValues`.
 */
export function numberCandidates(text: string, patterns: readonly RegExp[], found: Found): void {
  // Without a digit there is no number (all keys need one): skip the masking work.
  if (!hasDigit(text)) return;
  const masked = maskNonOrderNumbers(text, found);
  const tokens = tokenize(masked);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok) continue;
    // A word is no candidate and starts no joined one (below): most tokens, skipped before the keyword lookups.
    const digit = hasDigit(tok.text);
    if (!digit && isWord(tok.text)) continue;
    // (Not tokens[i - 1] for the first token: an index of -1 is a property lookup on the array's prototype chain.)
    const prev = i > 0 ? tokens[i - 1] : undefined;
    const keyword = (prev !== undefined && ORDER_KEYWORDS.has(prev.text)) || masked[tok.start] === '#';
    // Asked only of a token with a digit (most tokens are words, which are no candidates).
    const orderWord =
      keyword &&
      digit &&
      (masked[tok.start] === '#' ||
        (prev !== undefined &&
          (ORDER_WORDS.has(prev.text) ||
            (NUMBER_WORDS.has(prev.text) && i > 1 && ORDER_WORDS.has(tokens[i - 2]?.text ?? '')))));
    const invoiceWord =
      keyword &&
      !orderWord &&
      digit &&
      prev !== undefined &&
      (INVOICE_WORDS.has(prev.text) ||
        (NUMBER_WORDS.has(prev.text) && i > 1 && INVOICE_WORDS.has(tokens[i - 2]?.text ?? '')));
    pushCandidate(
      found,
      tok.text,
      false,
      keyword,
      placeAfter(masked, tok, tokens[i + 1], keyword) ?? null,
      orderWord,
      invoiceWord,
    );
    // "10023/24", "10023, 24 u. 25": an abbreviated list. Only read when a number of an order number's shape is
    // followed by '/' in its token or by a list's separator (most numbers are followed by a blank and a word).
    if (
      digit &&
      (tok.text.indexOf('/') > 0
        ? SLASHED_LIST.test(tok.text)
        : mayContinueList(tokens[i + 1]) && LIST_HEAD.test(tok.text))
    )
      abbreviatedList(found, masked, tokens, i, { keyword, orderWord, invoiceWord });
    // "10023/10024", "10023-10024": a list of numbers of the same length (five digits or more; four would take
    // "2026-0042" for two numbers), each a candidate of its own as well.
    if (tok.text.length >= 11 && separatesDigits(tok.text))
      pushParts(found, tok.text, keyword, orderWord, invoiceWord);
    // "WC-100 23", "RE 2026 00123", a number broken by a line break: join 2 or 3 adjacent tokens that are
    // separated by whitespace only (never across a masked span, which leaves a wide gap of spaces).
    // Words ("BESTELLUNG", "DANKE") are not part of a number (skipped above); short letter groups may be its prefix
    // ("RE 2026 00123").
    let joinedText = tok.text;
    // After an order or invoice word, digits grouped by thousands ("Bestellung 10.023", Swiss "10'023") are one
    // number ("Zahlung 10.023" may be an amount).
    let thousands = (orderWord || invoiceWord) && THOUSANDS_HEAD.test(tok.text);
    for (let j = i + 1; j < Math.min(tokens.length, i + 3); j++) {
      const a = tokens[j - 1];
      const b = tokens[j];
      if (!a || !b) break;
      const gap = masked.slice(a.end, b.start);
      thousands &&= (gap === '.' || gap === "'") && THOUSANDS_GROUP.test(b.text);
      // A hyphen or slash may stay at the end of a wrapped line ("RE-2026-" / "0042": banks wrap remittance lines
      // at a fixed width, MT940 :86: subfields at 27 characters).
      if (
        !thousands &&
        // (One blank, the usual gap, is asked without the expression.)
        ((gap !== ' ' && !WRAP_GAP.test(gap)) || ORDER_KEYWORDS.has(b.text) || isWord(b.text))
      )
        break;
      joinedText += ` ${b.text}`;
      pushCandidate(found, joinedText, true, keyword, null, false, false, tok.text);
    }
  }
  // Shop patterns (ShopMapping.orderNumberPattern / invoiceNumberPattern) find the shop's numbers where the
  // tokens do not: glued to an order keyword ("Bestellnr10023"), or broken by a line break ("100\n23", the
  // second pass). Only as a whole token, though: "Kundennr10500", "030-10500", "4711-10500" or "10500-2" hold
  // a digit run that fits "\d{5,}" without being an order number.
  if (patterns.length === 0) return;
  const glued = masked.replace(GLUED_BREAK, '');
  for (const re of patterns) {
    for (const m of masked.matchAll(re)) patternHit(found, masked, m, false);
    if (glued !== masked) for (const m of glued.matchAll(re)) patternHit(found, glued, m, true);
  }
}

const isAlnumAt = (text: string, i: number) => i >= 0 && i < text.length && isTokenChar(text.charCodeAt(i));
const isJoinerAt = (text: string, i: number) => isJoiner(text.charCodeAt(i));

/** A shop pattern's match, when it stands as a token of its own or after a glued order keyword. */
function patternHit(found: Found, text: string, m: RegExpExecArray, joined: boolean): void {
  const start = m.index;
  const end = start + m[0].length;
  // Part of a longer token: "DE-10117", "10500-2", "12/345/10500". (A word may follow: "BESTELLUNGWC-10023DANKE".)
  if (isJoinerAt(text, start - 1) && isAlnumAt(text, start - 2)) return;
  if (isJoinerAt(text, end) && isAlnumAt(text, end + 1)) return;
  // Glued to letters: only an order keyword may precede ("BESTELLNR10023", not "KUNDENNR10500").
  let from = start;
  while (isAlnumAt(text, from - 1)) from--;
  const glued = from < start ? text.slice(from, start) : '';
  if (glued && !ORDER_KEYWORDS.has(glued)) return;
  pushCandidate(
    found,
    m[0],
    joined,
    from < start,
    undefined,
    ORDER_WORDS.has(glued),
    INVOICE_WORDS.has(glued),
  );
}

/** Compiles a shop's number pattern for scanning free text (global, case-insensitive); undefined if invalid. */
export function compileNumberPattern(source: string | undefined): RegExp | undefined {
  if (!source) return undefined;
  try {
    const inner = source.replace(/^\^/, '').replace(/\$$/, '');
    return new RegExp(`(?<!\\d)(?:${inner})(?!\\d)`, 'gi');
  } catch {
    return undefined;
  }
}
