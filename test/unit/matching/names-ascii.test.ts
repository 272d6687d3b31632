import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameTokens } from '#core/matching/names.ts';

/*
 * nameTokens reads printable ASCII, and names whose other letters are in U+00C0–U+017F (folded one by one), in
 * one pass of its own (names.ts asciiWords), and everything else through foldName and a split. A no-break space
 * (U+00A0) is a separator that sends the same name down the general path: both paths must give the same tokens.
 */
describe('nameTokens: the one-pass reading and the general path agree', () => {
  const viaGeneralPath = (text: string) => nameTokens(`${text}\u00a0`);

  it.each([
    'MUELLER, THOMAS',
    'Blumen Schulz e. K.',
    'Müller & Söhne GmbH',
    'HAEUSER UEBEL-OETKER',
    'aee oee uee auee uaee',
    'Dr. Anna-Maria   Weiss',
    'e.K.',
    '',
    'Jürgen Müller-Lüdenscheidt',
    'Sören Ødegaard, Łukasz Wiśniewski',
    'Straße Æsir İnce Œuvre ĳssel ſt',
    'Äe Öe Üe äE',
  ])('%j', (text) => {
    expect(nameTokens(text)).toEqual(viaGeneralPath(text));
  });

  it('for any text of Latin letters', () => {
    const latin: string[] = [];
    for (let c = 0xc0; c <= 0x17f; c++) latin.push(String.fromCharCode(c));
    const letters = fc.constantFrom(...latin, ...'aeouAEOUbk .-'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: letters, maxLength: 20 }), (text) => {
        expect(nameTokens(text)).toEqual(viaGeneralPath(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('for any printable ASCII', () => {
    const letters = fc.constantFrom(...'aeouAEOUbcks .,-&()0123456789'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: letters, maxLength: 30 })), (text) => {
        expect(nameTokens(text)).toEqual(viaGeneralPath(text));
      }),
      { numRuns: 3000 },
    );
  });
});
