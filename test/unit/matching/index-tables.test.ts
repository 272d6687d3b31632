import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeCodes } from '#core/matching/lists.ts';
import { ById, IntMap, isDigitKey, NumberKeyMap, ReferenceMap } from '#core/matching/index-tables.ts';
import { REFERENCE_ALPHABET } from '#core/matching/references.ts';
import { StringTable } from '#core/matching/string-table.ts';

/*
 * The order index's integer tables replace Maps; the matcher's decisions depend on them answering exactly as
 * the Maps did, so each is checked against a Map on random keys (dense, sparse, repeated, out of range).
 */
/**
 * Sets `list[i] -> i` in the table and in a Map, in order, and checks that the table answers `get` for every key
 * asked and set as the Map does.
 */
function answersAsMap<K>(
  table: { get(key: K): number | undefined; set(key: K, value: number): unknown },
  list: readonly K[],
  asked: readonly K[],
): Map<K, number> {
  const map = new Map<K, number>();
  list.forEach((k, i) => {
    table.set(k, i);
    map.set(k, i);
  });
  for (const k of [...asked, ...list]) expect(table.get(k)).toBe(map.get(k));
  return map;
}

describe('order index tables answer as a Map', () => {
  const lookups = fc.array(fc.oneof(fc.integer({ min: -5, max: 3000 }), fc.double(), fc.constant(-1)), {
    maxLength: 60,
  });

  it('ById, dense ids and ids spread too thin for the typed array', () => {
    const ids = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 300 }),
      fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 40 }),
    );
    fc.assert(
      fc.property(ids, lookups, (list, asked) => {
        const items = list.map((id, i) => ({ id, i }));
        const table = new ById<number>(items);
        const map = new Map<number, number>();
        // Positions: 0, 1, … in the order ids were first set, the same again when an id is set once more.
        const positions = new Map<number, number>();
        for (const { id, i } of items) {
          if (!positions.has(id)) positions.set(id, positions.size);
          expect(table.set(id, i)).toBe(positions.get(id));
          map.set(id, i);
        }
        expect(table.size).toBe(map.size);
        for (const id of [...asked, ...list]) {
          expect(table.get(id)).toBe(map.get(id));
          expect(table.position(id)).toBe(positions.get(id) ?? -1);
        }
      }),
    );
  });

  it("ById.positionOfSet: each set's position, -1 for NaN, so equal positions are ids equal by ===", () => {
    const ids = fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constant(Number.NaN),
      ),
      { maxLength: 200 },
    );
    fc.assert(
      fc.property(ids, (list) => {
        const table = new ById<number>(list.map((id) => ({ id })));
        const returned = list.map((id, i) => table.set(id, i));
        list.forEach((id, n) => {
          expect(table.positionOfSet(n)).toBe(Number.isNaN(id) ? -1 : returned[n]);
          list.forEach((other, m) => {
            const a = table.positionOfSet(n);
            expect(a >= 0 && a === table.positionOfSet(m)).toBe(id === other);
          });
        });
      }),
    );
  });

  it('IntMap, through several doublings', () => {
    const keys = fc.array(
      fc.oneof(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 5000 })),
      {
        maxLength: 3000,
      },
    );
    fc.assert(
      fc.property(keys, lookups, (list, asked) => {
        const table = new IntMap<number>();
        const map = answersAsMap(table, list, asked);
        expect(table.size).toBe(map.size);
      }),
      { numRuns: 30 },
    );
  });

  it('IntMap, keys up to 2^53 (references are read as numbers below 2^35)', () => {
    const keys = fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 2 ** 35 }),
        fc.maxSafeNat(),
        fc.constantFrom(2 ** 32, 2 ** 32 + 1, 2 ** 31),
      ),
      { maxLength: 2000 },
    );
    fc.assert(
      fc.property(keys, (list) => {
        const safe = list.filter((k) => k < Number.MAX_SAFE_INTEGER);
        answersAsMap(new IntMap<number>(), safe, [...list, 2 ** 33 + 7, -3, 0.5]);
      }),
      { numRuns: 30 },
    );
  });

  it('ReferenceMap: our references by number, anything else by string', () => {
    const ours = fc
      .array(fc.constantFrom(...REFERENCE_ALPHABET), { minLength: 7, maxLength: 7 })
      .map((cs) => `KW${cs.join('')}`);
    const key = fc.oneof(
      ours,
      ours.map((r) => r.toLowerCase()),
      ours.map((r) => r.slice(0, 8)),
      ours.map((r) => `${r}2`),
      ours.map((r) => r.replace('KW', 'KX')),
      ours.map((r) => `${r.slice(0, 4)}O${r.slice(5)}`),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 200 }), fc.array(key, { maxLength: 50 }), (list, asked) => {
        answersAsMap(new ReferenceMap<number>(), list, asked);
      }),
    );
  });

  it('NumberKeyMap: digit keys by number, letter-prefixed numbers by prefix (more prefixes than tables), others', () => {
    const key = fc.oneof(
      fc.stringMatching(/^[0-9]{1,10}$/),
      fc.stringMatching(/^[A-Z]{0,3}[0-9]{0,9}$/),
      fc.stringMatching(/^[A-Z]{1,2}[1-9][0-9]{3,7}$/),
      fc.constantFrom(
        '0123',
        '1234',
        '12345678',
        '123456789',
        '1e3',
        ' 1234',
        'WC10023',
        'WC010023',
        'wc10023',
      ),
      fc.constantFrom('WC10023A', 'W1C10023', '１２３４', 'RE2026001', 'RE20260011', 'Ä10023'),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.array(key, { maxLength: 80 }), (list, asked) => {
        answersAsMap(new NumberKeyMap(new IntMap<number>()), list, asked);
      }),
    );
  });

  it('StringTable, through several doublings, on strings that share prefixes, of any characters, and copies', () => {
    const key = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.integer({ min: 0, max: 3000 }).map((n) => `anna müller ${n}`),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 2000 }), fc.array(key, { maxLength: 60 }), (list, asked) => {
        const table = new StringTable<number>();
        // Every key asked as a string object of its own (as the matcher's names are), and through find/insert.
        const copy = (k: string) => [...k].join('');
        const map = answersAsMap(table, list, asked.map(copy));
        expect(table.size).toBe(map.size);
        const other = new StringTable<number>();
        list.forEach((k, i) => {
          const place = other.find(copy(k));
          if (place < 0) other.insert(place, k, i);
          expect(other.valueAt(other.find(k))).toBe(list.indexOf(k));
        });
      }),
    );
  });

  it('mergeCodes merges two ascending lists of distinct numbers', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1e6 }), { maxLength: 40 }),
        fc.array(fc.boolean()),
        (all, side) => {
          const sorted = [...all].sort((x, y) => x - y);
          const a = sorted.filter((_, i) => side[i] === true);
          const b = sorted.filter((_, i) => side[i] !== true);
          expect(mergeCodes(a, b)).toEqual(sorted);
        },
      ),
    );
  });

  it('isDigitKey is /^[1-9]\\d{3,7}$/', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9]{2,10}$/)), (text) => {
        expect(isDigitKey(text)).toBe(/^[1-9]\d{3,7}$/.test(text));
      }),
    );
  });
});
