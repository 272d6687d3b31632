import { describe, expect, it } from 'vitest';
import { digitsEndNumber, numberCore, numberKey } from '#core/matching/number-keys.ts';
import { compileNumberPattern } from '#core/matching/number-candidates.ts';
import { extractReferences, mayHoldReference, readIdentifiers } from '#core/matching/references-extract.ts';
import { generateReference, toCreditorReference } from '#core/matching/references.ts';
import { seededRandomInt } from '#core/matching/random.ts';

const keys = (text: string, patterns: string[] = []) =>
  extractReferences(
    { remittance: text },
    patterns.map((p) => compileNumberPattern(p)).filter((r) => r !== undefined),
  ).numbers.map((n) => n.key);

describe('order and invoice number candidates', () => {
  // [remittance line, keys that must be found, keys that must NOT be found]
  const table: [string, string[], string[]][] = [
    ['Bestellung 10023', ['10023'], []],
    ['SVWZ+Bestellnr. 10023 Thomas Mueller', ['10023'], []],
    ['EREF+NOTPROVIDED SVWZ+WC-10023', ['WC10023'], ['NOTPROVIDED']],
    ['Rechnung RE-2026-00123 vom 12.11.2026', ['RE202600123'], ['12112026', '2026', '12']],
    ['RE 2026 00123', ['RE202600123'], []],
    ['Bestellung 1002\n34 Dank', ['100234'], []],
    ['Order #45012, Kd-Nr. 88231', ['45012'], ['88231']],
    ['Kundennummer 55123 Auftrag 77001', ['77001'], ['55123']],
    ['Bestellung 10023 49,90 EUR', ['10023'], ['4990', '49']],
    ['Bestellung 10023 EUR 1.234,56', ['10023'], ['1234', '123456']],
    ['IBAN DE89 3704 0044 0532 0130 00 Bestellung 10023', ['10023'], ['3704', '0044', '0532', '37040044']],
    ['DE89370400440532013000 10023', ['10023'], ['DE89370400440532013000']],
    ['Hauptstr. 5, 10115 Berlin Bestellung 10023', ['10023'], ['10115']],
    ['Lieferung D-80331 Muenchen Best. 10023', ['10023'], ['80331']],
    ['Tel. 030 1234567 Bestellung 10023', ['10023'], ['0301234567', '1234567']],
    ['Zahlung vom 2026-11-12 fuer 10023', ['10023'], ['20261112']],
    ['Rg.Nr. 2026/0815', ['20260815'], []],
    ['Vertrag 4711-22 Bestellung 10024', ['10024'], ['471122']],
    // Second adversarial review: other date forms, phone and article numbers.
    ['Zahlung vom 2026.11.26 Bestellung 10023', ['10023'], ['2026', '11', '26']],
    ['Payment Nov 26, 2026 order 10023', ['10023'], ['2026']],
    ['November 26th 2026 Bestellung 10023', ['10023'], ['2026']],
    ['Handy 07123 45678 Bestellung 10023', ['10023'], ['45678', '07123', '0712345678']],
    ['Mobil: 0171 45678 Bestellung 10023', ['10023'], ['45678']],
    ['Rueckruf +49 7123 45678 Best. 10023', ['10023'], ['45678', '7123', '712345678']],
    ['Bestellungen 10023+10024', ['10023', '10024'], []],
    // Fourth review: a '+' before a number too short for a phone number lists one more order.
    ['Bestellungen 10023 +10024', ['10023', '10024'], []],
    ['Rueckruf +43 660 1234567 Bestellung 10023', ['10023'], ['1234567', '660']],
    // Thousands separators after an order keyword; not without one, and not in an amount.
    ['Bestellung 10.023', ['10023'], []],
    ["Bestellung 10'023", ['10023'], []],
    ['Bestellnr. 1.002.345', ['1002345'], []],
    ['Zahlung 10.023 Danke', [], ['10023']],
    ['Bestellung 10023 1.234,56 EUR', ['10023'], ['1234', '1023']],
    ['Art.-Nr. 55123 2 Stueck Bestellung 10023', ['10023'], ['55123']],
    ['SKU 55123 EAN 4006381333931 Bestellung 10023', ['10023'], ['55123', '4006381333931']],
    ['Sendungsnummer 0034 0434 1612 4567 Bestellung 10023', ['10023'], ['4567', '1612', '00340434']],
    ['Lohn 11/2026 Personalnr. 45112', [], ['45112']],
    ['Schadennummer 45112 Aktenzeichen 45113', [], ['45112', '45113']],
    ['Steuernummer 12/345/67890 Erstattung', [], ['1234567890', '67890']],
    ['Ersatzteil laut Ticket #45112, Bestellung 10023', ['10023'], ['45112']],
    ['Angebot 45112 angenommen, Bestellung 10023', ['10023'], ['45112']],
    // Third review (probe of 245 real-world texts): more identifier words, B2B advices, phones, dates, amounts.
    ...[
      'Kundenummer',
      'Kundenkonto',
      'Debitor',
      'Debitoren-Nr.',
      'Kreditorennummer',
      'Lieferanten-Nr.',
      'Mandatsreferenz',
      'Mandats-Ref.',
      'Mitgl.-Nr.',
      'Vertrags-Nr.',
      'Vertragskonto',
      'Kontonummer',
      'Kassenzeichen',
      'Versicherungsschein-Nr.',
      'Ihr Zeichen',
      'Gutschein',
      'St.-Nr.',
      'Telefonnummer 030',
      'Handynr. 0171',
      'Telefon: (030)',
      // A voucher of the payer's books, as "Beleg-Nr." below (number-candidates.ts: no order keyword).
      'Belegnr.',
      'Belegnummer:',
    ].map((word): [string, string[], string[]] => [`${word} 10500 Bestellung 10023`, ['10023'], ['10500']]),
    // Fifth review: labels of other numbers not on the word list (hyphenated, abbreviated, written together) ...
    ...[
      'Versicherungs-Nr.',
      'Policen-Nr.',
      'Pers.-Nr.',
      'Angebots-Nr.',
      'Sendungs-Nr.',
      'Kundenreferenz',
      'Beleg-Nr.',
      'Transaktions-ID',
      'Policy-No.',
    ].map((word): [string, string[], string[]] => [`${word} 10500 Bestellung 10023`, ['10023'], ['10500']]),
    // ... and labels whose stem names the order, the invoice or the payment.
    ...[
      'Bestell-Nr.',
      'Auftrags-Nr.',
      'Rechnungs-Nr.',
      'Best.-Nr.',
      'Rg.-Nr.',
      'Order-Nr.',
      'Online-Bestell-Nr.',
      'Zahlungsreferenz',
      'AB-Nr.',
      'Buchungs-Nr.',
      'Bestelnummer',
      'Factuurnr.',
    ].map((word): [string, string[], string[]] => [`${word} 10023`, ['10023'], []]),
    // "Beleg" alone labels nothing: its number stays a candidate (no order keyword), so that a text naming another
    // customer's open order this way keeps the payer's own order of the same amount from being automatic.
    ['Beleg 10500 Bestellung 10023', ['10023', '10500'], []],
    // A national phone number without a keyword.
    ['bei Rueckfragen 0221 45678, Bestellung 10023', ['10023'], ['45678', '022145678']],
    ['Erreichbar unter 0221 / 45678', [], ['45678']],
    ['Bestellung 012345 100 Stueck', ['012345'], []],
    ['Lastschrift EREF: X1 MREF: 10500', [], ['10500']],
    ['SVWZ+Danke BREF+10500 RREF+10501', [], ['10500', '10501']],
    ['Kundennr 10501 / 10500', [], ['10501', '10500']],
    ['Rueckruf 0049 30 10500, Bestellung 10023', ['10023'], ['10500', '3010500']],
    ['Bestellung 00123 4567', ['00123'], []],
    ['Datum 10 11 2026 Bestellung 10023', ['10023'], ['1011', '101126', '10112026']],
    ['Miete 10/23', [], ['1023']],
    ['Beitrag 10-2023', [], ['102023', '2023']],
    ['Anzahlung 1023€ Bestellung 10023', ['10023'], ['1023']],
    ['Anzahlung 1023EUR', [], ['1023', '1023EUR']],
    // The currency of the next amount is not the previous number's.
    ['Bestellung 10023 € 49,90', ['10023'], []],
    ['Rechnung 10023\n€ 49,90', ['10023'], []],
    ['Rechnung 10023 €49,90', ['10023'], []],
    // Order numbers with leading zeros are no phone number with the 00 prefix.
    ['Bestellungen 00123 00124', ['00123', '00124'], []],
  ];
  it.each(table)('%j', (text, present, absent) => {
    const found = keys(text);
    for (const k of present) expect(found).toContain(k);
    for (const k of absent) expect(found).not.toContain(k);
  });

  it('SEPA identifier fields left in the text: EREF+/KREF+ only as a whole, MREF+/CRED+/DEBT+ never', () => {
    const ex = extractReferences({
      remittance: 'EREF+ZV-2026-10023 MREF+KD-10025 CRED+DE98ZZZ09999999999 SVWZ+Bestellung 10024',
    });
    const byKey = new Map(ex.numbers.map((n) => [n.key, n]));
    expect([...byKey.keys()].sort()).toEqual(['10024', 'ZV202610023']);
    // A whole identifier has no digit core: its last digits never name an order on their own.
    expect(byKey.get('ZV202610023')?.core).toBe('');
    expect(keys('EREF+10023 SVWZ+Danke')).toEqual(['10023']);
    expect(keys('KREF+NOTPROVIDED EREF+NOTPROVIDED SVWZ+WC-10023')).toEqual(['WC10023']);
  });

  it('marks numbers after an order keyword and numbers joined across a break', () => {
    const ex = extractReferences({ remittance: 'Bestellung 10023' });
    expect(ex.numbers.find((n) => n.key === '10023')?.keyword).toBe(true);
    const split = extractReferences({ remittance: 'Auftrag 1002\n34' });
    expect(split.numbers.find((n) => n.key === '100234')?.joined).toBe(true);
    // A line wrapped after the number's hyphen.
    expect(keys('Rechnung RE-2026-\n0042')).toContain('RE20260042');
    expect(keys('Rechnung RE-2026- 0042')).not.toContain('RE20260042');
  });

  it('marks a bare 4–5 digit number followed by a word on the same line as a possible postcode', () => {
    const place = (remittance: string, key: string) =>
      extractReferences({ remittance }).numbers.find((n) => n.key === key)?.place;
    expect(place('80331 München', '80331')).toBe('MÜNCHEN');
    expect(place('Lieferung nach 1010 Wien', '1010')).toBe('WIEN');
    expect(place('Bestellung 80331 München', '80331')).toBeUndefined();
    expect(place('80331', '80331')).toBeUndefined();
    expect(place('803310 München', '803310')).toBeUndefined();
    expect(place('80331 München 80331', '80331')).toBeUndefined();
  });

  it('also reads a place joined by a hyphen or slash, abbreviated, after a comma, or wrapped to the next line', () => {
    const place = (remittance: string, key: string) =>
      extractReferences({ remittance }).numbers.find((n) => n.key === key)?.place;
    expect(place('Am Markt 3 10117 Berlin-Mitte', '10117')).toBe('BERLIN');
    expect(place('06108 Halle/Saale', '06108')).toBe('HALLE');
    expect(place('66386 St. Ingbert', '66386')).toBe('ST');
    expect(place('10117, Berlin', '10117')).toBe('BERLIN');
    // Banks wrap remittance lines at a fixed width (MT940 :86: subfields of 27 characters), anywhere.
    expect(place('80331\nMünchen', '80331')).toBe('MÜNCHEN');
    // Not a place: two letters without the abbreviation's dot, or an order keyword.
    expect(place('10117 AB', '10117')).toBeUndefined();
    expect(place('10117 Bestellung', '10117')).toBeUndefined();
  });

  it('finds numbers glued to words via the shop pattern', () => {
    expect(keys('BESTELLUNGWC-10023DANKE', ['WC-\\d{5}'])).toContain('WC10023');
    expect(keys('Zahlung AB10023X', ['^AB\\d{5}$'])).toContain('AB10023');

    expect(keys('Bestellnr10023', ['\\d{5,}'])).toContain('10023');
  });

  it('takes a shop pattern match only as a token of its own or after an order keyword', () => {
    // A digit run inside another identifier fits "\d{5,}" without being an order number.
    for (const text of [
      'Kundennr10500',
      'Rückruf 030-10500',
      'Az. 4711-10500',
      'St.-Nr. 12/345/10500',
      'Zahlung 10500-2',
    ])
      expect(keys(text, ['\\d{5,}']), text).not.toContain('10500');
    expect(keys('DE-10117 Berlin', ['\\d{5,}'])).not.toContain('10117');
    expect(keys('A-1023 Wien', ['#?\\d{4,}'])).not.toContain('1023');
  });

  it('marks a pattern match as joined only when it was read across a line break', () => {
    const ex = (remittance: string) =>
      extractReferences({ remittance }, [compileNumberPattern('\\d{5,}') as RegExp]);
    expect(ex('Bestellnr10023').numbers.find((n) => n.key === '10023')?.joined).toBe(false);
    expect(ex('Bestellung 100\n23').numbers.find((n) => n.key === '10023')?.joined).toBe(true);
  });

  it('ignores invalid shop patterns', () => {
    expect(compileNumberPattern('([')).toBeUndefined();
  });

  it('lists each number once, in the order written, however long the text (a CSV free-text column)', () => {
    const numbers = Array.from({ length: 40 }, (_, i) => String(10_000 + i * 7));
    const text = [...numbers, ...numbers.slice(0, 10).reverse(), numbers[3]].join(' / ');
    expect(keys(text)).toEqual(numbers);
    // A number written again after an order keyword keeps its first place and gains the keyword.
    const ex = extractReferences({ remittance: `${numbers.join(' / ')} / Bestellung ${numbers[30] ?? ''}` });
    expect(ex.numbers.map((n) => n.key)).toEqual(numbers);
    expect(ex.numbers.filter((n) => n.keyword).map((n) => n.key)).toEqual([numbers[30]]);
  });

  it('digits written end the number: what a core match may have in front of the core', () => {
    expect(digitsEndNumber('RE-2026-0042', 'RE-2026-0042')).toBe(true);
    expect(digitsEndNumber('2026-0042', 'RE-2026-0042')).toBe(true);
    expect(digitsEndNumber('0042', 'RE-2026-0042')).toBe(true);
    expect(digitsEndNumber('0010023', '10023')).toBe(true);
    expect(digitsEndNumber('BESTELLNR10023', '10023')).toBe(true);
    expect(digitsEndNumber('4711-10023', 'WC-10023')).toBe(false);
    expect(digitsEndNumber('030-10023', '10023')).toBe(false);
    expect(digitsEndNumber('1002310024', '10024')).toBe(false);
  });

  it('keys and cores: prefixes, separators and leading zeros', () => {
    expect(numberKey('wc-10023')).toBe('WC10023');
    expect(numberCore('RE-2026-00123')).toBe('123');
    expect(numberCore('000456')).toBe('456');
    expect(numberCore('ABC')).toBe('');
  });
});

