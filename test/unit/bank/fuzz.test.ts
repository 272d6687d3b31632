/**
 * Property tests (fast-check): mutated statement files never crash the importer with anything but a typed
 * ImportError, and a failed import never half-imports (database unchanged).
 */
import { describe, it } from 'vitest';
import { expectAtomicImports, mutations } from '../../helpers/import-fuzz.ts';
import { camtXml } from '../../helpers/camt-builder.ts';

const base = camtXml('053', [
  {
    seq: '7',
    opening: '100.00',
    closing: '130.00',
    entries: [
      { amount: '10.00', iban: 'DE02120300000000202051', e2e: 'A' },
      {
        amount: '20.00',
        txs: [
          { amount: '5.00', name: 'x' },
          { amount: '15.00', name: 'y' },
        ],
      },
    ],
  },
]);
const mt940 = [
  ':20:X',
  ':25:DE89370400440532013000',
  ':28C:1/1',
  ':60F:C261101EUR0,00',
  ':61:2611021102C12,34NTRFNONREF',
  ':86:166?00GUTSCHRIFT?20SVWZ+Test?32Kunde',
  ':62F:C261102EUR12,34',
  '-',
  '',
].join('\r\n');

const mutation = mutations({
  maxDelete: 40,
  maxText: 12,
  tokens: ['<', '>', '&', '</Ntry>', '<Amt Ccy="XX">', 'DBIT', '-', ':61:', '\u0000', '\uFFFF'],
  flips: true,
});

describe('fuzzing the importer', () => {
  for (const [label, source] of [
    ['CAMT', base],
    ['MT940', mt940],
  ] as const) {
    it(`${label}: mutated files import fully or fail with a typed ImportError, never half`, () =>
      expectAtomicImports(source, mutation, { maxMutations: 4, numRuns: 150, seed: 20261126 }));
  }
});
