/**
 * The persons a payer name stands for when it names more than one (issue 5 §3, recall): a joint account ("Hans u.
 * Petra Müller", "Mueller, Hans und Petra", "Eheleute Hans & Petra Müller", "Hans Müller u. Petra Müller") is held
 * by each spouse, and a sole trader's business account ("Blumenhaus Müller Inh. Hans Müller e.K.") by its owner
 * ("Inh.", "Inhaber", "Inhaberin"). Token-wise such a payer name only partly agrees with "Hans Müller" (names.ts
 * compareNames), like a middle name would; read this way it names Hans Müller exactly. payer-evidence.ts takes a
 * holder as the payer only while no other order the name reaches could be what was paid.
 */
import { legalForms, nameTokens, nameTokensInOrder } from './names.ts';

/** The cheap precondition: a connector or the owner's label somewhere in the name (most names have neither). */
const MAY_HOLD = /\s(?:u\.?|und|&|\+)\s|\binh(?:\.|aber)/i;
/** One connector of two first names or two persons (blanks around it). */
const CONNECTOR = /\s+(?:u\.?|und|&|\+)\s+/i;
const CONNECTORS = /\s(?:u\.?|und|&|\+)\s/gi;
/** The owner's label; the owner's name follows it (a legal form such as "e.K." after it is no name word). */
const OWNER = /\binh(?:aber(?:in)?|\.|\b):?\s+/i;

const SOLE_TRADER_FORMS: ReadonlySet<string> = new Set(['', 'ek', 'ekfm', 'ekfr']);

/**
 * The name tokens (names.ts nameTokens: sorted, unique) of each person the name stands for: both spouses of a joint
 * account, the owner of a sole trader's account; undefined for a name of one person or of a form not read here (a
 * company with a legal form other than e.K., three or more names, "Herr u. Frau Müller" without first names, a
 * surname left open: "Hans Müller u. Petra"). Each person has two tokens or more.
 */
export function accountHolders(name: string): string[][] | undefined {
  if (!MAY_HOLD.test(name)) return undefined;
  const owner = OWNER.exec(name);
  // A sole trader is the person (e.K., e.Kfm., e.Kfr., or no form at all); a GmbH's account is not its manager's.
  if (owner)
    return SOLE_TRADER_FORMS.has(legalForms(name))
      ? ownerOf(name.slice(owner.index + owner[0].length))
      : undefined;
  if ((name.match(CONNECTORS)?.length ?? 0) !== 1 || legalForms(name) !== '') return undefined;
  const comma = name.indexOf(',');
  const persons = comma > 0 ? surnameFirst(name.slice(0, comma), name.slice(comma + 1)) : surnameLast(name);
  return persons?.every((p) => p.length >= 2) ? persons : undefined;
}

/** "Müller, Hans u. Petra": the surname before the comma, the first names after it. */
function surnameFirst(surnamePart: string, firstNames: string): string[][] | undefined {
  const surname = nameTokensInOrder(surnamePart);
  const [left, right] = firstNames.split(CONNECTOR);
  if (surname.length !== 1 || left === undefined || right === undefined) return undefined;
  return [nameTokens(`${left} ${surnamePart}`), nameTokens(`${right} ${surnamePart}`)];
}

/**
 * "Hans u. Petra Müller" (one surname, last, lent to the first name before the connector) or "Hans Müller u. Petra
 * Müller" (both written out with the same surname). Nothing else is read, as the persons would be guessed:
 * - the right side must be a first name and a surname written as separate words: in "Hans U. Müller-Weber" the "U."
 *   is a middle initial, not "und";
 * - a double surname ("Petra Müller-Schmidt") is not lent: the husband may be Hans Müller or Hans Müller-Schmidt;
 * - two words on the left are a first name and the same surname, or else a double first name whose surname is not
 *   written ("Karl Heinz u. Anna Müller", "Hans Peter u. Anna Maria Müller"), so also "Hans Müller u. Petra Schmidt"
 *   is not read.
 */
function surnameLast(name: string): string[][] | undefined {
  const [left = '', right = ''] = name.split(CONNECTOR);
  const first = nameTokensInOrder(left);
  const second = nameTokensInOrder(right);
  const rightWords = right.trim().split(/\s+/);
  const surnameWord = rightWords.at(-1) ?? '';
  if (first.length === 0 || second.length < 2 || rightWords.length < 2 || /[-‐‑]/.test(surnameWord))
    return undefined;
  const surname = second.at(-1) ?? '';
  if (first.length === 1) return [nameTokens(`${left} ${surname}`), nameTokens(right)];
  if (first.length === 2 && first[1] === surname) return [nameTokens(left), nameTokens(right)];
  return undefined;
}

/** The owner named after "Inh.": a person of two words or more, alone (no second owner joined to it). */
function ownerOf(rest: string): string[][] | undefined {
  if (CONNECTOR.test(rest)) return undefined;
  const tokens = nameTokens(rest);
  return tokens.length >= 2 ? [tokens] : undefined;
}

/** Are the sorted, unique tokens of a customer's name those of one of the holders? */
export function isHolder(holders: readonly (readonly string[])[], tokens: readonly string[]): boolean {
  for (const h of holders) if (sameTokens(h, tokens)) return true;
  return false;
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
