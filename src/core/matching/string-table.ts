/**
 * A string-keyed table for the order index's memos (order-index.ts: the names of a run, their tokens). It answers
 * as a Map would; what differs is the hash. A Map hashes a string the first time it meets that string object, in
 * the runtime, at ~130 ns each, and every name the matcher reads is a string object of its own (each order's and
 * each posting's, from the database): 200 000 such hashes per run, each used once. This table hashes the
 * characters in JavaScript instead (FNV-1a, seeded per table so that no set of names collides on purpose), and
 * keeps the hashes in a typed array next to which keys and values are probed.
 */
export class StringTable<V> {
  /** Hash of the key at each place (never 0), 0 for an empty place. */
  private hashes = new Int32Array(64);
  /** Key and value of each place: `[key0, value0, key1, value1, …]`, one cache line for both. */
  private items: unknown[] = new Array<unknown>(128).fill(undefined);
  private count = 0;
  private readonly seed = (Math.random() * 0x1_0000_0000) | 0;
  /** The hash of the key `find` was last asked for, for the `insert` that follows it. */
  private lastHash = 0;

  get size(): number {
    return this.count;
  }

  /** The place of `key` (>= 0), or -(place + 1) of the empty place it would take: for valueAt and insert. */
  find(key: string): number {
    let h = this.seed ^ 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    // The low bits choose the place: FNV's low bits mix little, so the high ones are folded in first.
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    if (h === 0) h = 1;
    this.lastHash = h;
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const x = hashes[at] as number;
      if (x === 0) return -(at + 1);
      if (x === h && this.items[at * 2] === key) return at;
    }
  }

  valueAt(place: number): V {
    return this.items[place * 2 + 1] as V;
  }

  /** Adds `key` (just asked of `find`, which returned `place` < 0) with `value`. */
  insert(place: number, key: string, value: V): void {
    const at = -place - 1;
    this.hashes[at] = this.lastHash;
    this.items[at * 2] = key;
    this.items[at * 2 + 1] = value;
    if (++this.count * 2 > this.hashes.length) this.grow();
  }

  get(key: string): V | undefined {
    const place = this.find(key);
    return place >= 0 ? this.valueAt(place) : undefined;
  }

  set(key: string, value: V): void {
    const place = this.find(key);
    if (place >= 0) this.items[place * 2 + 1] = value;
    else this.insert(place, key, value);
  }

  private grow(): void {
    const hashes = this.hashes;
    const items = this.items;
    this.hashes = new Int32Array(hashes.length * 2);
    this.items = new Array<unknown>(items.length * 2).fill(undefined);
    const mask = this.hashes.length - 1;
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i] as number;
      if (h === 0) continue;
      let at = h & mask;
      while (this.hashes[at] !== 0) at = (at + 1) & mask;
      this.hashes[at] = h;
      this.items[at * 2] = items[i * 2];
      this.items[at * 2 + 1] = items[i * 2 + 1];
    }
  }
}
