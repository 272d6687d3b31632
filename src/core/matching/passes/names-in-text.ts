/**
 * Whom a payment is for, when the remittance says so with a short form of a name: "fuer Frau Roth", "Bestellung von
 * E. Roth", "im Auftrag von Roth, E.", "Zahlung fuer Eva R.", "Bestellung MA Brandt" (an employer for an employee).
 * evidence.ts textNamesOf finds full names ("fuer Julia Weber"); these forms name a person by one word of the name,
 * which the payer pass must not overlook: Hans Müller paying "fuer Frau Roth" while he and Eva Roth both have an
 * open order of that price is paying hers, not his own.
 */
import { nameTokensInOrder } from '../names.ts';
import { isOrderKeyword } from '../number-candidates.ts';
import type { OrderIndex } from '../order-index.ts';

/**
 * A word that introduces the person paid for ("für", "zugunsten", "im Auftrag von", "i. A.", "von", "MA"/"Mitarbeiter"),
 * then up to three words of the name (titles, initials and legal forms are dropped when the words are folded). A word
 * is a run of letters (with apostrophes, dots, and hyphens between letters: "Vries-Öztürk") not followed by a digit
 * or hyphen: "fuer WC-10023" names an order, not a person.
 */
const FOR_SOMEONE =
  /(?:^|[^\p{L}])(?:f(?:ue|ü|u)r|for|zugunsten|auftrag(?:\s+von)?|i\.\s?a\.|von|v\.|ma|mitarbeiter(?:in)?)\s+((?:\p{L}[\p{L}'’.]*(?:-\p{L}[\p{L}'’.]*)*(?![\p{L}'’.\d-])[\s,]*){1,3})/giu;

/**
 * The words (folded, names.ts) of the persons a remittance says it pays for, that are a word of some open order's
 * customer or company name, none of the payer's and no word that introduces a number ("fuer Bestellung 10023"): each
 * is a name key of one token (evidence.ts namesOther reads it like a full name: another customer's unless the
 * order's own customer has that word). Empty for most texts.
 */
export function shortNamesIn(
  text: string | null | undefined,
  payers: readonly (readonly string[])[],
  index: OrderIndex,
): string[] {
  if (!text) return [];
  const out: string[] = [];
  FOR_SOMEONE.lastIndex = 0;
  for (let m = FOR_SOMEONE.exec(text); m !== null; m = FOR_SOMEONE.exec(text))
    for (const word of nameTokensInOrder(m[1]))
      if (
        !isOrderKeyword(word.toUpperCase()) &&
        !payers.some((p) => p.includes(word)) &&
        index.hasCustomerToken(word) &&
        !out.includes(word)
      )
        out.push(word);
  return out;
}
