/**
 * Payer evidence of a posting (issue 5 §3, §4): the payer's name (counterparty, ultimate debtor) against the
 * customers and companies of open orders, and what confirmed assignments taught (IBAN, name alias). A common
 * name reaches many orders; only the ones the amount can explain are kept (PayerPicker).
 */
import { accountHolders, isHolder } from '../account-holders.ts';
import { compareNames, isSingleWordName, namesCompany, nameTokensInOrder, normaliseIban } from '../names.ts';
import { isMoneyTransferService } from '../payment-nature.ts';
import { learnedAliasSignal, learnedIbanSignal, payerNameSignal } from '../scoring.ts';
import type { IndexedOrder, OrderIndex, PayerNameVisitor } from '../order-index.ts';
import type { LearnedFacts, MatchPosting, Signal } from '../types.ts';
import type { Evidence, PayerName } from './evidence.ts';
import { add } from './evidence-signals.ts';
function payerName(name: string | null | undefined, index: OrderIndex): PayerName | null {
  // The index's memo is keyed by the name as written: its entry is this name, normalised (no object per posting).
  // SEPA's placeholder for a name left empty ("NOTPROVIDED") is no name.
  return name && !isPlaceholder(name) ? index.normalised(name) : null;
}

/** "NOTPROVIDED" (any case, blanks around it): checked by length first, as nearly every name is longer or shorter. */
function isPlaceholder(name: string): boolean {
  return name.length >= 11 && name.length <= 15 && name.trim().toUpperCase() === 'NOTPROVIDED';
}

/** The payer names of a posting, each normalised once however many passes and orders look at them. */
export function payerNames(
  ev: Evidence,
  index: OrderIndex,
): { counterparty: PayerName | null; debtor: PayerName | null } {
  return (ev.payerNames ??= {
    counterparty: payerName(ev.posting.counterpartyName, index),
    debtor: payerName(ev.posting.ultimateDebtor, index),
  });
}

/**
 * A very common name matches many open orders; only the ones whose amount can explain the posting (alone or
 * as part of a combined payment) are worth ranking. Bounds the work per posting whatever the data.
 */
const PAYER_CAP = 16;

/**
 * A person's name of one token is a surname alone ("Familie Schneider", "HERR SCHNEIDER", or "Schneider GmbH"
 * with its legal form dropped): equal to a customer's one-token name it is a shared surname, which is not
 * agreement (names.ts compareNames) — partial. One-word companies still agree through the company field.
 */
export const surnameOnly = (tokens: readonly string[], payer: string, customer: string | null | undefined) =>
  tokens.length < 2 && (isSingleWordName(payer) || isSingleWordName(customer));

export type PayerKind = 'name_exact' | 'name_partial' | 'company';

/** Does the payer name the order's company, not only share its name (names.ts namesCompany)? */
export const companyNamed = (payer: string, entry: IndexedOrder): boolean =>
  namesCompany(payer, entry.order.company, entry.companyTokens.length);

/**
 * The signal of a payer name agreeing with an order's customer ("payer X") or company ("… is the customer's company"),
 * or naming the customer as a holder of a joint or sole trader's account (account-holders.ts: `holder`).
 */
export function payerSignal(kind: PayerKind, name: string, holder = false): Signal {
  return payerNameSignal(kind, name, holder);
}
/**
 * How the payer agrees with the orders a name reached: the kind, and (made on first use) its signal and a list of
 * just that signal, which every such order without other evidence shares. A common name reaches a dozen orders
 * and a posting that waits for later passes keeps them all: one list instead of one per order.
 */
type PayerHit =
  | {
      kind: PayerKind;
      name: string;
      signal: Signal | undefined;
      alone: Signal[] | undefined;
      /** The customer is a holder of the payer's joint or sole trader's account (account-holders.ts). */
      holder?: boolean;
    }
  | undefined;

/*
 * A common payer name reaches many open orders, and the evidence of a posting that is not decided at once lives
 * through several passes. The signal for "payer X" is the same for every order it reaches, so one (read-only)
 * signal object per payer and kind is shared instead of one per order: same content, far fewer objects.
 */
export function payerEvidence(
  posting: MatchPosting,
  index: OrderIndex,
  learned: LearnedFacts,
  out: Evidence,
): void {
  const names = payerNames(out, index);
  const learnedSignals = learnedFor(posting, names.counterparty, index, learned);
  // Which orders were offered already: only needed when a second source may repeat one (the ultimate debtor
  // reaches orders the counterparty reached; a learned fact names an order a name reached): the first counts.
  const seen = names.debtor || learnedSignals ? new Set<number>() : undefined;
  const picker = new PayerPicker(out, seen);
  if (names.counterparty) picker.offerPayer(names.counterparty, index);
  if (names.debtor) picker.offerPayer(names.debtor, index);
  if (learnedSignals)
    for (const id of learnedSignals.keys())
      if (!seen?.has(id)) picker.offer(id, index.openMinor(id), undefined);
  picker.addPicked(learnedSignals);
}

