/**
 * Maps over the open orders so the matcher looks candidates up instead of comparing every posting with every
 * order (issue 5: ~linear in orders + postings). Built once per run; the open amounts are the only mutable
 * part (partial payments accumulate as the passes assign, reduceOpen).
 */
import { trimmedLowerCase, upperCase } from './ascii-case.ts';
import { pushToMap } from './lists.ts';
import { ById, IntMap, isDigitKey, NumberKeyMap, ReferenceMap } from './index-tables.ts';
import { NameMemo, NO_NAME, type NormalisedName } from './name-memo.ts';
import { addLongNames, PAIR_BUCKET_LIMIT, PairMarks, type PairHitCode } from './name-pairs.ts';
import { isDigitAt, numberCore, numberKey, NumberParts } from './number-keys.ts';
import { isAwaitingPayment } from '../orders/state-machine.ts';
import { epochDay } from '../dates.ts';
import type { MatchOrder, Signal } from './types.ts';

export type IndexedOrder = {
  /** order.id, kept here so the name lookups need not read the order object. */
  id: number;
  order: MatchOrder;
  tokens: readonly string[];
  companyTokens: readonly string[];
  /** `tokens` / `companyTokens` joined by one space (names.ts nameKey), '' when there is none. */
  nameKey: string;
  companyKey: string;
  /** Order day as days since 1970 (date windows), or undefined. */
  day: number | undefined;
  /** Open amount, updated as the passes assign (partial payments accumulate). */
  open: number;
  /**
   * `[id]`, frozen: the orderIds of every single-order candidate for this order (the matcher ranks several
   * hundred thousand of them in a big run; one shared list instead of a new one each).
   */
  ids: number[];
  /** Where the index keeps this order for a payer name's visits (OrderIndex.idAt, openAt, entryAt). */
  slot: number;
  /**
   * order.currency, one string per currency for the whole index (OrderIndex.currency), and whether the order's
   * status awaits payment: every ranked candidate checks both, and reading them here spares a cache miss on the
   * order object (and its currency string) per candidate.
   */
  currency: string;
  awaiting: boolean;
};

const DIGIT_BITS = 1 << 20;
const MAX_NUMBER_PREFIXES = 16;

export type NumberHit = { entry: IndexedOrder; field: 'number' | 'invoice' };

/*
 * The index lives for the whole run and holds a few objects per open order (100 000 in the speed benchmark);
 * everything it does not need to keep (the learned-customer key, an empty company) is not kept, and one hit
 * object serves both the key and the core map: fewer long-lived objects for the garbage collector to copy.
 */
