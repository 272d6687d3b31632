/**
 * Lookup tables of the order index (order-index.ts) for keys that are integers or read as one (digit keys,
 * order numbers of a letter prefix and digits, our payment references). The index is built once per run over all
 * open orders (100 000 in the speed benchmark) and lives for the whole run, so a Map per lookup means a few
 * hundred thousand Map entries that are hashed on insert and copied by the garbage collector. Integer keys need
 * neither: these tables keep them in typed arrays, which the collector does not scan. Each answers `get` as the
 * Map it replaces did (undefined for a key never set; the last value set for a key).
 */
import { withItem } from './lists.ts';
import { REFERENCE_ALPHABET, REFERENCE_LENGTH, REFERENCE_PREFIX } from './references.ts';

/** Order ids beyond this many slots per order (plus a margin) are looked up in a Map instead. */
const DENSE_SLOTS_PER_ORDER = 4;

/**
 * orderId -> value. Order ids are database row ids, nearly dense over the open orders: an Int32Array over the
 * id range says which slot of a packed list holds the order (slot + 1; 0: none). Ids that are not safe
 * integers, or spread too thin (a handful of open orders among millions of closed ones), use a Map.
 */
export class ById<V> {
  private readonly base: number;
  private readonly slotOf: Int32Array | undefined;
  private readonly values: V[] = [];
  /** Sparse ids: id -> position in `values`. */
  private readonly map: Map<number, number> | undefined;

  /** `items`: everything that will be set, to size the table (only their ids are read). */
  constructor(items: readonly { readonly id: number }[]) {
    let min = Infinity;
    let max = -Infinity;
    let integers = true;
    // An indexed loop: this runs once, unoptimised, where for-of allocates an iterator result per item.
    for (let i = 0; i < items.length; i++) {
      const id = (items[i] as { readonly id: number }).id;
      if (!Number.isSafeInteger(id)) integers = false;
      if (id < min) min = id;
      if (id > max) max = id;
    }
    const span = max - min + 1;
    const dense = integers && items.length > 0 && span <= DENSE_SLOTS_PER_ORDER * items.length + 1024;
    this.base = dense ? min : 0;
    this.slotOf = dense ? new Int32Array(span) : undefined;
    this.map = dense ? undefined : new Map();
    this.slots = items.length;
  }

  private readonly slots: number;

  get size(): number {
    return this.values.length;
  }

  get(id: number): V | undefined {
    const at = this.position(id);
    return at < 0 ? undefined : this.values[at];
  }

  /**
   * Where the value of `id` is in the packed list, 0 … size − 1 in the order the ids were first set (-1: never
   * set). Lets a caller keep a field of the values in a typed array of its own, read without touching the value.
   */
  position(id: number): number {
    if (this.map) return this.map.get(id) ?? -1;
    const at = id - this.base;
    // Not an integer in range (-1 for "no order", 1.5): never set, as a Map would say.
    if (!(at >= 0 && at < (this.slotOf as Int32Array).length && Number.isInteger(at))) return -1;
    return ((this.slotOf as Int32Array)[at] as number) - 1;
  }

  /**
   * Only for the ids of the items given to the constructor, once each item. Returns the value's position (see
   * `position`).
   */
  set(id: number, value: V): number {
    let at = this.position(id);
    if (at >= 0) this.values[at] = value;
    else {
      at = this.values.push(value) - 1;
      if (this.map) this.map.set(id, at);
      else (this.slotOf as Int32Array)[id - this.base] = at + 1;
    }
    const n = this.sets++;
    if (at !== n || id !== id) this.notePositionOfSet(n, at, id);
    return at;
  }

  /**
   * The position the `n`-th call of `set` (from 0) returned, -1 when its id was NaN: so equal positions are ids
   * equal by `===`, as the order index's searches compare ids (name-pairs.ts), without reading the id.
   */
  positionOfSet(n: number): number {
    return this.setPositions ? (this.setPositions[n] as number) : n;
  }

  private sets = 0;
  /** positionOfSet, once a set's position was not its number (an id set before) or its id NaN: until then n. */
  private setPositions: Int32Array | undefined;

  private notePositionOfSet(n: number, position: number, id: number): void {
    if (!this.setPositions) {
      this.setPositions = new Int32Array(this.slots);
      for (let i = 0; i < this.slots; i++) this.setPositions[i] = i;
    }
    this.setPositions[n] = Number.isNaN(id) ? -1 : position;
  }
}

/**
 * Safe integer >= 0 -> value, open addressing over a typed array: at each place the key (+ 1; 0: empty) and
 * where the value is in a packed list, side by side (one cache miss for both: the matcher asks ~500 000 times a
 * run, mostly for keys far apart). For the digit keys of order numbers (4–8 digits, below 10^8: the typo search
 * asks for ~50 one-edit variants per number) and our payment references (below 2^35).
 */
export class IntMap<V> {
  /** `[key0 + 1, slot0, key1 + 1, slot1, …]`: 1024 places to start with. */
  private cells = new Float64Array(2048);
  private readonly values: V[] = [];

