/**
 * Property: bookings reported by overlapping statements (whole days, as banks cut them) are stored exactly
 * once each, however the days overlap, in which order the files come, and with identical twins among them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../helpers/db.ts';
import { camtXml, type TestNtry } from '../../helpers/camt-builder.ts';

const day = (d: number) => `2026-11-${String(d + 1).padStart(2, '0')}`;
const booking = fc.record({
  d: fc.integer({ min: 0, max: 5 }),
  cents: fc.constantFrom(100, 4990, 4990, 1999),
  payer: fc.constantFrom('DE02120300000000202051', 'DE02500105170137075030', undefined),
});

describe('dedupe property', () => {
  it('overlapping day ranges import every booking exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(booking, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        fc.boolean(),
        async (bookings, a, b, reverse) => {
          const { core } = makeTestDb();
          const [from2, to1] = [Math.min(a, b), Math.max(a, b)];
          const sorted = [...bookings].sort((x, y) => x.d - y.d);
          const toNtry = (x: (typeof sorted)[number]): TestNtry => ({
            amount: (x.cents / 100).toFixed(2),
            bookingDate: day(x.d),
            ...(x.payer ? { iban: x.payer } : {}),
          });
          const first = camtXml('053', [{ entries: sorted.filter((x) => x.d <= to1).map(toNtry) }]);
          const second = camtXml('053', [{ entries: sorted.filter((x) => x.d >= from2).map(toNtry) }]);
          const files = reverse ? [second, first] : [first, second];
          for (const [i, f] of files.entries()) {
            const [r] = await core.bank.importBytes(`f${i}.xml`, new TextEncoder().encode(f));
            expect(r?.ok).toBe(true);
          }
          expect(core.bank.listPostings({ limit: 1000 }).total).toBe(bookings.length);
        },
      ),
      { numRuns: 40, seed: 42 },
    );
  });
});