export class OrderIndex {
  /** orderId -> entry (index-tables.ts: a typed array over the order ids instead of a Map of every order). */
  readonly byId: ById<IndexedOrder>;
  /** Payment reference (upper case) -> order (index-tables.ts: ours by their number, not by string). */
  readonly byReference = new ReferenceMap<IndexedOrder>();
  /**
   * The entries of byKey whose key is all digits (4–8, no leading zero) and of byCore whose core has 4–8 digits,
   * by numeric value: the typo searches try ~50 one-edit variants per number, and looking them up by number
   * needs no string per variant. byKey and byCore keep those keys only here (index-tables.ts NumberKeyMap).
   */
  readonly byDigitKey = new IntMap<NumberHit[]>();
  readonly byDigitCore = new IntMap<NumberHit[]>();
  /** Full number key (`WC10023`) -> orders (number and invoice number, which field in `field`). */
  readonly byKey = new NumberKeyMap<NumberHit[]>(this.byDigitKey);
  /** Digit core (`10023`, `123`) -> orders. */
  readonly byCore = new NumberKeyMap<NumberHit[]>(this.byDigitCore);
  /**
   * A bitmap over the values in byDigitKey and byDigitCore (modulo 2^20): most one-edit variants of a number
   * that is no order's (a date, a customer number) are nobody's, and a clear bit says so without a map lookup.
   */
  private readonly digitBits = new Uint8Array(DIGIT_BITS >> 3);
  /**
   * Normalised full name / company key -> the orders' slots, each as `slot * 2 + 1` when the order is in the
   * bucket by its company name (its companyKey is the bucket's key), else `slot * 2`. A payer name's visit
   * reads a bucket of a common name (a hundred orders or more) with their ids and open amounts from the packed
   * `slotIdOpen` instead of each order's object, which lie all over the heap (a cache miss each).
   */
  readonly byName = new Map<string, number[]>();
  /**
   * The entries by slot (their order in `orders`), and their ids and open amounts `[id0, open0, id1, …]` in a
   * typed array of the final size (numbers, exactly; nothing for the collector to scan or to grow).
   */
  private readonly slotEntries: IndexedOrder[] = [];
  private readonly slotIdOpen: Float64Array;
  /**
   * The open amount of each order by its position in byId (ById.position): openMinor, asked a million times a run,
   * reads one number instead of following byId to the order's entry.
   */
  private readonly openById: Float64Array;
  /**
   * Token pair -> orders whose name or company has three to six tokens (middle names, double surnames), three
   * numbers per order: its slot, and the token bits (name-pairs.ts tokenBits) of its name and of its company. A
   * 3-token payer's pairs reach ~40 such orders of which the names of few agree: the bits rule most out without
   * reading their entries, which lie all over the heap.
   */
  readonly byLongNamePair = new Map<string, number[]>();
  /** Customer key (`email:…`/`name:…`) -> orders, only for customers a learned fact names. */
  readonly byCustomer = new Map<string, IndexedOrder[]>();
  /**
   * The e-mails and names of the learned customer keys (`email:…`, `name:…`): an order's e-mail and name key are
   * looked up as they are, so no key string is made per order (only for the few a learned fact names).
   */
  private readonly learnedEmails = new Set<string>();
  private readonly learnedNames = new Set<string>();
  /** currency -> open amount -> orders (amount-only suggestions). */
  readonly byAmount = new Map<string, Map<number, IndexedOrder[]>>();
  /** The names of this run, normalised once each (name-memo.ts). */
  private readonly names = new NameMemo();
  /**
   * "Amount equals the open N" signals of this run by N: most automatic decisions keep one, and open amounts
   * repeat (about 1 500 distinct among 80 000 in the 100k benchmark), so equal ones share one frozen object.
   */
  readonly exactAmountSignals = new Map<number, Signal>();
  constructor(orders: readonly MatchOrder[], learnedCustomers: ReadonlySet<string> = new Set()) {
    this.byId = new ById(orders);
    this.slotIdOpen = new Float64Array(orders.length * 2);
    this.openById = new Float64Array(orders.length);
    for (const key of learnedCustomers)
      if (key.startsWith('email:')) this.learnedEmails.add(key.slice(6));
      else if (key.startsWith('name:')) this.learnedNames.add(key.slice(5));
    // An indexed loop: this runs once, unoptimised, where for-of allocates an iterator result per order.
    for (let i = 0; i < orders.length; i++) this.add(orders[i] as MatchOrder);
    this.names.fillByName(this.byName);
  }

  private readonly currencies = new Map<string, string>();

  /** The index's one string for a currency code (orders' and postings' compare by identity first). */
  currency(code: string): string {
    // Nearly every order and posting of a run has the same currency: the last one answers without a lookup.
    if (code === this.lastCurrency) return this.lastCurrency;
    let shared = this.currencies.get(code);
    if (shared === undefined) this.currencies.set(code, (shared = code));
    return (this.lastCurrency = shared);
  }

  private lastCurrency = '';

  /** names.ts nameTokens and nameKey of a name, memoised for this run (the token list is shared: read only). */
  normalised(name: string | null | undefined): NormalisedName {
    return this.names.normalised(name);
  }

