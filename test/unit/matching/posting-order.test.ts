import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byBookingDate } from '#core/matching/posting-order.ts';
import type { MatchPosting } from '#core/matching/types.ts';
import { posting } from './fixtures.ts';

/** The order the matcher visits postings in, written as the plain comparator sort it replaces. */
const reference = (ps: readonly MatchPosting[]) =>
  [...ps].sort((a, b) => {
    const x = a.bookingDate ?? '';
    const y = b.bookingDate ?? '';
    return (x < y ? -1 : x > y ? 1 : 0) || a.id - b.id;
  });

describe('byBookingDate (the order the passes visit postings in)', () => {
  it('sorts by booking date, then id, like the comparator sort — missing and odd dates included', () => {
    const date = fc.oneof(
      fc.constantFrom('2026-11-01', '2026-11-02', '2026-10-31', '2025-12-31', '', '2026-11-1', 'x'),
      fc.constant(undefined),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 60 }),
        fc.array(date, { minLength: 60, maxLength: 60 }),
        (ids, dates) => {
          const ps = ids.map((id, i) => ({ ...posting(), id, bookingDate: dates[i] }));
          expect(byBookingDate(ps).map((p) => p.id)).toEqual(reference(ps).map((p) => p.id));
        },
      ),
    );
  });

  it('leaves the input as it was', () => {
    const ps = [posting({ bookingDate: '2026-11-03' }), posting({ bookingDate: '2026-11-01' })];
    const before = ps.map((p) => p.id);
    expect(byBookingDate(ps).map((p) => p.id)).toEqual([...before].reverse());
    expect(ps.map((p) => p.id)).toEqual(before);
  });
});
