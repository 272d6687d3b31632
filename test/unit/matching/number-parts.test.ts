import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntMap, NumberKeyMap } from '#core/matching/index-tables.ts';
import { numberCore, numberKey, NumberParts } from '#core/matching/number-keys.ts';

/*
 * The order index reads most order and invoice numbers with NumberParts instead of making their key and core as
 * strings (numberKey, numberCore), and adds them to its tables by those parts (NumberKeyMap.addPartsToList): the
 * matcher's decisions depend on both giving exactly the key, the core and the table entries the strings give.
 */
const numbers = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'WCRE0123456789-/ .'.split('')), maxLength: 16 }),
  fc.string({ unit: fc.constantFrom(...'AZaz0019-#\u00e4\u00df\t'.split('')), maxLength: 12 }),
  fc.stringMatching(/^[A-Z]{0,3}[-/ ]?[1-9][0-9]{0,16}([-/][0-9]{1,6})?$/),
  fc.constantFrom('WC-10588', '230988', 'RE-2026-00985', 'RE-2026-000', '000123', 'wc-10588', 'W-C1', '12A'),
);

describe('NumberParts', () => {
  it('reads the key and core that numberKey and numberCore make, or declines', () => {
    const parts = new NumberParts();
    fc.assert(
      fc.property(numbers, (text) => {
        if (!parts.read(text)) return;
        const key = numberKey(text);
        const core = numberCore(text);
        const letters = text.slice(0, parts.letters);
        expect(letters).toMatch(/^[A-Z]*$/);
        expect(key).toBe(letters + String(parts.value));
        expect(parts.digits).toBe(key.length - parts.letters);
        expect(core).toBe(String(parts.core));
        expect(parts.coreDigits).toBe(core.length);
        expect(parts.coreIsKey).toBe(core === key);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the usual forms', () => {
    const parts = new NumberParts();
    for (const text of ['WC-10588', '230988', 'RE-2026-00985', 'RE 2026/000'])
      expect(parts.read(text)).toBe(true);
    for (const text of ['wc-10588', 'W-C10588', '10023A', '0123', 'Ä10023', ''])
      expect(parts.read(text)).toBe(false);
  });

  it('NumberKeyMap.addPartsToList adds to the list addToList adds the key to', () => {
    const parts = new NumberParts();
    fc.assert(
      fc.property(fc.array(numbers, { maxLength: 120 }), (list) => {
        const byString = new NumberKeyMap<number[]>(new IntMap<number[]>());
        const byParts = new NumberKeyMap<number[]>(new IntMap<number[]>());
        list.forEach((text, i) => {
          if (!parts.read(text)) return;
          const key = numberKey(text);
          const expected = byString.addToList(key, i, [i]);
          let got = byParts.addPartsToList(text, parts.letters, parts.digits, parts.value, i, [i]);
          if (got === -2) got = byParts.addToList(key, i, [i]);
          expect(got).toBe(expected);
        });
        for (const text of list) expect(byParts.get(numberKey(text))).toEqual(byString.get(numberKey(text)));
      }),
      { numRuns: 300 },
    );
  });
});