  get size(): number {
    return this.values.length;
  }

  get(key: number): V | undefined {
    if (!isIntKey(key)) return undefined;
    const cells = this.cells;
    const mask = (cells.length >> 1) - 1;
    for (let i = slotFor(key, mask); ; i = (i + 1) & mask) {
      const k = cells[i * 2] as number;
      if (k === key + 1) return this.values[cells[i * 2 + 1] as number];
      if (k === 0) return undefined;
    }
  }

  set(key: number, value: V): void {
    if (!isIntKey(key)) throw new RangeError(`IntMap key ${key}`);
    const i = this.find(key);
    if (this.cells[i * 2] !== 0) {
      this.values[this.cells[i * 2 + 1] as number] = value;
      return;
    }
    this.cells[i * 2] = key + 1;
    this.cells[i * 2 + 1] = this.values.push(value) - 1;
    if (this.values.length * 4 > this.cells.length) this.grow();
  }

  /**
   * Adds `item` to the list under `key` as pushToMap does, with one probe of the table instead of a `get` and a
   * `set` (the index adds an order's number and digit core this way, 200 000 times a run).
   */
  addToList<T>(this: IntMap<T[]>, key: number, item: T, single: T[]): void {
    if (!isIntKey(key)) throw new RangeError(`IntMap key ${key}`);
    const i = this.find(key);
    if (this.cells[i * 2] === 0) {
      this.cells[i * 2] = key + 1;
      this.cells[i * 2 + 1] = this.values.push(single) - 1;
      if (this.values.length * 4 > this.cells.length) this.grow();
      return;
    }
    const at = this.cells[i * 2 + 1] as number;
    this.values[at] = withItem(this.values[at] as T[], item);
  }

  /** Where `key` is, or the empty place it would take. */
  private find(key: number): number {
    const cells = this.cells;
    const mask = (cells.length >> 1) - 1;
    let i = slotFor(key, mask);
    while (cells[i * 2] !== 0 && cells[i * 2] !== key + 1) i = (i + 1) & mask;
    return i;
  }

  /** Twice the places, when half of them are taken. */
  private grow(): void {
    const old = this.cells;
    this.cells = new Float64Array(old.length * 2);
    for (let j = 0; j < old.length; j += 2) {
      const k = old[j] as number;
      if (k === 0) continue;
      const i = this.find(k - 1);
      this.cells[i * 2] = k;
      this.cells[i * 2 + 1] = old[j + 1] as number;
    }
  }
}

function isIntKey(key: number): boolean {
  return key >= 0 && key < Number.MAX_SAFE_INTEGER && Number.isInteger(key);
}

/**
 * The place of a key: keys of one block of 16 (`key >> 4`) next to each other, and the blocks spread by Fibonacci
 * hashing of their low and high 32 bits. The index adds an order's number and digit core in the orders' order,
 * and most shops number their orders one after the other: neighbouring keys land in one cache line instead of a
 * cache miss each, while keys that do not follow each other spread as before.
 */
function slotFor(key: number, mask: number): number {
  const block = Math.floor(key / 16);
  const high = Math.imul((block / 4294967296) | 0, 0x85ebca6b);
  return (((Math.imul((block | 0) ^ high, 0x9e3779b1) >>> 7) << 4) | (key & 15)) & mask;
}

/** Alphabet index of each ASCII character of our references (references.ts), -1 for the others. */
const REFERENCE_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < REFERENCE_ALPHABET.length; i++) REFERENCE_INDEX[REFERENCE_ALPHABET.charCodeAt(i)] = i;

/** Our payment reference (`KW` + 7 characters of the alphabet) as a number below 32^7 = 2^35, else -1. */
function referenceCode(text: string): number {
  if (text.length !== REFERENCE_LENGTH || !text.startsWith(REFERENCE_PREFIX)) return -1;
  let code = 0;
  for (let i = REFERENCE_PREFIX.length; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const index = c < 128 ? (REFERENCE_INDEX[c] as number) : -1;
    if (index < 0) return -1;
    code = code * 32 + index;
  }
  return code;
}

/**
 * Payment reference -> value, answering as a Map would. Our own references (every order has one) are kept by
 * their number in an IntMap, so no string is hashed or kept in a table of 100 000 for them; others in a Map.
 */
export class ReferenceMap<V> {
  private readonly strings = new Map<string, V>();
  private readonly ours = new IntMap<V>();

  get(key: string): V | undefined {
    const code = referenceCode(key);
    return code >= 0 ? this.ours.get(code) : this.strings.get(key);
  }

  set(key: string, value: V): void {
    const code = referenceCode(key);
    if (code >= 0) this.ours.set(code, value);
    else this.strings.set(key, value);
  }
}

/** How many letter prefixes (`WC`, `RE`, …) get a table of their own; keys with any further one go to the Map. */
const MAX_PREFIXES = 16;