describe('our references and RF references', () => {
  const random = seededRandomInt(3);
  const ref = generateReference(random);

  it('recognises our reference anywhere, with separators and a line break', () => {
    const spaced = `${ref.slice(0, 4)} ${ref.slice(4, 7)}\n${ref.slice(7)}`;
    for (const text of [ref, `Zahlung ${ref} danke`, spaced.toLowerCase(), `SVWZ+${ref}`]) {
      expect(extractReferences({ remittance: text }).references).toEqual([ref]);
    }
    expect(extractReferences({ remittance: 'x', endToEndId: ref }).references).toEqual([ref]);
  });

  it('reports a mistyped reference as broken, not as a reference', () => {
    const typo = ref.slice(0, 5) + (ref[5] === 'A' ? 'B' : 'A') + ref.slice(6);
    const ex = extractReferences({ remittance: `Ref ${typo}` });
    expect(ex.references).toEqual([]);
    expect(ex.brokenReferences).toContain(typo);
  });

  it('reads RF references from the structured field and from text', () => {
    const rf = toCreditorReference(ref);
    expect(extractReferences({ creditorReference: rf }).creditorBodies).toContain(ref);
    const grouped = rf.replace(/(.{4})/g, '$1 ');
    expect(extractReferences({ remittance: `SVWZ+${grouped}` }).creditorBodies).toContain(ref);
    expect(extractReferences({ creditorReference: 'RF18539007547034' }).creditorBodies).toContain(
      '539007547034',
    );
    expect(extractReferences({ creditorReference: 'RF19539007547034' }).creditorBodies).toEqual([]);
  });

  it('takes the structured RF field as one reference, and in text no shorter body cut from a run', () => {
    // RF1310023 is order number 10023; its prefix RF13 1002 validates as well and would name order 1002.
    const rf = toCreditorReference('10023');
    expect(rf).toBe('RF1310023');
    expect(extractReferences({ creditorReference: rf }).creditorBodies).toEqual(['10023']);
    expect(extractReferences({ remittance: 'RF13 1002 3' }).creditorBodies).toEqual(['10023']);
    // Where nothing longer validates, a body that ends at a digit/letter boundary stays.
    expect(extractReferences({ remittance: 'Danke RF1310023' }).creditorBodies).toEqual(['10023']);
    // An empty structured field makes no other field "structured".
    expect(extractReferences({ endToEndId: 'E2E RF1310023', creditorReference: '' }).creditorBodies).toEqual([
      '10023',
    ]);
  });

  it('carries the values written under a label of another kind of number, not as candidates', () => {
    const ex = extractReferences({ remittance: 'Kundennr. 10023, Beleg-Nr. RE-2026-00123 Bestellung 10050' });
    expect(ex.labelValues).toEqual(['10023', 'RE202600123']);
    expect(ex.numbers.map((n) => n.key)).toEqual(['10050']);
    // Most texts have none: the shared empty list.
    expect(extractReferences({ remittance: 'Bestellung 10050' }).labelValues).toBe(
      extractReferences({ remittance: 'Danke' }).labelValues,
    );
  });

  it('ignores NOTPROVIDED everywhere', () => {
    const ex = extractReferences({
      remittance: 'NOTPROVIDED',
      endToEndId: 'NOTPROVIDED',
      creditorReference: 'NOTPROVIDED',
    });
    expect(ex).toEqual({
      references: [],
      brokenReferences: [],
      creditorBodies: [],
      numbers: [],
      labelValues: [],
    });
  });
});