  private add(order: MatchOrder): void {
    // Each name is normalised once here; the evidence and the learned-customer key reuse the tokens and keys.
    const customer = this.normalised(order.customerName);
    const company = order.company ? this.normalised(order.company) : NO_NAME;
    const { tokens, key: nameKey } = customer;
    const { tokens: companyTokens, key: companyKey } = company;
    // The fields read of every order a lookup reaches (name-pairs.ts: tokens and companyTokens of long names;
    // the ranking: id, open) first: an object's fields lie in the order they are written here, so they share a cache line.
    const entry: IndexedOrder = {
      id: order.id,
      open: order.totalMinor - order.paidMinor,
      companyKey,
      nameKey,
      order,
      tokens,
      companyTokens,
      day: epochDay(order.createdAt),
      ids: Object.freeze([order.id]) as number[],
      slot: this.slotEntries.length,
      currency: this.currency(order.currency),
      awaiting: isAwaitingPayment(order.status),
    };
    this.slotEntries.push(entry);
    this.slotIdOpen[entry.slot * 2] = entry.id;
    this.slotIdOpen[entry.slot * 2 + 1] = entry.open;
    this.openById[this.byId.set(order.id, entry)] = entry.open;
    if (order.paymentReference) this.byReference.set(upperCase(order.paymentReference), entry);
    this.addNumber(order.number, entry, 'number');
    if (order.invoiceNumber) this.addNumber(order.invoiceNumber, entry, 'invoice');
    if (nameKey)
      this.names.addCode(customer, entry.slot * 2 + (companyKey !== '' && companyKey === nameKey ? 1 : 0));
    if (companyKey && companyKey !== nameKey) this.names.addCode(company, entry.slot * 2 + 1);
    // Danish, Norwegian and Swedish "å" is "aa" in bank master data ("KIERKEGAARD" for Kierkegård), while foldName
    // drops its ring: such a name is also found by its "aa" spelling. Only this way round: the "aa" of a payer's
    // name is a double letter ("Haase" is not "Hase") unless a customer writes the "å".
    if (nameKey && hasRingA(order.customerName))
      this.addRingSpelling(order.customerName as string, entry.slot * 2);
    if (companyKey && hasRingA(order.company))
      this.addRingSpelling(order.company as string, entry.slot * 2 + 1);
    addLongNames(this.byLongNamePair, entry.slot, tokens, companyTokens);
    if (this.learnedEmails.size > 0 || this.learnedNames.size > 0) this.addCustomer(order, entry);
    let amounts = this.byAmount.get(order.currency);
    if (!amounts) this.byAmount.set(order.currency, (amounts = new Map<number, IndexedOrder[]>()));
    pushToMap(amounts, order.totalMinor - order.paidMinor, entry);
  }

  /** Adds a byName code under the "aa" spelling of a name written with "å" (see add), when that is another key. */
  private addRingSpelling(name: string, code: number): void {
    const spelt = this.normalised(name.replace(/å/g, 'aa').replace(/Å/g, 'Aa'));
    if (spelt.key !== this.normalised(name).key) this.names.addCode(spelt, code);
  }

  /** byCustomer, for an order whose customer key (names.ts customerKey) a learned fact names. */
  private addCustomer(order: MatchOrder, entry: IndexedOrder): void {
    // customerKey: the e-mail when known, else the name key (of the company when there is one).
    const email = order.email ? trimmedLowerCase(order.email) : undefined;
    const name = order.company ? entry.companyKey : entry.nameKey;
    if (email) {
      if (this.learnedEmails.has(email)) pushToMap(this.byCustomer, `email:${email}`, entry);
    } else if (name && this.learnedNames.has(name)) pushToMap(this.byCustomer, `name:${name}`, entry);
  }

  /**
   * Per shop, the smallest and largest digit core (4–8 digits) of its open orders' numbers: `[min, max]` pairs in one
   * list (shop after shop), looked up by a scan (a dealer has a few shops). A shop's numbers run from its smallest
   * open one to above its largest (orders placed since the last sync) by half the range and at least 100; customer,
   * article and phone numbers mostly lie elsewhere.
   */
  private readonly numberRanges: number[] = [];
  private readonly rangeShops: number[] = [];