/**
 * Order number key or digit core -> value, answering as one Map of all keys would. Keys of 4–8 digits without a
 * leading zero (order numbers, digit cores) live in `digits` by their value — the same table the typo search
 * asks by number —, other keys of digits without a leading zero (the 3-digit cores of invoice numbers, `985` of
 * RE-2026-00985) in `otherDigits`, keys of letters and such digits (`WC10588`, the usual order number;
 * `RE202600985`) in one IntMap per letter prefix, and the rest in a Map. Every key has exactly one place, chosen
 * the same way by `set` and `get` (a prefix, once given a table, keeps it), so no string is kept or hashed for
 * most order and invoice numbers.
 */
export class NumberKeyMap<V> {
  private readonly strings = new Map<string, V>();
  private readonly otherDigits = new IntMap<V>();
  private readonly prefixes: string[] = [];
  private readonly byPrefix: IntMap<V>[] = [];
  constructor(readonly digits: IntMap<V>) {}

  get(key: string): V | undefined {
    // One scan says which table: the matcher asks for every number and one-edit variant it reads.
    const split = digitsAt(key);
    const table = split < 0 ? undefined : this.tableOf(key, split, key.length - split, false);
    return table ? table.get(digitsValue(key, split)) : this.strings.get(key);
  }

  set(key: string, value: V): void {
    const split = digitsAt(key);
    const table = split < 0 ? undefined : this.tableOf(key, split, key.length - split, true);
    if (table) table.set(digitsValue(key, split), value);
    else this.strings.set(key, value);
  }

  /**
   * Adds `item` to the list under `key` as pushToMap does, with one scan of the key and one probe of its table.
   * Returns the key's value when it went to `digits` (a digit key), else -1.
   */
  addToList<T>(this: NumberKeyMap<T[]>, key: string, item: T, single: T[]): number {
    const split = digitsAt(key);
    const table = split < 0 ? undefined : this.tableOf(key, split, key.length - split, true);
    if (!table) {
      const list = this.strings.get(key);
      if (list === undefined) this.strings.set(key, single);
      else if (list.length < 4) this.strings.set(key, withItem(list, item));
      else list.push(item);
      return -1;
    }
    const value = digitsValue(key, split);
    table.addToList(value, item, single);
    return table === this.digits ? value : -1;
  }

  /**
   * addToList for the key `text.slice(0, letters)` + `digits` digits of value `value` (the first not 0, at most 15:
   * number-keys.ts NumberParts), without the key's string: `text` opens with those letters. Returns as addToList,
   * or -2 when such a key has no table (the letters of more prefixes than MAX_PREFIXES): then addToList it.
   */
  addPartsToList<T>(
    this: NumberKeyMap<T[]>,
    text: string,
    letters: number,
    digits: number,
    value: number,
    item: T,
    single: T[],
  ): number {
    const table = this.tableOf(text, letters, digits, true);
    if (!table) return -2;
    table.addToList(value, item, single);
    return table === this.digits ? value : -1;
  }

  /**
   * The table of a key of `letters` letters (the start of `text`) and then `digits` digits (digitsAt), if it has one:
   * its prefix's, or by its number of digits.
   */
  private tableOf(text: string, letters: number, digits: number, create: boolean): IntMap<V> | undefined {
    if (letters > 0) return this.prefixTable(text, letters, create);
    return digits >= 4 && digits <= 8 ? this.digits : this.otherDigits;
  }

  /** The table of the letters before `split` (compared in place: no string per lookup). */
  private prefixTable(key: string, split: number, create: boolean): IntMap<V> | undefined {
    for (let i = 0; i < this.prefixes.length; i++) {
      const p = this.prefixes[i] as string;
      if (p.length === split && key.startsWith(p)) return this.byPrefix[i];
    }
    if (!create || this.prefixes.length >= MAX_PREFIXES) return undefined;
    const table = new IntMap<V>();
    this.prefixes.push(key.slice(0, split));
    this.byPrefix.push(table);
    return table;
  }
}

/** Digits a key may have to be kept by its value: every such number is below 2^53, an IntMap key. */
const MAX_DIGITS = 15;

/**
 * Where the digits start in `key` when it is letters A–Z (or none: 0) and then 1–15 digits without a leading
 * zero, else -1.
 */
function digitsAt(key: string): number {
  let split = 0;
  while (split < key.length && key.charCodeAt(split) >= 65 && key.charCodeAt(split) <= 90) split++;
  const digits = key.length - split;
  if (digits < 1 || digits > MAX_DIGITS || key.charCodeAt(split) === 48) return -1;
  for (let i = split; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
  }
  return split;
}

function digitsValue(key: string, from: number): number {
  let value = 0;
  for (let i = from; i < key.length; i++) value = value * 10 + key.charCodeAt(i) - 48;
  return value;
}

/** Is `text` 4–8 digits without a leading zero? */
export function isDigitKey(text: string): boolean {
  return text.length >= 4 && text.length <= 8 && digitsAt(text) === 0;
}