const NO_CUSTOMERS: readonly string[] = Object.freeze([]);
const NO_ENTRIES: readonly IndexedOrder[] = Object.freeze([]);

/**
 * Orders a learned fact names for this payer (IBAN, then name alias), with the signal; undefined when none. Nothing
 * learned applies to a money transfer service's collection account (payment-nature.ts).
 */
function learnedFor(
  posting: MatchPosting,
  counterparty: PayerName | null,
  index: OrderIndex,
  learned: LearnedFacts,
): Map<number, Signal> | undefined {
  if (learned.ibanToCustomers.size === 0 && learned.aliasToCustomers.size === 0) return undefined;
  let out: Map<number, Signal> | undefined;
  const iban = learned.ibanToCustomers.size > 0 ? normaliseIban(posting.counterpartyIban) : undefined;
  let ibanSignal: Signal | undefined;
  const byIban = (iban && learned.ibanToCustomers.get(iban)) || NO_CUSTOMERS;
  let sender: Sender | undefined;
  const alias = learned.aliasToCustomers.size > 0 ? (counterparty?.key ?? '') : '';
  const byAlias = (alias && learned.aliasToCustomers.get(alias)) || NO_CUSTOMERS;
  // The name is looked at only when a fact would apply (most payers have none): a regular expression per payer.
  if (byIban.length + byAlias.length === 0 || isMoneyTransferService(posting.counterpartyName))
    return undefined;
  for (let i = 0; i < byIban.length; i++) {
    const ck = byIban[i] as string;
    const entries = index.byCustomer.get(ck) ?? NO_ENTRIES;
    for (let j = 0; j < entries.length; j++) {
      const e = entries[j] as IndexedOrder;
      if (sameSender((sender ??= { payer: counterparty, surname: undefined, index, learned }), e, ck))
        (out ??= new Map()).set(e.order.id, (ibanSignal ??= learnedIbanSignal(iban ?? '')));
    }
  }
  let aliasSignal: Signal | undefined;
  for (let i = 0; i < byAlias.length; i++) {
    const ck = byAlias[i] as string;
    // The alias was learned with the IBAN it paid from: the same name from another IBAN than any learned for the
    // customer is a namesake ("Hans Vogel" is a common name), not who paid for the customer before.
    if (iban && learnedIbansOf(index, learned).get(ck)?.has(iban) === false) continue;
    const entries = index.byCustomer.get(ck) ?? NO_ENTRIES;
    for (let j = 0; j < entries.length; j++) {
      const e = entries[j] as IndexedOrder;
      if (!out?.has(e.order.id))
        (out ??= new Map()).set(e.order.id, (aliasSignal ??= learnedAliasSignal(alias)));
    }
  }
  return out;
}

/**
 * May the payer be whoever paid from this IBAN for the customer before? Yes without a name; with a name that agrees
 * with the customer's or the company's (names.ts compareNames, in part at least); and with a name each of whose words
 * is one of the customer's, the company's or of a payer name learned for the customer (learning keeps the name of a
 * payer other than the customer as an alias, with the IBAN): "H. Vogel" for Lena Vogel. A name with a word of its
 * own ("John Miller" where John Smith paid) is someone else paying from a shared account (a transfer service's
 * collection account, a company or family account): the IBAN says nothing about them.
 */
function sameSender(sender: Sender, e: IndexedOrder, customer: string): boolean {
  const payer = sender.payer;
  if (!payer || payer.tokens.length === 0) return true;
  if (compareNames(payer.tokens, e.tokens) !== 'none') return true;
  if (e.companyTokens.length > 0 && compareNames(payer.tokens, e.companyTokens) !== 'none') return true;
  // One household: the customer's surname ("Anna Müller" on the joint account Hans Müller paid from before).
  const surname = (sender.surname ??= surnameOf(payer.name) ?? null);
  if (surname !== null && surname === surnameOf(e.order.customerName)) return true;
  const aliases = aliasWordsOf(sender.index, sender.learned).get(customer);
  const tokens = payer.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (!e.tokens.includes(t) && !e.companyTokens.includes(t) && !aliases?.has(t)) return false;
  }
  return true;
}