  private rangeOf(shopId: number): number {
    const at = this.rangeShops.indexOf(shopId);
    if (at >= 0) return at * 2;
    this.rangeShops.push(shopId);
    this.numberRanges.push(Infinity, -Infinity);
    return this.numberRanges.length - 2;
  }

  /** The end of the range at `i` (numberRanges): its largest open number plus the orders placed since the sync. */
  private rangeEnd(i: number): number {
    const min = this.numberRanges[i] as number;
    const max = this.numberRanges[i + 1] as number;
    return max + Math.max(100, (max - min) / 2);
  }

  /** Is a digit core within some shop's range of order numbers (see numberRanges)? */
  inNumberRange(core: string): boolean {
    if (!isDigitKey(core)) return false;
    const v = Number(core);
    for (let i = 0; i < this.numberRanges.length; i += 2)
      if (v >= (this.numberRanges[i] as number) && v <= this.rangeEnd(i)) return true;
    return false;
  }

  /**
   * Per range (numberRanges, same positions), the highest number known of the shop: its largest open one, raised by
   * the closed orders' numbers (MatchInput.closedNumbers) within the range. Those carry no shop: one within the
   * range of several shops raises each (which only makes aboveKnownNumbers say no more often). Made on first use.
   */
  private knownTops: number[] | undefined;

  /**
   * Is the digit value just above every number known of the shop (open orders, recently closed ones): among the
   * next numbers it gives, to orders placed since the last sync? Consecutive numbers differ in the last digit, so
   * such a number one typo away from an open order's is as likely the next order as a typo. "Just above": within
   * the next ten, or a tenth of the numbers from the shop's oldest open order on (a prepayment shop's open orders
   * span its last weeks; a tenth of that is a few days' orders, more than a sync ever lags behind).
   */
  aboveKnownNumbers(shopId: number, value: number, closed: ReadonlySet<string> | undefined): boolean {
    const at = this.rangeShops.indexOf(shopId) * 2;
    // Most typos land below the shop's largest open number: one comparison says so.
    if (at < 0 || value <= (this.numberRanges[at + 1] as number)) return false;
    const top = (this.knownTops ??= this.knownTopsWith(closed))[at + 1] as number;
    const min = this.numberRanges[at] as number;
    return value > top && value <= top + Math.max(10, (top - min) / 10);
  }

  private knownTopsWith(closed: ReadonlySet<string> | undefined): number[] {
    const tops = this.numberRanges.slice();
    // closedNumbers holds keys and digit cores: the digit keys (4–8 digits) are the cores the ranges are made of.
    if (closed)
      for (const key of closed) {
        if (!isDigitKey(key)) continue;
        const v = Number(key);
        for (let i = 0; i < tops.length; i += 2)
          if (v > (tops[i + 1] as number) && v >= (tops[i] as number) && v <= this.rangeEnd(i))
            tops[i + 1] = v;
      }
    return tops;
  }

  /**
   * The letters that open the shops' order and invoice number keys ("WC", "RE"), each once (a shop has one or two):
   * for numbers written without them ("2026-0042" for RE-2026-0042). At most MAX_NUMBER_PREFIXES.
   */
  readonly numberPrefixes: string[] = [];

  /** The words of the payer names learned for each customer, made on first use (payer-evidence.ts sameSender). */
  aliasWords: Map<string, Set<string>> | undefined;

  /** The IBANs learned for each customer, made on first use (payer-evidence.ts: a learned alias from another IBAN). */
  learnedIbans: Map<string, Set<string>> | undefined;

  /** Notes the letters `text.slice(0, n)` that open a number key (n > 0 and digits follow them in the key). */
  private notePrefix(text: string, n: number): void {
    const prefixes = this.numberPrefixes;
    for (let i = prefixes.length - 1; i >= 0; i--) {
      const p = prefixes[i] as string;
      if (p.length === n && text.startsWith(p)) return;
    }
    if (prefixes.length < MAX_NUMBER_PREFIXES) prefixes.push(text.slice(0, n));
  }

