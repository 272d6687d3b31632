/**
 * Does a label or the word before a number name one of our numbers — an order, an invoice, a booking, a payment —
 * or a number of some other kind? remittance-text.ts asks this of labels that are no identifier word of its own
 * ("Versicherungs-Nr." vs "Bestell-Nr.") and of the word before what looks like a phone number ("Bestellung 0221
 * 45678"). The text is upper case.
 */

/**
 * Stems of labels that introduce one of our numbers, also at the end of a compound ("Online-Bestell-Nr.",
 * "Shopbestellnummer", "Zahlungsreferenz"): the order, the invoice, a booking (tickets, courses, travel), a
 * payment, the shop's "Vorgang", a reference.
 */
const ORDER_STEMS = [
  ...['BESTELL', 'BESTELLUNG', 'BESTELLUNGS', 'BESTELLUNGEN', 'AUFTRAG', 'AUFTRAGS', 'AUFTRÄGE', 'AUFTRAEGE'],
  ...['AUFTRAGSBESTÄTIGUNG', 'AUFTRAGSBESTAETIGUNG', 'RECHNUNG', 'RECHNUNGS', 'RECHNUNGEN', 'ORDER'],
  ...['ORDERS', 'INVOICE', 'INVOICES', 'BUCHUNG', 'BUCHUNGS', 'BOOKING', 'ZAHLUNG', 'ZAHLUNGS', 'PAYMENT'],
  ...['VORGANG', 'VORGANGS', 'REFERENZ'],
  // Dutch customers ("Bestelnummer", "Factuurnr.").
  ...['BESTEL', 'FACTUUR'],
];
/** The words a short stem may abbreviate ("Best.", "Bst.", "Rg.", "Re.", "Rechn.", "Auftr.", "Zahlg.", "Ref."). */
const ABBREVIATED = ['BESTELLUNG', 'AUFTRAG', 'RECHNUNG', 'ORDER', 'INVOICE', 'ZAHLUNG', 'REFERENZ'];

/** Is `short` the first letter of `word` and then some of its letters in order ("RG" of RECHNUNG)? */
function abbreviates(short: string, word: string): boolean {
  if (short.charCodeAt(0) !== word.charCodeAt(0)) return false;
  let j = 1;
  for (let i = 1; i < short.length; i++) {
    while (j < word.length && word.charCodeAt(j) !== short.charCodeAt(i)) j++;
    if (j++ >= word.length) return false;
  }
  return true;
}

/**
 * Does a label's stem name one of our numbers? A compound ending in an order stem does; a stem of up to five
 * letters or one written with a dot may abbreviate one ("AB": Auftragsbestätigung, the order confirmation).
 */
export function isOrderStem(stem: string, dotted: boolean): boolean {
  for (const s of ORDER_STEMS) if (stem.endsWith(s)) return true;
  if (stem.length > 5 && !dotted) return false;
  if (stem === 'AB') return true;
  for (const w of ABBREVIATED) if (abbreviates(stem, w)) return true;
  return false;
}

/** Is the character code a letter of the upper-case text (A–Z, Ä, Ö, Ü)? */
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || c === 196 || c === 214 || c === 220;
}

/** The letters right before `at` (a label's stem before its "Nr."); undefined when a digit precedes them ("E2EREF"). */
export function wordBefore(text: string, at: number): string | undefined {
  let start = at;
  while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
  const c = text.charCodeAt(start - 1);
  return c >= 48 && c <= 57 ? undefined : text.slice(start, at);
}

/** ' ', '.', ':', '#' or '-': what may stand between an order keyword and its number. */
function isKeywordGap(c: number): boolean {
  return c === 32 || c === 46 || c === 58 || c === 35 || c === 45;
}

/** "Nr."/"Nummer" at the end of a word: alone, between an order keyword and its number, or a label's end. */
const NUMBER_SUFFIX = /(?:NR|NO|NUMMER|NUMBER)$/;

/**
 * Does an order keyword stand right before `at` ("Bestellung 0221…", "Best.-Nr. 0221…", "Rechnung Nr. 0221…")?
 * Blanks, dots, colons, '#' and hyphens between are skipped; "Nr." alone looks one word further back.
 */
export function afterOrderKeyword(text: string, at: number): boolean {
  return keywordBefore(text, at, false);
}

function keywordBefore(text: string, at: number, nrAlone: boolean): boolean {
  let end = at;
  while (end > 0 && isKeywordGap(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
  if (start === end) return false;
  const word = text.slice(start, end);
  const suffix = NUMBER_SUFFIX.exec(word);
  if (suffix && suffix.index === 0) return !nrAlone && keywordBefore(text, start, true);
  const stem = suffix ? word.slice(0, suffix.index) : word;
  return isOrderStem(stem, text.charCodeAt(end) === 46);
}
