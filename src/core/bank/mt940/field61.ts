/**
 * Field :61: "Statement Line" (SWIFT MT940/MT942):
 *   6!n [4!n] 2a [1!a] 15d 1!a3!c 16x [//16x] [34x]
 *   value date YYMMDD, entry date MMDD, D/C mark (C, D, RC reversal of credit, RD reversal of debit; MT942 also
 *   EC/ED expected credit/debit),
 *   funds code (third letter of the currency code, e.g. "R" of EUR), amount with decimal comma, transaction
 *   type (S/N/F + 3 characters, e.g. NTRF), reference for the account owner (customer reference, "NONREF" when
 *   none), `//` bank reference (account servicing institution's reference), next line supplementary details.
 * Tolerated deviations seen in real files: 4 blanks instead of the entry date, a line break between mark and
 * amount (Sparkasse), a missing transaction type ("D20,00NONREF", Penta), an amount without its decimal comma when
 * the transaction type follows ("C500NTRF").
 */
import { FieldError, entryDateNear, parseAmount, parseYymmdd } from './values.ts';

export type Line61 = {
  valueDate: string;
  entryDate?: string;
  /** Signed minor units: credits positive; RC (reversal of a credit) negative, RD positive. */
  amountMinor: number;
  reversal: boolean;
  mark: 'C' | 'D' | 'RC' | 'RD' | 'EC' | 'ED';
  /** EC/ED: an expected (not yet booked) entry. */
  expected: boolean;
  fundsCode?: string;
  transactionType?: string;
  customerReference?: string;
  bankReference?: string;
  supplementary?: string;
  clampedDate: boolean;
};

const RE_61 =
  /^(\d{6})(\d{4}| {4})?(R?[CD]|E[CD])([A-Z])?[\n ]?(\d[\d,.]{0,16}|,\d+)(?:(?!NONREF)([SNF][A-Z0-9]{2}[A-Z0-9 ]))?([^\n]*)(?:\n([\s\S]*))?$/;

export function parseField61(lines: readonly string[], currency: string): Line61 {
  const text = lines.join('\n');
  const m = RE_61.exec(text);
  if (!m) {
    throw new FieldError(
      'MT940_BAD_61',
      `Statement line ":61:${lines[0] ?? ''}" does not read as value date, [entry date], D/C mark, amount, type, reference.`,
    );
  }
  const [, vd = '', ed, markText = '', funds, amountText = '', type, refs = '', supplementary] = m;
  const value = parseYymmdd(vd, 'Value date');
  const entry = ed && ed.trim() !== '' ? entryDateNear(value.date, ed) : undefined;
  const mark = markText as Line61['mark'];
  // "C500NTRF" (Knab sample in wolph/mt940): an amount without its comma is complete only where the transaction
  // type follows it; at the end of the field ("DR49") it may be a cut-off "DR49,90".
  const unsigned = parseAmount(amountText, currency, { wholeUnits: type !== undefined });
  // SWIFT: RC = reversal of a credit entry (money leaves the account), RD = reversal of a debit (comes back).
  const negative = mark === 'D' || mark === 'RC' || mark === 'ED';
  const slash = refs.indexOf('//');
  // "KREF+" alone (seen in Sparkasse SEPA files) is an empty customer reference keyword.
  const customer = (slash >= 0 ? refs.slice(0, slash) : refs)
    .trim()
    .replace(/^KREF\+/, '')
    .trim();
  const bank = slash >= 0 ? refs.slice(slash + 2).trim() : '';
  const supp = supplementary?.replace(/\s+/g, ' ').trim();
  return {
    valueDate: value.date,
    ...(entry ? { entryDate: entry.date } : {}),
    amountMinor: negative && unsigned !== 0 ? -unsigned : unsigned,
    reversal: mark === 'RC' || mark === 'RD',
    expected: mark === 'EC' || mark === 'ED',
    mark,
    ...(funds ? { fundsCode: funds } : {}),
    // ING (NL) pads three-letter codes with a blank ("NOV ", "NVZ ").
    ...(type ? { transactionType: type.trimEnd() } : {}),
    ...(customer && customer.toUpperCase() !== 'NONREF' ? { customerReference: customer } : {}),
    ...(bank && bank.toUpperCase() !== 'NONREF' ? { bankReference: bank } : {}),
    ...(supp ? { supplementary: supp } : {}),
    clampedDate: value.clamped || (entry?.clamped ?? false),
  };
}