  /**
   * byKey and byCore (and the shop's range, the key's letters) for an order's number or invoice number. Most are of
   * a form NumberParts reads without making their key and core as strings; the others are read as written.
   */
  private addNumber(value: string, entry: IndexedOrder, field: 'number' | 'invoice'): void {
    const hit: NumberHit = { entry, field };
    const single = [hit];
    const parts = this.parts;
    if (!parts.read(value)) return this.addNumberAsWritten(value, entry, field, single);
    const digits = this.byKey.addPartsToList(value, parts.letters, parts.digits, parts.value, hit, single);
    if (digits === -2) this.addKey(this.byKey, numberKey(value), single);
    else this.noteDigitKey(digits);
    if (parts.letters > 0) this.notePrefix(value, parts.letters);
    if (field === 'number' && parts.coreDigits >= 4 && parts.coreDigits <= 8)
      this.noteRange(entry, parts.core);
    // The core has no letters: its table is found by its number of digits (at most 15).
    if (parts.coreDigits >= 3 && !parts.coreIsKey)
      this.noteDigitKey(this.byCore.addPartsToList(value, 0, parts.coreDigits, parts.core, hit, single));
  }

  private readonly parts = new NumberParts();

  /** addNumber by the key and core as strings (numberKey, numberCore). */
  private addNumberAsWritten(
    value: string,
    entry: IndexedOrder,
    field: 'number' | 'invoice',
    single: NumberHit[],
  ): void {
    const key = numberKey(value);
    if (key) {
      this.addKey(this.byKey, key, single);
      // The key is letters and digits: the letters before its first digit, unless it has none.
      let n = 0;
      while (n < key.length && !isDigitAt(key, n)) n++;
      if (n > 0 && n < key.length) this.notePrefix(key, n);
    }
    const core = numberCore(value);
    if (field === 'number' && isDigitKey(core)) this.noteRange(entry, Number(core));
    // A core is digits without leading zeros: of 4–8 digits it is a digit key.
    if (core.length >= 3 && core !== key) this.addKey(this.byCore, core, single);
  }

  /** Widens the range of the order's shop (numberRanges) to a digit core of its number. */
  private noteRange(entry: IndexedOrder, v: number): void {
    const at = this.rangeOf(entry.order.shopId);
    if (v < (this.numberRanges[at] as number)) this.numberRanges[at] = v;
    if (v > (this.numberRanges[at + 1] as number)) this.numberRanges[at + 1] = v;
  }

  private addKey(map: NumberKeyMap<NumberHit[]>, key: string, single: NumberHit[]): void {
    this.noteDigitKey(map.addToList(key, single[0] as NumberHit, single));
  }

  /** Sets the bit of a digit key's value in digitBits (`digits` < 0: the key was none). */
  private noteDigitKey(digits: number): void {
    if (digits < 0) return;
    const bit = digits & (DIGIT_BITS - 1);
    this.digitBits[bit >> 3] = (this.digitBits[bit >> 3] ?? 0) | (1 << (bit & 7));
  }

  /** False when `value` is in neither byDigitKey nor byDigitCore (true: maybe, look it up). */
  mayBeDigitKey(value: number): boolean {
    const bit = value & (DIGIT_BITS - 1);
    return (((this.digitBits[bit >> 3] ?? 0) >> (bit & 7)) & 1) === 1;
  }

  openMinor(orderId: number): number {
    const at = this.byId.position(orderId);
    return at < 0 ? 0 : (this.openById[at] as number);
  }

  /** Books an automatic assignment (and an accepted shortfall) against the order's open amount. */
  reduceOpen(orderId: number, amountMinor: number): void {
    const e = this.byId.get(orderId);
    if (!e) return;
    e.open -= amountMinor;
    this.slotIdOpen[e.slot * 2 + 1] = e.open;
    this.openById[this.byId.position(orderId)] = e.open;
  }

