import { describe, expect, it } from 'vitest';
import { type LabelValues, maskNonOrderNumbers } from '#core/matching/remittance-text.ts';

/** The masked text with runs of spaces shown as one '_' (positions aside, what is left to read). */
const left = (text: string) => maskNonOrderNumbers(text).trim().replace(/ +/g, '_');

describe('maskNonOrderNumbers', () => {
  // [upper-case remittance, what is left of it]
  const table: [string, string][] = [
    ['BESTELLUNG WC-10023 VOM 30.10.2026', 'BESTELLUNG_WC-10023_VOM'],
    ['KD-NR. 41772 BESTELLUNG 10023', 'BESTELLUNG_10023'],
    ['BEST. WC-70697 114,60 EUR', 'BEST._WC-70697_EUR'],
    ['RUF +49 7123 45678 BESTELLUNG 10023', 'RUF_BESTELLUNG_10023'],
    ['10023 +10024', '10023_+10024'],
    ['0049 30 1050000 AUFTRAG 10023', 'AUFTRAG_10023'],
    ['IBAN DE89 3704 0044 0532 0130 00 ORDER 10023', 'ORDER_10023'],
    ['DE89370400440532013000 10023', '10023'],
    ['NOVEMBER 2026 BESTELLUNG 10023', 'NOVEMBER_BESTELLUNG_10023'],
    ['HAUPTSTR. 5, 10115 BERLIN 10023', 'HAUPTSTR._5,_BERLIN_10023'],
    ['D-80331 MUENCHEN 10023', 'MUENCHEN_10023'],
    ['10 11 2026 BESTELLUNG 10023', 'BESTELLUNG_10023'],
    ['1023€ BESTELLUNG 10023', 'BESTELLUNG_10023'],
    // Labels of other numbers not on the word list: hyphenated, abbreviated, written together.
    ['VERSICHERUNGS-NR. 45112 BESTELLUNG 10023', 'BESTELLUNG_10023'],
    ['LOHN PERS.-NR. 45112', 'LOHN'],
    ['KUNDENREFERENZ 45112', ''],
    ['TRANSAKTIONS-ID 45112', ''],
    // Labels whose stem names the order or the invoice, also abbreviated or at the end of a compound.
    ['BESTELL-NR. 45112', 'BESTELL-NR._45112'],
    ['BEST.-NR. 45112', 'BEST.-NR._45112'],
    ['RG.NR. 45112', 'RG.NR._45112'],
    ['ONLINE-BESTELL-NR. 45112', 'ONLINE-BESTELL-NR._45112'],
    ['ZAHLUNGSREFERENZ 45112', 'ZAHLUNGSREFERENZ_45112'],
    // A spaced "Nr." is no label of the word before it.
    ['DANKE. NR. 45112', 'DANKE._NR._45112'],
    // National phone numbers without a keyword; not after an order keyword, not with 00, not inside a number.
    ['BEI RUECKFRAGEN 0221 45678', 'BEI_RUECKFRAGEN'],
    ['(0221) 45678 BESTELLUNG 10023', 'BESTELLUNG_10023'],
    ['0221/45678 BESTELLUNG 10023', 'BESTELLUNG_10023'],
    ['0171-1234567', ''],
    ['BESTELLUNG 012345 100 STUECK', 'BESTELLUNG_012345_100_STUECK'],
    ['BESTELLUNG NR. 0221 45678', 'BESTELLUNG_NR._0221_45678'],
    ['BESTELLUNGEN 012345 012346', 'BESTELLUNGEN_012345_012346'],
    ['BESTELLUNG 00123 4567', 'BESTELLUNG_00123_4567'],
    ['RE-2026-0221 45678', 'RE-2026-0221_45678'],
    ['012345 49,90', '012345'],
  ];

  it.each(table)('%s', (text, expected) => {
    expect(left(text)).toBe(expected);
  });

  it('keeps positions: a masked span is as long as what it replaces', () => {
    const text = 'BESTELLUNG 10023 VOM 30.10.2026\nKD-NR. 41772';
    expect(maskNonOrderNumbers(text)).toHaveLength(text.length);
    expect(maskNonOrderNumbers(text).indexOf('\n')).toBe(text.indexOf('\n'));
  });

  it('masks a text the same whatever was masked before (its expressions are shared module constants)', () => {
    const texts = table.map(([text]) => text);
    const once = texts.map((t) => maskNonOrderNumbers(t));
    // Again, in reverse order and each twice in a row: a match left over from the text before would show here.
    const again = [...texts].reverse().flatMap((t) => [maskNonOrderNumbers(t), maskNonOrderNumbers(t)]);
    expect(again).toEqual([...once].reverse().flatMap((m) => [m, m]));
  });
});