/**
 * The surname of a person's name as written, folded (names.ts nameTokens): the word before a comma ("MUELLER, HANS"),
 * else the last word ("Anna Müller", "Anna Schmidt-Müller" -> its last part); undefined when there is none.
 */
function surnameOf(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  const comma = name.indexOf(',');
  const words = nameTokensInOrder(comma > 0 ? name.slice(0, comma) : name);
  return comma > 0 ? words[0] : words.at(-1);
}

/** The words of the payer names learned for each customer (customer key -> words), once per set of facts. */
/**
 * The payer as sameSender reads it for every order a learned IBAN names: the surname worked out once (null: none),
 * the words of the learned payer names kept on the run's index (one map a run, made on first use).
 */
type Sender = {
  payer: PayerName | null;
  surname: string | null | undefined;
  index: OrderIndex;
  learned: LearnedFacts;
};

/**
 * A learned map (IBAN or alias -> customers) turned round: customer key -> the parts of the keys learned for it
 * (`partsOf`: the IBAN itself, or an alias's words).
 */
function byCustomer(
  facts: ReadonlyMap<string, readonly string[]>,
  partsOf: (key: string) => readonly string[],
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, customers] of facts)
    for (const c of customers) {
      let set = out.get(c);
      if (!set) out.set(c, (set = new Set()));
      for (const part of partsOf(key)) set.add(part);
    }
  return out;
}

/** The IBANs learned for each customer, made on first use for the run. */
const learnedIbansOf = (index: OrderIndex, learned: LearnedFacts) =>
  (index.learnedIbans ??= byCustomer(learned.ibanToCustomers, (iban) => [iban]));

/** The words of the payer names learned for each customer, made on first use for the run. */
const aliasWordsOf = (index: OrderIndex, learned: LearnedFacts) =>
  (index.aliasWords ??= byCustomer(learned.aliasToCustomers, (alias) => alias.split(' ')));

type Picked = { id: number; hit: PayerHit; distance: number };

/**
 * The payer's orders worth ranking, picked as they are found: those the amount can pay alone (within tolerance)
 * or as part of a combined payment, and those already named by number (the PAYER_CAP closest amounts), plus
 * the two others with the closest amounts for the queue; all of them when there are at most four. A common
 * name that reaches a hundred open orders so costs one comparison per order, and no more memory than a rare one.
 * It is also the visitor of the name index (OrderIndex.forPayerName), one object per posting: the payer whose
 * orders are being visited, and that payer's three signals, are fields of it.
 */
class PayerPicker implements PayerNameVisitor {
  private count = 0;
  /** The first four in the order found (all of them are kept when there are no more). */
  private readonly first: Picked[] = [];
  /** Best first by (distance, order id), at most PAYER_CAP and 2. */
  private readonly fits: Picked[] = [];
  private readonly others: Picked[] = [];
  private readonly paid: number;
  private readonly limit: number;
  private payer: PayerName | undefined;
  private index: OrderIndex | undefined;
  private exact: PayerHit;
  private partial: PayerHit;
  private company: PayerHit;
  /** The customers a joint or sole trader's account of the payer stands for: worked out on a partial agreement. */
  private holders: string[][] | null | undefined;
  /** The hit of an order whose customer holds the payer's account (name_exact unless `heldConflict`). */
  private held: PayerHit;
  /** Another order the name reaches in part only could be what was paid: no holder is taken as the payer. */
  private heldConflict = false;

  constructor(
    private readonly out: Evidence,
    private readonly seen: Set<number> | undefined,
  ) {
    this.paid = out.openMinor;
    this.limit = this.paid + Math.max(100, Math.ceil(this.paid * 0.05));
  }

  offerPayer(payer: PayerName, index: OrderIndex): void {
    this.payer = payer;
    this.index = index;
    this.exact = this.partial = this.company = this.held = undefined;
    this.holders = undefined;
    this.heldConflict = false;
    index.forPayerName(payer.tokens, payer.key, this);
    // (The visits set `held`; read through a cast, as the assignment above would narrow it to undefined.)
    const held = this.held as PayerHit;
    // Its signal is made when the picked orders are added (addSignals): the orders that share it turn partial.
    if (held && this.heldConflict) {
      held.kind = 'name_partial';
      held.holder = false;
    }
  }