describe('mayHoldReference: the reference pass reads only what may hold a reference', () => {
  const rnd = seededRandomInt(5);
  const found = (input: Parameters<typeof readIdentifiers>[0]) => {
    const ex = readIdentifiers(input).extraction;
    return ex.references.length + ex.brokenReferences.length + ex.creditorBodies.length > 0;
  };

  it('says yes wherever readIdentifiers finds a reference, however it is written', () => {
    const ref = generateReference(rnd);
    const spaced = `${ref.slice(0, 3)} ${ref.slice(3, 6)} ${ref.slice(6)}`;
    const inputs = [
      { remittance: `Zahlung ${ref}` },
      { remittance: `ref ${ref.toLowerCase()}` },
      { remittance: spaced },
      { remittance: `SVWZ+Bestellung EREF+${ref}` },
      { remittance: 'Danke', endToEndId: ref },
      { remittance: null, creditorReference: toCreditorReference(ref) },
      { remittance: `Rechnung ${toCreditorReference('10023').toLowerCase()}` },
      // A broken reference (check character wrong) is read too: the matcher may repair it.
      { remittance: `Zahlung ${ref.slice(0, -1)}${ref.endsWith('A') ? 'B' : 'A'}` },
    ];
    for (const input of inputs) {
      expect(found(input), JSON.stringify(input)).toBe(true);
      expect(mayHoldReference(input), JSON.stringify(input)).toBe(true);
    }
  });

  it('says no for plain text without both letters of KW or RF, and reads other characters the long way', () => {
    expect(
      mayHoldReference({ remittance: 'Bestellung 10023 Thomas Mueller', endToEndId: 'NOTPROVIDED' }),
    ).toBe(false);
    expect(mayHoldReference({ remittance: null, endToEndId: null, creditorReference: null })).toBe(false);
    // "K" and "W" apart still count (cleaning may bring them together); so does any character beyond ASCII,
    // whose upper case may be ASCII letters ("ﬀ" -> "FF").
    expect(mayHoldReference({ remittance: 'Kauf Warenkorb 10023' })).toBe(true);
    expect(mayHoldReference({ remittance: 'Bestellung 10023 für Jörg' })).toBe(true);
    expect(mayHoldReference({ remittance: 'r\uFB00 10023' })).toBe(true);
  });
});
