/**
 * What reference extraction does to a remittance text before it reads numbers from it (references-extract.ts):
 * masking what looks like a number but is no order number, and splitting the rest into tokens. Masks replace a
 * span with spaces of the same length, so positions and line structure stay put for the tokens.
 */
import { isValidIBAN } from 'ibantools';
import { appended } from './lists.ts';
import { isDigitAt, numberKey } from './number-keys.ts';
import { afterOrderKeyword, isOrderStem, wordBefore } from './order-labels.ts';

/**
 * German and English month names and their usual abbreviations, followed by a four-digit year, optionally with
 * the day in between as English dates write it ("Nov 26, 2026", "November 26th 2026").
 */
const MONTH_YEAR =
  /\b((?:JANUAR|JANUARY|JAN|FEBRUAR|FEBRUARY|FEB|MÄRZ|MAERZ|MARCH|MAR|MRZ|APRIL|APR|MAI|MAY|JUNI|JUNE|JUN|JULI|JULY|JUL|AUGUST|AUG|SEPTEMBER|SEPT|SEP|OKTOBER|OCTOBER|OKT|OCT|NOVEMBER|NOV|DEZEMBER|DECEMBER|DEZ|DEC)\.?\s*(?:[0-3]?\d(?:ST|ND|RD|TH)?\.?,?\s+)?)((?:19|20)\d{2})\b/g;

/**
 * Words that introduce a value which is never one of our order numbers: customer, debtor, creditor and supplier
 * numbers (B2B payment advices), contract, member and mandate references, phone, IBAN/BIC and account numbers,
 * article numbers ("Art.-Nr. 10023", "SKU 10023", "EAN …": what was bought, not which order), parcel and
 * tracking numbers, the numbers of insurers' and employers' payments (claim, file, policy, personnel), tax
 * numbers, public cash references (Kassenzeichen), the sender's file mark ("Ihr Zeichen"), vouchers, support
 * tickets and quotes (Angebot: counted separately from orders in most invoicing tools), delivery notes, cost
 * centres, meters and the buyer's own purchase order ("PO 4500012345"). Stems of hyphenated
 * forms are listed on their own ("Debitoren-Nr.", "Mitgl.-Nr.", "Mandats-Ref.": stem, separators, NR/REF).
 * Labels of other stems joined to "Nr.", "Nummer", "ID" or "Ref." are recognised in general (LABEL_VALUES).
 */