  /*
   * Reads the order's id and open amount by its slot, not from its entry: a common name's bucket holds a hundred
   * orders or more, whose entries lie all over the heap. The entry is read only for a one-token payer name that
   * agrees exactly (surnameOnly looks at the customer's name then).
   */
  visit(slot: number, viaCompany: boolean, agreement: 'exact' | 'partial'): void {
    const index = this.index as OrderIndex;
    const id = index.idAt(slot);
    const seen = this.seen;
    if (seen) {
      if (seen.has(id)) return;
      seen.add(id);
    }
    const { name, tokens } = this.payer as PayerName;
    const hit = viaCompany
      ? companyNamed(name, index.entryAt(slot))
        ? (this.company ??= { kind: 'company', name, signal: undefined, alone: undefined })
        : (this.partial ??= { kind: 'name_partial', name, signal: undefined, alone: undefined })
      : agreement === 'exact' &&
          !(tokens.length < 2 && surnameOnly(tokens, name, index.entryAt(slot).order.customerName))
        ? (this.exact ??= { kind: 'name_exact', name, signal: undefined, alone: undefined })
        : this.partialOrHeld(slot);
    this.offer(id, index.openAt(slot), hit);
  }

  /**
   * The hit of an order the payer's name agrees with in part: name_exact when its customer holds the payer's joint
   * or sole trader's account ("Hans u. Petra Müller" for Hans Müller: account-holders.ts), else name_partial. A
   * holder counts only while no other order reached in part has an amount that may be what was paid (within the
   * picker's tolerance: the trade name before "Inh." or a second surname may be another customer's name): then the
   * holders stay partial as well.
   */
  private partialOrHeld(slot: number): PayerHit {
    const index = this.index as OrderIndex;
    const name = (this.payer as PayerName).name;
    if (this.holders === undefined) this.holders = accountHolders(name) ?? null;
    if (this.holders !== null) {
      if (isHolder(this.holders, index.entryAt(slot).tokens))
        return (this.held ??= {
          kind: 'name_exact',
          name,
          signal: undefined,
          alone: undefined,
          holder: true,
        });
      // Within the tolerance PayerPicker reads amounts with (its limit), above or below the amount paid.
      if (Math.abs(index.openAt(slot) - this.paid) <= this.limit - this.paid) this.heldConflict = true;
    }
    return (this.partial ??= { kind: 'name_partial', name, signal: undefined, alone: undefined });
  }

  offer(id: number, open: number, hit: PayerHit): void {
    const distance = Math.abs(open - this.paid);
    this.count++;
    const fits = this.out.signals.has(id) || (open > 0 && open <= this.limit);
    const list = fits ? this.fits : this.others;
    const cap = fits ? PAYER_CAP : 2;
    // Most offers of a common name lose to the last kept at once: then no object is made for them.
    const last = list[list.length - 1];
    const kept = !(list.length >= cap && last && !ranksBefore(distance, id, last));
    if (this.first.length >= 4 && !kept) return;
    const p: Picked = { id, hit, distance };
    if (this.first.length < 4) this.first.push(p);
    if (kept) insertBounded(list, cap, p);
  }

  /** Adds the signals of the picked orders (and what learned facts say of them) to the posting's evidence. */
  addPicked(learnedSignals: Map<number, Signal> | undefined): void {
    if (this.count <= 4) addSignals(this.out, this.first, learnedSignals);
    else {
      addSignals(this.out, this.fits, learnedSignals);
      addSignals(this.out, this.others, learnedSignals);
    }
  }
}

function addSignals(
  out: Evidence,
  picked: readonly Picked[],
  learnedSignals: Map<number, Signal> | undefined,
): void {
  for (let i = 0; i < picked.length; i++) {
    const { id, hit } = picked[i] as Picked;
    if (hit) {
      const s = (hit.signal ??= payerSignal(hit.kind, hit.name, hit.holder === true));
      add(out.signals, id, s, (hit.alone ??= [s]));
    }
    const l = learnedSignals?.get(id);
    if (l) add(out.signals, id, l);
  }
}

/** Does (distance, id) come before `p`? (A module function: called once per order a payer name reaches.) */
function ranksBefore(distance: number, id: number, p: Picked): boolean {
  return distance < p.distance || (distance === p.distance && id < p.id);
}

/**
 * Inserts `p` into a list kept sorted by (distance, id) and cut at `cap` (the caller checked that it is kept),
 * moving the ones after it by hand: splice would make an array of the removed ones on every call.
 */
function insertBounded(list: Picked[], cap: number, p: Picked): void {
  let at = list.length;
  while (at > 0 && ranksBefore(p.distance, p.id, list[at - 1] as Picked)) at--;
  list.push(p);
  for (let i = list.length - 1; i > at; i--) list[i] = list[i - 1] as Picked;
  list[at] = p;
  if (list.length > cap) list.pop();
}
