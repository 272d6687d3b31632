/**
 * Property tests (fast-check): mutated statement files never crash the importer with anything but a typed
 * ImportError, and a failed import never half-imports (database unchanged).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '#core/bank/import-error.ts';
import { makeTestDb } from '../../helpers/db.ts';
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

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('<', '>', '&', '</Ntry>', '<Amt Ccy="XX">', 'DBIT', '-', ':61:', '\u0000', '\uFFFF'),
    ),
  }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
);

type Mutation = { kind: string; at: number; len?: number; text?: string; byte?: number };

function mutate(text: string, muts: Mutation[]): Uint8Array {
  let bytes = Buffer.from(text, 'utf8');
  for (const m of muts) {
    const at = bytes.length ? m.at % bytes.length : 0;
    if (m.kind === 'truncate') bytes = bytes.subarray(0, at);
    else if (m.kind === 'delete')
      bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + (m.len ?? 1))]);
    else if (m.kind === 'insert')
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text ?? '', 'utf8'), bytes.subarray(at)]);
    else if (bytes.length) {
      bytes = Buffer.from(bytes);
      bytes[at] = m.byte ?? 0;
    }
  }
  return bytes;
}

const TABLES = ['postings', 'import_batches', 'bank_accounts', 'bank_statements', 'audit_log'];

describe('fuzzing the importer', () => {
  for (const [label, source] of [
    ['CAMT', base],
    ['MT940', mt940],
  ] as const) {
    it(`${label}: mutated files import fully or fail with a typed ImportError, never half`, () => {
      const { core, db } = makeTestDb();
      const count = () =>
        TABLES.map((t) => (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (muts) => {
          const before = count();
          const data = mutate(source, muts);
          let outcome: 'ok' | 'error' = 'ok';
          try {
            core.bank.importSourceSync(
              {
                name: 'fuzz',
                size: data.byteLength,
                head: (n = 65_536) => data.subarray(0, n),
                chunks: function* () {
                  yield data;
                },
                all: () => data,
              },
              {},
            );
          } catch (error) {
            outcome = 'error';
            expect(error).toBeInstanceOf(ImportError);
          }
          if (outcome === 'error') expect(count()).toEqual(before);
        }),
        { numRuns: 150, seed: 20261126 },
      );
    });
  }
});