const IDENTIFIER_WORDS = [
  ...['KD', 'KUNDE', 'KUNDEN', 'KUNDENNR', 'KUNDENNUMMER', 'KUNDENUMMER', 'KUNDENKONTO', 'KNR', 'KDNR'],
  ...['CUSTOMER', 'CUST', 'CLIENT', 'DEBITOR', 'DEBITOREN', 'DEBITORENNR', 'DEBITORENNUMMER'],
  ...['KREDITOR', 'KREDITOREN', 'KREDITORENNR', 'KREDITORENNUMMER'],
  ...['LIEFERANT', 'LIEFERANTEN', 'LIEFERANTENNR', 'LIEFERANTENNUMMER', 'SUPPLIER', 'VENDOR'],
  ...['MITGL', 'MITGLIED', 'MITGLIEDS', 'MITGLIEDSNR', 'MITGLIEDSNUMMER'],
  ...['VERTRAG', 'VERTRAGS', 'VERTRAGSNR', 'VERTRAGSNUMMER', 'VERTRAGSKONTO'],
  ...['MANDAT', 'MANDATS', 'MANDATSREF', 'MANDATSREFERENZ', 'MANDATSNR', 'MANDATSNUMMER', 'MREF'],
  ...['GLÄUBIGER', 'GLAEUBIGER', 'PLZ', 'STNR', 'STEUERNR', 'STEUERNUMMER', 'STEUERID', 'UST', 'USTID'],
  ...['TEL', 'TELEFON', 'TELEFONNR', 'TELEFONNUMMER', 'TELNR', 'FAX', 'HANDY', 'HANDYNR', 'HANDYNUMMER'],
  ...['MOBIL', 'MOBILE', 'MOBILTEL', 'MOBILNR', 'MOBILNUMMER', 'PHONE', 'RUFNUMMER', 'FESTNETZ'],
  ...['IBAN', 'BIC', 'KONTO', 'KTO', 'KONTONR', 'KONTONUMMER', 'BLZ', 'SWIFT'],
  ...['ART', 'ARTNR', 'ARTIKEL', 'ARTIKELNR', 'ARTIKELNUMMER', 'SKU', 'EAN', 'GTIN'],
  ...['SENDUNG', 'SENDUNGSNR', 'SENDUNGSNUMMER', 'TRACKING', 'TRACKINGNR', 'PAKETNR', 'PAKETNUMMER'],
  ...['SCHADEN', 'SCHADENNR', 'SCHADENNUMMER', 'SCHADENSNR', 'SCHADENSNUMMER', 'AKTENZEICHEN'],
  ...['POLICE', 'POLICENNR', 'VERSICHERUNGSNR', 'VERSICHERUNGSNUMMER', 'VSNR', 'VERSICHERUNGSSCHEIN'],
  ...['VERSICHERUNGSSCHEINNR', 'VERSICHERUNGSSCHEINNUMMER', 'PERSONALNR', 'PERSONALNUMMER', 'PERSNR'],
  ...['KASSENZEICHEN', 'ZEICHEN', 'GUTSCHEIN', 'GUTSCHEINNR', 'GUTSCHEINCODE', 'GUTSCHEINNUMMER'],
  ...['TICKET', 'TICKETNR', 'ANGEBOT', 'ANGEBOTSNR', 'ANGEBOTSNUMMER'],
  // Third probe: customer ids written together, file marks ("Az."), cost centres, subscriptions, delivery notes,
  // meters, clients and branches of the payer's own books, P.O. boxes, property ids, the buyer's purchase order.
  ...['KUNDENID', 'KUNDENKENNUNG', 'KENNUNG', 'AZ', 'KOSTENSTELLE', 'KST', 'ABO', 'ABONR', 'ABONNEMENT'],
  ...['LIEFERSCHEIN', 'LIEFERSCHEINNR', 'LIEFERSCHEINNUMMER', 'ZÄHLER', 'ZAEHLER', 'ZÄHLERNR', 'ZAEHLERNR'],
  ...['ZÄHLERNUMMER', 'ZAEHLERNUMMER', 'MANDANT', 'MANDANTEN', 'MANDANTENNR', 'FILIALE', 'FILIALNR'],
  ...['POSTFACH', 'OBJEKT', 'OBJEKTNR', 'PO'],
];

/** Labels of phone and fax numbers (NO_ORDER_VALUE_WORDS): an area code and a subscriber number. */
const PHONE_WORDS: ReadonlySet<string> = new Set([
  ...['TEL', 'TELEFON', 'TELEFONNR', 'TELEFONNUMMER', 'TELNR', 'FAX', 'HANDY', 'HANDYNR', 'HANDYNUMMER'],
  ...['MOBIL', 'MOBILE', 'MOBILTEL', 'MOBILNR', 'MOBILNUMMER', 'PHONE', 'RUFNUMMER', 'RUF', 'FESTNETZ'],
]);

/**
 * The IDENTIFIER_WORDS (and stems of LABEL_VALUES) whose values never hold an order number the payer put under the
 * wrong label: bank details (IBAN, BIC, account and bank code; their digit groups "DE89 3704 0044 …" have four
 * digits each), phone and fax numbers, postcodes and P.O. boxes, tax numbers, the SEPA creditor id. Their values are
 * masked, and the value itself (naturalValueEnd: the IBAN, the phone number, the postcode, …) is not kept as
 * LabelValues; digit groups written after it in the same span are kept ("Tel. 0171 2345678 10023", "PLZ 10115 10023":
 * the span runs on over further digit groups, and the last one may be an order number). The other labels' values are
 * kept whole: customer, debtor and document numbers ("Kundennr.", "Beleg-Nr.", a delivery note, a quote) may well be
 * an order number under the wrong label, and so may the others, whose values are rarely written with an order
 * number's digits (a value kept wrongly only holds an automatic payer-and-amount decision back to a suggestion).
 */
const NO_ORDER_VALUE_WORDS: ReadonlySet<string> = new Set([
  ...['IBAN', 'BIC', 'SWIFT', 'KONTO', 'KTO', 'KONTONR', 'KONTONUMMER', 'BLZ', 'BANKLEITZAHL'],
  ...PHONE_WORDS,
  ...['PLZ', 'POSTLEITZAHL', 'POSTFACH'],
  ...[
    'ST',
    'STNR',
    'STEUER',
    'STEUERNR',
    'STEUERNUMMER',
    'STEUERID',
    'UST',
    'USTID',
    'GLÄUBIGER',
    'GLAEUBIGER',
  ],
]);