describe('maskNonOrderNumbers keeps the values it masks after a label', () => {
  /** The keys kept for a text, and the masked text itself. */
  const kept = (text: string) => {
    const into: LabelValues = { labelValues: [] };
    const masked = maskNonOrderNumbers(text, into);
    return { keys: into.labelValues, masked };
  };

  // [upper-case remittance, the keys of its label values]
  const table: [string, string[]][] = [
    ['KUNDENNR. 10023 BESTELLUNG 10050', ['10023']],
    ['KUNDEN-NR. 10023', ['10023']],
    ['KD.-NR.: 10023', ['10023']],
    ['KUNDENNUMMER LAUTET 10023', ['10023']],
    ['BELEG-NR. 10023', ['10023']],
    ['BELEGNR. 10023', ['10023']],
    ['BELEG-NR. RE-2026-00123', ['RE202600123']],
    ['KUNDENNR 10501 / 10500', ['10501', '10500']],
    ['VERSICHERUNGS-NR. 45112 KD-NR 10023', ['10023', '45112']],
    ['#KUNDENNR. 10023', ['10023']],
    // Bank details, phone and fax numbers, postcodes and tax numbers never hold a mistyped order number.
    ['TELEFON: (030) 10500', []],
    ['TEL.-NR. 0221 10500', []],
    ['TELEFON-NR. 10500', []],
    ['FAX 10500', []],
    ['IBAN DE89 3704 0044 0532 0130 00 BESTELLUNG 10023', []],
    ['IBAN: DE89 3704 0044 0532 0130 00 KUNDENNR. 10023', ['10023']],
    ['KONTO 3704 0044 BLZ 37040044', []],
    ['KTO-NR. 532013000', []],
    ['PLZ 10500', []],
    ['ST.-NR. 21/815/08150', []],
    ['STEUER-NR. 21/815/08150', []],
    ['KUNDENNR 12 34 56 78', []],
    ['TELEFON-NR. 0130 4711', []],
    ['KONTO-NR. 3704 0044 0532', []],
    ['IBAN DE89370400440532013000', []],
    ['PLZ 8031 DANKE', []],
    // Only the value's own shape is forgotten: digit groups written after it are kept.
    ['TEL. 0171 2345678 10023', ['10023']],
    ['PLZ 10115 10023', ['10023']],
    ['IBAN DE89 3704 0044 0532 0130 00 10023', ['10023']],
    ['IBAN DE89370400440532013000 10023', ['10023']],
    ['KTO 532013000 / 10023', ['10023']],
    ['FAX 030 123456 10023', ['10023']],
    ['TELEFON 030/1234567 / 10023', ['10023']],
    ['TELEFON: (030) 10500 10023', ['10023']],
    ['KONTO-NR. 3704 0044 0532 10023', ['10023']],
    ['STEUER-NR. 21/815/08150 10023', ['10023']],
    ['ST.-NR. 21/815/08150 10023', ['10023']],
    // No area code: the subscriber number is the first group. An IBAN that validates nowhere is its first token.
    ['TEL. 2345678 10023', ['10023']],
    ['IBAN DE89 3704 10023', ['3704', '10023']],
    ['VERSICHERUNGS-NR. 45112 BESTELLUNG 10023', ['45112']],
    // Fewer than four digits: no order number worth comparing.
    ['KUNDENNR. 123', []],
    // Labels of our numbers, and numbers masked for other reasons (amounts, dates, phones without a label), keep nothing.
    ['BESTELL-NR. 10023', []],
    ['BESTELLUNG 10023 VOM 30.10.2026 49,90 EUR', []],
    ['BEI RUECKFRAGEN 0221 45678', []],
    ['DANKE', []],
  ];

  it.each(table)('%s', (text, keys) => {
    expect(kept(text).keys).toEqual(keys);
  });

  it('masks the same with and without keeping the values', () => {
    for (const [text] of table) expect(kept(text).masked).toBe(maskNonOrderNumbers(text));
  });
});
