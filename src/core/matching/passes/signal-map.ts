/**
 * A posting's evidence by order: order id -> its signals, in the order the orders were first added, answering as
 * the Map it replaces did (get, has, set, delete, size; keys and values in insertion order).
 *
 * Why not a Map: every credit posting of a run gets one (100 000 in the speed benchmark), most hold one or two
 * orders and a few hold a few dozen, and the matcher iterates them in every pass. A Map per posting costs its
 * hash table, and each `for … of map.keys()` an iterator result per order (about a million a run, the largest
 * share of short-lived garbage after the candidates). Here the ids and lists sit side by side in one array,
 * looked up by a linear scan (faster than hashing at these sizes), and keys()/values() are plain arrays.
 */
import type { Signal } from '../types.ts';

export class SignalMap {
  /** `[id0, list0, id1, list1, …]`; one array instead of two (half the headers for the garbage collector). */
  private entries: (number | Signal[])[] = [];

  get size(): number {
    return this.entries.length >> 1;
  }

  /** Where `id` is in `entries` (an even index), or -1. Ids compare as a Map's keys do (NaN equals NaN). */
  private find(id: number): number {
    const entries = this.entries;
    if (id === id) {
      for (let i = 0; i < entries.length; i += 2) if (entries[i] === id) return i;
    } else for (let i = 0; i < entries.length; i += 2) if (entries[i] !== entries[i]) return i;
    return -1;
  }

  get(id: number): Signal[] | undefined {
    const at = this.find(id);
    return at < 0 ? undefined : (this.entries[at + 1] as Signal[]);
  }

  has(id: number): boolean {
    return this.find(id) >= 0;
  }

  set(id: number, signals: Signal[]): this {
    const at = this.find(id);
    if (at >= 0) this.entries[at + 1] = signals;
    else if (this.entries.length === 0) this.entries = [id, signals];
    else this.entries.push(id, signals);
    return this;
  }

  delete(id: number): boolean {
    const at = this.find(id);
    if (at < 0) return false;
    this.entries.splice(at, 2);
    return true;
  }

  /** The order ids in insertion order: a new array (the caller may change the map while it reads them). */
  keys(): number[] {
    const entries = this.entries;
    const out = new Array<number>(entries.length >> 1);
    for (let i = 0; i < entries.length; i += 2) out[i >> 1] = entries[i] as number;
    return out;
  }

  /** The order id at `i` (0 ≤ i < size), in insertion order: for loops that read the ids without a copy. */
  idAt(i: number): number {
    return this.entries[i * 2] as number;
  }

  /** The signals at `i` (0 ≤ i < size), in insertion order. */
  signalsAt(i: number): Signal[] {
    return this.entries[i * 2 + 1] as Signal[];
  }
}
