/**
 * Property tests of the bank importer (fast-check): mutated statement files import fully or fail with a typed
 * ImportError, and a failed import leaves the database unchanged (nothing half-imported).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { ImportError } from '#core/bank/import-error.ts';
import { sourceFromBytes } from '#core/bank/source.ts';
import { makeTestDb } from './db.ts';

export type Mutation = { kind: string; at: number; len?: number; text?: string; byte?: number };

/** Truncations, deletions (up to `maxDelete` bytes), insertions of random or `tokens` text, and optionally byte flips. */
export function mutations(opts: {
  maxDelete: number;
  maxText: number;
  tokens: readonly [string, ...string[]];
  flips: boolean;
}): fc.Arbitrary<Mutation> {
  const kinds: fc.Arbitrary<Mutation>[] = [
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      len: fc.integer({ min: 1, max: opts.maxDelete }),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.oneof(fc.string({ maxLength: opts.maxText }), fc.constantFrom(...opts.tokens)),
    }),
  ];
  if (opts.flips)
    kinds.push(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    );
  return fc.oneof(...kinds);
}

export function mutate(text: string, muts: readonly Mutation[]): Uint8Array {
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

/** The unmutated `source` imports; every mutated one imports or fails typed with the database unchanged. */
export function expectAtomicImports(
  source: string,
  mutation: fc.Arbitrary<Mutation>,
  run: { maxMutations: number; numRuns: number; seed: number },
): void {
  const { core, db } = makeTestDb();
  const count = () =>
    TABLES.map((t) => (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
  expect(() => core.bank.importSourceSync(sourceFromBytes('base', Buffer.from(source)), {})).not.toThrow();
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: run.maxMutations }), (muts) => {
      const before = count();
      try {
        core.bank.importSourceSync(sourceFromBytes('fuzz', mutate(source, muts)), {});
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
        expect(count()).toEqual(before);
      }
    }),
    { numRuns: run.numRuns, seed: run.seed },
  );
}