/** Labels of account numbers (NO_ORDER_VALUE_WORDS). */
const ACCOUNT_WORDS: ReadonlySet<string> = new Set(['KONTO', 'KTO', 'KONTONR', 'KONTONUMMER']);
/** An area code as a group of its own: 0 and one to four digits ("030", "0171", "(0221)"). */
const AREA_CODE = /^0\d{1,4}$/;
const FOUR_DIGITS = /^\d{4}$/;

/** An identifier's value: see IDENTIFIER_VALUES. */
const IDENTIFIER_VALUE = String.raw`(?:(?:LAUTET|IST|IS)\b[\s.:#/+-]*)?[A-Z]{0,4}[-/]?\(?\d[\d/-]{0,34}\)?(?:(?: | ?\/ ?)\d{2,8}){0,7}\b`;

/**
 * A value after one of IDENTIFIER_WORDS (or "St.-Nr.", the tax number): optionally "Nr."/"ID"/"Ref." and "lautet",
 * then a value with a digit, a phone number's area code in brackets ("Telefon: (030) 10500"), and further digit
 * groups after a blank or a slash ("Kundennr 10501 / 10500").
 */
const IDENTIFIER_VALUES = new RegExp(
  String.raw`\b(${IDENTIFIER_WORDS.join('|')}|ST(?=[\s.-]*NR\b))\b[\s.:#/+-]*(?:(?:NR|NO|ID|NUMMER|NUMBER|IDNR|REF)\b[\s.:#/+-]*)?${IDENTIFIER_VALUE}`,
  'g',
);

/**
 * A label for a value of some other kind is not always on IDENTIFIER_WORDS: payers coin compounds of a noun and
 * "Nr."/"Nummer"/"ID"/"Ref." ("Versicherungs-Nr.", "Policen-Nr.", "Pers.-Nr.", "Beleg-Nr.", "Kundenreferenz",
 * "Transaktions-ID"), hyphenated, abbreviated or written together. Such a label introduces a number of its stem's
 * kind; only a stem that names an order, an invoice, a booking or a payment (ORDER_STEMS) introduces ours. The stem
 * and "Nr." must be joined — by a hyphen, a dot ("Pers.Nr.") or written together (not "NO"/"ID": "CASINO", "DAVID"):
 * a word before a spaced "Nr." is often none of its kind ("Danke. Nr. 10023", "lt. Nr. 10023", "bzw. Nr. 10023").
 * The value as after IDENTIFIER_WORDS.
 */
const LABEL_VALUES = new RegExp(
  String.raw`[A-ZÄÖÜ](?:NR|NUMMER|NUMBER|REF|REFERENZ|(\.-?|-)(?:NR|NO|NUMMER|NUMBER|ID|REF|REFERENZ))\b[\s.:#/+-]*${IDENTIFIER_VALUE}`,
  'g',
);

/**
 * Where maskNonOrderNumbers keeps the values it masks after a label (IDENTIFIER_VALUES, LABEL_VALUES): their number
 * keys (number-keys.ts numberKey), for the tokens with four digits or more ("RE-2026-00123" too). Such a value is no
 * order number as written ("Kundennr. 10023", "Beleg-Nr. 10023"), but when it is an open order's number the payer may
 * have put that order's number under the wrong label (passes/number-evidence.ts labelledEvidence). The list starts as
 * the shared empty one (lists.ts) and stays it for the texts without such a label (most).
 */
export type LabelValues = { labelValues: readonly string[] };

/**
 * Adds the keys of the masked span's values from `from` on to `into` (see LabelValues); the label's own words have no
 * digit. The tokens are scanned in place (tokenEnd): a span without a token of four digits or more allocates nothing.
 */
