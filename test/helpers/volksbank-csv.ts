/**
 * A Volksbank/Raiffeisenbank "Umsatzanzeige" CSV (the old layout) as the bank exports it: a preamble with "BLZ:" and
 * "Konto:", the column header, and one row per booking whose "Vorgang/Verwendungszweck" spans several lines. For
 * tests of that layout's account and line joining.
 */
export type VolksbankRow = { payer: string; iban: string; bic: string; lines: string[]; amount: string };

const HEADER =
  '"Buchungstag";"Valuta";"Auftraggeber/Zahlungsempfänger";"Empfänger/Zahlungspflichtiger";"Konto-Nr.";"IBAN";"BLZ";"BIC";"Vorgang/Verwendungszweck";"Kundenreferenz";"Währung";"Umsatz";" "';

export function volksbankCsv(
  account: string,
  rows: VolksbankRow[],
  options: { bankName?: boolean } = {},
): string {
  const lines = [
    ...(options.bankName ? ['"Volksbank Musterstadt eG"', '"Umsatzanzeige"'] : []),
    '"BLZ:";"12345678";;"Datum:";"27.11.2026"',
    `"Konto:";"${account}";;"Uhrzeit:";"10:11:12"`,
    '',
    HEADER,
    ...rows.map(
      (r) =>
        `"26.11.2026";"26.11.2026";"Muster Shop GmbH";"${r.payer}";"";"${r.iban}";"";"${r.bic}";"Überweisungsgutschr.\n` +
        `${r.lines.join('\n')}";"";"EUR";"${r.amount}";"H"`,
    ),
    '',
  ];
  return lines.join('\r\n').replace(/(?<!\r)\n/g, '\r\n');
}
