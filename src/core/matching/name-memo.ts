/**
 * The names of one run, normalised once each (order-index.ts OrderIndex.normalised): a customer's name recurs on
 * all their orders and payers write the same names again, so each distinct spelling is normalised once, and equal
 * names share one token list (less to keep). Lives and dies with the run's index, so nothing is cached across runs.
 */
import { mergeCodes, withItem } from './lists.ts';
import { nameTokens } from './names.ts';
import { StringTable } from './string-table.ts';

/** A name as written (`name`: the first spelling the run met, equal to every later one), its tokens and key. */
export type NormalisedName = {
  readonly name: string;
  readonly tokens: readonly string[];
  readonly key: string;
  /**
   * While the index is built: the byName codes of the orders whose customer or company is written so (see
   * NameMemo.addCode). An order's name is in hand here, so a code costs no lookup of its key.
   */
  codes: number[] | undefined;
};

export const NO_NAME: NormalisedName = Object.freeze({
  name: '',
  tokens: Object.freeze([]),
  key: '',
  codes: undefined,
});

export class NameMemo {
  private readonly names = new StringTable<NormalisedName>();
  private readonly interned = new StringTable<string>();
  /** The names that got codes (addCode), in the order of their first. */
  private spellings: NormalisedName[] = [];

  /** names.ts nameTokens and nameKey of a name, memoised (the token list is shared: read only). */
  normalised(name: string | null | undefined): NormalisedName {
    if (!name) return NO_NAME;
    const place = this.names.find(name);
    if (place >= 0) return this.names.valueAt(place);
    // Tokens are interned for the run: equal ones are one string, so the merge in compareNames ends at the
    // first pointer check. Keys are not: a table of every distinct name costs more than it saves (unequal keys
    // differ in length or hash at once, and most comparisons of keys are of unequal ones).
    const tokens = nameTokens(name);
    for (let i = 0; i < tokens.length; i++) tokens[i] = this.intern(tokens[i] as string);
    const n: NormalisedName = { name, tokens, key: tokens.join(' '), codes: undefined };
    this.names.insert(place, name, n);
    return n;
  }

  private intern(text: string): string {
    const place = this.interned.find(text);
    if (place >= 0) return this.interned.valueAt(place);
    this.interned.insert(place, text, text);
    return text;
  }

  /** Adds a byName code to the list of the name as written (its key's list is made of them by fillByName). */
  addCode(n: NormalisedName, code: number): void {
    const codes = n.codes;
    if (codes === undefined) {
      n.codes = [code];
      this.spellings.push(n);
    } else n.codes = withItem(codes, code);
  }

  /**
   * byName (key -> codes) from the names' codes: a key's list is its one spelling's ("Anna Müller"), or the codes
   * of its spellings ("Anna Mueller", "MUELLER ANNA") merged by slot, as adding each order's code to its key's
   * list in turn would give it (one lookup per spelling instead of one per order and name).
   */
  fillByName(byName: Map<string, number[]>): void {
    for (let i = 0; i < this.spellings.length; i++) {
      const n = this.spellings[i] as NormalisedName;
      const codes = n.codes as number[];
      n.codes = undefined;
      const list = byName.get(n.key);
      byName.set(n.key, list === undefined ? codes : mergeCodes(list, codes));
    }
    this.spellings = [];
  }
}