function keepLabelValues(span: string, into: LabelValues, from = 0): void {
  const n = span.length;
  let i = from;
  while (i < n) {
    if (!isTokenChar(span.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = tokenEnd(span, i);
    if (digitsBetween(span, i, end) >= 4)
      into.labelValues = appended(into.labelValues, numberKey(span.slice(i, end)));
    i = end;
  }
}

/**
 * mask(text, IDENTIFIER_VALUES), keeping the masked values in `into` (keepValuesOf; "ST" for "St.-Nr."); a replacer
 * of its own only on a match.
 */
function maskIdentifiers(text: string, into: LabelValues | undefined): string {
  if (!into) return mask(text, IDENTIFIER_VALUES);
  IDENTIFIER_VALUES.lastIndex = 0;
  if (!IDENTIFIER_VALUES.test(text)) return text;
  return text.replace(IDENTIFIER_VALUES, (m: string, word: string | undefined) => {
    keepValuesOf(word ?? 'ST', m, into);
    return blank(m);
  });
}

/**
 * Keeps the values of a masked span (the label `word` or stem, then its value and up to seven more digit groups):
 * all of them, or for a label of NO_ORDER_VALUE_WORDS only the groups after its value (naturalValueEnd).
 */
function keepValuesOf(word: string, span: string, into: LabelValues): void {
  if (!NO_ORDER_VALUE_WORDS.has(word)) keepLabelValues(span, into);
  else keepLabelValues(span, into, naturalValueEnd(word, span));
}

/**
 * Where the value after a bank, phone, postcode or tax label ends in its masked span. The span's expression takes up
 * to seven more digit groups after a blank or a slash, so "Tel. 0171 2345678 10023" or "PLZ 10115 10023" would hide
 * an order number written right after the value; only the value's own shape is forgotten, the groups after it are
 * kept as label values (an open order's number among them holds payer and amount back, as after "Kundennr."). They
 * are not made readable as order numbers: where the shape below is too short for a value written in more groups
 * ("Tel. 0171 234 5678"), a kept group only costs an automatic payer decision, a readable one could decide for
 * another order. The shapes (tokens as tokenize reads them; the value starts at the first one with a digit):
 * - IBAN: the shortest run of tokens that is a valid IBAN (ibantools: country, length, check digits), the ISO 13616
 *   paper format's groups ("DE89 3704 0044 0532 0130 00") or compact; a run that validates nowhere is the first
 *   token only (its further groups kept: a mistyped IBAN may hold an order number back, never lose one).
 * - Phone and fax: an area code group ("0171", "030", "(0221)") and the subscriber number after it, else one token
 *   ("030/1234567" is one).
 * - Account number: one token, or a run of four-digit groups (printed like an IBAN's, "3704 0044 0532").
 * - Postcode, P.O. box, bank code, BIC, tax numbers, creditor id: one token ("10115", "21/815/08150").
 */
function naturalValueEnd(word: string, span: string): number {
  const n = span.length;
  let i = 0;
  let count = 0;
  let compact = '';
  let firstEnd = n;
  while (i < n) {
    if (!isTokenChar(span.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = tokenEnd(span, i);
    const token = span.slice(i, end);
    if (count === 0 && digitsBetween(span, i, end) === 0) {
      i = end; // the label's words ("NR", "LAUTET")
      continue;
    }
    count++;
    if (count === 1) firstEnd = end;
    if (word === 'IBAN') {
      compact += token;
      if (isValidIBAN(compact)) return end;
    } else if (count === 1) {
      if (
        !(PHONE_WORDS.has(word) && AREA_CODE.test(token)) &&
        !(ACCOUNT_WORDS.has(word) && FOUR_DIGITS.test(token))
      )
        return end;
    } else if (PHONE_WORDS.has(word) || !FOUR_DIGITS.test(token)) {
      // The subscriber number after the area code; an account number's groups end before a group of another length.
      return PHONE_WORDS.has(word) ? end : i;
    }
    i = end;
  }
  // The span ended inside the value's shape (an IBAN that validates nowhere: see above).
  return word === 'IBAN' ? firstEnd : n;
}

/**
 * Labels' values masked together with their stems, unless the stem names one of our numbers; the values are kept in
 * `into`. The expression matches from the stem's last letter on, the stem is read backwards from there (wordBefore):
 * one that tried every word of every text as a stem took twice as long.
 */
function maskLabels(text: string, into: LabelValues | undefined): string {
  let t = text;
  LABEL_VALUES.lastIndex = 0;
  for (let m = LABEL_VALUES.exec(text); m !== null; m = LABEL_VALUES.exec(text)) {
    const stem = wordBefore(text, m.index + 1);
    if (stem === undefined || stem.length < 2 || isOrderStem(stem, m[1]?.charCodeAt(0) === 46)) continue;
    const start = m.index + 1 - stem.length;
    const end = m.index + m[0].length;
    if (into) keepValuesOf(stem, text.slice(start, end), into);
    t = t.slice(0, start) + ' '.repeat(end - start) + t.slice(end);
  }
  return t;
}

/** How many ASCII digits the text has. */
function digits(text: string): number {
  return digitsBetween(text, 0, text.length);
}

/** How many ASCII digits text[start, end) has. */
function digitsBetween(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (isDigitAt(text, i)) n++;
  return n;
}

/*
 * Every expression below is a module constant, and so are the replacers: a regular expression literal or an arrow
 * function in a function body is a new object each time it is evaluated, and this runs for every posting (a dozen
 * expressions each). The global ones are used by replaceIfAny only, which sets their lastIndex to 0 before it tests; the `.test`
 * ones are not global (they keep no state).
 */

/** A masked span: spaces of the same length, so positions (and line structure) stay put. */
const blank = (m: string) => ' '.repeat(m.length);

/**
 * text.replace(re, replacer) for a global `re`, asked with test first: most expressions match nothing in most
 * texts, and a test that finds nothing costs a fraction of a replace that finds nothing (which calls into the
 * runtime). The test of a global expression starts at its lastIndex, which is set to 0 first: defensive, as today
 * only this function uses these expressions and leaves lastIndex at 0 (a failed test resets it, and replace does),
 * but a test elsewhere that found a match would otherwise make the next mask skip the start of a text.
 */
function replaceIfAny(
  text: string,
  re: RegExp,
  // Called with the match and its groups (then the offset and the text, which no replacer here reads).
  replacer: (match: string, ...groups: string[]) => string,
): string {
  re.lastIndex = 0;
  if (!re.test(text)) return text;
  return text.replace(re, replacer);
}

function mask(text: string, re: RegExp): string {
  return replaceIfAny(text, re, blank);
}

/**
 * Phone numbers in international form ("+49 7123 45678", "+43 660 1234567"): no order number starts with '+'.
 * (SEPA keywords such as "SVWZ+" were removed before, so a '+' here is no field separator.) Eight digits at least
 * (country code and subscriber number): "10023 +10024" lists a second order.
 */
const PHONE_PLUS = /(?<![A-Z0-9+])\+\d{1,3}(?:[ /-]?\(0\))?(?:[ /-]?\d{2,}){1,4}\b/g;
const blankPhonePlus = (m: string) => (digits(m) >= 8 ? ' '.repeat(m.length) : m);
/**
 * The same with the call prefix "00" ("0049 30 10500"): groups of digits, ten or more in all (an order number with
 * leading zeros, "00123", has fewer and stands alone). Groups of a subscriber number never start with 00: "00123
 * 00124" are two order numbers with leading zeros.
 */
const PHONE_00 = /(?<![A-Z0-9])00[1-9]\d{0,2}(?:[ /-]?\(0\))?(?:[ /-](?!00)\d{2,}){1,4}\b/g;
const blankPhone00 = (m: string) => (digits(m) >= 10 ? ' '.repeat(m.length) : m);

/**
 * A national phone number without a keyword ("bei Rückfragen 0221 45678", "0221/45678", "(0221) 45678"): a
 * German, Austrian or Swiss area code is one 0 and two to five digits (never 00, the international prefix), a
 * subscriber number never starts with 0. Seven digits at least. Not after an order keyword ("Bestellung 0221
 * 45678": a shop numbering with a leading zero, and a second number), nor inside a longer number or after a
 * separator that joins it to one ("RE-2026-0221 45678", "2026/0221").
 */
const PHONE_NATIONAL =
  /(?<![A-ZÄÖÜ0-9#/.,+-])(?:\(0[1-9]\d{1,4}\) ?|0[1-9]\d{1,4}(?: ?[/-] ?| ))[1-9]\d{1,7}(?:[ -]\d{2,4}){0,3}\b(?![.,]\d)/g;
/** " 0" or "(0" followed by a digit other than 0: where a national area code may start (a cheap test first). */
const AREA_CODE_START = /(?:^|[\s(:])0[1-9]/;

const blankNationalPhone = (m: string, offset: number, text: string) =>
  digits(m) < 7 || afterOrderKeyword(text, offset) ? m : ' '.repeat(m.length);

function maskPhones(text: string): string {
  let t = text;
  if (t.includes('+')) t = replaceIfAny(t, PHONE_PLUS, blankPhonePlus);
  if (t.includes('00')) t = replaceIfAny(t, PHONE_00, blankPhone00);
  return t;
}

/** A country code and two check digits: how every IBAN starts. */
const IBAN_START = /[A-Z]{2}\d{2}/;
const IBAN_GROUPED = /\b[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){2,8}(?: [A-Z0-9]{1,3})?\b/g;
const IBAN_COMPACT = /\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b/g;
const LONG_DIGIT_RUN = /^[A-Z]{2}\d{15,}$/;
const blankIban = (m: string) => (isValidIBAN(m) || LONG_DIGIT_RUN.test(m) ? ' '.repeat(m.length) : m);

/**
 * IBANs and their fragments: printed in groups of four (ISO 13616 paper format), or compact and valid, or compact
 * with a long digit run (a mistyped IBAN is still no order number). Both start with a country code and two check
 * digits: a text without that shape skips them (same result).
 */
function maskIbans(text: string): string {
  if (!IBAN_START.test(text)) return text;
  return replaceIfAny(mask(text, IBAN_GROUPED), IBAN_COMPACT, blankIban);
}

const CURRENCY_AFTER_TEST = /\d ?(?:€|EUR|CHF|USD|GBP)/;
const CURRENCY_AFTER = /\b\d+(?: ?€|(?:EUR|CHF|USD|GBP)\b)(?!\s*\d)/g;
const SEPARATOR = /[./,-]/;
const DIGIT_SEPARATED = /\d[./,-]\d/;
const DATE_DMY = /\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b/g;
const DATE_ISO = /\b\d{4}-\d{2}-\d{2}\b/g;
const DATE_YMD_DOTS = /\b(?:19|20)\d{2}[./]\d{1,2}[./]\d{1,2}\b/g;
const MONTH_SLASH_YEAR = /\b\d{1,2}\/\d{4}\b/g;
const MONTH_YEAR_DIGITS = /\b(?:0?[1-9]|1[0-2])[-.](?:19|20)\d{2}\b|\b(?:0?[1-9]|1[0-2])\/\d{2}\b/g;
const BLANK_DATE_TEST = /\d \d{1,2} \d\d/;
const BLANK_DATE = /\b(?:0?[1-9]|[12]\d|3[01]) (?:0?[1-9]|1[0-2]) (?:(?:19|20)\d{2}|\d{2})\b/g;
const AMOUNT_THOUSANDS = /\b\d{1,3}(?:[.' ]\d{3})+[,.]\d{2}\b/g;
const AMOUNT_DECIMALS = /\b\d+[,.]\d{2}(?![\d.,])\b/g;
const AMOUNT_CURRENCY = /(?:EUR|€|CHF|USD|GBP)\s?\d+\b|\b\d+,-/g;
const YEAR = /(?:19|20)\d{2}/;
const blankYear = (_m: string, month: string, year: string) => month + ' '.repeat(year.length);
const POSTCODE_D = /\bD-\d{5}\b/g;
const FIVE_DIGITS = /\d{5}/;
const STREET_POSTCODE =
  /\b([A-ZÄÖÜ]+(?:STR|STRASSE|STRAßE|WEG|ALLEE|PLATZ|GASSE|RING|DAMM|UFER|CHAUSSEE)\.?\s+\d+[A-Z]?,?\s+)(\d{5})\b/g;
const blankPostcode = (_m: string, street: string, plz: string) => street + ' '.repeat(plz.length);

/**
 * The text with what looks like a number but is no order number replaced by spaces (upper-case text). `into`, when
 * given, gets the values masked after a label (LabelValues).
 */
export function maskNonOrderNumbers(text: string, into?: LabelValues): string {
  // The value must contain a digit, so "KUNDE THOMAS MUELLER" keeps the words after it; a verb in between
  // ("Kundennummer lautet 10500", "customer number is …") still introduces the same value.
  let t = maskIbans(maskPhones(maskLabels(maskIdentifiers(text, into), into)));
  // National phone numbers after the IBANs: a group of a printed IBAN may start with 0 ("DE89 0370 4004 …").
  if (AREA_CODE_START.test(t)) t = t.replace(PHONE_NATIONAL, blankNationalPhone);
  // A number with the currency after it ("1023€", "1023 €", "1023EUR"), unless the currency begins the next amount
  // ("Bestellung 10023 € 49,90"): read before the amounts are masked, which would hide that next amount.
  if (CURRENCY_AFTER_TEST.test(t)) t = mask(t, CURRENCY_AFTER);
  // Dates, amounts with decimals and "D-" postcodes all need a separator; masking only removes characters, so
  // a text without any (most remittance lines) skips those expressions (checked once, same result).
  const separators = SEPARATOR.test(t);
  // Every date and amount below has a digit, one of these separators, and a digit again ("WC-10023" has not: its
  // separator follows a letter), so a text without that shape skips all six (the same result).
  const digitSeparated = separators && DIGIT_SEPARATED.test(t);
  if (digitSeparated) t = maskDates(t);
  // A date written with blanks: 10 11 2026, 10 11 26 (the blanks would otherwise join it into one number).
  if (BLANK_DATE_TEST.test(t)) t = mask(t, BLANK_DATE);
  // Amounts: 1.234,56  49,90  49.90  EUR 12  12 EUR (a decimal part of exactly two digits, or a currency).
  if (digitSeparated) t = mask(mask(t, AMOUNT_THOUSANDS), AMOUNT_DECIMALS);
  t = mask(t, AMOUNT_CURRENCY);
  // A year after a month name ("November 2026", "Dez. 2025", "March 2025"): a period, never an order number.
  if (YEAR.test(t)) t = replaceIfAny(t, MONTH_YEAR, blankYear);
  // Postcodes: "D-12345" and "<street> 12, 12345".
  if (separators) t = mask(t, POSTCODE_D);
  // The postcode has five digits: a text without five in a row skips the street expression (same result).
  if (FIVE_DIGITS.test(t)) t = replaceIfAny(t, STREET_POSTCODE, blankPostcode);
  return t;
}

/**
 * Dates: 12.11.2026, 12.11.26, 2026-11-12, 2026.11.12 (ISO order with dots, common in exports and in Eastern
 * European and Asian usage), 12/11/2026, 11/2026, and month and year: 10-2023, 10.2023, 10/23 (cards, rents,
 * subscriptions). The dots split "2026.11.26" into tokens, so without this the year would stand alone and name a
 * young shop's order 2026.
 */
function maskDates(text: string): string {
  let t = mask(text, DATE_DMY);
  t = mask(t, DATE_ISO);
  t = mask(t, DATE_YMD_DOTS);
  t = mask(t, MONTH_SLASH_YEAR);
  return mask(t, MONTH_YEAR_DIGITS);
}

export type Token = { text: string; start: number; end: number };

/** A token's first run: A–Z, 0–9, Ä, Ö, Ü (the text is upper case). */
export function isTokenChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 196 || c === 214 || c === 220;
}

/** The runs after a separator: A–Z, 0–9. */
function isTailChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** `-`, `/` or `_`: joins runs within one token ("WC-10023", "2026/00123"). */
export function isJoiner(c: number): boolean {
  return c === 45 || c === 47 || c === 95;
}

/**
 * The tokens of the text: what `/#?[A-Z0-9ÄÖÜ]+(?:[-/_][A-Z0-9]+)*\/g` matches, scanned by hand (a regular
 * expression allocates a match array per token, and this runs for every posting), without a leading '#'.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const hash = text.charCodeAt(i) === 35 && i + 1 < n && isTokenChar(text.charCodeAt(i + 1));
    if (!hash && !isTokenChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    const j = tokenEnd(text, hash ? i + 1 : i);
    tokens.push({ text: text.slice(hash ? start + 1 : start, j), start, end: j });
    i = j;
  }
  return tokens;
}

/** Where the token that starts at `start` (a token character) ends: its run, then runs joined by '-', '/' or '_'. */
function tokenEnd(text: string, start: number): number {
  const n = text.length;
  let j = start;
  while (j < n && isTokenChar(text.charCodeAt(j))) j++;
  while (j + 1 < n && isJoiner(text.charCodeAt(j)) && isTailChar(text.charCodeAt(j + 1))) {
    j += 2;
    while (j < n && isTailChar(text.charCodeAt(j))) j++;
  }
  return j;
}
