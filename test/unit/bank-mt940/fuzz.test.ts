/**
 * Property tests: mutated MT940 text never crashes the parser with anything but a typed KassenwartError
 * (in practice it reports problems as events and throws nothing), and every entry it emits is well-formed.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKassenwartError } from '#core/errors.ts';
import { parseMt940 } from '#core/bank/mt940/index.ts';
import { isIsoDate } from '#core/dates.ts';
import { OWN_BANK_FIXTURES, SHARED_BANK_FIXTURES, readText } from './fixture-helpers.ts';

const seeds = [
  join(OWN_BANK_FIXTURES, 'mt940/german-structured.sta'),
  join(OWN_BANK_FIXTURES, 'mt940/mt942-intraday.sta'),
  join(OWN_BANK_FIXTURES, 'mt940/swift-envelope.sta'),
  join(SHARED_BANK_FIXTURES, 'mt940/wolph__mt940/betterplace/sepa_snippet.sta'),
  join(SHARED_BANK_FIXTURES, 'mt940/fruitl00p__php-mt940/Rabo/sample3'),
].map(readText);

/** Characters that matter to the grammar, so mutations hit interesting paths. */
const grammarChar = fc.constantFrom(
  ':',
  '?',
  '~',
  '/',
  '-',
  '{',
  '}',
  '\n',
  '\r',
  ',',
  '.',
  'C',
  'D',
  'R',
  '+',
  ' ',
  '0',
  '9',
);

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: grammarChar, maxLength: 6 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    text: fc.string({ unit: grammarChar, minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'replace':
      return text.slice(0, at) + m.text + text.slice(at + m.text.length);
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
  }
}

function parseAll(text: string): void {
  try {
    for (const ev of parseMt940(text, 'fuzz.sta')) {
      if (ev.kind !== 'entry') continue;
      const e = ev.entry;
      expect(Number.isSafeInteger(e.amountMinor)).toBe(true);
      expect(e.currency).toMatch(/^[A-Z]{3}$/);
      if (e.valueDate) expect(isIsoDate(e.valueDate)).toBe(true);
      if (e.bookingDate) expect(isIsoDate(e.bookingDate)).toBe(true);
    }
  } catch (e) {
    if (!isKassenwartError(e)) throw e;
  }
}

describe('MT940 parser under mutation', () => {
  it('mutated statements never crash the parser', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (seed, ms) => {
          parseAll(ms.reduce(apply, seeds[seed] ?? ''));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('arbitrary text never crashes the parser', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => parseAll(s)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            ':20:X',
            ':25:DE89370400440532013000',
            ':60F:C250101EUR1,00',
            ':61:2501010101CR1,00NTRFNONREF',
            ':86:166?20EREF+X?21SVWZ+Y',
            ':62F:C250101EUR2,00',
            '-',
            '{4:',
            '-}',
            ':34F:EUR0,',
            ':90D:0EUR0,',
          ),
          { maxLength: 30 },
        ),
        (lines) => parseAll(lines.join('\n')),
      ),
      { numRuns: 300 },
    );
  });
});