  /** Where the order of a slot is in byId (ById.position): equal ids, equal positions; -1 for a NaN id. */
  positionAt(slot: number): number {
    // Slot n is the order of byId's n-th set.
    return this.byId.positionOfSet(slot);
  }

  /** The order id, open amount and entry of a slot that forPayerName visited. */
  idAt(slot: number): number {
    return this.slotIdOpen[slot * 2] as number;
  }

  openAt(slot: number): number {
    return this.slotIdOpen[slot * 2 + 1] as number;
  }

  entryAt(slot: number): IndexedOrder {
    return this.slotEntries[slot] as IndexedOrder;
  }

  /**
   * Is `word` (folded, names.ts) a word of an open order's customer or company name? The set is made on first use
   * (a payer-pass posting whose text says whom it is for: passes/names-in-text.ts), once per run.
   */
  hasCustomerToken(word: string): boolean {
    let tokens = this.customerTokens;
    if (tokens === undefined) {
      tokens = this.customerTokens = new Set();
      for (const e of this.slotEntries) {
        for (const t of e.tokens) tokens.add(t);
        for (const t of e.companyTokens) tokens.add(t);
      }
    }
    return tokens.has(word);
  }
  private customerTokens: Set<string> | undefined;

  /**
   * Orders whose customer or company name agrees with the payer (see names.ts compareNames), each visited once:
   * the exact-name bucket, customers with more tokens than the payer (via pairs of long names), and customers
   * with fewer tokens than the payer ("THOMAS UND ANNA MUELLER" -> "Anna Müller", via pairs of the payer's
   * tokens). A visitor instead of a result map: a common name reaches a hundred orders or more, of which the
   * caller keeps a few. The visitor is an object with a method (one per posting), not a closure per payer name.
   * `payerKey` is the tokens joined by one space, as `normalised` gives them.
   */
  forPayerName(payerTokens: readonly string[], payerKey: string, visitor: PayerNameVisitor): void {
    if (payerTokens.length === 0) return;
    // Indexed loops: for-of allocates an iterator result per step until the optimising compiler takes over.
    const exact = this.byName.get(payerKey);
    if (exact)
      for (let i = 0; i < exact.length; i++) {
        const code = exact[i] as number;
        visitor.visit(code >> 1, (code & 1) === 1, 'exact');
      }
    if (payerTokens.length < 2 || payerTokens.length > 6) return;
    // A name of two tokens has one pair, itself: most such names are in no long name (byLongNamePair is small),
    // which that lookup says without the memo below.
    if (payerTokens.length === 2) {
      const long = this.byLongNamePair.get(payerKey);
      if (!long || long.length > PAIR_BUCKET_LIMIT * 3) return;
    }
    // The pair lookups depend on the name alone (the index does not change during a run), and payers recur
    // (a customer's several orders, common names): computed once per distinct name.
    let hits = this.pairHits.get(payerKey);
    if (!hits) {
      this.pairMarks ??= new PairMarks(this.slotEntries.length);
      this.pairHits.set(payerKey, (hits = this.pairMarks.hitsOf(this, payerTokens, payerKey)));
    }
    // Orders reached by pairs are not in the bucket of the payer's name, so neither by their company name.
    for (let i = 0; i < hits.length; i++) {
      const code = hits[i] as PairHitCode;
      visitor.visit(code >> 1, false, (code & 1) === 1 ? 'exact' : 'partial');
    }
  }

  private readonly pairHits = new Map<string, readonly PairHitCode[]>();
  private pairMarks: PairMarks | undefined;
}

/** Does the name write "å" or "Å"? (Two scans of a short string; names without either are nearly all.) */
function hasRingA(name: string | null | undefined): boolean {
  return !!name && (name.indexOf('å') >= 0 || name.indexOf('Å') >= 0);
}

export type PayerNameVisitor = {
  /** An order the name reaches (see OrderIndex.idAt), whether by its company name, and how well it agrees. */
  visit(slot: number, viaCompany: boolean, agreement: 'exact' | 'partial'): void;
};
