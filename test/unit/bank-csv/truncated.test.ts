/**
 * A CSV export cut off inside its last row: an unquoted CSV gives no other sign than the missing line break at
 * the end and a row shorter than the header ("…;-12" of "…;-120,00;EUR;…"), and would import a wrong amount.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '#core/bank/csv/index.ts';
import { collect, errorsOf } from '../bank-mt940/fixture-helpers.ts';

const VOLKSBANK = [
  'Bezeichnung Auftragskonto;IBAN Auftragskonto;BIC Auftragskonto;Bankname Auftragskonto;Buchungstag;Valutadatum;Name Zahlungsbeteiligter;IBAN Zahlungsbeteiligter;BIC (SWIFT-Code) Zahlungsbeteiligter;Buchungstext;Verwendungszweck;Betrag;Waehrung;Saldo nach Buchung;Bemerkung;Kategorie;Steuerrelevant;Glaeubiger ID;Mandatsreferenz',
  'Konto;DE02600501010002034304;GENODES1VBH;Volksbank;26.11.2026;26.11.2026;Erika Weiß;DE02120300000000202051;BYLADEM1001;Gutschrift;Bestellung 12001;1.499,00;EUR;3.000,00;;;;;',
  'Konto;DE02600501010002034304;GENODES1VBH;Volksbank;25.11.2026;25.11.2026;Versicherung AG;DE89370400440532013000;COBADEFFXXX;Basislastschrift;Beitrag 12/2026;-120,00;EUR;1.501,00;;;;;',
];
const DEUTSCHE_BANK = [
  'Buchungstag;Wert;Umsatzart;Begünstigter / Auftraggeber;Verwendungszweck;IBAN;BIC;Kundenreferenz;Mandatsreferenz ;Gläubiger ID;Fremde Gebühren;Betrag;Abweichender Empfänger;Anzahl der Aufträge;Anzahl der Schecks;Soll;Haben;Währung',
  '26.11.2026;26.11.2026;SEPA-Überweisung;Erika Weiß;Bestellung 12001;DE02120300000000202051;BYLADEM1001;;;;;;;;;;1.499,00;EUR',
  'Kontostand;27.11.2026;;;2.145,50;EUR',
];

const parse = (text: string) => collect(parseCsv(text, 'cut.csv'));

describe('cut-off CSV', () => {
  it('a last row shorter than the header without a final line break is refused (CSV_TRUNCATED, line named)', () => {
    const text = VOLKSBANK.join('\r\n');
    const r = parse(text.slice(0, text.lastIndexOf('0,00;EUR')));
    const errors = errorsOf(r);
    expect(errors.map((e) => e.code)).toEqual(['CSV_TRUNCATED']);
    expect(errors[0]).toMatchObject({ file: 'cut.csv', line: 3 });
    expect(errors[0]?.message).toMatch(/cut\.csv, line 3: .*12 of the 19 columns.*Nothing was imported/);
    expect(r.entries).toEqual([]);
  });

  it('a row cut inside its date cell is refused too', () => {
    const text = VOLKSBANK.join('\n');
    expect(errorsOf(parse(text.slice(0, text.lastIndexOf('.2026;25.11'))))[0]?.code).toBe('CSV_TRUNCATED');
  });

  it('the complete file reads with or without a final line break', () => {
    for (const text of [VOLKSBANK.join('\r\n'), `${VOLKSBANK.join('\r\n')}\r\n`]) {
      const r = parse(text);
      expect(errorsOf(r)).toEqual([]);
      expect(r.entries.map((e) => e.amountMinor)).toEqual([149900, -12000]);
    }
  });

  it('a short closing line with a label in the date column ("Kontostand") is a footer, also at the very end', () => {
    const r = parse(DEUTSCHE_BANK.join('\r\n'));
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries.map((e) => e.amountMinor)).toEqual([149900]);
  });
});
