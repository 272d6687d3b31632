import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SignalMap } from '#core/matching/passes/signal-map.ts';
import type { Signal } from '#core/matching/types.ts';

/*
 * SignalMap stands in for the Map<number, Signal[]> of a posting's evidence: after any sequence of set and delete
 * it must answer get, has, size and the insertion order of keys and values exactly as the Map would.
 */
describe('SignalMap', () => {
  const ids = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom(Number.NaN, -1, 1.5, 1e12));
  const ops = fc.array(fc.record({ del: fc.boolean(), id: ids }), { maxLength: 80 });

  it('answers as a Map after any sequence of set and delete', () => {
    fc.assert(
      fc.property(ops, (list) => {
        const ours = new SignalMap();
        const map = new Map<number, Signal[]>();
        list.forEach(({ del, id }, n) => {
          if (del) expect(ours.delete(id)).toBe(map.delete(id));
          else {
            const signals: Signal[] = [{ kind: 'number', detail: `op ${n}`, weight: 0.8 }];
            expect(ours.set(id, signals)).toBe(ours);
            map.set(id, signals);
          }
          expect(ours.size).toBe(map.size);
        });
        expect(ours.keys()).toEqual([...map.keys()]);
        for (let i = 0; i < ours.size; i++) {
          expect(ours.idAt(i)).toEqual([...map.keys()][i]);
          expect(ours.signalsAt(i)).toBe([...map.values()][i]);
        }
        for (const id of [0, 5, 12, Number.NaN, -1, 1.5, 1e12, 99]) {
          expect(ours.has(id)).toBe(map.has(id));
          expect(ours.get(id)).toBe(map.get(id));
        }
      }),
    );
  });

  it('keys() is a copy: deleting while reading it skips nothing', () => {
    const m = new SignalMap();
    for (const id of [3, 1, 2]) m.set(id, []);
    for (const id of m.keys()) m.delete(id);
    expect(m.size).toBe(0);
  });
});
