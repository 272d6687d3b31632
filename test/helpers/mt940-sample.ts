/**
 * A short MT940 statement in parts (a credit and a debit with their :86: texts between opening and closing balance),
 * for the tests of cut-off files: the parser's (test/unit/bank-mt940/truncated.test.ts) and the import's
 * (test/integration/bank/truncated.test.ts).
 */
export const MT940_HEAD = [
  ':20:STARTUMSE',
  ':25:50050201/0123456789',
  ':28C:00035/001',
  ':60F:C260105EUR1234,56',
  ':61:2601050105CR119,00N051NONREF',
  ':86:166?00GUTSCHR. UEBERWEISUNG?20EREF+RE-2026-0042?21SVWZ+Rechnung 2026-0042',
];
export const MT940_LAST_61 = ':61:2601060106DR49,90N005NONREF';
export const MT940_LAST_86 =
  ':86:105?00FOLGELASTSCHRIFT?20EREF+ABC123456789?21SVWZ+Miete Lagerraum Januar 2026';
export const MT940_TAIL = [':62F:C260106EUR1303,66', '-'];

/** The whole statement, CRLF lines, as a bank writes it. */
export const MT940_SAMPLE = [...MT940_HEAD, MT940_LAST_61, MT940_LAST_86, ...MT940_TAIL, ''].join('\r\n');
