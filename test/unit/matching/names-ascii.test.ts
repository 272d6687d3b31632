import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameTokens } from '#core/matching/names.ts';

/*
 * nameTokens reads printable ASCII in one pass of its own (names.ts asciiWords) and everything else through
 * foldName and a split. A no-break space is a separator that sends the same name down the general path: both
 * paths must give the same tokens.
 */
describe('nameTokens: the ASCII pass and the general path agree', () => {
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
  ])('%j', (text) => {
    expect(nameTokens(text)).toEqual(viaGeneralPath(text));
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
